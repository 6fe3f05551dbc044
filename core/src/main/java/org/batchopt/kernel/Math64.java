package org.batchopt.kernel;

/**
 * fp64 twin of {@code kernels/math.cl} (its {@code REAL_IS_DOUBLE} branch): the same operations in the same
 * order, so that every backend computes the same bits. Hand-written, as is {@link Math32}: the two precisions
 * are evaluated differently (fp32 in plain double), so {@link LaneMath64} (which applies these functions to the
 * lanes of a tile in loops the JIT vectorizes) and {@link LaneMath32} are hand-written too. Every other
 * {@code *64} twin is turned into its {@code *32} by the build.
 *
 * <p>Every function is built from {@code + - * /}, {@code fma}, {@code sqrt} and IEEE 754-2019
 * {@code minimum}/{@code maximum} (Java's {@code Math.min}/{@code Math.max}), which are correctly rounded on
 * every backend, with the leading terms in double-double arithmetic and one rounding at the end. Measured by
 * {@code MathTest} against a double-double evaluation with 2^-100 relative error (itself checked against
 * BigDecimal series) over 10^7 arguments per function and the special ones (see {@link Math32}); CI runs 10^6:
 * <pre>
 *   function   max error    notes
 *   exp        0.508 ulp    results below 2^-969 within 1 ulp (the reference's own error there is 0.5 ulp)
 *   expm1      0.519 ulp
 *   log        0.504 ulp
 *   log1p      0.504 ulp
 *   sin        0.535 ulp    every finite argument (Payne-Hanek beyond 2^30, with 190 bits of the fraction)
 *   cos        0.534 ulp    the same
 *   tanh       0.518 ulp
 *   softplus   0.508 ulp    log(1 + exp(x)) without overflow
 *   sigmoid    0.508 ulp    1 / (1 + exp(-x))
 *   pow        0.559 ulp    x > 0; measured for y = 1.75 (0.508 ulp) and y = -30
 * </pre>
 * The functions of main before them erred by up to 1.5 ulp (sin, cos 1.5 ulp on [-40, 40] and 2.2 ulp on
 * [-60000, 60000], NaN beyond 1e9; exp 1.1 ulp).
 */
public final class Math64 {
    public static final double REAL_MAX = Double.MAX_VALUE;

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

    /** A fused multiply-add, {@code a*b + c} rounded once, as the kernel's {@code fma}. */
    public static double fma(double a, double b, double c) {
        return Math.fma(a, b, c);
    }

    /** torch's lerp as its CPU kernel computes it. */
    public static double lerp(double a, double b, double w) {
        return Math.abs(w) < 0.5 ? Math.fma(w, b - a, a) : Math.fma(w - 1, b - a, b);
    }

    /** torch's sign: 1, -1, or 0 for zero (and NaN). */
    public static double sign(double x) {
        return x > 0 ? 1 : (x < 0 ? -1 : 0);
    }

    /** The larger of a and b; a when b is NaN. */
    public static double max(double a, double b) {
        return b > a ? b : a;
    }

    // ---- building blocks -------------------------------------------------------------------------------------

    /** IEEE 754-2019 minimum: NaN if either is NaN, -0 below +0 (the kernel's bo_minimum). */
    static double minimum(double a, double b) {
        return Math.min(a, b);
    }

    /** IEEE 754-2019 maximum: NaN if either is NaN, +0 above -0 (the kernel's bo_maximum). */
    static double maximum(double a, double b) {
        return Math.max(a, b);
    }

    private static final double RINT = 0x1.8p52;

    /** x rounded to an integer, ties to even, for |x| < 2^51. */
    static double rint(double x) {
        return (x + RINT) - RINT;
    }

    /** 1 with the sign of x, and x itself for +-0 and NaN. */
    static double signOf(double x) {
        return maximum(minimum(x * 0x1p600 * 0x1p600, 1), -1);
    }

    /** 1 where x < t, 0 where x >= t (NaN for NaN). */
    static double below(double x, double t) {
        return minimum(maximum((t - x) * 0x1p600 * 0x1p600, 0), 1);
    }

    /** floor(v / 2) for an integer v in [0, 2^50). */
    static double half(double v) {
        return rint(Math.fma(v, 0.5, -0.25));
    }

    /** The bias b of {@link #pow2}: 2^k = pow2High(k) pow2Bits(k + b). */
    static final double POW2_BIAS = 538;

