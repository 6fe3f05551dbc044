package org.batchopt.kernel;

/**
 * fp32 twin of {@code kernels/math.cl} (its {@code REAL_IS_DOUBLE == 0} branch): the same operations in the
 * same order, so that every backend computes the same bits. Hand-written, as is {@link Math64}: the two
 * precisions are evaluated differently. {@link LaneMath32} applies these functions to the lanes of a tile in
 * loops the JIT vectorizes, with the same bits ({@link VectorMath32} on the Vector API, where the JVM has it).
 *
 * <p>Every function widens its fp32 argument to double (exactly), evaluates in plain double arithmetic (range
 * reduction and one polynomial, as CORE-MATH's binary32 functions do) and rounds once to fp32 at the end. The
 * double result is within about 2^-50 of the exact value, so that the fp32 result is the correctly rounded one
 * except where the exact value lies that close to a midpoint between two floats (none of the 10^6 arguments
 * per function below); a
 * device therefore needs fp64 to run the fp32 functions. The operations are {@code + - * /}, {@code fma},
 * {@code sqrt}, IEEE 754-2019 {@code minimum}/{@code maximum} (Java's {@code Math.min}/{@code Math.max}), the
 * conversions between float and double and a few bit operations (exponent and mantissa of log, 2^k of exp); all
 * are exact or correctly rounded on every backend. Measured by {@code MathTest} against the correctly rounded
 * result (from a double-double evaluation with 2^-100 relative error, itself checked against BigDecimal
 * series), over 10^6 arguments per function (half uniform over the bit patterns of the domain, half over the
 * usual range) and the special ones (0, -0, subnormals, the largest values, infinities, NaN, reduction
 * boundaries, overflow thresholds):
 * every result was the correctly rounded one, and CI checks that at least 99.999 % are (all within 0.5001 ulp):
 * <pre>
 *   function   max error    correctly rounded   notes
 *   exp        0.5000 ulp   100 %               subnormal results too
 *   expm1      0.5000 ulp   100 %
 *   log        0.5000 ulp   100 %
 *   log1p      0.5000 ulp   100 %
 *   sin        0.5000 ulp   100 %               every finite argument (Payne-Hanek beyond 2^17)
 *   cos        0.5000 ulp   100 %               the same
 *   tanh       0.5000 ulp   100 %
 *   softplus   0.5000 ulp   100 %               log(1 + exp(x)) without overflow
 *   sigmoid    0.5000 ulp   100 %               1 / (1 + exp(-x))
 *   pow        0.5000 ulp   100 %               x > 0; measured for y = 1.75 and y = -30
 * </pre>
 * Results below 2^-126 (subnormal) are rounded once too. The functions before them were evaluated in
 * double-float arithmetic (at most 0.5005 ulp, pow 0.5048 ulp), at about twice the cost on the CPU. The stages
 * are small on purpose: C2 vectorizes a loop only when its body stays under LoopUnrollLimit (60 nodes) and holds
 * no conversion or bit operation, so {@link LaneMath32} runs each stage as its own loop
 * (native-notes/cpu-vectorization.md).
 */
public final class Math32 {
    public static final float REAL_MAX = Float.MAX_VALUE;

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

    /** A fused multiply-add, {@code a*b + c} rounded once, as the kernel's {@code fma}. */
    public static float fma(float a, float b, float c) {
        return Math.fma(a, b, c);
    }

    /** torch's lerp as its CPU kernel computes it. */
    public static float lerp(float a, float b, float w) {
        return Math.abs(w) < 0.5f ? Math.fma(w, b - a, a) : Math.fma(w - 1, b - a, b);
    }

    /** torch's sign: 1, -1, or 0 for zero (and NaN). */
    public static float sign(float x) {
        return x > 0 ? 1 : (x < 0 ? -1 : 0);
    }

    /** The larger of a and b; a when b is NaN. */
    public static float max(float a, float b) {
        return b > a ? b : a;
    }

    /** IEEE 754-2019 minimum: NaN if either is NaN, -0 below +0 (for the generated fp32 twins, as Math64's). */
    static float minimum(float a, float b) {
        return Math.min(a, b);
    }

