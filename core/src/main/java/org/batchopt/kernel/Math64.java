package org.batchopt.kernel;

/**
 * fp64 twin of {@code kernels/math.cl}: the portable exp, log, pow, sin and cos, the same operations in the
 * same order, plus the arithmetic helpers every twin uses. Hand-written, as is {@link Math32}: the two
 * precisions use different polynomials. Every other {@code *64} twin is turned into its {@code *32} by the
 * build.
 */
public final class Math64 {
    public static final double REAL_MAX = Double.MAX_VALUE;
    static final double INF = Double.POSITIVE_INFINITY;
    static final double NAN = Double.NaN;
    static final double TRIG_MAX = 1.0e9;

    private Math64() {
    }

    /** A kernel constant {@code R(v)}. */
    public static double c(double v) {
        return v;
    }

    /** The real value of an integer, as the kernel's {@code (real)n}. */
    public static double r(long n) {
        return n;
    }

    /** Narrows a host value to the real type. */
    public static double narrow(double v) {
        return v;
    }

    public static double sqrt(double x) {
        return Math.sqrt(x);
    }

    public static double abs(double x) {
        return Math.abs(x);
    }

    public static double floor(double x) {
        return Math.floor(x);
    }

    static double pow2(int n) {
        return Double.longBitsToDouble(((long) (n + 1023)) << 52);
    }

    public static double exp(double x) {
        if (x != x) {
            return x;
        }
        if (x > 709.782712893384) {
            return INF;
        }
        if (x < -745.1332191019412) {
            return 0;
        }
        final double kf = Math.floor(x * 1.4426950408889634 + 0.5);
        final double r = (x - kf * 0.6931471803691238) - kf * 1.9082149292705877e-10;
        double p = 1.6059043836821613e-10;
        p = p * r + 2.08767569878681e-09;
        p = p * r + 2.505210838544172e-08;
        p = p * r + 2.755731922398589e-07;
        p = p * r + 2.7557319223985893e-06;
        p = p * r + 2.48015873015873e-05;
        p = p * r + 0.0001984126984126984;
        p = p * r + 0.001388888888888889;
        p = p * r + 0.008333333333333333;
        p = p * r + 0.041666666666666664;
        p = p * r + 0.16666666666666666;
        p = p * r + 0.5;
        p = p * r + 1;
        p = p * r + 1;
        final int k = (int) kf;
        final int k1 = k / 2;
        return p * pow2(k1) * pow2(k - k1);
    }

    public static double log(double x) {
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
        if (x < 2.2250738585072014e-308) {
            x = x * 18014398509481984.0;
            e = -54;
        }
        final long bits = Double.doubleToRawLongBits(x);
        e = e + (int) ((bits >> 52) & 0x7ff) - 1023;
        double m = Double.longBitsToDouble((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L);
        if (m > 1.4142135623730951) {
            m = m * 0.5;
            e = e + 1;
        }
        final double f = m - 1;
        final double s = f / (2 + f);
        final double z = s * s;
        double p = 0.043478260869565216;
        p = p * z + 0.047619047619047616;
        p = p * z + 0.05263157894736842;
        p = p * z + 0.058823529411764705;
        p = p * z + 0.06666666666666667;
        p = p * z + 0.07692307692307693;
        p = p * z + 0.09090909090909091;
        p = p * z + 0.1111111111111111;
        p = p * z + 0.14285714285714285;
        p = p * z + 0.2;
        p = p * z + 0.3333333333333333;
        final double lo = 1.9082149292705877e-10;
        final double hi = 0.6931471803691238;
        final double lm = 2 * (s + s * z * p);
        final double ef = e;
        return ef * hi + (ef * lo + lm);
    }

    public static double pow(double x, double y) {
        return exp(y * log(x));
    }

    public static double pown(double x, int n) {
        double r = 1;
        while (n > 0) {
            if ((n & 1) != 0) {
                r = r * x;
            }
            x = x * x;
            n = n >> 1;
        }
        return r;
    }

    static double sincos(double x, int shift) {
        if (!(Math.abs(x) <= TRIG_MAX)) {
            return NAN;
        }
        final double kf = Math.floor(x * 0.6366197723675814 + 0.5);
        final double r = ((x - kf * 1.5707963267341256) - kf * 6.077100506303966e-11) - kf * 2.0222662487959506e-21;
        final int q = ((int) kf + shift) & 3;
        final double z = r * r;
        double v;
        if ((q & 1) == 0) {
            double p = -8.22063524662433e-18;
            p = p * z + 2.8114572543455206e-15;
            p = p * z + -7.647163731819816e-13;
            p = p * z + 1.6059043836821613e-10;
            p = p * z + -2.505210838544172e-08;
            p = p * z + 2.7557319223985893e-06;
            p = p * z + -0.0001984126984126984;
            p = p * z + 0.008333333333333333;
            p = p * z + -0.16666666666666666;
            v = r + r * z * p;
        } else {
            double p = 4.110317623312165e-19;
            p = p * z + -1.5619206968586225e-16;
            p = p * z + 4.779477332387385e-14;
            p = p * z + -1.1470745597729725e-11;
            p = p * z + 2.08767569878681e-09;
            p = p * z + -2.755731922398589e-07;
            p = p * z + 2.48015873015873e-05;
            p = p * z + -0.001388888888888889;
            p = p * z + 0.041666666666666664;
            p = p * z + -0.5;
            v = 1 + z * p;
        }
        return (q & 2) != 0 ? -v : v;
    }

    public static double sin(double x) {
        return sincos(x, 0);
    }

    public static double cos(double x) {
        return sincos(x, 1);
    }

    /** A fused multiply-add, {@code a*b + c} rounded once, as the kernel's {@code fma}. */
    public static double fma(double a, double b, double c) {
        return Math.fma(a, b, c);
    }

    public static double lerp(double a, double b, double w) {
        return Math.abs(w) < 0.5 ? Math.fma(w, b - a, a) : Math.fma(w - 1, b - a, b);
    }

    public static double sign(double x) {
        return x > 0 ? 1 : (x < 0 ? -1 : 0);
    }

    public static double max(double a, double b) {
        return b > a ? b : a;
    }
}