    /** 2^(v mod 64) for an integer v in [0, 2^20). */
    static double pow2Bits(double v) {
        final double lo = Math.fma(-64, rint(Math.fma(v, 0.015625, -0.4921875)), v);
        final double h1 = half(lo);
        final double h2 = half(h1);
        final double h3 = half(h2);
        final double h4 = half(h3);
        final double h5 = half(h4);
        return Math.fma(Math.fma(-2, h1, lo), 1, 1) * Math.fma(Math.fma(-2, h2, h1), 3, 1)
                * Math.fma(Math.fma(-2, h3, h2), 15, 1) * Math.fma(Math.fma(-2, h4, h3), 255, 1)
                * Math.fma(Math.fma(-2, h5, h4), 65535, 1) * Math.fma(h5, 4294967295.0, 1);
    }

    /** 2^(64 floor((k + 538) / 64) - 538) for an integer k in [-538, 1023]. */
    static double pow2High(double k) {
        final double v = rint(Math.fma(k + POW2_BIAS, 0.015625, -0.4921875));
        final double h1 = half(v);
        final double h2 = half(h1);
        final double h3 = half(h2);
        final double h4 = half(h3);
        final double top = Math.fma(h4, 0x1p512, 1);
        return 0x1p-538 * top * top * Math.fma(Math.fma(-2, h4, h3), 0x1p512, 1)
                * Math.fma(Math.fma(-2, h3, h2), 0x1p256, 1) * Math.fma(Math.fma(-2, h2, h1), 0x1p128, 1)
                * Math.fma(Math.fma(-2, h1, v), 0x1p64, 1);
    }

    /**
     * 2^k, exactly, for an integer k in [-538, 1023]: from its binary digits, by + and * alone (the JIT does
     * not vectorize bit casts), in two stages.
     */
    static double pow2(double k) {
        return pow2High(k) * pow2Bits(k + POW2_BIAS);
    }

    /** k1 = floor(k/2), so that 2^k = 2^k1 (2^k1 (1 + k - 2 k1)) for an integer k in [-1076, 1024]. */
    static double splitExponent(double k) {
        return half(k + 2048) - 1024;
    }

    /** 2^k2, k2 = k - k1, from 2^k1. */
    static double secondFactor(double k, double s1) {
        return s1 * (1 + (k - 2 * splitExponent(k)));
    }

    // ---- sin, cos ------------------------------------------------------------------------------------------------

    /** Arguments up to this take the Cody-Waite reduction; larger ones (and infinities) Payne-Hanek. */
    static final double TRIG_FAST = 0x1p30;
    /** pi/2 in four parts, each truncated, so that j pi/2 - y keeps the sign of zero. */
    private static final double PIO2_1 = 1.5707963267948966;
    private static final double PIO2_2 = 6.123233995736765E-17;
    private static final double PIO2_3 = 1.0828566739219139E-32;
    private static final double PIO2_4 = 7.398504768267702E-49;
    /** pi/2 rounded, and the rest. */
    private static final double PIO2_H = 1.5707963267948966;
    private static final double PIO2_L = 6.123233995736766E-17;
    /** -1/6 as a double-double. */
    private static final double S3_H = -0.16666666666666666;
    private static final double S3_L = -9.25185853854297E-18;

    /** The quadrant count j = rint(y 2/pi) of y = |x| <= TRIG_FAST. */
    static double reduceJ(double y) {
        return rint(y * 0.6366197723675814);
    }

    /** y - j pi/2, high part (fma(-j, PIO2_1, y) is exact). */
    static double reduceHi(double y, double j) {
        return Math.fma(-j, PIO2_1, y) - j * PIO2_2;
    }

    /** y - j pi/2, low part: the error of reduceHi and the terms of pi/2 beyond its first two. */
    static double reduceLo(double y, double j) {
        final double a = Math.fma(-j, PIO2_1, y);
        final double b = j * PIO2_2;
        final double s = a - b;
        final double t = s - a;
        final double e = (a - (s - t)) - (b + t);
        return Math.fma(-j, PIO2_4, Math.fma(-j, PIO2_3, e - Math.fma(j, PIO2_2, -b)));
    }

    /** z B(z), B = 1/120 - z/5040 + ... + z^6/17!, z = r^2. */
    private static double sinTail(double z) {
        double c = Math.fma(z, 2.8114572543455206E-15, -7.647163731819816E-13);
        c = Math.fma(z, c, 1.6059043836821613E-10);
        c = Math.fma(z, c, -2.505210838544172E-8);
        c = Math.fma(z, c, 2.7557319223985893E-6);
        c = Math.fma(z, c, -1.984126984126984E-4);
        return z * Math.fma(z, c, 0.008333333333333333);
    }

