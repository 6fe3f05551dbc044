package org.batchopt.kernel;

/**
 * fp32 twin of {@code kernels/math.cl} (the {@code REAL_IS_DOUBLE == 0} branches), hand-written like
 * {@link Math64}. Constants are the kernel's decimal literals narrowed from double, as {@code R(v)} does.
 */
public final class Math32 {
    public static final float REAL_MAX = Float.MAX_VALUE;
    static final float INF = Float.POSITIVE_INFINITY;
    static final float NAN = Float.NaN;
    static final float TRIG_MAX = (float) 65536.0;

    private Math32() {
    }

    /** A kernel constant {@code R(v)}: the double literal narrowed to float. */
    public static float c(double v) {
        return (float) v;
    }

    /** The real value of an integer, as the kernel's {@code (real)n}. */
    public static float r(long n) {
        return n;
    }

    /** Narrows a host value to the real type. */
    public static float narrow(double v) {
        return (float) v;
    }

    public static float sqrt(float x) {
        return (float) Math.sqrt(x);
    }

    public static float abs(float x) {
        return Math.abs(x);
    }

    public static float floor(float x) {
        return (float) Math.floor(x);
    }

    static float pow2(int n) {
        return Float.intBitsToFloat((n + 127) << 23);
    }

    public static float exp(float x) {
        if (x != x) {
            return x;
        }
        if (x > c(88.72283935546875)) {
            return INF;
        }
        if (x < c(-103.97208404541016)) {
            return 0;
        }
        final float kf = floor(x * c(1.4426950408889634) + c(0.5));
        final float r = (x - kf * c(0.693145751953125)) - kf * c(1.428606765330187e-06);
        float p = c(0.0001984126984126984);
        p = p * r + c(0.001388888888888889);
        p = p * r + c(0.008333333333333333);
        p = p * r + c(0.041666666666666664);
        p = p * r + c(0.16666666666666666);
        p = p * r + c(0.5);
        p = p * r + 1;
        p = p * r + 1;
        final int k = (int) kf;
        final int k1 = k / 2;
        return p * pow2(k1) * pow2(k - k1);
    }

    public static float log(float x) {
        if (x != x) {
            return x;
        }
        if (x < 0) {
            return NAN;
        }
        if (x == 0) {
            return -INF;
        }
        if (x == INF) {
            return x;
        }
        int e = 0;
        if (x < c(1.1754943508222875e-38)) {
            x = x * c(33554432.0);
            e = -25;
        }
        final int bits = Float.floatToRawIntBits(x);
        e = e + ((bits >> 23) & 0xff) - 127;
        float m = Float.intBitsToFloat((bits & 0x007fffff) | 0x3f800000);
        if (m > c(1.4142135623730951)) {
            m = m * c(0.5);
            e = e + 1;
        }
        final float f = m - 1;
        final float s = f / (2 + f);
        final float z = s * s;
        float p = c(0.09090909090909091);
        p = p * z + c(0.1111111111111111);
        p = p * z + c(0.14285714285714285);
        p = p * z + c(0.2);
        p = p * z + c(0.3333333333333333);
        final float lo = c(1.428606765330187e-06);
        final float hi = c(0.693145751953125);
        final float lm = 2 * (s + s * z * p);
        final float ef = e;
        return ef * hi + (ef * lo + lm);
    }

    public static float pow(float x, float y) {
        return exp(y * log(x));
    }

    public static float pown(float x, int n) {
        float r = 1;
        while (n > 0) {
            if ((n & 1) != 0) {
                r = r * x;
            }
            x = x * x;
            n = n >> 1;
        }
        return r;
    }

    static float sincos(float x, int shift) {
        if (!(Math.abs(x) <= TRIG_MAX)) {
            return NAN;
        }
        final float kf = floor(x * c(0.6366197723675814) + c(0.5));
        final float r = (((x - kf * c(1.5703125)) - kf * c(0.0004837512969970703)) - kf * c(7.549533620476723e-08))
                - kf * c(2.5633440682570896e-12);
        final int q = ((int) kf + shift) & 3;
        final float z = r * r;
        float v;
        if ((q & 1) == 0) {
            float p = c(-2.505210838544172e-08);
            p = p * z + c(2.7557319223985893e-06);
            p = p * z + c(-0.0001984126984126984);
            p = p * z + c(0.008333333333333333);
            p = p * z + c(-0.16666666666666666);
            v = r + r * z * p;
        } else {
            float p = c(-2.755731922398589e-07);
            p = p * z + c(2.48015873015873e-05);
            p = p * z + c(-0.001388888888888889);
            p = p * z + c(0.041666666666666664);
            p = p * z + c(-0.5);
            v = 1 + z * p;
        }
        return (q & 2) != 0 ? -v : v;
    }

    public static float sin(float x) {
        return sincos(x, 0);
    }

    public static float cos(float x) {
        return sincos(x, 1);
    }

    /** A fused multiply-add, {@code a*b + c} rounded once, as the kernel's {@code fma}. */
    public static float fma(float a, float b, float c) {
        return Math.fma(a, b, c);
    }

    public static float lerp(float a, float b, float w) {
        return Math.abs(w) < c(0.5) ? Math.fma(w, b - a, a) : Math.fma(w - 1, b - a, b);
    }

    public static float sign(float x) {
        return x > 0 ? 1 : (x < 0 ? -1 : 0);
    }

    public static float max(float a, float b) {
        return b > a ? b : a;
    }
}
