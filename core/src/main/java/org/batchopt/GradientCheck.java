package org.batchopt;

import org.batchopt.kernel.ObjectiveTwin64;

/**
 * Compares an objective's analytic gradient with central differences at every member's start point, in fp64
 * on the CPU twin. Coordinate i of the difference quotient uses the step {@code h_i = h * max(1, |x_i|)}
 * exactly as {@link Gradient#CENTRAL} does.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * For each member of {@code batch}, the largest relative difference between the analytic and the
     * central-difference gradient at its start: {@code max_i |a_i - c_i| / max(1, |a_i|)} (relative where the
     * gradient is large, absolute where it is small).
     *
     * @param f     the objective; not modified
     * @param batch the members whose start points are checked; not modified
     * @param h     central-difference step, finite and {@code > 0}, e.g.
     *              {@link Gradient#defaultStep}{@code (Precision.FP64)}
     * @return one value per member, in member order, {@code >= 0}; {@code +Infinity} where a difference is NaN
     *         (f or the gradient not finite at the start)
     * @throws IllegalArgumentException when the batch's dimension is not the objective's or {@code h} is not
     *                                  finite and {@code > 0}
     */
    public static double[] largestRelativeDifference(Objective f, Batch batch, double h) {
        if (batch.dimension() != f.dimension()) {
            throw new IllegalArgumentException("batch has dimension " + batch.dimension() + ", objective "
                    + f.name() + " has " + f.dimension());
        }
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("finite-difference step " + h + " must be finite and > 0");
        }
        int d = f.dimension();
        int lanes = 256;
        ObjectiveTwin64 twin = f.source().twin64(d);
        double[] out = new double[batch.members()];
        double[] start = new double[lanes * d];
        double[][] x = new double[d][lanes];
        double[][] g = new double[d][lanes];
        double[] value = new double[lanes];
        double[] fp = new double[lanes];
        double[] fm = new double[lanes];
        double[] xp = new double[lanes];
        double[] xm = new double[lanes];
        for (int first = 0; first < batch.members(); first += lanes) {
            int n = Math.min(lanes, batch.members() - first);
            batch.startPoints(first, n, start);
            for (int l = 0; l < n; l++) {
                for (int i = 0; i < d; i++) {
                    x[i][l] = start[l * d + i];
                }
            }
            twin.valueGradient(x, g, value, n);
            for (int i = 0; i < d; i++) {
                for (int l = 0; l < n; l++) {
                    double xi = x[i][l];
                    double step = h * Math.max(1, Math.abs(xi));
                    xp[l] = xi + step;
                    xm[l] = xi - step;
                    x[i][l] = xp[l];
                }
                twin.value(x, fp, n);
                for (int l = 0; l < n; l++) {
                    x[i][l] = xm[l];
                }
                twin.value(x, fm, n);
                for (int l = 0; l < n; l++) {
                    x[i][l] = start[l * d + i];
                    double central = (fp[l] - fm[l]) / (xp[l] - xm[l]);
                    double analytic = g[i][l];
                    double diff = Math.abs(analytic - central) / Math.max(1, Math.abs(analytic));
                    out[first + l] = Math.max(out[first + l], Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff);
                }
            }
        }
        return out;
    }
}
