package org.batchopt.kernel;

import java.util.List;
import org.batchopt.kernel.ObjectiveTwin32;
import org.batchopt.kernel.ObjectiveTwin64;

/**
 * An objective as every backend needs it: kernel source for the devices and lane-form twins for the CPU,
 * computing the same operations in the same order. Built-in objectives, expressions and user kernels all
 * arrive through this interface, so the backends never know which kind they run.
 *
 * <p>The kernel source defines, in the portable OpenCL C subset of {@code kernels/}:
 * <pre>
 *   BO_FN real obj_value(OBJ_X_PARAMS)        f at x
 *   BO_FN real obj_value_grad(OBJ_XG_PARAMS)  f at x, and the gradient written to G(i)
 * </pre>
 * reading coordinates as {@code X(i)} for {@code 0 <= i < DIM}, the member's named parameters as
 * {@code hp[HP_<name>]}, literals as {@code R(v)}, and only the functions of {@code kernels/math.cl}
 * ({@code bo_sin}, {@code bo_cos}, {@code bo_exp}, {@code bo_expm1}, {@code bo_log}, {@code bo_log1p},
 * {@code bo_tanh}, {@code bo_softplus}, {@code bo_sigmoid}, {@code bo_pow}, {@code bo_pown}, {@code bo_sign})
 * besides {@code sqrt} and {@code fabs}.
 */
public interface ObjectiveSource {

    /** Identifier, part of program cache keys. */
    String id();

    /** The kernel source. */
    String kernelSource();

    /** The named parameters the source reads ({@code hp[HP_<name>]}), in the order of their twins' slots. */
    default List<String> parameters() {
        return List.of();
    }

    ObjectiveTwin64 twin64(int dimension);

    ObjectiveTwin32 twin32(int dimension);

    /**
     * Whether coordinate {@code i} carries the regularization penalties (L1, L2, weight decay, decoupled weight
     * decay); true for every coordinate but a model's intercepts, which are never penalized.
     */
    default boolean penalized(int i) {
        return true;
    }
}