    /** IEEE 754-2019 maximum: NaN if either is NaN, +0 above -0 (for the generated fp32 twins, as Math64's). */
    static float maximum(float a, float b) {
        return Math.max(a, b);
    }

    // ---- building blocks, in double ------------------------------------------------------------------------

    /** IEEE 754-2019 minimum: NaN if either is NaN, -0 below +0 (the kernel's bo_d_minimum). */
    static double minimum(double a, double b) {
        return Math.min(a, b);
    }

    /** IEEE 754-2019 maximum: NaN if either is NaN, +0 above -0 (the kernel's bo_d_maximum). */
    static double maximum(double a, double b) {
        return Math.max(a, b);
    }

    /** x rounded to an integer, ties to even (the kernel's rint; C2 vectorizes Math.rint on doubles). */
    static double rint(double x) {
        return Math.rint(x);
    }

    /** 1 with the sign of x, and x itself for +-0 and NaN (x the double of a float, so |x| >= 2^-149 or 0). */
    static double signOf(double x) {
        return maximum(minimum(x * 0x1p300 * 0x1p300, 1), -1);
    }

    /** v with the sign of x, for functions with the sign of their argument (so that f(-0) = -0). */
    static double keepSign(double x, double v) {
        final double a = Math.abs(v);
        return maximum(minimum(x * 0x1p300 * 0x1p300, a), -a);
    }

    /** 2^k, exactly, for an integer k in [-1022, 1023], from its bits (0 for NaN, whose result is NaN anyway). */
    static double pow2(double k) {
        return Double.longBitsToDouble((k == k ? (long) k + 1023 : 0) << 52);
    }

    // ---- sin, cos ------------------------------------------------------------------------------------------------

    /** Arguments up to this take the Cody-Waite reduction; larger ones (and infinities) Payne-Hanek. */
    static final double TRIG_FAST = 0x1p17;
    /** 2/pi, rounded. */
    private static final double INV_PIO2 = 0.6366197723675814;
    /** pi/2 in three parts: the first two of 36 bits (so that j PIO2_1 and j PIO2_2 are exact for j < 2^17). */
    private static final double PIO2_1 = 1.5707963267923333;
    private static final double PIO2_2 = 2.5633441515839558E-12;
    private static final double PIO2_3 = 1.0562999066987428E-23;
    /** pi/2, rounded. */
    private static final double PIO2 = 1.5707963267948966;

    /** The quadrant count j = rint(y 2/pi) of y = |x| <= TRIG_FAST. */
    static double reduceJ(double y) {
        return rint(y * INV_PIO2);
    }

    /** r = y - j pi/2, |r| <= pi/4 (and a little), to a relative 2^-52: the first fma is exact. */
    static double reduceR(double y, double j) {
        return Math.fma(-j, PIO2_3, Math.fma(-j, PIO2_2, Math.fma(-j, PIO2_1, y)));
    }

    /** sin r for |r| <= pi/4: r + r z S(z), z = r^2, fdlibm's minimax S (relative error below 2^-57). */
    static double sinPoly(double r) {
        final double z = r * r;
        double p = Math.fma(z, 1.58969099521155010221E-10, -2.50507602534068634195E-8);
        p = Math.fma(z, p, 2.75573137070700676789E-6);
        p = Math.fma(z, p, -1.98412698298579493134E-4);
        p = Math.fma(z, p, 8.33333333332248946124E-3);
        p = Math.fma(z, p, -1.66666666666666324348E-1);
        return Math.fma(r * z, p, r);
    }

    /** cos r for |r| <= pi/4: 1 + z (-1/2 + z C(z)), fdlibm's minimax C (relative error below 2^-59). */
    static double cosPoly(double r) {
        final double z = r * r;
        double p = Math.fma(z, -1.13596475577881948265E-11, 2.08757232129817482790E-9);
        p = Math.fma(z, p, -2.75573143513906633035E-7);
        p = Math.fma(z, p, 2.48015872894767294178E-5);
        p = Math.fma(z, p, -1.38888888888741095749E-3);
        p = Math.fma(z, p, 4.16666666666666019037E-2);
        return Math.fma(z, Math.fma(z, p, -0.5), 1);
    }