    /** A(z) = -1/6 + z B(z), z = rh^2, so that sin r = r + r z A(z): high part. */
    static double sinAHi(double rh) {
        final double z = rh * rh;
        return S3_H + sinTail(z);
    }

    /** A(z), low part: the rounding error of sinAHi. */
    static double sinALo(double rh) {
        final double z = rh * rh;
        final double t = sinTail(z);
        final double ah = S3_H + t;
        return ((-ah + S3_H) + t) + S3_L;
    }

    /** sin(rh + rl) for |rh| <= pi/4 (and a little), from A(z) = ah + al. */
    static double sinFinish(double rh, double rl, double ah, double al) {
        final double z = rh * rh;
        final double zl = Math.fma(rh, rh, -z);
        final double p = rh * z;
        final double pl = Math.fma(rh, z, -p) + rh * zl;
        final double wh = p * ah;
        final double wl = Math.fma(p, ah, -wh) + Math.fma(p, al, pl * ah);
        final double sh = rh + wh;
        final double sl = (rh - sh) + wh;
        // + rl cos(rh), cos(rh) to 2^-11 as 1 - z/2 + z^2/24
        return sh + (sl + Math.fma(rl, Math.fma(z, Math.fma(z, 0.041666666666666664, -0.5), 1), wl));
    }

    /** z L(z), L = 1/24 - z/720 + ... - z^7/18!, z = r^2. */
    private static double cosTail(double z) {
        double n = Math.fma(z, -1.5619206968586225E-16, 4.779477332387385E-14);
        n = Math.fma(z, n, -1.1470745597729725E-11);
        n = Math.fma(z, n, 2.08767569878681E-9);
        n = Math.fma(z, n, -2.755731922398589E-7);
        n = Math.fma(z, n, 2.48015873015873E-5);
        n = Math.fma(z, n, -0.001388888888888889);
        return z * Math.fma(z, n, 0.041666666666666664);
    }

    /** K(z) = -1/2 + z L(z), z = rh^2, so that cos r = 1 + z K(z): high part. */
    static double cosKHi(double rh) {
        return -0.5 + cosTail(rh * rh);
    }

    /** K(z), low part: the rounding error of cosKHi. */
    static double cosKLo(double rh) {
        final double t = cosTail(rh * rh);
        final double kh = -0.5 + t;
        return (-kh - 0.5) + t;
    }

    /** cos(rh + rl) for |rh| <= pi/4 (and a little), from K(z) = kh + kl. */
    static double cosFinish(double rh, double rl, double kh, double kl) {
        final double z = rh * rh;
        final double zl = Math.fma(rh, rh, -z);
        final double u = z * kh;
        final double ul = Math.fma(z, kh, -u) + Math.fma(z, kl, zl * kh);
        final double ch = 1 + u;
        final double cl = ((-ch + 1) + u) + ul;
        // - rl sin(rh), sin(rh) to 2^-11 as rh (1 - z/6 + z^2/120)
        return ch + Math.fma(-rl, rh * Math.fma(z, Math.fma(z, 0.008333333333333333, S3_H), 1), cl);
    }

    /** j mod 2 of an integer j >= 0: whether sin and cos swap in the quadrant. */
    static double quadrantOdd(double j) {
        return Math.fma(-2, half(j), j);
    }

