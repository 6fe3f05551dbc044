package org.batchopt.kernel;

import java.util.List;
import org.batchopt.kernel.ConstraintTwin32;
import org.batchopt.kernel.ConstraintTwin64;

/**
 * A run's general constraints as every backend needs them, the way {@link ObjectiveSource} carries an objective:
 * kernel source for the devices and lane-form twins for the CPU. Constraint j is {@code c_j(x) = 0} when it is an
 * equality and {@code c_j(x) <= 0} when it is an inequality, {@code c_j} its left side minus its bound (or the bound
 * minus the left side, for {@code >=}).
 *
 * <p>The kernel source defines, after {@code kernels/constraints.cl}'s {@code bo_con_weight}:
 * <pre>
 *   BO_FN void con_j(OBJ_XG_PARAMS, CON_PARAMS, const int due, const real tol)  one per constraint
 *   BO_FN void con_all(OBJ_XG_PARAMS, CON_PARAMS, const int s, const real tol)  after s updates:
 *       due = bo_con_due(hp, CON_ARGS, s), then con_0 .. con_{J-1} in order
 * </pre>
 * where {@code con_j} computes the left side e and the value c at x, the weight
 * {@code w = bo_con_weight(j, inequality, e, c, hp, CON_ARGS, due, tol)} (tol the feasibility tolerance) and adds
 * {@code w * grad c} to {@code G(i)}.
 */
public interface ConstraintSource {

    /** Identifier, part of program cache keys. */
    String id();

    /** The number of constraints, J. */
    int count();

    /** Whether constraint j is an inequality {@code c_j <= 0} (otherwise an equality). */
    boolean inequality(int j);

    /** The kernel source. */
    String kernelSource();

    /** The named parameters the constraints may read, in the order of their twins' slots. */
    List<String> parameters();

    ConstraintTwin64 twin64(int dimension);

    ConstraintTwin32 twin32(int dimension);
}
