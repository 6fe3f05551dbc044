package org.batchopt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How general constraints ({@link Constraint.General}) are solved: the augmented Lagrangian method (the method of
 * multipliers), with every member's multipliers and penalties its own, on the device.
 *
 * <p>With F the minimized objective (f, or -f when maximizing) and each constraint as {@code c_j(x) = 0} or
 * {@code c_j(x) <= 0} ({@code c_j} = left - bound, or bound - left for {@code >=}), the update rule minimizes
 * <pre>
 *   L(x) = F(x) + sum_j [lambda_j c_j + (rho_j/2) c_j^2]                                    (equalities)
 *               + sum_j [(rho_j/2) max(0, c_j + lambda_j/rho_j)^2 - lambda_j^2/(2 rho_j)]   (inequalities)
 * </pre>
 * for {@link #innerSteps} steps, then moves every multiplier to {@code lambda_j + rho_j c_j} (for an inequality at
 * least 0) and multiplies {@code rho_j} by {@link #rhoGrowth} (up to 1e8) when constraint j's violation did not fall
 * to half of what it was at the previous update. Multipliers start at 0, penalties at {@link #rho}. The gradient the
 * rule receives is the Lagrangian's at the current multiplier estimates, and its norm is what the gradient tolerance
 * tests; a member converges (by gradient or by value) only while its largest violation is at most
 * {@link #feasibilityTolerance}, and one still above it when its steps run out ends {@link Status#INFEASIBLE}.
 *
 * <p>Results report per member the multipliers in the sign convention of {@link Constraints}, the constraints' left
 * sides, the largest violation and the KKT residual (the largest of the Lagrangian's gradient norm, |c_j| of the
 * equalities and |min(-c_j, lambda_j)| of the inequalities).
 *
 * @param rho                  initial penalty rho_0, finite and &gt; 0; per member for a grid
 * @param rhoGrowth            penalty growth factor, finite and &gt;= 1 (1: rho stays rho_0)
 * @param innerSteps           steps of the rule between multiplier updates, K, an integer &gt;= 1
 * @param feasibilityTolerance the largest violation a feasible member may have, finite and &gt; 0
 */
public record AugmentedLagrangian(Param rho, Param rhoGrowth, Param innerSteps, double feasibilityTolerance) {
    /**
     * rho 10, no growth (1), 50 inner steps, feasibility tolerance 1e-4. Without growth the penalty stays moderate,
     * which first-order rules with a fixed learning rate need: a growing penalty stiffens the problem they step on.
     */
    public static final AugmentedLagrangian DEFAULTS = new AugmentedLagrangian(Param.of(10), Param.of(1),
            Param.of(50), 1e-4);

    /**
     * The settings as given.
     *
     * @param rho                  initial penalty rho_0, finite and &gt; 0
     * @param rhoGrowth            penalty growth factor, finite and &gt;= 1
     * @param innerSteps           steps between multiplier updates, an integer &gt;= 1
     * @param feasibilityTolerance the largest violation of a feasible member, finite and &gt; 0
     * @throws IllegalArgumentException for a value out of its range (above), naming it
     * @throws NullPointerException     when a {@code Param} is null
     */
    public AugmentedLagrangian {
        Objects.requireNonNull(rho, "rho").require(Hyperparameter.RHO.id(), v -> v > 0 && Double.isFinite(v),
                "the penalty must be finite and > 0");
        Objects.requireNonNull(rhoGrowth, "rhoGrowth").require(Hyperparameter.RHO_GROWTH.id(),
                v -> v >= 1 && Double.isFinite(v), "the growth factor must be finite and >= 1");
        Objects.requireNonNull(innerSteps, "innerSteps").require(Hyperparameter.INNER_STEPS.id(),
                v -> v >= 1 && v <= Integer.MAX_VALUE && v == Math.rint(v), "the inner steps must be an integer >= 1");
        if (!(feasibilityTolerance > 0) || Double.isInfinite(feasibilityTolerance)) {
            throw new IllegalArgumentException("feasibility tolerance " + feasibilityTolerance
                    + " must be finite and > 0");
        }
    }

    /**
     * These settings with another initial penalty.
     *
     * @param p rho_0, one value or one per member
     * @return new settings
     */
    public AugmentedLagrangian withRho(Param p) {
        return new AugmentedLagrangian(p, rhoGrowth, innerSteps, feasibilityTolerance);
    }

    /**
     * These settings with another penalty growth factor.
     *
     * @param p the factor, one value or one per member
     * @return new settings
     */
    public AugmentedLagrangian withRhoGrowth(Param p) {
        return new AugmentedLagrangian(rho, p, innerSteps, feasibilityTolerance);
    }

    /**
     * These settings with another number of steps between multiplier updates.
     *
     * @param p K, one value or one per member
     * @return new settings
     */
    public AugmentedLagrangian withInnerSteps(Param p) {
        return new AugmentedLagrangian(rho, rhoGrowth, p, feasibilityTolerance);
    }

    /**
     * These settings with another feasibility tolerance.
     *
     * @param tolerance the largest violation of a feasible member
     * @return new settings
     */
    public AugmentedLagrangian withFeasibilityTolerance(double tolerance) {
        return new AugmentedLagrangian(rho, rhoGrowth, innerSteps, tolerance);
    }

    /**
     * The per-member settings as hyperparameters.
     *
     * @return rho, rho_growth, inner_steps by their {@link Hyperparameter}s, in kernel order
     */
    public Map<Hyperparameter, Param> parameters() {
        Map<Hyperparameter, Param> p = new LinkedHashMap<>();
        p.put(Hyperparameter.RHO, rho);
        p.put(Hyperparameter.RHO_GROWTH, rhoGrowth);
        p.put(Hyperparameter.INNER_STEPS, innerSteps);
        return p;
    }
}
