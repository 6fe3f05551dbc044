package org.batchopt;

/**
 * When a member stops. Checked after every evaluation of f and its gradient at the current x:
 * <ol>
 *   <li>f, a coordinate of x or a component of the gradient non-finite: {@link Status#DIVERGED};</li>
 *   <li>{@code ||r|| <= gradientTolerance}: {@link Status#CONVERGED_GRADIENT}, where r is the gradient of what the
 *       member minimizes (see below);</li>
 *   <li>after the first step, {@code |f_t - f_(t-1)| <= valueTolerance * (1 + |f_t|)}:
 *       {@link Status#CONVERGED_VALUE};</li>
 *   <li>{@code maxSteps} updates done: {@link Status#MAX_STEPS}.</li>
 * </ol>
 * A member therefore always ends with f and the gradient norm evaluated at its final x.
 *
 * <p>The stopping gradient r, coordinate by coordinate, from the objective's gradient g (negated when maximizing):
 * <ul>
 *   <li>{@code g + l1*sign(x)} for the L1 subgradient and {@code + l2*x} for L2, as the rule receives them;</li>
 *   <li>{@code + weight_decay*x} for torch's coupled weight decay of every rule but AdamW: the gradient of
 *       {@code f + weight_decay/2*|x|^2};</li>
 *   <li>{@code + wd*d_i*x} for decoupled weight decay ({@code decoupledWeightDecay}, and AdamW's weight decay),
 *       {@code d_i} the rule's diagonal scaling of the coordinate (the step moves x by {@code -lr_t*g/d_i} once
 *       the rule's moments have settled: 1 for plain SGD, {@code sqrt(vhat) + eps} for Adam and AdamW, each rule's
 *       in {@code kernels/rules.cl}), read from the rule's state (taken as settled on the current gradient
 *       before the first update). A decayed step {@code x*(1 - lr_t*wd) - lr_t*g/d} stands still exactly where
 *       {@code g + wd*d*x = 0}, that is where the scaled gradient {@code g/d} equals {@code -wd*x}: the gradient of
 *       {@code f + wd/2 * sum_i d_i x_i^2} with the metric d held fixed. For plain SGD that is
 *       {@code f + wd/2*|x|^2}; for AdamW it is not (with f = (x-1)^2 and wd = 4 AdamW stops at x = 0.25, the L2
 *       optimum is 1/3). With both decays, wd is their sum;</li>
 *   <li>with the L1 proximal step, the least-norm subgradient of the L1 term: {@code + l1*sign(x)} where x is not
 *       0, and where it is, {@code sign(g)*max(|g| - l1, 0)} (zero at a lasso solution).</li>
 * </ul>
 * {@link Result#gradientNorm} reports the norm of r, computed without overflow: where the sum of squares exceeds
 * the precision's range, the norm is taken again as {@code a*sqrt(sum (r_i/a)^2)} with {@code a = max |r_i|}.
 *
 * @param maxSteps          the most updates a member takes, at least 0
 * @param gradientTolerance gradient-norm tolerance; 0 disables the test
 * @param valueTolerance    relative f-change tolerance; 0 disables the test
 */
public record Stopping(int maxSteps, double gradientTolerance, double valueTolerance) {

    /**
     * Checks the values.
     *
     * @param maxSteps          the most updates a member takes, at least 0
     * @param gradientTolerance gradient-norm tolerance; 0 disables the test
     * @param valueTolerance    relative f-change tolerance; 0 disables the test
     * @throws IllegalArgumentException naming the value when {@code maxSteps < 0} or a tolerance is negative, NaN
     *                                  or infinite
     */
    public Stopping {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("max steps " + maxSteps + " must be at least 0");
        }
        if (!(gradientTolerance >= 0) || Double.isInfinite(gradientTolerance)) {
            throw new IllegalArgumentException("gradient tolerance " + gradientTolerance + " must be finite and >= 0");
        }
        if (!(valueTolerance >= 0) || Double.isInfinite(valueTolerance)) {
            throw new IllegalArgumentException("value tolerance " + valueTolerance + " must be finite and >= 0");
        }
    }

    /**
     * Stop after {@code steps} updates, with no tolerance test.
     *
     * @param steps the most updates a member takes, at least 0 (0: f and the gradient at the start only)
     * @return the stopping rule
     * @throws IllegalArgumentException when {@code steps < 0}
     */
    public static Stopping maxSteps(int steps) {
        return new Stopping(steps, 0, 0);
    }

    /**
     * This stopping rule with a gradient-norm tolerance; this one is not modified.
     *
     * @param tolerance gradient-norm tolerance, finite and {@code >= 0}; 0 disables the test
     * @return a new stopping rule
     * @throws IllegalArgumentException when {@code tolerance} is negative, NaN or infinite
     */
    public Stopping gradientTolerance(double tolerance) {
        return new Stopping(maxSteps, tolerance, valueTolerance);
    }

    /**
     * This stopping rule with a relative f-change tolerance; this one is not modified.
     *
     * @param tolerance relative f-change tolerance, finite and {@code >= 0}; 0 disables the test
     * @return a new stopping rule
     * @throws IllegalArgumentException when {@code tolerance} is negative, NaN or infinite
     */
    public Stopping valueTolerance(double tolerance) {
        return new Stopping(maxSteps, gradientTolerance, tolerance);
    }
}