    /** j mod 2 of an integer j >= 0: whether sin and cos swap in the quadrant (exact, as is the floor). */
    static double quadrantOdd(double j) {
        return Math.fma(-2, Math.floor(j * 0.5), j);
    }

    /** (-1)^floor(j/2) of an integer j >= 0: the sign of the quadrant, 1 - 2 (h mod 2), h = floor(j/2). */
    static double quadrantSign(double j) {
        final double h = Math.floor(j * 0.5);
        return Math.fma(4, Math.floor(h * 0.5), Math.fma(-2, h, 1));
    }

    /** sin(j pi/2 + r) from s = sin r and c = cos r, for an integer j >= 0 (exact: o is 0 or 1, g is +-1). */
    static double quadrant(double j, double s, double c) {
        final double o = quadrantOdd(j);
        return quadrantSign(j) * (s * (1 - o) + c * o);
    }

    /** cos(j pi/2 + r) from s = sin r and c = cos r. */
    static double cosQuadrant(double j, double s, double c) {
        final double o = quadrantOdd(j);
        return quadrantSign(j) * (c * (1 - o) - s * o);
    }

    /** 2/pi in 24-bit digits, after one zero digit (for arguments below 2^23). */
    private static final int[] TWO_OVER_PI = {0, 0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C,
        0x439041, 0xFE5163, 0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09};

    /** 24 bits of 2/pi from digit k, bit o on. */
    private static long twoOverPi(int k, int o) {
        return ((((long) TWO_OVER_PI[k]) << o) | (((long) TWO_OVER_PI[k + 1]) >> (24 - o))) & 0xFFFFFF;
    }

    /**
     * sin y (shift 0) or cos y (shift 1) for a float y > TRIG_FAST by Payne-Hanek: y = m 2^e (m a 24-bit
     * integer) times the 120 bits of 2/pi that matter (from bit e - 1 on; the bits before make multiples of 4
     * quarter turns), in integer arithmetic, which gives the quadrant and 118 bits of the fraction. NaN for
     * infinity.
     */
    static double trigHuge(double y, int shift) {
        final int bits = Float.floatToRawIntBits((float) y);
        final long m = (bits & 0x7FFFFF) | 0x800000;
        final int u = ((bits >> 23) & 0xFF) - 128;
        final int k = u / 24;
        final int o = u % 24;
        final long p4 = m * twoOverPi(k + 4, o);
        long t = m * twoOverPi(k + 3, o) + (p4 >> 24);
        final long c4 = t & 0xFFFFFF;
        t = m * twoOverPi(k + 2, o) + (t >> 24);
        final long c3 = t & 0xFFFFFF;
        t = m * twoOverPi(k + 1, o) + (t >> 24);
        final long c2 = t & 0xFFFFFF;
        t = m * twoOverPi(k, o) + (t >> 24);
        final long c1 = t & 0xFFFFFF;
        final long up = (c1 >> 21) & 1;
        final double q = ((c1 >> 22) + up) & 3;
        // the fraction in quarter turns, in [-1/2, 1/2): the first two parts add exactly
        final double f = (((c1 & 0x3FFFFF) - (up << 22)) * 0x1p-22 + c2 * 0x1p-46) + (c3 * 0x1p-70 + c4 * 0x1p-94);
        final double r = f * PIO2 + (y - y);
        final double s = sinPoly(r);
        final double c = cosPoly(r);
        return shift == 0 ? quadrant(q, s, c) : cosQuadrant(q, s, c);
    }

    public static float sin(float x) {
        final double d = x;
        final double y = Math.abs(d);
        if (!(y > TRIG_FAST)) {
            final double j = reduceJ(y);
            final double r = reduceR(y, j);
            return (float) (signOf(d) * quadrant(j, sinPoly(r), cosPoly(r)));
        }
        return (float) (signOf(d) * trigHuge(y, 0));
    }