    /** (-1)^floor(j/2) of an integer j >= 0: the sign of the quadrant. */
    static double quadrantSign(double j) {
        final double h = half(j);
        return Math.fma(-2, Math.fma(-2, half(h), h), 1);
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

    /** sin(j pi/2 + rh + rl). */
    private static double sinReduced(double j, double rh, double rl) {
        return quadrant(j, sinFinish(rh, rl, sinAHi(rh), sinALo(rh)), cosFinish(rh, rl, cosKHi(rh), cosKLo(rh)));
    }

    /** cos(j pi/2 + rh + rl). */
    private static double cosReduced(double j, double rh, double rl) {
        return cosQuadrant(j, sinFinish(rh, rl, sinAHi(rh), sinALo(rh)), cosFinish(rh, rl, cosKHi(rh), cosKLo(rh)));
    }

    /** 2/pi in 24-bit digits, after one zero digit (for arguments below 2^52). */
    private static final int[] TWO_OVER_PI = {0, 0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62,
        0x95993C, 0x439041, 0xFE5163, 0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C,
        0xFE1DEB, 0x1CB129, 0xA73EE8, 0x8235F5, 0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41, 0x3991D6, 0x398353,
        0x39F49C, 0x845F8B, 0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF,
        0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D, 0x7527BA, 0xC7EBE5, 0xF17B3D, 0x0739F7, 0x8A5292, 0xEA6BFB,
        0x5FB11F, 0x8D5D08, 0x560330, 0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3, 0x91615E};

    /** 24 bits of 2/pi from digit k, bit o on. */
    private static long twoOverPi(int k, int o) {
        return ((((long) TWO_OVER_PI[k]) << o) | (((long) TWO_OVER_PI[k + 1]) >> (24 - o))) & 0xFFFFFF;
    }

    /**
     * sin y (shift 0) or cos y (shift 1) for y > TRIG_FAST by Payne-Hanek: y = m 2^e (m a 53-bit integer, in a
     * 29-bit and a 24-bit part) times the 192 bits of 2/pi that matter (from bit e - 1 on; the bits before make
     * multiples of 4 quarter turns), in integer arithmetic, which gives the quadrant and 190 bits of the fraction
     * (enough for the nearest multiple of pi/2 to any double, 2^-61 away). NaN for infinity.
     */
    static double trigHuge(double y, int shift) {
        final long bits = Double.doubleToRawLongBits(y);
        final long m = (bits & 0xFFFFFFFFFFFFFL) | 0x10000000000000L;
        final long mh = m >> 24;
        final long ml = m & 0xFFFFFF;
        final int u = (int) ((bits >> 52) & 0x7FF) - 1053;
        final int k = u / 24;
        final int o = u % 24;
        long w0 = twoOverPi(k + 7, o);
        long t = ml * w0;
        long w1 = twoOverPi(k + 6, o);
        t = ml * w1 + mh * w0 + (t >> 24);
        w0 = twoOverPi(k + 5, o);
        t = ml * w0 + mh * w1 + (t >> 24);
        w1 = twoOverPi(k + 4, o);
        t = ml * w1 + mh * w0 + (t >> 24);
        final long d3 = t & 0xFFFFFF;
        w0 = twoOverPi(k + 3, o);
        t = ml * w0 + mh * w1 + (t >> 24);
        final long d4 = t & 0xFFFFFF;
        w1 = twoOverPi(k + 2, o);
        t = ml * w1 + mh * w0 + (t >> 24);
        final long d5 = t & 0xFFFFFF;
        w0 = twoOverPi(k + 1, o);
        t = ml * w0 + mh * w1 + (t >> 24);
        final long d6 = t & 0xFFFFFF;
        w1 = twoOverPi(k, o);
        t = ml * w1 + mh * w0 + (t >> 24);
        final long d7 = t & 0xFFFFFF;
        final long up = (d7 >> 21) & 1;
        final double q = ((d7 >> 22) + up) & 3;
        final double fa = ((d7 & 0x3FFFFF) - (up << 22)) * 0x1p-22;
        final double fb = d6 * 0x1p-46;
        final double f1 = fa + fb;
        final double e1 = (fa - f1) + fb;
        final double fc = d5 * 0x1p-70;
        final double f2 = f1 + fc;
        final double e2 = (f1 - f2) + fc;
        final double fd = d4 * 0x1p-94;
        final double fh = f2 + fd;
        final double e3 = (f2 - fh) + fd;
        final double fl = e1 + e2 + e3 + d3 * 0x1p-118;
        final double rh = fh * PIO2_H;
        final double rl = Math.fma(fh, PIO2_H, -rh) + Math.fma(fh, PIO2_L, fl * PIO2_H);
        return shift == 0 ? sinReduced(q, rh + (y - y), rl) : cosReduced(q, rh + (y - y), rl);
    }

    public static double sin(double x) {
        final double y = Math.abs(x);
        if (!(y > TRIG_FAST)) {
            final double j = reduceJ(y);
            return signOf(x) * sinReduced(j, reduceHi(y, j), reduceLo(y, j));
        }
        return signOf(x) * trigHuge(y, 0);
    }

    public static double cos(double x) {
        final double y = Math.abs(x);
        if (!(y > TRIG_FAST)) {
            final double j = reduceJ(y);
            return cosReduced(j, reduceHi(y, j), reduceLo(y, j));
        }
        return trigHuge(y, 1);
    }

    // ---- exp, expm1 ------------------------------------------------------------------------------------------

    private static final double LN2_H = 0.6931471805599453;
    /** -(ln 2 - LN2_H). */
    private static final double LN2_NL = -2.3190468138462996E-17;

    /** x clamped to where exp neither overflows nor underflows to zero before the end (NaN stays NaN). */
    static double expClamp(double x) {
        return maximum(minimum(x, 710), -746);
    }

    /** x clamped for expm1, below which it is -1. */
    static double expm1Clamp(double x) {
        return maximum(minimum(x, 710), -40);
    }

    /** k = rint(x / ln 2) of a clamped x. */
    static double expK(double xc) {
        return rint(xc * 1.4426950408889634);
    }

    /** xc - k ln 2, high part (fma(-k, LN2_H, xc) is exact). */
    static double expRHi(double xc, double k) {
        return Math.fma(-k, LN2_H, xc) + k * LN2_NL;
    }

    /** xc - k ln 2, low part. */
    static double expRLo(double xc, double k) {
        final double r0 = Math.fma(-k, LN2_H, xc);
        final double r1 = k * LN2_NL;
        final double rh = r0 + r1;
        final double t = rh - r0;
        return (r0 - (rh - t)) + (r1 - t);
    }

    /** T(r) = 1/6 + r/24 + ... + r^12/15!. */
    private static double expTail(double r) {
        double q = Math.fma(r, 7.647163731819816E-13, 1.1470745597729725E-11);
        q = Math.fma(r, q, 1.6059043836821613E-10);
        q = Math.fma(r, q, 2.08767569878681E-9);
        q = Math.fma(r, q, 2.505210838544172E-8);
        q = Math.fma(r, q, 2.755731922398589E-7);
        q = Math.fma(r, q, 2.7557319223985893E-6);
        q = Math.fma(r, q, 2.48015873015873E-5);
        q = Math.fma(r, q, 1.984126984126984E-4);
        q = Math.fma(r, q, 0.001388888888888889);
        q = Math.fma(r, q, 0.008333333333333333);
        q = Math.fma(r, q, 0.041666666666666664);
        return Math.fma(r, q, 0.16666666666666666);
    }

    /** Q(r) = 1/2 + r T(r), so that exp(r) - 1 = r + r^2 Q(r): high part. */
    static double expQHi(double r) {
        return 0.5 + r * expTail(r);
    }

    /** Q(r), low part: the rounding errors of r T(r) and of the sum. */
    static double expQLo(double r) {
        final double tv = expTail(r);
        final double t = r * tv;
        final double qh = 0.5 + t;
        return ((-qh + 0.5) + t) + Math.fma(r, tv, -t);
    }

    /** exp(rh + rl) - 1, high part, from Q(rh) = qh + ql. */
    static double expEHi(double rh, double qh) {
        return rh + rh * rh * qh;
    }

    /** exp(rh + rl) - 1, low part. */
    static double expELo(double rh, double rl, double qh, double ql) {
        final double z = rh * rh;
        final double zl = Math.fma(rh, rh, -z);
        final double wh = z * qh;
        final double wl = Math.fma(z, qh, -wh) + Math.fma(z, ql, zl * qh);
        final double eh = rh + wh;
        return (((rh - eh) + wh) + wl) + Math.fma(rl, eh, rl);
    }

    /** 2^k (1 + eh + el), rounded once (twice where the result is subnormal), from 2^k = s1 s2. */
    static double expFinish(double eh, double el, double s1, double s2) {
        final double sh = 1 + eh;
        final double sl = ((-sh + 1) + eh) + el;
        return Math.fma(sh, s1, sl * s1) * s2;
    }

    public static double exp(double x) {
        final double xc = expClamp(x);
        final double k = expK(xc);
        final double rh = expRHi(xc, k);
        final double qh = expQHi(rh);
        final double s1 = pow2(splitExponent(k));
        return expFinish(expEHi(rh, qh), expELo(rh, expRLo(xc, k), qh, expQLo(rh)), s1, secondFactor(k, s1));
    }

    /** kk = min(k, 1023) of expm1: 2^1023 is the largest power of two. */
    static double expm1Scale(double k) {
        return minimum(k, 1023);
    }

    /** 2^k (1 + eh + el) - 1 = p (f (1 + e) - 1/p), p = 2^kk, f = 2^(k - kk): its high part over p. */
    static double expm1Hi(double k, double p, double eh) {
        final double f = 1 + (k - expm1Scale(k));
        return (f - 1 / p) + f * eh;
    }

    /** The low part over p. */
    static double expm1Lo(double k, double p, double eh, double el) {
        final double f = 1 + (k - expm1Scale(k));
        final double b = 1 / p;
        final double a = f - b;
        final double ta = a - f;
        final double al = (f - (a - ta)) - (b + ta);
        final double fe = f * eh;
        final double s = a + fe;
        final double ts = s - a;
        return ((a - (s - ts)) + (fe - ts)) + (al + f * el);
    }

    public static double expm1(double x) {
        final double xc = expm1Clamp(x);
        final double k = expK(xc);
        final double rh = expRHi(xc, k);
        final double qh = expQHi(rh);
        final double eh = expEHi(rh, qh);
        final double el = expELo(rh, expRLo(xc, k), qh, expQLo(rh));
        final double p = pow2(expm1Scale(k));
        return keepSign(x, Math.fma(p, expm1Hi(k, p, eh), p * expm1Lo(k, p, eh, el)));
    }

    /** v with the sign of x, for functions with the sign of their argument (so that f(-0) = -0). */
    static double keepSign(double x, double v) {
        final double a = Math.abs(v);
        return maximum(minimum(x * 0x1p600 * 0x1p600, a), -a);
    }

    // ---- log, log1p ------------------------------------------------------------------------------------------

    /** ln 2 in a 42-bit head (so that e ln 2 is exact), a middle and a tail. */
    private static final double LN2_42 = 0.6931471805598903;
    private static final double LN2_M = 5.497923018708371E-14;
    private static final double LN2_T = 1.94704509238075E-31;
    /** 2/3 as a double-double. */
    private static final double G3_H = 0.6666666666666666;
    private static final double G3_L = 3.700743415417188E-17;

    /** x, times 2^54 when it is subnormal. */
    private static double logScaled(double x) {
        return x * Math.fma(below(x, 0x1p-1022), 0x1p54, 1 - below(x, 0x1p-1022));
    }

    /** The mantissa m in [sqrt(1/2), sqrt(2)) of x = m 2^e (bit operations, as the kernel). */
    static double logMantissa(double x) {
        final long bits = Double.doubleToRawLongBits(logScaled(x));
        final long mb = bits & 0xFFFFFFFFFFFFFL;
        final long big = (0x6A09E667F3BCCL - mb) >>> 63;
        return Double.longBitsToDouble(mb | (0x3FF0000000000000L - (big << 52)));
    }

    /** The exponent e of x = m 2^e, as a double. */
    static double logExponent(double x) {
        final long bits = Double.doubleToRawLongBits(logScaled(x));
        final long big = (0x6A09E667F3BCCL - (bits & 0xFFFFFFFFFFFFFL)) >>> 63;
        return (((bits >> 52) & 0x7FF) - 1023 + big) - 54 * below(x, 0x1p-1022);
    }

    /** s = f / (2 + f), f = m - 1 (exact), high part. */
    static double logSHi(double m) {
        final double f = m - 1;
        return f / (2 + f);
    }

    /** s, low part. */
    static double logSLo(double m, double sh) {
        final double f = m - 1;
        final double dh = 2 + f;
        final double dl = (-dh + 2) + f;
        return (Math.fma(-sh, dh, f) - sh * dl) / dh;
    }

    /** 2/5 + z 2/7 + ... + z^8 2/21. */
    private static double logTail(double z) {
        double h = Math.fma(z, 0.09523809523809523, 0.10526315789473684);
        h = Math.fma(z, h, 0.11764705882352941);
        h = Math.fma(z, h, 0.13333333333333333);
        h = Math.fma(z, h, 0.15384615384615385);
        h = Math.fma(z, h, 0.18181818181818182);
        h = Math.fma(z, h, 0.2222222222222222);
        h = Math.fma(z, h, 0.2857142857142857);
        return Math.fma(z, h, 0.4);
    }

    /** log(1 + f) = 2 atanh(s) = 2s + s z (2/3 + z logTail(z)), z = s^2: high part. */
    static double logLHi(double sh, double sl) {
        final double z = sh * sh;
        return 2 * sh + sh * z * (G3_H + z * logTail(z));
    }

    /** log(1 + f), low part. */
    static double logLLo(double sh, double sl) {
        final double z = sh * sh;
        final double zl = Math.fma(sh, sh, -z) + 2 * sh * sl;
        final double h = logTail(z);
        final double t = z * h;
        final double gh = G3_H + t;
        final double gl = ((-gh + G3_H) + t) + (G3_L + Math.fma(z, h, -t));
        final double p = sh * z;
        final double pl = Math.fma(sh, z, -p) + Math.fma(sh, zl, sl * z);
        final double wh = p * gh;
        final double wl = Math.fma(p, gh, -wh) + Math.fma(p, gl, pl * gh);
        final double lh = 2 * sh + wh;
        return ((2 * sh - lh) + wh) + Math.fma(2, sl, wl);
    }

    /** e ln 2 + lh + ll + log(1 + c), rounded once, for c = ul / uh small against 1. */
    static double logSum(double e, double lh, double ll, double ul, double uh) {
        final double c = ul / uh;
        final double u = lh + c;
        final double tu = u - lh;
        final double a = e * LN2_42;
        final double bh = e * LN2_M;
        final double s1 = a + u;
        final double s2 = s1 + bh;
        final double low = ((s1 - s2) + bh) + ((a - s1) + u)
                + ((((lh - (u - tu)) + (c - tu)) + ll) + Math.fma(-c, uh, ul) / uh - 0.5 * c * c
                + Math.fma(e, LN2_M, -bh) + e * LN2_T);
        return s2 + low;
    }

    /** v, or NaN for x < 0, -inf for x = 0, +inf for x = +inf. */
    static double logSpecial(double x, double v) {
        final double zero = 1 - minimum(maximum(x * 0x1p600 * 0x1p600, 0), 1);
        return ((v + maximum(x - Double.MAX_VALUE, 0)) + zero * 0x1p600 * -0x1p600) + 0 * sqrt(minimum(x, 1));
    }

    public static double log(double x) {
        final double m = logMantissa(x);
        final double sh = logSHi(m);
        final double sl = logSLo(m, sh);
        return logSpecial(x, logSum(logExponent(x), logLHi(sh, sl), logLLo(sh, sl), 0, 1));
    }

    public static double log1p(double x) {
        final double xc = minimum(x, Double.MAX_VALUE);
        final double uh = 1 + xc;
        final double t = uh - xc;
        final double ul = (xc - (uh - t)) + (1 - t);
        final double m = logMantissa(uh);
        final double sh = logSHi(m);
        final double sl = logSLo(m, sh);
        final double v = logSum(logExponent(uh), logLHi(sh, sl), logLLo(sh, sl), ul, uh + 0x1p-1074);
        return keepSign(x, logSpecial(uh, v) + maximum(x - Double.MAX_VALUE, 0));
    }

    // ---- tanh, softplus, sigmoid, pow ------------------------------------------------------------------------

    /** tanh(y) = -v / (2 + v), v = expm1(-2y) = p (vh + vl), for y = |x|. */
    static double tanhOf(double p, double vh, double vl) {
        final double h = p * vh;
        final double l = p * vl;
        final double dh = 2 + h;
        final double dl = ((-dh + 2) + h) + l;
        final double q = -h / dh;
        return q + (Math.fma(-q, dh, -h) - Math.fma(q, dl, l)) / dh;
    }

    public static double tanh(double x) {
        final double y = Math.abs(x);
        final double xc = expm1Clamp(-2 * y);
        final double k = expK(xc);
        final double rh = expRHi(xc, k);
        final double qh = expQHi(rh);
        final double eh = expEHi(rh, qh);
        final double el = expELo(rh, expRLo(xc, k), qh, expQLo(rh));
        final double p = pow2(k);
        return signOf(x) * tanhOf(p, expm1Hi(k, p, eh), expm1Lo(k, p, eh, el));
    }

    /** 2^k (1 + eh + el) for an integer k in [-1076, 0], s1 = 2^floor(k/2), as a double-double: high part. */
    static double expPartHi(double k, double eh, double s1) {
        return (1 + eh) * s1 * secondFactor(k, s1);
    }

    /** 2^k (1 + eh + el), low part. */
    static double expPartLo(double k, double eh, double el, double s1) {
        final double sh = 1 + eh;
        return (((-sh + 1) + eh) + el) * s1 * secondFactor(k, s1);
    }

    /** a + log(1 + eh + el) for 0 < eh + el <= 1 and a >= 0, rounded once: 1 + e lies in (1, 2]. */
    static double log1pUnit(double a, double eh, double el) {
        final double uh = 1 + eh;
        final double ul = (-uh + 1) + eh;
        final double big = 1 - below(uh, 1.4142135623730951);
        final double m = uh * (1 - 0.5 * big);
        final double sh = logSHi(m);
        final double sl = logSLo(m, sh);
        final double lh = logLHi(sh, sl);
        final double c = ul / uh;
        final double u = lh + c;
        final double tu = u - lh;
        final double bh = big * LN2_42;
        final double s1 = bh + u;
        final double s1l = ((bh - s1) + u) + ((((lh - (u - tu)) + (c - tu)) + logLLo(sh, sl))
                + (Math.fma(-c, uh, ul) + el) / uh - 0.5 * c * c + Math.fma(big, LN2_M, big * LN2_T));
        final double s2 = a + s1;
        final double t = s2 - a;
        return s2 + (((a - (s2 - t)) + (s1 - t)) + s1l);
    }

    /** log(1 + exp(x)) = max(x, 0) + log(1 + exp(-|x|)), without overflow. */
    public static double softplus(double x) {
        final double xc = expClamp(-Math.abs(x));
        final double k = expK(xc);
        final double rh = expRHi(xc, k);
        final double qh = expQHi(rh);
        final double eh = expEHi(rh, qh);
        final double el = expELo(rh, expRLo(xc, k), qh, expQLo(rh));
        final double s1 = pow2(splitExponent(k));
        return log1pUnit(minimum(maximum(x, 0), Double.MAX_VALUE), expPartHi(k, eh, s1), expPartLo(k, eh, el, s1))
                + maximum(x - Double.MAX_VALUE, 0);
    }

    /** n / (1 + eh + el), n = 1 for x >= 0 and eh + el for x < 0 (eh + el = exp(-|x|)), rounded once. */
    static double sigmoidOf(double x, double eh, double el) {
        final double neg = 1 - below(-x, 0);
        final double nh = Math.fma(neg, eh, 1 - neg);
        final double nl = neg * el;
        final double dh = 1 + eh;
        final double dl = ((-dh + 1) + eh) + el;
        final double q = nh / dh;
        return q + (Math.fma(-q, dh, nh) + Math.fma(-q, dl, nl)) / dh;
    }

    /** 1 / (1 + exp(-x)). */
    public static double sigmoid(double x) {
        final double xc = expClamp(-Math.abs(x));
        final double k = expK(xc);
        final double rh = expRHi(xc, k);
        final double qh = expQHi(rh);
        final double eh = expEHi(rh, qh);
        final double el = expELo(rh, expRLo(xc, k), qh, expQLo(rh));
        final double s1 = pow2(splitExponent(k));
        return sigmoidOf(x, expPartHi(k, eh, s1), expPartLo(k, eh, el, s1));
    }

    /** x^y for x > 0 (NaN for x < 0 and x = +inf): exp(y log x) with y log x as a double-double. */
    public static double pow(double x, double y) {
        final double m = logMantissa(x);
        final double sh = logSHi(m);
        final double sl = logSLo(m, sh);
        final double e = logExponent(x);
        final double lh = logLHi(sh, sl);
        final double ll = logLLo(sh, sl);
        final double a = e * LN2_42;
        final double g1 = a + lh;
        final double g1l = ((a - g1) + lh) + (ll + Math.fma(e, LN2_M, e * LN2_T));
        final double wh = y * g1;
        final double wl = minimum(maximum(Math.fma(y, g1, -wh) + y * g1l, -1), 1);
        final double xc = expClamp(wh);
        final double k = expK(xc);
        final double r0 = Math.fma(-k, LN2_H, xc);
        final double r1 = Math.fma(k, LN2_NL, wl);
        final double rh = r0 + r1;
        final double tr = rh - r0;
        final double rl = (r0 - (rh - tr)) + (r1 - tr);
        final double qh = expQHi(rh);
        final double s1 = pow2(splitExponent(k));
        final double v = expFinish(expEHi(rh, qh), expELo(rh, rl, qh, expQLo(rh)), s1, secondFactor(k, s1));
        return v + 0 * sqrt(x);
    }

    /** x^n for n >= 0 by repeated squaring (the loop depends on n only). */
    public static double pown(double x, int n) {
        double r = 1;
        while (n > 0) {
            r = r * ((n & 1) != 0 ? x : 1);
            x = x * x;
            n = n >> 1;
        }
        return r;
    }
}
