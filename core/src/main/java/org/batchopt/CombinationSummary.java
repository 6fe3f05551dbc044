package org.batchopt;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the members of one grid combination ended: the best, median and worst of their values (the values members are
 * ranked by, diverged members left out), how many succeeded against a target, how many diverged, and their mean
 * steps; made by {@link Result#combinations}.
 *
 * <p>The counts, sums, best and worst of summaries of disjoint parts of a combination merge exactly
 * ({@link #merge}); a median does not, and is recomputed from the members' values with {@link #of}.
 *
 * @param combination     the combination's index in grid order
 * @param hyperparameters the hyperparameters that tell it from the other combinations (the grid's axes), by
 *                        {@link Hyperparameter#id}, in kernel order
 * @param members         its members
 * @param diverged        those that diverged
 * @param successes       those that succeeded (see {@link KnownOptimum})
 * @param steps           steps taken, summed over the members that did not diverge
 * @param bestMember      its best member, -1 when all diverged
 * @param best            the best value, NaN when all diverged
 * @param median          the median value over every member, diverged ones counted as worse than any (the mean of
 *                        the middle two for an even count): infinite when at least half diverged, NaN when all did
 * @param worst           the worst value, NaN when all diverged
 */
public record CombinationSummary(long combination, Map<String, Double> hyperparameters, long members, long diverged,
                                 long successes, long steps, int bestMember, double best, double median,
                                 double worst) {

    /** What combinations are ordered by, best first. */
    public enum RankBy {
        /** The median value (diverged members count as the worst), then the best. */
        MEDIAN,
        /** The success share, then the median. */
        SUCCESS,
        /** The best member's value. */
        BEST;

        /**
         * Best first; combinations whose members all diverged last; ties to the lower combination index.
         *
         * @param maximized whether higher values are better
         * @return the order, best first
         */
        public Comparator<CombinationSummary> comparator(boolean maximized) {
            Comparator<Double> value = maximized ? Comparator.reverseOrder() : Comparator.naturalOrder();
            Comparator<CombinationSummary> c = Comparator.comparing(s -> s.bestMember() < 0);
            c = switch (this) {
                case MEDIAN -> c.thenComparing(CombinationSummary::median, value)
                        .thenComparing(CombinationSummary::best, value);
                case SUCCESS -> c.thenComparing(CombinationSummary::successShare, Comparator.reverseOrder())
                        .thenComparing(CombinationSummary::median, value);
                case BEST -> c.thenComparing(CombinationSummary::best, value);
            };
            return c.thenComparingLong(CombinationSummary::combination);
        }
    }

    /**
     * The figures as given; {@code hyperparameters} is copied, keeping its order.
     *
     * @param combination     the combination's index in grid order
     * @param hyperparameters the hyperparameters that tell it from the other combinations, by id
     * @param members         its members
     * @param diverged        those that diverged
     * @param successes       those that succeeded
     * @param steps           steps taken, summed over the members that did not diverge
     * @param bestMember      its best member, -1 when all diverged
     * @param best            the best value, NaN when all diverged
     * @param median          the median value (see the class comment), NaN after {@link #merge}
     * @param worst           the worst value, NaN when all diverged
     */
    public CombinationSummary {
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    /**
     * The summary of one combination from its members' own figures, the way {@link Result#combinations} makes it.
     *
     * @param combination     the combination's index in grid order
     * @param hyperparameters the hyperparameters that tell it from the other combinations, by id (copied)
     * @param memberIndex the members' indices in the batch (not modified)
     * @param values      their values (not modified)
     * @param steps       their steps (not modified)
     * @param diverged    whether each diverged (not modified)
     * @param target      the value a member succeeds against, with {@code tolerance} (see {@link KnownOptimum})
     * @param tolerance   the success tolerance, relative to {@code max(1, |target|)}, at least 0
     * @param maximized   whether higher values are better
     * @return the summary, with the median of every member (diverged ones counted as the worst)
     */
    public static CombinationSummary of(long combination, Map<String, Double> hyperparameters, int[] memberIndex,
                                        double[] values, int[] steps, boolean[] diverged, double target,
                                        double tolerance, boolean maximized) {
        int n = memberIndex.length;
        double[] kept = new double[n];
        int k = 0;
        long divergedCount = 0;
        long successes = 0;
        long stepSum = 0;
        int bestMember = -1;
        double best = Double.NaN;
        for (int j = 0; j < n; j++) {
            if (diverged[j]) {
                divergedCount++;
                continue;
            }
            double v = values[j];
            kept[k++] = v;
            stepSum += steps[j];
            if (KnownOptimum.success(v, target, tolerance, maximized)) {
                successes++;
            }
            if (bestMember < 0 || (maximized ? v > best : v < best)
                    || (v == best && memberIndex[j] < bestMember)) {
                bestMember = memberIndex[j];
                best = v;
            }
        }
        double median = Double.NaN;
        double worst = Double.NaN;
        if (k > 0) {
            Arrays.sort(kept, 0, k);
            if (maximized) {
                reverse(kept, k);
            }
            // Best first; the diverged members after the kept ones, worse than any.
            double lost = maximized ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            double a = n / 2 - (n % 2 == 1 ? 0 : 1) < k ? kept[n / 2 - (n % 2 == 1 ? 0 : 1)] : lost;
            double b = n / 2 < k ? kept[n / 2] : lost;
            median = a == b ? a : (a + b) / 2;
            worst = kept[k - 1];
        }
        return new CombinationSummary(combination, hyperparameters, n, divergedCount, successes, stepSum, bestMember,
                best, median, worst);
    }

    private static void reverse(double[] a, int n) {
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Two summaries of disjoint parts of the same combination as one, with a NaN median: counts and step sums add,
     * the best and worst are the better and worse of the two. Recompute the median with {@link #of} where it is
     * needed.
     *
     * @param other     a summary of other members of the same combination
     * @param maximized whether higher values are better
     * @return the summary of both parts, median NaN
     * @throws IllegalArgumentException when {@code other} is of another combination
     */
    public CombinationSummary merge(CombinationSummary other, boolean maximized) {
        if (other.combination != combination) {
            throw new IllegalArgumentException("combination " + other.combination + " merged into " + combination);
        }
        boolean otherBetter = bestMember < 0 || (other.bestMember >= 0 && ((maximized ? other.best > best
                : other.best < best) || (other.best == best && other.bestMember < bestMember)));
        boolean otherWorse = bestMember < 0 || (other.bestMember >= 0 && (maximized ? other.worst < worst
                : other.worst > worst));
        return new CombinationSummary(combination, hyperparameters, members + other.members,
                diverged + other.diverged, successes + other.successes, steps + other.steps,
                otherBetter ? other.bestMember : bestMember, otherBetter ? other.best : best, Double.NaN,
                otherWorse ? other.worst : worst);
    }

    /**
     * The share of the combination's members that succeeded.
     *
     * @return successes over members, in [0, 1]; 0 without members
     */
    public double successShare() {
        return members == 0 ? 0 : (double) successes / members;
    }

    /**
     * The share of the combination's members that diverged.
     *
     * @return diverged members over members, in [0, 1]; 0 without members
     */
    public double divergedShare() {
        return members == 0 ? 0 : (double) diverged / members;
    }

    /**
     * The mean steps of the members that did not diverge.
     *
     * @return steps over members kept, NaN when all diverged
     */
    public double meanSteps() {
        long kept = members - diverged;
        return kept == 0 ? Double.NaN : (double) steps / kept;
    }

    /**
     * The figure {@code rankBy} ranks combinations by.
     *
     * @param rankBy the ranking
     * @return the median, the success share or the best value
     */
    public double metric(RankBy rankBy) {
        return switch (rankBy) {
            case MEDIAN -> median;
            case SUCCESS -> successShare();
            case BEST -> best;
        };
    }
}
