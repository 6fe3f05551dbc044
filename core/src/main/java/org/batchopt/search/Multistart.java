package org.batchopt.search;

/**
 * Every member descends once from its start point, and the search ends: exactly the run of the batch without a
 * search, bit for bit. A budget, a time limit or a target does not apply to it.
 */
public record Multistart() implements SearchStrategy {
    @Override
    public String name() {
        return "multistart";
    }

    @Override
    public String describe() {
        return "multistart";
    }
}
