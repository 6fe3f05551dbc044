package org.batchopt.backend;

import org.batchopt.Precision;
import org.batchopt.Strategy;

/**
 * Where a plan's members live in device memory (kernels/fused.cl): structure of arrays over the block's members,
 * per member {@code dimension} reals of x, {@link #stateReals} of rule state, f and the gradient norm, status,
 * steps and an active-list entry, and its per-member hyperparameters; the streaming strategy adds the gradient
 * and the step scalars; general constraints add their state ({@link org.batchopt.kernel.ConstraintSlots}). The uniform
 * hyperparameters and the projection's data are stored once.
 *
 * @param realBytes       bytes per real (4 or 8)
 * @param stateReals      coordinate and member state slots per member
 * @param perMemberParams per-member hyperparameters per member
 * @param uniformParams   reals of the uniform hyperparameter array (at least 1)
 * @param stepScalars     step scalars per member in the streaming strategy, 0 in the fused one
 * @param constraintReals reals of constraint state per member, 0 without general constraints
 * @param projectionReals reals of the projection's data (at least 1)
 */
public record DeviceLayout(int dimension, int realBytes, int stateReals, int perMemberParams, int uniformParams,
                           boolean streaming, int stepScalars, int constraintReals, int projectionReals) {

    static DeviceLayout of(KernelShape shape, Strategy strategy, Precision precision) {
        boolean streaming = strategy == Strategy.STREAMING;
        int projection = switch (shape.projection()) {
            case NONE -> 1;
            case BOX -> 2 * shape.dimension();
            case SIMPLEX -> 1;
        };
        return new DeviceLayout(shape.dimension(), precision.bytes(), shape.stateReals(),
                shape.params().perMemberCount(), Math.max(1, shape.params().count()), streaming,
                streaming ? shape.stepScalars() : 0, shape.constraintSlots().reals(), projection);
    }

    /** Reals the streaming strategy adds per member: the gradient and the step scalars. */
    public int streamingReals() {
        return streaming ? dimension + stepScalars : 0;
    }

    /** Device bytes per member, every array together. */
    public long bytesPerMember() {
        long reals = dimension + (long) stateReals + 2 + streamingReals() + perMemberParams + constraintReals;
        return reals * realBytes + 3L * Integer.BYTES;
    }

    /** Bytes per member of the largest single device array. */
    public long largestArrayBytesPerMember() {
        return Math.max(Math.max(dimension, constraintReals), Math.max(stateReals, streamingReals())) * (long) realBytes;
    }

    /** Bytes per member of the largest host copy (x, the per-member hyperparameters, the constraint state). */
    public long largestHostCopyBytesPerMember() {
        return Math.max(Math.max(dimension, constraintReals), perMemberParams) * (long) realBytes;
    }
}
