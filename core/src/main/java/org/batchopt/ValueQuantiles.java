package org.batchopt;

/**
 * f over the steps of a run with history: at every recorded step, the best value over the members, the values that
 * 10 %, 50 % and 90 % of them reach or beat, and how many were counted; made by {@link Result#valueQuantiles}.
 * Values are f at the recorded points, computed in fp64 by the objective's CPU twin; members whose point or value
 * is not finite at a step are left out there.
 *
 * @param steps   the recorded steps: 0, every, 2 every, ...
 * @param best    per step, the best value
 * @param p10     per step, the value the best 10 % of the members reach or beat
 * @param median  per step, the median value
 * @param p90     per step, the value the best 90 % reach or beat
 * @param counted per step, the members counted
 */
public record ValueQuantiles(int[] steps, double[] best, double[] p10, double[] median, double[] p90,
                             long[] counted) {

    /** Quantile {@code q} in [0, 1] of {@code sorted[0..n)} (sorted best first), by linear interpolation. */
    static double quantile(double[] sorted, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
