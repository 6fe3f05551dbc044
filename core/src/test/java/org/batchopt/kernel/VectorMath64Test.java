package org.batchopt.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorMath64}'s sin, cos, exp and log (through {@link LaneMath64}) give the bits of {@link Math64}'s and
 * of the plain lane loops, lane for lane: 2^21 random arguments per function (a third over every bit pattern of a
 * double, a third over the usual range, a third next to multiples of pi/4 or of ln2/2, where the quadrant or k and
 * rint's ties change, or next to 2^e and sqrt(2) 2^e, where log's mantissa and exponent change), the special
 * values mixed into vectors of ordinary ones and in every lane of a vector, lane counts that are no multiple of
 * the vector length. NaN results compare as NaN (doubleToLongBits).
 */
class VectorMath64Test {
    interface Lanes {
        void apply(LaneMath64 m, double[] x, double[] out, int n);
    }

    private static final String[] NAMES = {"sin", "cos", "sincos.sin", "sincos.cos", "exp", "log"};
    private static final Lanes[] LANES = {LaneMath64::sin, LaneMath64::cos,
        (m, x, o, n) -> m.sincos(x, o, new double[n], n), (m, x, o, n) -> m.sincos(x, new double[n], o, n),
        LaneMath64::exp, LaneMath64::log};
    private static final DoubleUnaryOperator[] SCALAR = {Math64::sin, Math64::cos, Math64::sin, Math64::cos,
        Math64::exp, Math64::log};
    private static final int EXP = 4;
    private static final int LOG = 5;

    /**
     * Zeros, subnormals, extremes, NaN, infinities, the Cody-Waite limit, multiples of pi/4, exp's thresholds
     * (overflow, subnormal results, the clamps) and log's (sqrt(2), 1, the smallest normal).
     */
    static double[] specials() {
        double[] base = {0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, 1.0, Math64.TRIG_FAST, Math.nextDown(Math64.TRIG_FAST),
            Math.nextUp(Math64.TRIG_FAST), 0x1p52, 1e300, Math.PI, Math.PI / 4, Math.PI / 2, 3 * Math.PI / 4,
            Math.nextUp(Math.PI / 4), Math.nextDown(Math.PI / 4), 0x1p-30, 0x1p-1022 * 3, 709.782712893384,
            709.7827128933841, 710, 711, 708.3964185322641, 745.1332191019411, 745.1332191019412, 746, 747,
            Math.log(2) / 2, 1e-300, Math.sqrt(2), Math.nextUp(Math.sqrt(2)), Math.nextDown(Math.sqrt(2)),
            Math.sqrt(0.5), Math.nextDown(1.0), Math.nextUp(1.0), 0x1p-1074 * 5, Math.nextDown(0x1p-1022)};
        List<Double> v = new ArrayList<>();
        for (double b : base) {
            v.add(b);
            v.add(-b);
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** One argument of kind {@code kind} for function k: bit patterns, the usual range, or near a boundary. */
    static double argument(SplittableRandom rnd, int k, int kind) {
        switch (kind) {
            case 0:
                return Double.longBitsToDouble(rnd.nextLong());
            case 1:
                return k == EXP ? rnd.nextDouble(-750, 715) : k == LOG ? rnd.nextDouble(0, 1e3)
                        : rnd.nextDouble(-1e3, 1e3);
            default:
                int span = k == LOG ? 2100 : k == EXP ? 2150 : 80000;
                int j = rnd.nextInt(2 * span) - span;
                double f = k == LOG ? Math.scalb(rnd.nextBoolean() ? 1.0 : Math.sqrt(2), j / 2)
                        : k == EXP ? j * Math.log(2) / 2 : j * Math.PI / 4;
                int steps = rnd.nextInt(9) - 4;
                for (int s = 0; s < Math.abs(steps); s++) {
                    f = steps > 0 ? Math.nextUp(f) : Math.nextDown(f);
                }
                return f;
        }
    }

    @Test
    void vectorLanesGiveTheBitsOfMath64AndOfThePlainLanes() {
        assumeTrue(VectorLanes.ENABLED, "the Vector API is off in this JVM");
        LaneMath64 vector = new LaneMath64(true);
        LaneMath64 plain = new LaneMath64(false);
        double[] specials = specials();
        SplittableRandom rnd = new SplittableRandom(64);
        int max = 700;
        double[] buf = new double[max];
        for (int k = 0; k < LANES.length; k++) {
            long checked = 0;
            for (int round = 0; checked < (1 << 21); round++) {
                int n = round % 7 == 0 ? 1 + rnd.nextInt(40) : max - rnd.nextInt(200);
                int kind = round % 3;
                for (int l = 0; l < n; l++) {
                    buf[l] = argument(rnd, k, kind);
                }
                if (round % 5 == 0) {
                    buf[rnd.nextInt(n)] = specials[rnd.nextInt(specials.length)];
                }
                check(k, vector, plain, Arrays.copyOf(buf, n));
                checked += n;
            }
        }
    }

    @Test
    void everySpecialValueInEveryLaneOfAVector() {
        assumeTrue(VectorLanes.ENABLED, "the Vector API is off in this JVM");
        LaneMath64 vector = new LaneMath64(true);
        LaneMath64 plain = new LaneMath64(false);
        int n = 2 * VectorShapes.of(double.class).length() + 3;
        SplittableRandom rnd = new SplittableRandom(65);
        for (int k = 0; k < LANES.length; k++) {
            for (double special : specials()) {
                for (int p = 0; p < n; p++) {
                    double[] x = new double[n];
                    for (int l = 0; l < n; l++) {
                        x[l] = argument(rnd, k, 1);
                    }
                    x[p] = special;
                    check(k, vector, plain, x);
                }
            }
        }
    }

    private static void check(int k, LaneMath64 vector, LaneMath64 plain, double[] x) {
        int n = x.length;
        double[] outV = new double[n];
        double[] outP = new double[n];
        LANES[k].apply(vector, x, outV, n);
        LANES[k].apply(plain, x, outP, n);
        for (int l = 0; l < n; l++) {
            long want = Double.doubleToLongBits(SCALAR[k].applyAsDouble(x[l]));
            final int lane = l;
            assertEquals(want, Double.doubleToLongBits(outV[l]), () -> "vector " + NAMES[k] + "(" + x[lane]
                    + ") in lane " + lane + " of " + n + ": " + outV[lane] + ", Math64 "
                    + SCALAR[k].applyAsDouble(x[lane]));
            assertEquals(want, Double.doubleToLongBits(outP[l]), () -> "plain " + NAMES[k] + "(" + x[lane] + ")");
        }
    }
}
