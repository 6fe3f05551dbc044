package org.batchopt;

import java.util.List;

/**
 * How a batch did against a known global optimum f*: the gap of its best member, the share of members that reached
 * f* within a tolerance, and which of the known global minimizers were reached; made by {@link Result#known}.
 *
 * <p>A member <em>succeeds</em> when it did not diverge and its value (the one members are ranked by) is within
 * {@code tolerance * max(1, |f*|)} of f*, or better: {@code value <= f* + tol} when minimizing, {@code >= f* - tol}
 * when maximizing. A listed minimizer is <em>reached</em> by the members whose final point lies within the x
 * tolerance of it in every coordinate.
 *
 * @param fStar       the known optimum
 * @param tolerance   the success tolerance, relative to {@code max(1, |f*|)}
 * @param gap         the best member's value minus f* (f* minus it when maximizing): 0 at the optimum, negative
 *                    only when f* is wrong; NaN when every member diverged
 * @param successes   members that succeeded
 * @param members     every member of the batch
 * @param xTol        the x tolerance for reaching a minimizer
 * @param minimizers  the known global minimizers with the members that reached each, empty when none are listed
 */
public record KnownOptimum(double fStar, double tolerance, double gap, long successes, long members, double xTol,
                           List<Minimizer> minimizers) {
    /** The success tolerance where none is given: {@code 1e-4 max(1, |f*|)}. */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /**
     * A known global minimizer and how many members reached it.
     *
     * @param x         the minimizer
     * @param members   members whose final point lies within the x tolerance of it
     * @param bestMember the best of them, -1 when none
     */
    public record Minimizer(double[] x, long members, int bestMember) {
        /**
         * Whether at least one member reached it.
         *
         * @return {@code members() > 0}
         */
        public boolean reached() {
            return members > 0;
        }
    }

    /**
     * The figures as given; {@code minimizers} is copied.
     *
     * @param fStar      the known optimum
     * @param tolerance  the success tolerance, relative to {@code max(1, |f*|)}
     * @param gap        the best member's value minus f* (f* minus it when maximizing); NaN when every member
     *                   diverged
     * @param successes  members that succeeded
     * @param members    every member of the batch
     * @param xTol       the x tolerance for reaching a minimizer
     * @param minimizers the known global minimizers with the members that reached each
     */
    public KnownOptimum {
        minimizers = List.copyOf(minimizers);
    }

    /**
     * The share of the batch that succeeded.
     *
     * @return successes over every member, in [0, 1]; 0 for an empty batch
     */
    public double successShare() {
        return members == 0 ? 0 : (double) successes / members;
    }

    /**
     * How many global minimizers are listed.
     *
     * @return the size of {@link #minimizers()}
     */
    public int minimizersKnown() {
        return minimizers.size();
    }

    /**
     * How many of the listed minimizers at least one member reached.
     *
     * @return the count of {@link Minimizer#reached() reached} minimizers, at most {@link #minimizersKnown()}
     */
    public int minimizersFound() {
        return (int) minimizers.stream().filter(Minimizer::reached).count();
    }

    /** Whether {@code value} succeeds against {@code fStar} with {@code tolerance} (see the class comment). */
    static boolean success(double value, double fStar, double tolerance, boolean maximized) {
        double tol = tolerance * Math.max(1, Math.abs(fStar));
        // An infinite value (an infeasible member's rank value) never succeeds, not even against an infinite target.
        return Double.isFinite(value) && (maximized ? value >= fStar - tol : value <= fStar + tol);
    }
}
