package org.batchopt.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.batchopt.kernel.Reference.DD;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of the portable math of {@code kernels/math.cl} through its twins {@link Math32} and {@link Math64}:
 * for every function and precision, the error in ulps of the exact value, measured against {@link Reference}
 * (double-double, 2^-100, itself checked against BigDecimal series here), over special arguments (0, -0,
 * subnormals, the largest values, infinities, NaN, the reduction boundaries and overflow thresholds) and
 * random ones: uniform over the bit patterns of the whole domain and uniform over the usual range. fp32
 * results must also be correctly rounded almost everywhere. The bounds below are the ones the javadoc of
 * Math32 and Math64 states. {@link LaneMath32} and {@link LaneMath64} must give the same bits as the functions
 * they apply. Samples per function and precision: {@value #SAMPLES} by default (in CI); more with
 * {@code -Dbatchopt.math.samples=N}, e.g. 100000000 for a sweep of several minutes.
 */
class MathTest {
    static final int SAMPLES = 1_000_000;
    static final int N = Integer.getInteger("batchopt.math.samples", SAMPLES);
    /** fp32: the smallest share of arguments with a correctly rounded result (measured: every one of 10^6). */
    static final double CORRECTLY_ROUNDED = 0.99999;

    /** One function of both precisions, its reference, the error bound and where to draw arguments. */
    record Fn(String name, DoubleUnaryOperator f64, FloatOp f32, DoubleFunction<DD> ref, double bound64,
              double bound32, double lo, double hi, double[] specials) {
        /** The smallest share of correctly rounded fp32 results. */
        double correctlyRounded() {
            return CORRECTLY_ROUNDED;
        }
    }

    interface FloatOp {
        float apply(float x);
    }

    static final double PI = Math.PI;

    static List<Fn> functions() {
        return List.of(
                new Fn("exp", Math64::exp, Math32::exp, Reference::exp, 0.51, 0.5001, -120, 120,
                        new double[] {0, 88.72283935546875, 88.72284, -87.33654, -103.97208, -104, 709.782712893384,
                            -745.1332191019412, -708.3964185322641, 0.34657359027997264, -0.34657359027997264, 1e-300}),
                new Fn("expm1", Math64::expm1, Math32::expm1, Reference::expm1, 0.53, 0.5001, -50, 100,
                        new double[] {0, 1e-8, -1e-8, 88.72283935546875, -17.3, -30, -40, 709.78, 0.3465, -0.3465}),
                new Fn("log", Math64::log, Math32::log, Reference::log, 0.505, 0.5001, 0, 4,
                        new double[] {1, 2, 0.5, Math.sqrt(2), Math.sqrt(0.5), 1 + 0x1p-23, 1 - 0x1p-24, 1 + 0x1p-52,
                            1 - 0x1p-53, Float.MIN_VALUE, Double.MIN_VALUE, Float.MIN_NORMAL, Double.MIN_NORMAL}),
                new Fn("log1p", Math64::log1p, Math32::log1p, Reference::log1p, 0.505, 0.5001, -1, 4,
                        new double[] {0, 1e-30, -1e-30, 0x1p-24, -0x1p-25, 1, Math.sqrt(2) - 1, -0.5, 1e30}),
                new Fn("sin", Math64::sin, Math32::sin, Reference::sin, 0.54, 0.5001, -40, 40,
                        new double[] {0, PI / 4, PI / 2, PI, 3 * PI / 2, 2 * PI, 1e4 * PI, 0x1p17, 0x1p17 + 1, 0x1p30,
                            0x1p30 + 2e-7, 1e22, 6381956970095103.0 * 0x1p797, 1e300, Float.MAX_VALUE, Double.MAX_VALUE,
                            1.5707963267948966, 1.5707964f, 252.89821f, 4.712389f, 1e-30}),
                new Fn("cos", Math64::cos, Math32::cos, Reference::cos, 0.54, 0.5001, -40, 40,
                        new double[] {0, PI / 4, PI / 2, PI, 3 * PI / 2, 2 * PI, 1e4 * PI, 0x1p17, 0x1p17 + 1, 0x1p30,
                            0x1p30 + 2e-7, 1e22, 6381956970095103.0 * 0x1p797, 1e300, Float.MAX_VALUE, Double.MAX_VALUE,
                            1.5707963267948966, 1.5707964f, 252.89821f, 4.712389f, 1e-30}),
                new Fn("tanh", Math64::tanh, Math32::tanh, Reference::tanh, 0.52, 0.5001, -12, 12,
                        new double[] {0, 1e-30, 0x1p-12, 0.55, 9.01, 19.1, 22, 40, 1e30}),
                new Fn("softplus", Math64::softplus, Math32::softplus, Reference::softplus, 0.51, 0.5001, -120, 120,
                        new double[] {0, 1e-30, -16.64, -34.8, 17, 37, -88, -104, 700, -740}),
                new Fn("sigmoid", Math64::sigmoid, Math32::sigmoid, Reference::sigmoid, 0.51, 0.5001, -120, 120,
                        new double[] {0, 1e-30, 16.7, 36.8, -87, -104, 700, -740}),
                new Fn("pow(x, 1.75)", x -> Math64.pow(x, 1.75), x -> Math32.pow(x, 1.75f), x -> Reference.pow(x, 1.75),
                        0.51, 0.5001, 0, 1000, new double[] {1, 2, 0.5, 1e10, 1e-10}),
                new Fn("pow(x, -30)", x -> Math64.pow(x, -30), x -> Math32.pow(x, -30), x -> Reference.pow(x, -30),
                        0.57, 0.5001, 0, 10, new double[] {1, 2, 0.5, 1.5, 20}));
    }

    // ---- measuring ---------------------------------------------------------------------------------------------

    /** Error statistics of one function in one precision. */
    static final class Stats {
        double max;
        double maxAt;
        double maxSubnormal;
        long count;
        long notCorrectlyRounded;

        synchronized void merge(Stats o) {
            if (o.max > max) {
                max = o.max;
                maxAt = o.maxAt;
            }
            maxSubnormal = Math.max(maxSubnormal, o.maxSubnormal);
            count += o.count;
            notCorrectlyRounded += o.notCorrectlyRounded;
        }
    }

    /** ulp of an exact value e in the precision with p significant bits and minimum normal exponent emin. */
    static double ulp(double e, int p, int emin) {
        int x = e == 0 ? emin : Math.max(Math.getExponent(e), emin);
        return Math.scalb(1.0, x - (p - 1));
    }

    /** The float nearest to hi + lo. */
    static float nearestFloat(DD r) {
        float f = (float) r.hi();
        if (Float.isInfinite(f)) {
            return f;
        }
        double d = ((double) f - r.hi()) - r.lo();
        double half = ulp(f, 24, -126) / 2;
        if (d > half || (d == half && (Float.floatToRawIntBits(f) & 1) != 0)) {
            f = Math.nextDown(f);
        } else if (d < -half || (d == -half && (Float.floatToRawIntBits(f) & 1) != 0)) {
            f = Math.nextUp(f);
        }
        return f;
    }

    /** Compares one fp32 result with its reference; non-finite references must be matched exactly. */
    static void check32(Fn fn, float x, Stats s) {
        float v = fn.f32().apply(x);
        DD r = fn.ref().apply(x);
        s.count++;
        if (!Double.isFinite(r.hi()) || Math.abs(r.hi()) > Float.MAX_VALUE) {
            float expected = Double.isNaN(r.hi()) ? Float.NaN : nearestFloat(r);
            assertTrue(Float.compare(expected, v) == 0 || (Float.isNaN(expected) && Float.isNaN(v)),
                    fn.name() + "(" + x + ") fp32 = " + v + ", expected " + expected);
            return;
        }
        double err = Math.abs((v - r.hi()) - r.lo()) / ulp(r.hi(), 24, -126);
        if (Math.abs(r.hi()) < 0x1p-100) {
            s.maxSubnormal = Math.max(s.maxSubnormal, err);
            return;
        }
        if (!(err <= s.max)) {
            s.max = err;
            s.maxAt = x;
        }
        if (nearestFloat(r) != v) {
            s.notCorrectlyRounded++;
        }
    }

    /**
     * Compares one fp64 result. Below 2^-969 the low part of the reference loses bits (to half an ulp of a
     * subnormal), so errors there are kept apart, as for subnormal results.
     */
    static void check64(Fn fn, double x, Stats s) {
        double v = fn.f64().applyAsDouble(x);
        DD r = fn.ref().apply(x);
        s.count++;
        if (!Double.isFinite(r.hi())) {
            assertTrue(Double.compare(r.hi(), v) == 0 || (Double.isNaN(r.hi()) && Double.isNaN(v)),
                    fn.name() + "(" + x + ") fp64 = " + v + ", expected " + r.hi());
            return;
        }
        double err = Math.abs((v - r.hi()) - r.lo()) / ulp(r.hi(), 53, -1022);
        if (Math.abs(r.hi()) < 0x1p-969) {
            s.maxSubnormal = Math.max(s.maxSubnormal, err);
            return;
        }
        if (!(err <= s.max)) {
            s.max = err;
            s.maxAt = x;
        }
    }

    /** Arguments number i of a sample: half over all bit patterns of the domain, half uniform on [lo, hi]. */
    static double argument(Fn fn, SplittableRandom rnd, boolean fp32) {
        if (rnd.nextBoolean()) {
            return rnd.nextDouble(fn.lo(), fn.hi());
        }
        if (fn.name().startsWith("pow")) {
            return fp32 ? Float.intBitsToFloat(1 + rnd.nextInt(0x7F7FFFFF)) : Double.longBitsToDouble(1 + rnd.nextLong(0x7FEFFFFFFFFFFFFFL));
        }
        double x = fp32 ? Float.intBitsToFloat(rnd.nextInt(0x7F800000)) : Double.longBitsToDouble(rnd.nextLong(0x7FF0000000000000L));
        boolean negative = fn.lo() < 0 && rnd.nextBoolean();
        return negative ? -x : x;
    }

    /** Special arguments: the list of the function, its neighbours in ulps, and the values of every domain. */
    static List<Double> specials(Fn fn) {
        List<Double> xs = new ArrayList<>();
        specialsOf(fn, xs);
        if (fn.name().startsWith("pow")) {
            xs.removeIf(x -> !((float) (double) x > 0 && x <= Float.MAX_VALUE));
        }
        return xs;
    }

    private static void specialsOf(Fn fn, List<Double> xs) {
        for (double s : fn.specials()) {
            for (double v : new double[] {s, -s}) {
                xs.add(v);
                double up = v;
                double down = v;
                for (int i = 0; i < 3; i++) {
                    up = Math.nextUp(up);
                    down = Math.nextDown(down);
                    xs.add(up);
                    xs.add(down);
                    xs.add((double) Math.nextUp((float) v));
                    xs.add((double) Math.nextDown((float) v));
                }
            }
        }
        for (double v : new double[] {0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Float.MIN_VALUE, Float.MIN_NORMAL,
            Float.MAX_VALUE, Double.MAX_VALUE, 1, 1e-300, 1e300, Double.POSITIVE_INFINITY, Double.NaN}) {
            xs.add(v);
            xs.add(-v);
        }
        for (int k = -60; k <= 60; k++) {
            xs.add(k * PI / 4);
            xs.add(k * Math.log(2) / 2);
        }
    }

    static Stats measure(Fn fn, boolean fp32) {
        Stats total = new Stats();
        for (double x : specials(fn)) {
            if (fp32) {
                check32(fn, (float) x, total);
            } else {
                check64(fn, x, total);
            }
        }
        int chunks = 64;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            SplittableRandom rnd = new SplittableRandom(1000L * c + (fp32 ? 1 : 2));
            Stats s = new Stats();
            for (int i = c; i < N; i += chunks) {
                double x = argument(fn, rnd, fp32);
                if (fn.name().startsWith("pow") && !((float) x > 0)) {
                    x = 1;
                }
                if (fp32) {
                    check32(fn, (float) x, s);
                } else {
                    check64(fn, x, s);
                }
            }
            total.merge(s);
        });
        return total;
    }

    @Test
    void fp64ErrorsStayWithinTheirBounds() {
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Fn fn : functions()) {
            Stats s = measure(fn, false);
            report.append(String.format("fp64 %-12s max %.4f ulp at %s; results below 2^-969 within %.2f ulp; %d arguments%n",
                    fn.name(), s.max, s.maxAt, s.maxSubnormal, s.count));
            if (!(s.max <= fn.bound64()) || !(s.maxSubnormal <= 1.5)) {
                failures.add(fn.name() + ": " + s.max + " ulp at " + s.maxAt + " (bound " + fn.bound64() + "), subnormal "
                        + s.maxSubnormal);
            }
        }
        System.out.print(report);
        assertEquals(List.of(), failures, report.toString());
    }

    @Test
    void fp32ResultsAreCorrectlyRoundedAlmostEverywhere() {
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Fn fn : functions()) {
            Stats s = measure(fn, true);
            double share = 1 - (double) s.notCorrectlyRounded / s.count;
            report.append(String.format("fp32 %-12s max %.6f ulp at %s; correctly rounded %.4f %% (all but %d); results "
                    + "below 2^-100 within %.4f ulp; %d arguments%n", fn.name(), s.max, s.maxAt, 100 * share,
                    s.notCorrectlyRounded, s.maxSubnormal, s.count));
            if (!(s.max <= fn.bound32()) || !(s.maxSubnormal <= 0.5001) || share < fn.correctlyRounded()) {
                failures.add(fn.name() + ": " + s.max + " ulp at " + s.maxAt + " (bound " + fn.bound32() + "), subnormal "
                        + s.maxSubnormal + ", correctly rounded " + share);
            }
        }
        System.out.print(report);
        assertEquals(List.of(), failures, report.toString());
    }

    // ---- special values, exactly -------------------------------------------------------------------------------

    static final double INF = Double.POSITIVE_INFINITY;
    static final double NAN = Double.NaN;

    /** name, x, the exact result (bit for bit; every NaN counts as NaN). */
    static final Object[][] EXACT = {
        {"exp", 0.0, 1.0}, {"exp", -0.0, 1.0}, {"exp", INF, INF}, {"exp", -INF, 0.0}, {"exp", NAN, NAN},
        {"expm1", 0.0, 0.0}, {"expm1", -0.0, -0.0}, {"expm1", INF, INF}, {"expm1", -INF, -1.0}, {"expm1", NAN, NAN},
        {"log", 0.0, -INF}, {"log", -0.0, -INF}, {"log", 1.0, 0.0}, {"log", INF, INF}, {"log", -1.0, NAN},
        {"log", -INF, NAN}, {"log", NAN, NAN},
        {"log1p", 0.0, 0.0}, {"log1p", -0.0, -0.0}, {"log1p", -1.0, -INF}, {"log1p", -2.0, NAN}, {"log1p", INF, INF},
        {"log1p", -INF, NAN}, {"log1p", NAN, NAN},
        {"sin", 0.0, 0.0}, {"sin", -0.0, -0.0}, {"sin", INF, NAN}, {"sin", -INF, NAN}, {"sin", NAN, NAN},
        {"cos", 0.0, 1.0}, {"cos", -0.0, 1.0}, {"cos", INF, NAN}, {"cos", -INF, NAN}, {"cos", NAN, NAN},
        {"tanh", 0.0, 0.0}, {"tanh", -0.0, -0.0}, {"tanh", INF, 1.0}, {"tanh", -INF, -1.0}, {"tanh", NAN, NAN},
        {"softplus", INF, INF}, {"softplus", -INF, 0.0}, {"softplus", NAN, NAN},
        {"sigmoid", 0.0, 0.5}, {"sigmoid", -0.0, 0.5}, {"sigmoid", INF, 1.0}, {"sigmoid", -INF, 0.0},
        {"sigmoid", NAN, NAN},
    };

    @Test
    void specialValuesAreExact() {
        for (Object[] c : EXACT) {
            Fn fn = functions().stream().filter(f -> f.name().equals(c[0])).findFirst().orElseThrow();
            double x = (Double) c[1];
            double expected = (Double) c[2];
            double v = fn.f64().applyAsDouble(x);
            float vf = fn.f32().apply((float) x);
            String what = c[0] + "(" + x + ")";
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(v) && Float.isNaN(vf), what + " = " + v + " (fp64), " + vf + " (fp32)");
            } else {
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(v), what + " fp64 = " + v);
                assertEquals(Float.floatToRawIntBits((float) expected), Float.floatToRawIntBits(vf), what + " fp32 = " + vf);
            }
        }
    }

    @Test
    void everyFiniteArgumentOfSinAndCosGetsAFiniteResult() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            double x = Double.longBitsToDouble(rnd.nextLong(0x7FF0000000000000L));
            float xf = Float.intBitsToFloat(rnd.nextInt(0x7F800000));
            for (double v : new double[] {Math64.sin(x), Math64.cos(x), Math32.sin(xf), Math32.cos(xf)}) {
                assertTrue(Math.abs(v) <= 1, "sin/cos of " + x + " or " + xf + " gave " + v);
            }
        }
    }

    @Test
    void powOfIntegersIsRepeatedSquaring() {
        assertEquals(1.0, Math64.pown(3, 0));
        assertEquals(Math.pow(1.1, 13), Math64.pown(1.1, 13), 1e-15);
        assertEquals(59049f, Math32.pown(3, 10));
    }

    @Test
    void pow2IsExactOverItsRange() {
        for (int k = -538; k <= 1023; k++) {
            assertEquals(Math.scalb(1.0, k), Math64.pow2(k), "2^" + k);
        }
        for (int k = -150; k <= 128; k++) {
            assertEquals(Math.scalb(1.0, k), Math32.pow2(k), "2^" + k);
        }
    }

    // ---- the reference, against BigDecimal ---------------------------------------------------------------------

    @Test
    void theReferenceAgreesWithBigDecimalSeries() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 400; i++) {
            double x = rnd.nextDouble(-700, 700);
            assertRelative(Reference.big.exp(new BigDecimal(x)), Reference.exp(x), "exp(" + x + ")");
            double y = Math.exp(rnd.nextDouble(-700, 700));
            assertRelative(Reference.big.log(new BigDecimal(y)), Reference.log(y), "log(" + y + ")");
            double z = i % 4 == 0 ? Double.longBitsToDouble(rnd.nextLong(0x7FF0000000000000L)) : rnd.nextDouble(-1e6, 1e6);
            assertRelative(Reference.big.sin(new BigDecimal(z)), Reference.sin(z), "sin(" + z + ")");
            assertRelative(Reference.big.cos(new BigDecimal(z)), Reference.cos(z), "cos(" + z + ")");
        }
    }

    static void assertRelative(BigDecimal exact, DD got, String what) {
        BigDecimal g = new BigDecimal(got.hi()).add(new BigDecimal(got.lo()));
        double rel = g.subtract(exact).abs().doubleValue() / exact.abs().doubleValue();
        assertTrue(rel < 0x1p-95, what + ": double-double " + g.round(new MathContext(30)) + " vs "
                + exact.round(new MathContext(30)) + ", relative " + rel);
    }

    // ---- lanes -------------------------------------------------------------------------------------------------

    interface Lane64 {
        void apply(LaneMath64 m, double[] x, double[] out, int n);
    }

    interface Lane32 {
        void apply(LaneMath32 m, float[] x, float[] out, int n);
    }

    @Test
    void lanesGiveTheBitsOfTheFunctionsTheyApply() {
        Lane64[] l64 = {LaneMath64::sin, LaneMath64::cos, LaneMath64::exp, LaneMath64::log,
            (m, x, o, n) -> m.sincos(x, o, new double[n], n), (m, x, o, n) -> m.sincos(x, new double[n], o, n)};
        DoubleUnaryOperator[] f64 = {Math64::sin, Math64::cos, Math64::exp, Math64::log, Math64::sin, Math64::cos};
        Lane32[] l32 = {LaneMath32::sin, LaneMath32::cos, LaneMath32::exp, LaneMath32::log,
            (m, x, o, n) -> m.sincos(x, o, new float[n], n), (m, x, o, n) -> m.sincos(x, new float[n], o, n)};
        FloatOp[] f32 = {Math32::sin, Math32::cos, Math32::exp, Math32::log, Math32::sin, Math32::cos};
        LaneMath64 m64 = new LaneMath64();
        LaneMath32 m32 = new LaneMath32();
        SplittableRandom rnd = new SplittableRandom(9);
        double[] x = new double[256];
        double[] out = new double[256];
        float[] xf = new float[256];
        float[] outf = new float[256];
        for (int round = 0; round < 2000; round++) {
            int n = 1 + rnd.nextInt(256);
            for (int l = 0; l < n; l++) {
                int kind = rnd.nextInt(8);
                x[l] = kind == 0 ? Double.longBitsToDouble(rnd.nextLong()) : kind == 1 ? rnd.nextDouble(-1e6, 1e6)
                        : rnd.nextDouble(-40, 40);
                xf[l] = kind == 0 ? Float.intBitsToFloat(rnd.nextInt()) : (float) x[l];
            }
            if (round % 50 == 0) {
                x[0] = Double.NaN;
                xf[0] = Float.POSITIVE_INFINITY;
            }
            for (int k = 0; k < l64.length; k++) {
                l64[k].apply(m64, x, out, n);
                l32[k].apply(m32, xf, outf, n);
                for (int l = 0; l < n; l++) {
                    assertEquals(Double.doubleToLongBits(f64[k].applyAsDouble(x[l])), Double.doubleToLongBits(out[l]),
                            "lane function " + k + " fp64 at " + x[l]);
                    assertEquals(Float.floatToIntBits(f32[k].apply(xf[l])), Float.floatToIntBits(outf[l]),
                            "lane function " + k + " fp32 at " + xf[l]);
                }
            }
        }
    }
}
