package org.batchopt.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.batchopt.Objective;
import org.batchopt.TestAccess;
import org.batchopt.kernel.ObjectiveTwin32;
import org.batchopt.kernel.ObjectiveTwin64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-ins' analytic gradients against central differences of their own values, by the fp64 twin at
 * points of each usual box and near each minimizer; f from {@code value} and from {@code valueGradient} being
 * the same bits; and the documented conventions where f is not differentiable.
 */
class BuiltInGradientTest {
    /** Central-difference step relative to the coordinate: h = STEP max(1, |x_i|). */
    static final double STEP = 1e-6;
    /**
     * Largest allowed max_i |g_i - d_i| / max(1, max_i |g_i|), d the central difference. Its truncation error
     * h^2 |f'''| / 6 and its rounding error about 1e-16 |f| / h stay below 1e-7 of that scale for every built-in
     * in its box (measured largest: 6e-8, Griewank, whose |x_i| up to 600 make h = 6e-4); a wrong factor or term
     * in a gradient shows as 1e-3 or more.
     */
    static final double TOL = 1e-6;
    static final int POINTS_IN_BOX = 300;
    static final int POINTS_PER_MINIMIZER = 50;

    @ParameterizedTest(name = "{0} D={1}")
    @MethodSource("org.batchopt.objective.BuiltInCases#cases")
    void gradientMatchesCentralDifferences(BuiltIn b, int d) {
        Objective o = b.create(d);
        List<double[]> points = points(o, BuiltInCases.random(b, d));
        int n = points.size();
        double[][] x = BuiltInCases.lanes(points, d);
        ObjectiveTwin64 twin = TestAccess.source(o).twin64(d);
        double[][] g = new double[d][n];
        twin.valueGradient(x, g, new double[n], n);
        double[] scale = new double[n];
        for (int l = 0; l < n; l++) {
            scale[l] = 1;
            for (int i = 0; i < d; i++) {
                scale[l] = Math.max(scale[l], Math.abs(g[i][l]));
            }
        }
        double[] fp = new double[n];
        double[] fm = new double[n];
        double worst = 0;
        int worstLane = 0;
        int worstCoordinate = 0;
        for (int i = 0; i < d; i++) {
            double[][] xp = BuiltInCases.copy(x);
            double[][] xm = BuiltInCases.copy(x);
            for (int l = 0; l < n; l++) {
                double h = STEP * Math.max(1, Math.abs(x[i][l]));
                xp[i][l] += h;
                xm[i][l] -= h;
            }
            twin.value(xp, fp, n);
            twin.value(xm, fm, n);
            for (int l = 0; l < n; l++) {
                // The step actually taken, after rounding x +- h.
                double central = (fp[l] - fm[l]) / (xp[i][l] - xm[i][l]);
                double e = Math.abs(central - g[i][l]) / scale[l];
                if (!(e <= worst)) {
                    worst = e;
                    worstLane = l;
                    worstCoordinate = i;
                }
            }
        }
        final double w = worst;
        final String where = Arrays.toString(points.get(worstLane)) + ", coordinate " + worstCoordinate;
        assertTrue(w <= TOL, () -> b.id() + " D=" + d + ": largest relative difference from central differences "
                + w + " (tolerance " + TOL + ") at " + where);
    }

    @ParameterizedTest(name = "{0} D={1}")
    @MethodSource("org.batchopt.objective.BuiltInCases#cases")
    void valueAndValueGradientComputeTheSameBits(BuiltIn b, int d) {
        Objective o = b.create(d);
        List<double[]> points = points(o, BuiltInCases.random(b, d));
        int n = points.size();
        double[][] x = BuiltInCases.lanes(points, d);
        double[] f = new double[n];
        double[] fg = new double[n];
        ObjectiveTwin64 twin = TestAccess.source(o).twin64(d);
        twin.value(x, f, n);
        twin.valueGradient(x, new double[d][n], fg, n);
        float[][] x32 = BuiltInCases.narrow(x);
        float[] f32 = new float[n];
        float[] fg32 = new float[n];
        ObjectiveTwin32 twin32 = TestAccess.source(o).twin32(d);
        twin32.value(x32, f32, n);
        twin32.valueGradient(x32, new float[d][n], fg32, n);
        for (int l = 0; l < n; l++) {
            final int k = l;
            assertEquals(Double.doubleToRawLongBits(f[l]), Double.doubleToRawLongBits(fg[l]),
                    () -> b.id() + " D=" + d + " fp64 at " + Arrays.toString(points.get(k)) + ": value " + f[k]
                            + ", valueGradient " + fg[k]);
            assertEquals(Float.floatToRawIntBits(f32[l]), Float.floatToRawIntBits(fg32[l]),
                    () -> b.id() + " D=" + d + " fp32 at " + Arrays.toString(points.get(k)) + ": value " + f32[k]
                            + ", valueGradient " + fg32[k]);
        }
    }

    @ParameterizedTest(name = "{0} D={1}")
    @MethodSource("org.batchopt.objective.BuiltInCases#cases")
    void gradientIsFiniteAtTheOrigin(BuiltIn b, int d) {
        double[] g = new double[d];
        double f = b.create(d).gradient(new double[d], g);
        assertTrue(Double.isFinite(f), () -> b.id() + " D=" + d + ": f(0) = " + f);
        for (double gi : g) {
            assertTrue(Double.isFinite(gi), () -> b.id() + " D=" + d + ": gradient at 0 " + Arrays.toString(g));
        }
    }

    /** At the tip of Ackley's cone the gradient is documented as 0. */
    @Test
    void ackleyGradientAtTheOriginIsZero() {
        for (int d : BuiltInCases.dimensions(BuiltIn.ACKLEY)) {
            double[] g = new double[d];
            assertEquals(0.0, BuiltIn.ACKLEY.create(d).gradient(new double[d], g));
            assertTrue(Arrays.stream(g).allMatch(v -> v == 0), () -> Arrays.toString(g));
        }
    }

    /** d/dx [x sin(sqrt|x|)] = sin(s) + s cos(s) / 2 is continuous through x = 0, where it is 0. */
    @Test
    void schwefelGradientIsContinuousThroughZero() {
        Objective o = BuiltIn.SCHWEFEL.create(1);
        double[] g = new double[1];
        o.gradient(new double[] {0}, g);
        assertEquals(0.0, g[0], 0.0);
        for (double t : new double[] {1e-300, 1e-12, -1e-12}) {
            o.gradient(new double[] {t}, g);
            double expected = -1.5 * Math.sqrt(Math.abs(t));
            assertEquals(expected, g[0], 1e-3 * Math.abs(expected), "x = " + t);
        }
    }

    private static List<double[]> points(Objective o, SplittableRandom rnd) {
        List<double[]> points = new ArrayList<>(BuiltInCases.inBox(o, POINTS_IN_BOX, rnd));
        points.addAll(BuiltInCases.nearMinimizers(o, POINTS_PER_MINIMIZER, rnd));
        return points;
    }
}
