package org.batchopt;

/**
 * How the members of a run over a {@link Dataset} see its rows: with an intercept or not, full-batch steps or
 * minibatches, and when their losses are evaluated. Immutable; each method returns a changed copy.
 *
 * <p>Minibatches: each epoch takes the training rows in a new order keyed by (seed, epoch), {@code batchSize} at a
 * time (the last batch of an epoch may be smaller), the same rows for every member at every step, so that members
 * compare like with like and a member's trajectory depends on its own inputs only.
 *
 * <p>Evaluations: every {@code evaluateEvery} steps (from step 0) and at its end, each member's training loss (every
 * training row) and validation loss and accuracy are recorded: the learning curves of {@link Models#history}.
 * With {@code patience} K a member stops ({@link Status#STOPPED_EARLY}) when its validation loss has not improved
 * in K evaluations, and every member reports its best point by validation loss (with that point's losses).
 *
 * @param intercept     whether the model has an intercept per output (never penalized)
 * @param batchSize     rows per minibatch, 0 for full-batch steps
 * @param seed          the seed of the minibatches' row order
 * @param evaluateEvery steps between evaluations, 0 for only the final one
 * @param patience      evaluations without improvement before a member stops, 0 for never
 */
public record Training(boolean intercept, int batchSize, long seed, int evaluateEvery, int patience) {

    /**
     * Checks the settings.
     *
     * @param intercept     whether the model has an intercept per output (never penalized)
     * @param batchSize     rows per minibatch, 0 for full-batch steps
     * @param seed          the seed of the minibatches' row order
     * @param evaluateEvery steps between evaluations, 0 for only the final one
     * @param patience      evaluations without improvement before a member stops, 0 for never
     */
    public Training {
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be >= 0 (0: every row)");
        }
        if (evaluateEvery < 0) {
            throw new IllegalArgumentException("evaluation interval " + evaluateEvery + " must be >= 0");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience " + patience + " must be >= 0");
        }
        if (patience > 0 && evaluateEvery == 0) {
            throw new IllegalArgumentException("patience " + patience + " counts evaluations: give an evaluation "
                    + "interval (evaluateEvery)");
        }
    }

    /** {@return full-batch steps with an intercept, seed 1, no evaluation but the final one, no patience} */
    public static Training fullBatch() {
        return new Training(true, 0, 1, 0, 0);
    }

    /**
     * {@return minibatches of {@code size} rows, with an intercept, seed 1}
     *
     * @param size rows per minibatch, at least 1
     */
    public static Training minibatch(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size " + size + " must be at least 1");
        }
        return new Training(true, size, 1, 0, 0);
    }

    /**
     * These settings with an intercept or without one.
     *
     * @param on true to turn it on
     * @return a changed copy
     */
    public Training intercept(boolean on) {
        return new Training(on, batchSize, seed, evaluateEvery, patience);
    }

    /**
     * These settings with the minibatches' row order keyed by another seed.
     *
     * @param s any seed
     * @return a changed copy
     */
    public Training seed(long s) {
        return new Training(intercept, batchSize, s, evaluateEvery, patience);
    }

    /**
     * These settings with an evaluation every {@code steps} steps (0: only the final one).
     *
     * @param steps steps between evaluations
     * @return a changed copy
     */
    public Training evaluateEvery(int steps) {
        return new Training(intercept, batchSize, seed, steps, patience);
    }

    /**
     * These settings with a patience of {@code evaluations} evaluations (0: never stop early).
     *
     * @param evaluations evaluations without improvement
     * @return a changed copy
     */
    public Training patience(int evaluations) {
        return new Training(intercept, batchSize, seed, evaluateEvery, evaluations);
    }

    /**
     * {@return steps per epoch over {@code rows} training rows: 1 for full batches, else ceil(rows / batchSize)}
     *
     * @param rows training rows
     */
    public int stepsPerEpoch(int rows) {
        return batchSize == 0 || batchSize >= rows ? 1 : (rows + batchSize - 1) / batchSize;
    }
}
