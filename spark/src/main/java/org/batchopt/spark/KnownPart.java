package org.batchopt.spark;

import java.io.Serializable;
import org.batchopt.KnownOptimum;

/**
 * One task's part of how the batch did against a known optimum ({@link KnownOptimum}): its members that reached f*,
 * and per known minimizer the members that reached it and the best of them with its objective. The driver adds the
 * parts up; the gap comes from the batch's best member.
 *
 * @param minimizers    the known minimizers, as {@link org.batchopt.Result#known} lists them
 * @param reached       per minimizer, this task's members that reached it
 * @param best          per minimizer, the best of them, -1 for none
 * @param bestObjective per minimizer, that member's objective (NaN for none)
 */
record KnownPart(double fStar, double tolerance, double xTol, long successes, double[][] minimizers, long[] reached,
                 int[] best, double[] bestObjective) implements Serializable {

    /** The part of a task whose run judged its own members as {@code k}; objectives from {@code data}. */
    static KnownPart of(KnownOptimum k, RangeData data) {
        int n = k.minimizers().size();
        double[][] x = new double[n][];
        long[] reached = new long[n];
        int[] best = new int[n];
        double[] bestObjective = new double[n];
        for (int i = 0; i < n; i++) {
            KnownOptimum.Minimizer z = k.minimizers().get(i);
            x[i] = z.x();
            reached[i] = z.members();
            best[i] = z.bestMember();
            bestObjective[i] = z.bestMember() < 0 ? Double.NaN : data.objective[z.bestMember() - data.first];
        }
        return new KnownPart(k.fStar(), k.tolerance(), k.xTol(), k.successes(), x, reached, best, bestObjective);
    }
}
