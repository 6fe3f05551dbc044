package org.batchopt.kernel;

/**
 * An objective fitted to a dataset shared by every member: one of the {@link KernelModel}s over {@link #training}
 * rows, with its settings. It is an {@link ObjectiveSource} only so that an {@code Objective} can carry it, and its
 * {@link #twin64} is the full-batch loss for {@code Objective.value} and {@code gradient}; the backends run it
 * differently, as the strategy {@code BATCHED}: the per-member contract of {@code ObjectiveSource} (each work-item
 * evaluates f and its gradient alone) would have every member stream the whole dataset by itself, while the
 * members of a block evaluated together are two matrix products per step over data read once
 * ({@code kernels/data.cl}; twin {@link #dataTwin64}). {@link #kernelSource} is therefore not an
 * {@code obj_value_grad} but the model's {@code #define}s for {@code data.cl}.
 *
 * <p>Coordinates: class c's weights {@code w_c0 .. w_c(F-1)} then, with an intercept, {@code b_c}, class after
 * class; {@link #penalized} is false exactly for the intercepts.
 */
public interface DataObjectiveSource extends ObjectiveSource {

    KernelModel model();

    /** F, the features of a row. */
    int features();

    /** C, the outputs: the classes of a softmax model, 1 otherwise. */
    int outputs();

    boolean intercept();

    /** Coordinates per output: F, plus 1 with an intercept. */
    default int stride() {
        return features() + (intercept() ? 1 : 0);
    }

    /** The rows the members are fitted to. */
    DataRows training();

    /** The rows they are evaluated on, or null. */
    DataRows validation();

    /** Rows per minibatch, 0 for full-batch steps. */
    int batchSize();

    /** The seed of the minibatches' row order. */
    long seed();

    /** Evaluate every member's training and validation loss every this many steps, 0 for none but the last. */
    int evaluateEvery();

    /** Stop a member whose validation loss did not improve in this many evaluations, keeping its best point; 0: never. */
    int patience();

    /** Steps per pass over the training rows. */
    default int stepsPerEpoch() {
        int b = batchSize();
        int n = training().rows();
        return b == 0 || b >= n ? 1 : (n + b - 1) / b;
    }

    @Override
    default boolean penalized(int i) {
        return !intercept() || i % stride() != features();
    }

    /** The batched fp64 twin of {@code kernels/data.cl}, for up to {@code lanes} members at once. */
    DataTwin64 dataTwin64(int lanes);

    /** The batched fp32 twin of {@code kernels/data.cl}, for up to {@code lanes} members at once. */
    DataTwin32 dataTwin32(int lanes);
}
