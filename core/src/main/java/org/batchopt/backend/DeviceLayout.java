package org.batchopt.backend;

import org.batchopt.Precision;
import org.batchopt.Strategy;

/**
 * Where a plan's members live in device memory (kernels/fused.cl): structure of arrays over the block's members,
 * per member {@code dimension} reals of x, {@link #stateReals} of rule state, f and the gradient norm, status,
 * steps and an active-list entry, and its per-member hyperparameters; the streaming strategy adds the gradient
 * and the step scalars. The uniform hyperparameters are stored once.
 *
 * @param realBytes       bytes per real (4 or 8)
 * @param stateReals      coordinate and member state slots per member
 * @param perMemberParams per-member hyperparameters per member
 * @param uniformParams   reals of the uniform hyperparameter array (at least 1)
 * @param stepScalars     step scalars per member in the streaming strategy, 0 in the fused one
 */
public record DeviceLayout(int dimension, int realBytes, int stateReals, int perMemberParams, int uniformParams,
                           boolean streaming, int stepScalars) {

    static DeviceLayout of(KernelShape shape, Strategy strategy, Precision precision) {
        boolean streaming = strategy == Strategy.STREAMING;
        return new DeviceLayout(shape.dimension(), precision.bytes(), shape.stateReals(),
                shape.params().perMemberCount(), Math.max(1, shape.params().count()), streaming,
                streaming ? shape.stepScalars() : 0);
    }

    /** Reals the streaming strategy adds per member: the gradient and the step scalars. */
    public int streamingReals() {
        return streaming ? dimension + stepScalars : 0;
    }

    /** Device bytes per member, every array together. */
    public long bytesPerMember() {
        long reals = dimension + (long) stateReals + 2 + streamingReals() + perMemberParams;
        return reals * realBytes + 3L * Integer.BYTES;
    }

    /** Bytes per member of the largest single device array. */
    public long largestArrayBytesPerMember() {
        return Math.max(dimension, Math.max(stateReals, streamingReals())) * (long) realBytes;
    }

    /** Bytes per member of the largest host copy (x, or the per-member hyperparameters). */
    public long largestHostCopyBytesPerMember() {
        return Math.max(dimension, perMemberParams) * (long) realBytes;
    }
}
