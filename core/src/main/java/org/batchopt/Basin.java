package org.batchopt;

/**
 * A minimum with the figures a multi-start user acts on: how much of the batch reached it and how fast.
 *
 * @param minimum   the minimum: its best point, f there, its members best first
 * @param share     its members over every member of the batch (diverged ones included), in [0, 1]
 * @param meanSteps the mean number of steps its members took
 */
public record Basin(Minimum minimum, double share, double meanSteps) {
    /**
     * The member that reached the minimum's best point.
     *
     * @return its index in the batch, {@code minimum().members()[0]}
     */
    public int bestMember() {
        return minimum.members()[0];
    }
}
