package org.batchopt.objective;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.batchopt.Objective;
import org.batchopt.TestAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated fp32 twins against the fp64 twins, on the same points (rounded to fp32 first, so that only the
 * arithmetic differs): a sanity check of the build's double-to-float rewrite.
 */
class BuiltInPrecisionTest {
    /**
     * Allowed |f32 - f64| / max(1, |f64|), and max_i |g32_i - g64_i| / max(1, max_i |g64_i|). fp32 rounds to
     * 6e-8, but an argument such as 2 pi x_i = 205 carries an absolute error of 8e-6 that periodic terms
     * multiply by their frequency, and sums cancel: the measured largest is 2e-4 (Ackley's gradient, D = 1).
     * A twin that computes something else is off by order 1.
     */
    static final double TOL = 1e-3;

    @ParameterizedTest(name = "{0} D={1}")
    @MethodSource("org.batchopt.objective.BuiltInCases#cases")
    void fp32TwinAgreesWithFp64Twin(BuiltIn b, int d) {
        Objective o = b.create(d);
        SplittableRandom rnd = BuiltInCases.random(b, d);
        List<double[]> points = new ArrayList<>(BuiltInCases.inBox(o, 1000, rnd));
        points.addAll(BuiltInCases.nearMinimizers(o, 100, rnd));
        points.addAll(o.minimizers());
        for (double[] p : points) {
            for (int i = 0; i < d; i++) {
                p[i] = (float) p[i];
            }
        }
        int n = points.size();
        double[][] x = BuiltInCases.lanes(points, d);
        float[][] x32 = BuiltInCases.narrow(x);
        double[] f = new double[n];
        double[][] g = new double[d][n];
        float[] f32 = new float[n];
        float[][] g32 = new float[d][n];
        TestAccess.source(o).twin64(d).valueGradient(x, g, f, n);
        TestAccess.source(o).twin32(d).valueGradient(x32, g32, f32, n);
        double worst = 0;
        int worstLane = 0;
        for (int l = 0; l < n; l++) {
            double scale = 1;
            double eg = 0;
            for (int i = 0; i < d; i++) {
                scale = Math.max(scale, Math.abs(g[i][l]));
                eg = Math.max(eg, Math.abs(g32[i][l] - g[i][l]));
            }
            double e = Math.max(Math.abs(f32[l] - f[l]) / Math.max(1, Math.abs(f[l])), eg / scale);
            if (!(e <= worst)) {
                worst = e;
                worstLane = l;
            }
        }
        final double w = worst;
        final int k = worstLane;
        assertTrue(w <= TOL, () -> b.id() + " D=" + d + ": fp32 differs from fp64 by " + w + " (relative) at "
                + Arrays.toString(points.get(k)) + ": f " + f32[k] + " vs " + f[k]);
    }
}
