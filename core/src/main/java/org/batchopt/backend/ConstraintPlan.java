package org.batchopt.backend;

import org.batchopt.kernel.ConstraintSource;
import org.batchopt.kernel.KernelProjection;

/**
 * What constrains a run's members: the projection after every step and its data, the general constraints and the
 * tolerance on their violation. Immutable (the data array is the plan's; nobody writes it).
 *
 * @param projection           NONE, BOX or SIMPLEX
 * @param projectionData       the box's lower bounds then its upper bounds (2D reals), or the simplex's sum (one)
 * @param source               the general constraints, null for none
 * @param feasibilityTolerance the largest violation of a feasible member
 */
public record ConstraintPlan(KernelProjection projection, double[] projectionData, ConstraintSource source,
                             double feasibilityTolerance) {
    /** No projection and no general constraint. */
    public static final ConstraintPlan NONE = new ConstraintPlan(KernelProjection.NONE, new double[0], null, 0);

    /** The number of general constraints. */
    public int count() {
        return source == null ? 0 : source.count();
    }
}
