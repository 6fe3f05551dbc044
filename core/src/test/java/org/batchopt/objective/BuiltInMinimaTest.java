package org.batchopt.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.batchopt.Box;
import org.batchopt.Objective;
import org.batchopt.TestAccess;
import org.batchopt.kernel.ObjectiveTwin64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documented global minima of the built-ins: every documented minimizer lies in the usual box and reaches
 * the documented minimum, the gradient vanishes there, and no sample of the box goes below it.
 */
class BuiltInMinimaTest {
    /**
     * Allowed |f(x*) - f*| per coordinate, relative to max(1, |f*|). Each coordinate's terms are evaluated to a
     * few ulp (2^-50, about 9e-16) of their size, at most about 500 (Schwefel's 419, which cancels against the
     * constant term and leaves f* near 0), so D coordinates stay below D * 5e-13.
     */
    static final double VALUE_TOL = 1e-12;
    /**
     * Largest allowed max_i |g_i| at a documented minimizer. A coordinate within half an ulp of the exact
     * minimizer, with these functions' curvatures, and the rounding of the gradient's terms leave about 1e-13;
     * a minimizer known to only 10 digits leaves 1e-9 or more (a textbook 4-digit one, 1e-4).
     */
    static final double GRADIENT_TOL = 1e-10;
    static final int SAMPLES = 100_000;
    static final int CHUNK = 4096;

    static double valueTolerance(Objective o) {
        return VALUE_TOL * o.dimension() * Math.max(1, Math.abs(o.minimum()));
    }

    @ParameterizedTest(name = "{0} D={1}")
    @MethodSource("org.batchopt.objective.BuiltInCases#cases")
    void documentedMinimizersReachTheMinimum(BuiltIn b, int d) {
        Objective o = b.create(d);
        List<double[]> minimizers = o.minimizers();
        assertTrue(Double.isFinite(o.minimum()), () -> b.id() + ": minimum " + o.minimum());
        assertFalse(minimizers.isEmpty(), () -> b.id() + " documents no minimizer");
        double tol = valueTolerance(o);
        Box box = o.box();
        for (int k = 0; k < minimizers.size(); k++) {
            double[] m = minimizers.get(k);
            assertEquals(d, m.length, () -> b.id() + ": minimizer of length " + m.length);
            for (int i = 0; i < d; i++) {
                final int c = i;
                assertTrue(box.lo(i) <= m[i] && m[i] <= box.hi(i),
                        () -> b.id() + ": minimizer " + Arrays.toString(m) + " outside the box at coordinate " + c);
            }
            double f = o.value(m);
            assertEquals(o.minimum(), f, tol, () -> b.id() + " D=" + d + " at " + Arrays.toString(m));
            for (int j = 0; j < k; j++) {
                assertFalse(Arrays.equals(m, minimizers.get(j)), () -> b.id() + ": minimizer listed twice");
            }
        }
    }

    @ParameterizedTest(name = "{0} D={1}")
    @MethodSource("org.batchopt.objective.BuiltInCases#cases")
    void gradientVanishesAtDocumentedMinimizers(BuiltIn b, int d) {
        Objective o = b.create(d);
        for (double[] m : o.minimizers()) {
            double[] g = new double[d];
            o.gradient(m, g);
            double largest = Arrays.stream(g).map(Math::abs).max().orElseThrow();
            assertTrue(largest <= GRADIENT_TOL, () -> b.id() + " D=" + d + ": gradient " + Arrays.toString(g)
                    + " at " + Arrays.toString(m));
        }
    }

    @ParameterizedTest(name = "{0} D={1}")
    @MethodSource("org.batchopt.objective.BuiltInCases#cases")
    void noSampleOfTheBoxIsBelowTheMinimum(BuiltIn b, int d) {
        Objective o = b.create(d);
        SplittableRandom rnd = BuiltInCases.random(b, d);
        ObjectiveTwin64 twin = TestAccess.source(o).twin64(d);
        double[] f = new double[CHUNK];
        double lowest = Double.POSITIVE_INFINITY;
        double[] argLowest = null;
        for (int done = 0; done < SAMPLES; done += CHUNK) {
            int n = Math.min(CHUNK, SAMPLES - done);
            List<double[]> points = BuiltInCases.inBox(o, n, rnd);
            twin.value(BuiltInCases.lanes(points, d), f, n);
            for (int l = 0; l < n; l++) {
                if (!(f[l] >= lowest)) {
                    lowest = f[l];
                    argLowest = points.get(l);
                }
            }
        }
        final double low = lowest;
        final double[] at = argLowest;
        assertTrue(low >= o.minimum() - valueTolerance(o), () -> b.id() + " D=" + d + ": f = " + low + " at "
                + Arrays.toString(at) + " is below the documented minimum " + o.minimum());
    }

    /**
     * f = 0 needs x_{i-1} = 2 x_i^2 >= 0 for i = 2..D, so of the signs of x_2..x_D only x_D's is free: two
     * minimizers, not 2^(D-1).
     */
    @Test
    void dixonPriceHasTwoMinimizers() {
        int d = 5;
        Objective o = BuiltIn.DIXON_PRICE.create(d);
        assertEquals(2, o.minimizers().size());
        double[] m = o.minimizers().get(0);
        int reaching = 0;
        for (int signs = 0; signs < 1 << (d - 1); signs++) {
            double[] x = m.clone();
            for (int i = 1; i < d; i++) {
                if ((signs & (1 << (i - 1))) != 0) {
                    x[i] = -x[i];
                }
            }
            if (o.value(x) <= valueTolerance(o)) {
                reaching++;
                assertTrue(o.minimizers().stream().anyMatch(y -> Arrays.equals(x, y)), Arrays.toString(x));
            }
        }
        assertEquals(2, reaching);
    }
}
