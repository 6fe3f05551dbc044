package org.batchopt.backend;

import org.batchopt.Precision;
import org.batchopt.Strategy;
import org.batchopt.kernel.DataObjectiveSource;
import org.batchopt.kernel.KernelModel;
import org.batchopt.kernel.ObjectiveSource;

/**
 * Where a plan's members live in device memory (kernels/fused.cl): structure of arrays over the block's members,
 * per member {@code dimension} reals of x, {@link #stateReals} of rule state, f and the gradient norm, status,
 * steps and an active-list entry, and its per-member hyperparameters; the streaming strategy adds the gradient
 * and the step scalars; general constraints add their state ({@link org.batchopt.kernel.ConstraintSlots}). The uniform
 * hyperparameters and the projection's data are stored once. The batched strategy (kernels/data.cl) also keeps, per
 * member, the outputs and losses of a pass of {@link #passRows} rows and their chunk sums, and once for the block the
 * dataset ({@link #fixedBytes}).
 *
 * @param realBytes       bytes per real (4 or 8)
 * @param stateReals      coordinate and member state slots per member
 * @param perMemberParams per-member hyperparameters per member
 * @param uniformParams   reals of the uniform hyperparameter array (at least 1)
 * @param stepScalars     step scalars per member in the streaming strategy, 0 in the fused one
 * @param constraintReals reals of constraint state per member, 0 without general constraints
 * @param projectionReals reals of the projection's data (at least 1)
 * @param passRows        rows per pass of the batched strategy, a multiple of {@link KernelModel#ROW_CHUNK}; else 0
 * @param outputs         a batched model's outputs per row (its classes, or 1); else 0
 * @param fixedBytes      device bytes that do not grow with the members: the dataset of the batched strategy
 */
public record DeviceLayout(int dimension, int realBytes, int stateReals, int perMemberParams, int uniformParams,
                           boolean streaming, int stepScalars, int constraintReals, int projectionReals, int passRows,
                           int outputs, long fixedBytes) {
    /** The most rows of one pass of the batched strategy. */
    static final int PASS_ROWS = 8192;

    static DeviceLayout of(ObjectiveSource objective, KernelShape shape, Strategy strategy, Precision precision) {
        boolean streaming = strategy != Strategy.FUSED;
        int passRows = 0;
        int outputs = 0;
        long fixed = 0;
        if (strategy == Strategy.BATCHED) {
            DataObjectiveSource d = (DataObjectiveSource) objective;
            int most = Math.max(d.training().rows(), d.validation() == null ? 0 : d.validation().rows());
            int chunk = KernelModel.ROW_CHUNK;
            passRows = (int) Math.min(PASS_ROWS, ((long) most + chunk - 1) / chunk * chunk);
            outputs = d.outputs();
            long values = (long) d.training().rows() * (d.features() + 1);
            if (d.validation() != null) {
                values += (long) d.validation().rows() * (d.features() + 1);
            }
            fixed = values * precision.bytes() + (long) d.training().rows() * Integer.BYTES;
        }
        int projection = switch (shape.projection()) {
            case NONE -> 1;
            case BOX -> 2 * shape.dimension();
            case SIMPLEX -> 1;
        };
        return new DeviceLayout(shape.dimension(), precision.bytes(), shape.stateReals(),
                shape.params().perMemberCount(), Math.max(1, shape.params().count()), streaming,
                streaming ? shape.stepScalars() : 0, shape.constraintSlots().reals(), projection, passRows, outputs,
                fixed);
    }

    /** Reals the streaming strategy adds per member: the gradient and the step scalars. */
    public int streamingReals() {
        return streaming ? dimension + stepScalars : 0;
    }

    /** Chunks of a pass of the batched strategy. */
    public int passChunks() {
        return passRows / KernelModel.ROW_CHUNK;
    }

    /** Reals the batched strategy adds per member: outputs, losses, rows right, chunk sums, two totals. */
    public long batchedReals() {
        return passRows == 0 ? 0 : (long) passRows * (outputs + 2) + passChunks() + 2;
    }

    /** Device bytes per member, every array together. */
    public long bytesPerMember() {
        long reals = dimension + (long) stateReals + 2 + streamingReals() + perMemberParams + constraintReals
                + batchedReals();
        return reals * realBytes + (passRows == 0 ? 3L : 4L) * Integer.BYTES;
    }

    /** Bytes per member of the largest single device array. */
    public long largestArrayBytesPerMember() {
        long outputsReals = (long) passRows * outputs;
        return Math.max(Math.max(Math.max(dimension, constraintReals), Math.max(stateReals, streamingReals())),
                outputsReals) * (long) realBytes;
    }

    /** Bytes per member of the largest host copy (x, the per-member hyperparameters, the constraint state). */
    public long largestHostCopyBytesPerMember() {
        return Math.max(Math.max(dimension, constraintReals), perMemberParams) * (long) realBytes;
    }
}
