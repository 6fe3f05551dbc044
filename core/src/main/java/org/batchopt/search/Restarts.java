package org.batchopt.search;

/**
 * Every member descends from a fresh start in every round and keeps the best end it reached: a multi-start search
 * that goes on until the budget is spent, so that members that converge early are refilled with new starts instead
 * of leaving the search. Start i (round i >= 1) of member m is uniform in the search box, coordinate k at
 * {@code lo_k + u*(hi_k - lo_k)} with u in [0, 1) from the counter-based stream keyed by (seed, m, i): a pure
 * function of those three numbers. Round 0 uses the batch's own start points.
 *
 * <p>Guarantee: member m's best point is the best end among the descents from its start points 0..R-1, the same
 * whatever the batch size, the backend or the other members.
 */
public record Restarts() implements SearchStrategy {
    @Override
    public String name() {
        return "restarts";
    }

    @Override
    public String describe() {
        return "restarts (fresh uniform starts in the box)";
    }
}