    public static float cos(float x) {
        final double y = Math.abs((double) x);
        if (!(y > TRIG_FAST)) {
            final double j = reduceJ(y);
            final double r = reduceR(y, j);
            return (float) cosQuadrant(j, sinPoly(r), cosPoly(r));
        }
        return (float) trigHuge(y, 1);
    }

    // ---- exp, expm1 ------------------------------------------------------------------------------------------

    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 in two parts, the first of 32 bits (so that k LN2_HI is exact). */
    private static final double LN2_HI = 0.6931471803691238;
    private static final double LN2_LO = 1.9082149292705877E-10;

    /** x clamped to where exp neither overflows nor underflows to zero in fp32 before the end (NaN stays NaN). */
    static double expClamp(double x) {
        return maximum(minimum(x, 89), -104);
    }

    /** k = rint(x / ln 2) of a clamped x. */
    static double expK(double xc) {
        return rint(xc * LOG2E);
    }

    /** r = xc - k ln 2, |r| <= ln2/2 (and a little). */
    static double expR(double xc, double k) {
        return Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, xc));
    }

    /** exp(r) - 1 = r + r^2 Q(r), Q the Taylor polynomial to r^11/13! (relative error below 2^-56). */
    static double expm1Poly(double r) {
        double q = Math.fma(r, 1.6059043836821613E-10, 2.08767569878681E-9);
        q = Math.fma(r, q, 2.505210838544172E-8);
        q = Math.fma(r, q, 2.755731922398589E-7);
        q = Math.fma(r, q, 2.7557319223985893E-6);
        q = Math.fma(r, q, 2.48015873015873E-5);
        q = Math.fma(r, q, 1.984126984126984E-4);
        q = Math.fma(r, q, 0.001388888888888889);
        q = Math.fma(r, q, 0.008333333333333333);
        q = Math.fma(r, q, 0.041666666666666664);
        q = Math.fma(r, q, 0.16666666666666666);
        q = Math.fma(r, q, 0.5);
        return Math.fma(r * r, q, r);
    }

    /** 2^k (1 + e), rounded once (2^k exact: k >= -150 keeps it normal in double). */
    static double expFinish(double e, double k) {
        final double p = pow2(k);
        return Math.fma(p, e, p);
    }

    public static float exp(float x) {
        final double xc = expClamp(x);
        final double k = expK(xc);
        return (float) expFinish(expm1Poly(expR(xc, k)), k);
    }

    /** 2^k (1 + e) - 1, rounded once (2^k - 1 is exact for k <= 53, and rounded harmlessly beyond). */
    static double expm1Finish(double e, double k) {
        final double p = pow2(k);
        return Math.fma(p, e, p - 1);
    }

    public static float expm1(float x) {
        final double d = x;
        final double xc = maximum(minimum(d, 89), -30);
        final double k = expK(xc);
        return (float) keepSign(d, expm1Finish(expm1Poly(expR(xc, k)), k));
    }

    // ---- log, log1p ------------------------------------------------------------------------------------------

    private static final double LN2 = 0.6931471805599453;

    /** The mantissa m in [sqrt(1/2), sqrt(2)) of a positive normal double x = m 2^e (bit operations). */
    static double logMantissa(double x) {
        final long bits = Double.doubleToRawLongBits(x);
        final long mb = bits & 0xFFFFFFFFFFFFFL;
        final long big = (0x6A09E667F3BCDL - mb) >>> 63;
        return Double.longBitsToDouble(mb | ((0x3FFL - big) << 52));
    }

    /** The exponent e of x = m 2^e, as a double. */
    static double logExponent(double x) {
        final long bits = Double.doubleToRawLongBits(x);
        final long big = (0x6A09E667F3BCDL - (bits & 0xFFFFFFFFFFFFFL)) >>> 63;
        return ((bits >>> 52) & 0x7FF) - 1023 + big;
    }

    /**
     * e ln 2 + log m, log m = 2 atanh(s) = 2s + s R(z), s = f / (2 + f), f = m - 1 (exact), z = s^2, fdlibm's
     * minimax R (relative error below 2^-58).
     */
    static double logPoly(double m, double e) {
        final double f = m - 1;
        final double s = f / (2 + f);
        final double z = s * s;
        double p = Math.fma(z, 1.479819860511658591E-1, 1.531383769920937332E-1);
        p = Math.fma(z, p, 1.818357216161805012E-1);
        p = Math.fma(z, p, 2.222219843214978396E-1);
        p = Math.fma(z, p, 2.857142874366239149E-1);
        p = Math.fma(z, p, 3.999999999940941908E-1);
        p = Math.fma(z, p, 6.666666666666735130E-1);
        return Math.fma(e, LN2, Math.fma(s, z * p, 2 * s));
    }

    /** v, or NaN for x < 0, -inf (in fp32) for x = 0, +inf for x = +inf. */
    static double logSpecial(double x, double v) {
        final double zero = 1 - minimum(maximum(x * 0x1p300 * 0x1p300, 0), 1);
        return ((v + maximum(x - Double.MAX_VALUE, 0)) + zero * 0x1p300 * -0x1p300) + 0 * Math.sqrt(minimum(x, 1));
    }

    public static float log(float x) {
        final double d = x;
        return (float) logSpecial(d, logPoly(logMantissa(d), logExponent(d)));
    }

    /** log(u) + (x - (u - 1)) / u, u = 1 + x rounded: log(1 + x) for x >= -1 (the second term the rounding). */
    static double log1pOf(double x, double u) {
        return logPoly(logMantissa(u), logExponent(u)) + (x - (u - 1)) / (u + 0x1p-1000);
    }

    public static float log1p(float x) {
        final double xc = minimum((double) x, Float.MAX_VALUE);
        final double u = 1 + xc;
        return (float) keepSign(x, logSpecial(u, log1pOf(xc, u)) + maximum(x - (double) Float.MAX_VALUE, 0));
    }

    // ---- tanh, softplus, sigmoid, pow ------------------------------------------------------------------------

    public static float tanh(float x) {
        final double d = x;
        final double xc = maximum(-2 * Math.abs(d), -30);
        final double k = expK(xc);
        final double v = expm1Finish(expm1Poly(expR(xc, k)), k);
        return (float) (signOf(d) * Math.abs(-v / (2 + v)));
    }

    /** exp(-|x|) of a float x, never below exp(-104). */
    static double expNegAbs(double x) {
        final double xc = expClamp(-Math.abs(x));
        final double k = expK(xc);
        return expFinish(expm1Poly(expR(xc, k)), k);
    }

    /** log(1 + exp(x)) = max(x, 0) + log(1 + exp(-|x|)), without overflow. */
    public static float softplus(float x) {
        final double d = x;
        final double u = expNegAbs(d);
        return (float) (maximum(d, 0) + log1pOf(u, 1 + u));
    }

    /** 1 / (1 + exp(-x)) = n / (1 + exp(-|x|)), n = 1 for x >= 0 and exp(-|x|) for x < 0. */
    public static float sigmoid(float x) {
        final double d = x;
        final double u = expNegAbs(d);
        final double neg = 1 - minimum(maximum(d * 0x1p300 * 0x1p300, 0), 1);
        return (float) (Math.fma(neg, u, 1 - neg) / (1 + u));
    }

    /** x^y for x > 0 (NaN for x < 0 or not finite): exp(y log x). */
    public static float pow(float x, float y) {
        final double d = x;
        final double xc = expClamp(y * logPoly(logMantissa(d), logExponent(d)));
        final double k = expK(xc);
        return (float) (expFinish(expm1Poly(expR(xc, k)), k) + 0 * Math.sqrt(d));
    }

    /** x^n for n >= 0 by repeated squaring (the loop depends on n only). */
    public static float pown(float x, int n) {
        float r = 1;
        while (n > 0) {
            r = r * ((n & 1) != 0 ? x : 1);
            x = x * x;
            n = n >> 1;
        }
        return r;
    }
}
