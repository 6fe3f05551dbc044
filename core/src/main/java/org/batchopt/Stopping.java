package org.batchopt;

/**
 * When a member stops. Checked after every evaluation of f and its gradient at the current x:
 * <ol>
 *   <li>f, x or the gradient non-finite: {@link Status#DIVERGED};</li>
 *   <li>{@code ||g|| <= gradientTolerance}: {@link Status#CONVERGED_GRADIENT}, where g is the gradient the
 *       update rule receives (objective gradient plus the L1 and L2 terms of the regularization);</li>
 *   <li>after the first step, {@code |f_t - f_(t-1)| <= valueTolerance * (1 + |f_t|)}:
 *       {@link Status#CONVERGED_VALUE};</li>
 *   <li>{@code maxSteps} updates done: {@link Status#MAX_STEPS}.</li>
 * </ol>
 * A member therefore always ends with f and the gradient norm evaluated at its final x.
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
