package org.batchopt;

/**
 * Whether a multi-start search has seen most of what more starts would find: the Good-Turing estimate of the
 * probability that one more start reaches a minimum that no member reached, {@code singletons / members}, where
 * singletons are the minima exactly one member reached. Near 0 the search is saturated (every minimum seen was seen
 * many times); near 1 nearly every start found a minimum of its own, and more starts will keep finding new ones.
 *
 * @param minima     distinct minima found
 * @param singletons minima that exactly one member reached
 * @param members    members that were clustered (those that did not diverge)
 */
public record Saturation(long minima, long singletons, long members) {
    /** An estimate at or above this is "clearly not saturated". */
    public static final double CLEARLY_UNSATURATED = 0.1;

    /**
     * The Good-Turing probability that one more start finds a new minimum.
     *
     * @return {@code singletons / members}, in [0, 1]; NaN without clustered members
     */
    public double newMinimumProbability() {
        return members == 0 ? Double.NaN : (double) singletons / members;
    }

    /**
     * True when at least {@value #CLEARLY_UNSATURATED} of new starts would find a minimum not yet seen: the minima
     * found are a sample of many more, and the best of them is only the best so far.
     *
     * @return {@code newMinimumProbability() >= CLEARLY_UNSATURATED}; false without clustered members
     */
    public boolean clearlyUnsaturated() {
        return newMinimumProbability() >= CLEARLY_UNSATURATED;
    }
}
