package org.batchopt.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API's lanes ({@link VectorMath32}, through {@link LaneMath32}) give the bits of {@link Math32}'s
 * functions and of the plain lane loops, lane for lane: over 2^21 random arguments per function (a third over
 * every bit pattern of a float, NaN, infinities and subnormals included, a third over the usual ranges, a third
 * next to the reduction boundaries), the special values mixed into vectors of ordinary ones, and lane counts and
 * offsets that are no multiple of the vector length. NaN results compare as NaN (floatToIntBits).
 */
class VectorMathTest {
    interface Lanes {
        void apply(LaneMath32 m, float[] x, float[] out, int n);
    }

    interface Scalar {
        float apply(float x);
    }

    private static final String[] NAMES = {"sin", "cos", "sincos.sin", "sincos.cos", "exp", "log"};
    private static final Lanes[] LANES = {LaneMath32::sin, LaneMath32::cos,
        (m, x, o, n) -> m.sincos(x, o, new float[n], n), (m, x, o, n) -> m.sincos(x, new float[n], o, n),
        LaneMath32::exp, LaneMath32::log};
    private static final Scalar[] SCALAR = {Math32::sin, Math32::cos, Math32::sin, Math32::cos, Math32::exp,
        Math32::log};

    /** The special values: zeros, subnormals, extremes, NaN, infinities, the thresholds of the reductions. */
    static float[] specials() {
        List<Float> v = new ArrayList<>();
        float[] base = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 0x1p-127f, 0x1.fffffcp-127f,
            Float.MAX_VALUE, -Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, -1f,
            0x1p17f, Math.nextDown(0x1p17f), Math.nextUp(0x1p17f), -0x1p17f, 0x1p23f, 0x1p60f, 1e30f,
            88.72283f, 88.72284f, 89f, -87.33655f, -103.97208f, -104f, -150f, 0.70710677f, 1.4142135f,
            Math.nextUp(1.4142135f), Math.nextDown(0.70710677f), (float) Math.PI, (float) (Math.PI / 4),
            (float) (Math.PI / 2), (float) (3 * Math.PI / 4), 0.34657359f, -0.34657359f};
        for (float b : base) {
            v.add(b);
            v.add(-b);
        }
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    /** One argument of kind {@code kind}: bit patterns, the usual range, or near a boundary of function k. */
    static float argument(SplittableRandom rnd, int k, int kind) {
        switch (kind) {
            case 0:
                return Float.intBitsToFloat(rnd.nextInt());
            case 1:
                return (float) (k >= 4 ? (k == 5 ? rnd.nextDouble(0, 1e3) : rnd.nextDouble(-110, 95))
                        : rnd.nextDouble(-1e3, 1e3));
            default:
                // next to multiples of pi/4 (quadrant and rint ties of sin and cos), of ln2/2 (exp), of powers
                // of two and of sqrt(2) 2^e (log)
                int j = rnd.nextInt(k >= 4 ? 300 : 160000) - (k >= 4 ? 150 : 80000);
                double c = k == 5 ? Math.scalb(rnd.nextBoolean() ? 1.0 : Math.sqrt(2), j / 2)
                        : k == 4 ? j * Math.log(2) / 2 : j * Math.PI / 4;
                float f = (float) c;
                int steps = rnd.nextInt(9) - 4;
                for (int s = 0; s < Math.abs(steps); s++) {
                    f = steps > 0 ? Math.nextUp(f) : Math.nextDown(f);
                }
                return f;
        }
    }

    @Test
    void vectorLanesGiveTheBitsOfMath32AndOfThePlainLanes() {
        assumeTrue(VectorLanes.ENABLED, "the Vector API is off in this JVM");
        LaneMath32 vector = new LaneMath32(true);
        LaneMath32 plain = new LaneMath32(false);
        float[] specials = specials();
        SplittableRandom rnd = new SplittableRandom(14);
        int max = 700;
        float[] buf = new float[max + 16];
        float[] outV = new float[max + 16];
        float[] outP = new float[max];
        for (int k = 0; k < LANES.length; k++) {
            long checked = 0;
            for (int round = 0; checked < (1 << 21); round++) {
                // offsets and lengths no multiple of any vector length
                int off = rnd.nextInt(16);
                int n = round % 7 == 0 ? 1 + rnd.nextInt(40) : max - rnd.nextInt(200);
                int kind = round % 3;
                for (int l = 0; l < n; l++) {
                    buf[off + l] = argument(rnd, k, kind);
                }
                if (round % 5 == 0) {
                    // special values among ordinary ones, one at a time, in some vector of the lanes
                    buf[off + rnd.nextInt(n)] = specials[rnd.nextInt(specials.length)];
                }
                check(k, vector, plain, Arrays.copyOfRange(buf, off, off + n), outV, outP);
                checked += n;
            }
        }
    }

    @Test
    void everySpecialValueInEveryLaneOfAVector() {
        assumeTrue(VectorLanes.ENABLED, "the Vector API is off in this JVM");
        LaneMath32 vector = new LaneMath32(true);
        LaneMath32 plain = new LaneMath32(false);
        int n = 2 * VectorMath32.length() + 3;
        float[] outV = new float[n];
        float[] outP = new float[n];
        SplittableRandom rnd = new SplittableRandom(15);
        for (int k = 0; k < LANES.length; k++) {
            for (float special : specials()) {
                for (int p = 0; p < n; p++) {
                    float[] x = new float[n];
                    for (int l = 0; l < n; l++) {
                        x[l] = argument(rnd, k, 1);
                    }
                    x[p] = special;
                    check(k, vector, plain, x, outV, outP);
                }
            }
        }
    }

    private static void check(int k, LaneMath32 vector, LaneMath32 plain, float[] x, float[] outV, float[] outP) {
        int n = x.length;
        LANES[k].apply(vector, x, outV, n);
        LANES[k].apply(plain, x, outP, n);
        for (int l = 0; l < n; l++) {
            int want = Float.floatToIntBits(SCALAR[k].apply(x[l]));
            final int lane = l;
            assertEquals(want, Float.floatToIntBits(outV[l]), () -> "vector " + NAMES[k] + "(" + x[lane]
                    + ") in lane " + lane + " of " + n + ": " + outV[lane] + ", Math32 " + SCALAR[k].apply(x[lane]));
            assertEquals(want, Float.floatToIntBits(outP[l]), () -> "plain " + NAMES[k] + "(" + x[lane] + ")");
        }
    }
}
