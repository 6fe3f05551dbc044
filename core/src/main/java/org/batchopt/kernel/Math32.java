package org.batchopt.kernel;

/**
 * fp32 twin of {@code kernels/math.cl} (its {@code REAL_IS_DOUBLE == 0} branches): the same operations in the
 * same order, so that every backend computes the same bits. Hand-written, as is {@link Math64}: the two
 * precisions use different polynomials. {@link LaneMath32} applies these functions to the lanes of a tile in
 * loops the JIT vectorizes, with the same bits.
 *
 * <p>Every function is built from {@code + - * /}, {@code fma}, {@code sqrt} and IEEE 754-2019
 * {@code minimum}/{@code maximum} (Java's {@code Math.min}/{@code Math.max}); all are correctly rounded on every
 * backend. Results are evaluated in double-float arithmetic (a value as the unevaluated sum of two floats) and
 * rounded once, so that they are correctly rounded almost everywhere. Measured by {@code MathTest} against the
 * correctly rounded result (from a double-double evaluation with 2^-100 relative error, itself checked against
 * BigDecimal series), over 10^7 arguments per function (half uniform over the bit patterns of the domain, half
 * over the usual range) and the special ones (0, -0, subnormals, the largest values, infinities, NaN, reduction
 * boundaries, overflow thresholds); CI runs 10^6:
 * <pre>
 *   function   max error    correctly rounded   notes
 *   exp        0.5000 ulp   99.9999 %           0.75 ulp where the result is below 2^-100 (rounded twice)
 *   expm1      0.5000 ulp   99.9999 %
 *   log        0.5002 ulp   99.9992 %
 *   log1p      0.5002 ulp   99.9995 %
 *   sin        0.5005 ulp   99.9984 %           every finite argument (Payne-Hanek beyond 2^17)
 *   cos        0.5005 ulp   99.9981 %           the same
 *   tanh       0.5000 ulp   100.0000 %
 *   softplus   0.5002 ulp   99.9999 %           log(1 + exp(x)) without overflow; 0.75 ulp below 2^-100
 *   sigmoid    0.5000 ulp   99.9999 %           1 / (1 + exp(-x)); 0.75 ulp below 2^-100
 *   pow        0.5048 ulp   99.987 %            x > 0; measured for y = 1.75 and y = -30
 * </pre>
 * The functions of main before them erred by up to 1.4 ulp (sin, cos: 1.4 ulp and 83 % correctly rounded on
 * [-40, 40], and far off beyond 4096; exp 1.2 ulp). The stages are small on purpose: C2 vectorizes a loop only
 * when its body stays under LoopUnrollLimit (60 nodes), so {@link LaneMath32} runs each stage as its own loop
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

    // ---- building blocks -------------------------------------------------------------------------------------

    /** IEEE 754-2019 minimum: NaN if either is NaN, -0 below +0 (the kernel's bo_minimum). */
    static float minimum(float a, float b) {
        return Math.min(a, b);
    }

    /** IEEE 754-2019 maximum: NaN if either is NaN, +0 above -0 (the kernel's bo_maximum). */
    static float maximum(float a, float b) {
        return Math.max(a, b);
    }

    private static final float RINT = 0x1.8p23f;

    /** x rounded to an integer, ties to even, for |x| < 2^22. */
    static float rint(float x) {
        return (x + RINT) - RINT;
    }

    /** 1 with the sign of x, and x itself for +-0 and NaN. */
    static float signOf(float x) {
        return maximum(minimum(x * 0x1p126f * 0x1p126f, 1), -1);
    }

    /** 1 where x < t, 0 where x >= t (NaN for NaN), for t a power of two with t 2^-150 normal or zero gap. */
    static float below(float x, float t) {
        return minimum(maximum((t - x) * 0x1p100f * 0x1p100f, 0), 1);
    }

    /** floor(v / 2) for an integer v in [0, 2^21). */
    static float half(float v) {
        return rint(Math.fma(v, 0.5f, -0.25f));
    }

    /** The bias b of {@link #pow2}: 2^k = pow2High(k) pow2Bits(k + b). */
    static final float POW2_BIAS = 75;

    /** 2^(v mod 16) for an integer v in [0, 256). */
    static float pow2Bits(float v) {
        final float lo = Math.fma(-16, rint(Math.fma(v, 0.0625f, -0.46875f)), v);
        final float h1 = half(lo);
        final float h2 = half(h1);
        final float h3 = half(h2);
        return Math.fma(Math.fma(-2, h1, lo), 1, 1) * Math.fma(Math.fma(-2, h2, h1), 3, 1)
                * Math.fma(Math.fma(-2, h3, h2), 15, 1) * Math.fma(h3, 255, 1);
    }

    /** 2^(16 floor((k + 75) / 16) - 75) for an integer k in [-75, 127]. */
    static float pow2High(float k) {
        final float v = rint(Math.fma(k + POW2_BIAS, 0.0625f, -0.46875f));
        final float h1 = half(v);
        final float h2 = half(h1);
        final float h3 = half(h2);
        final float top = Math.fma(h3, 0x1p64f, 1);
        return 0x1p-75f * top * top * Math.fma(Math.fma(-2, h3, h2), 0x1p64f, 1)
                * Math.fma(Math.fma(-2, h2, h1), 0x1p32f, 1) * Math.fma(Math.fma(-2, h1, v), 65535, 1);
    }

    /**
     * 2^k, exactly, for an integer k in [-75, 127]: from its binary digits, by + and * alone (the JIT does not
     * vectorize bit casts). Two stages: {@link #pow2Bits} of k + 75 and {@link #pow2High}.
     */
    static float pow2(float k) {
        return pow2High(k) * pow2Bits(k + POW2_BIAS);
    }

    /** k1 = floor(k/2), so that 2^k = 2^k1 (2^k1 (1 + k - 2 k1)) for an integer k in [-150, 128]. */
    static float splitExponent(float k) {
        return half(k + 256) - 128;
    }

    /** 2^k2, k2 = k - k1, from 2^k1. */
    static float secondFactor(float k, float s1) {
        return s1 * (1 + (k - 2 * splitExponent(k)));
    }

    // ---- sin, cos ------------------------------------------------------------------------------------------------

    /** Arguments up to this take the Cody-Waite reduction; larger ones (and infinities) Payne-Hanek. */
    static final float TRIG_FAST = 0x1p17f;
    /** pi/2 in four parts, each truncated, so that j pi/2 - y keeps the sign of zero. */
    private static final float PIO2_1 = 1.5707963f;
    private static final float PIO2_2 = 7.5497894E-8f;
    private static final float PIO2_3 = 5.3903025E-15f;
    private static final float PIO2_4 = 3.2820034E-22f;
    /** pi/2 rounded, and the rest. */
    private static final float PIO2_H = 1.5707964f;
    private static final float PIO2_L = -4.371139E-8f;
    /** -1/6, 1/120, 1/24 as double-floats. */
    private static final float S3_H = -0.16666667f;
    private static final float S3_L = 4.967054E-9f;
    private static final float S5_H = 0.008333334f;
    private static final float S5_L = -4.346172E-10f;
    private static final float C4_H = 0.041666668f;
    private static final float C4_L = -1.2417635E-9f;

    /** The quadrant count j = rint(y 2/pi) of y = |x| <= TRIG_FAST. */
    static float reduceJ(float y) {
        return rint(y * 0.63661975f);
    }

    /** y - j pi/2, high part (fma(-j, PIO2_1, y) is exact). */
    static float reduceHi(float y, float j) {
        return Math.fma(-j, PIO2_1, y) - j * PIO2_2;
    }

    /** y - j pi/2, low part: the error of reduceHi and the terms of pi/2 beyond its first two. */
    static float reduceLo(float y, float j) {
        final float a = Math.fma(-j, PIO2_1, y);
        final float b = j * PIO2_2;
        final float s = a - b;
        final float t = s - a;
        final float e = (a - (s - t)) - (b + t);
        return Math.fma(-j, PIO2_4, Math.fma(-j, PIO2_3, e - Math.fma(j, PIO2_2, -b)));
    }

    /** z (-1/5040 + z/362880 - z^2/39916800 + z^3/6227020800), z = r^2. */
    private static float sinTail(float z) {
        float c = Math.fma(z, -1.6059044E-10f, 2.5052108E-8f);
        c = Math.fma(z, c, -2.7557319E-6f);
        c = Math.fma(z, c, 1.984127E-4f);
        return z * -c;
    }

    /** A(z) = -1/6 + z/120 + sinTail(z), z = rh^2, so that sin r = r + r z A(z): high part. */
    static float sinAHi(float rh) {
        final float z = rh * rh;
        return S3_H + z * (S5_H + sinTail(z));
    }

    /** A(z), low part: the rounding errors of sinAHi, and of z. */
    static float sinALo(float rh) {
        final float z = rh * rh;
        final float zl = Math.fma(rh, rh, -z);
        final float t = sinTail(z);
        final float bh = S5_H + t;
        final float bl = ((-bh + S5_H) + t) + S5_L;
        final float m = z * bh;
        final float ah = S3_H + m;
        return ((-ah + S3_H) + m) + (Math.fma(z, bh, -m) + S3_L + Math.fma(z, bl, zl * bh));
    }

    /** sin(rh + rl) for |rh| <= pi/4 (and a little), from A(z) = ah + al. */
    static float sinFinish(float rh, float rl, float ah, float al) {
        final float z = rh * rh;
        final float zl = Math.fma(rh, rh, -z);
        final float p = rh * z;
        final float pl = Math.fma(rh, z, -p) + rh * zl;
        final float wh = p * ah;
        final float wl = Math.fma(p, ah, -wh) + Math.fma(p, al, pl * ah);
        final float sh = rh + wh;
        final float sl = (rh - sh) + wh;
        // + rl cos(rh), cos(rh) to 2^-11 as 1 - z/2 + z^2/24
        return sh + (sl + Math.fma(rl, Math.fma(z, Math.fma(z, C4_H, -0.5f), 1), wl));
    }

    /** z (-1/720 + z/40320 - z^2/3628800 + z^3/479001600 - z^4/87178291200), z = r^2. */
    private static float cosTail(float z) {
        float n = Math.fma(z, -1.1470745E-11f, 2.0876756E-9f);
        n = Math.fma(z, n, -2.755732E-7f);
        n = Math.fma(z, n, 2.4801588E-5f);
        return z * Math.fma(z, n, -0.0013888889f);
    }

    /** K(z) = -1/2 + z/24 + z cosTail(z), z = rh^2, so that cos r = 1 + z K(z): high part. */
    static float cosKHi(float rh) {
        final float z = rh * rh;
        return -0.5f + z * (C4_H + cosTail(z));
    }

    /** K(z), low part. */
    static float cosKLo(float rh) {
        final float z = rh * rh;
        final float zl = Math.fma(rh, rh, -z);
        final float t = cosTail(z);
        final float lh = C4_H + t;
        final float ll = ((-lh + C4_H) + t) + C4_L;
        final float m = z * lh;
        final float kh = -0.5f + m;
        return ((-kh - 0.5f) + m) + (Math.fma(z, lh, -m) + Math.fma(z, ll, zl * lh));
    }

    /** cos(rh + rl) for |rh| <= pi/4 (and a little), from K(z) = kh + kl. */
    static float cosFinish(float rh, float rl, float kh, float kl) {
        final float z = rh * rh;
        final float zl = Math.fma(rh, rh, -z);
        final float u = z * kh;
        final float ul = Math.fma(z, kh, -u) + Math.fma(z, kl, zl * kh);
        final float ch = 1 + u;
        final float cl = ((-ch + 1) + u) + ul;
        // - rl sin(rh), sin(rh) to 2^-11 as rh (1 - z/6 + z^2/120)
        return ch + Math.fma(-rl, rh * Math.fma(z, Math.fma(z, S5_H, S3_H), 1), cl);
    }

    /** j mod 2 of an integer j >= 0: whether sin and cos swap in the quadrant. */
    static float quadrantOdd(float j) {
        return Math.fma(-2, half(j), j);
    }

    /** (-1)^floor(j/2) of an integer j >= 0: the sign of the quadrant. */
    static float quadrantSign(float j) {
        final float h = half(j);
        return Math.fma(-2, Math.fma(-2, half(h), h), 1);
    }

    /** sin(j pi/2 + r) from s = sin r and c = cos r, for an integer j >= 0 (exact: o is 0 or 1, g is +-1). */
    static float quadrant(float j, float s, float c) {
        final float o = quadrantOdd(j);
        return quadrantSign(j) * (s * (1 - o) + c * o);
    }

    /** cos(j pi/2 + r) from s = sin r and c = cos r. */
    static float cosQuadrant(float j, float s, float c) {
        final float o = quadrantOdd(j);
        return quadrantSign(j) * (c * (1 - o) - s * o);
    }

    /** sin(j pi/2 + rh + rl). */
    private static float sinReduced(float j, float rh, float rl) {
        return quadrant(j, sinFinish(rh, rl, sinAHi(rh), sinALo(rh)), cosFinish(rh, rl, cosKHi(rh), cosKLo(rh)));
    }

    /** cos(j pi/2 + rh + rl). */
    private static float cosReduced(float j, float rh, float rl) {
        return cosQuadrant(j, sinFinish(rh, rl, sinAHi(rh), sinALo(rh)), cosFinish(rh, rl, cosKHi(rh), cosKLo(rh)));
    }

    /** 2/pi in 24-bit digits, after one zero digit (for arguments below 2^23). */
    private static final int[] TWO_OVER_PI = {0, 0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C,
        0x439041, 0xFE5163, 0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09};

    /** 24 bits of 2/pi from digit k, bit o on. */
    private static long twoOverPi(int k, int o) {
        return ((((long) TWO_OVER_PI[k]) << o) | (((long) TWO_OVER_PI[k + 1]) >> (24 - o))) & 0xFFFFFF;
    }

    /**
     * sin y (shift 0) or cos y (shift 1) for y > TRIG_FAST by Payne-Hanek: y = m 2^e (m a 24-bit integer) times the 96 bits of
     * 2/pi that matter (from bit e - 1 on; the bits before make multiples of 4 quarter turns), in integer
     * arithmetic, which gives the quadrant and 94 bits of the fraction. NaN for infinity.
     */
    static float trigHuge(float y, int shift) {
        final int bits = Float.floatToRawIntBits(y);
        final long m = (bits & 0x7FFFFF) | 0x800000;
        final int u = ((bits >> 23) & 0xFF) - 128;
        final int k = u / 24;
        final int o = u % 24;
        final long p3 = m * twoOverPi(k + 3, o);
        long t = m * twoOverPi(k + 2, o) + (p3 >> 24);
        final long c3 = t & 0xFFFFFF;
        t = m * twoOverPi(k + 1, o) + (t >> 24);
        final long c2 = t & 0xFFFFFF;
        t = m * twoOverPi(k, o) + (t >> 24);
        final long c1 = t & 0xFFFFFF;
        final long up = (c1 >> 21) & 1;
        final float q = ((c1 >> 22) + up) & 3;
        final float fa = ((c1 & 0x3FFFFF) - (up << 22)) * 0x1p-22f;
        final float fb = c2 * 0x1p-46f;
        final float fh = fa + fb;
        final float fl = ((fa - fh) + fb) + c3 * 0x1p-70f;
        final float rh = fh * PIO2_H;
        final float rl = Math.fma(fh, PIO2_H, -rh) + Math.fma(fh, PIO2_L, fl * PIO2_H);
        return shift == 0 ? sinReduced(q, rh + (y - y), rl) : cosReduced(q, rh + (y - y), rl);
    }

    public static float sin(float x) {
        final float y = Math.abs(x);
        if (!(y > TRIG_FAST)) {
            final float j = reduceJ(y);
            return signOf(x) * sinReduced(j, reduceHi(y, j), reduceLo(y, j));
        }
        return signOf(x) * trigHuge(y, 0);
    }

    public static float cos(float x) {
        final float y = Math.abs(x);
        if (!(y > TRIG_FAST)) {
            final float j = reduceJ(y);
            return cosReduced(j, reduceHi(y, j), reduceLo(y, j));
        }
        return trigHuge(y, 1);
    }

    // ---- exp, expm1 ------------------------------------------------------------------------------------------

    private static final float LN2_H = 0.6931472f;
    /** -(ln 2 - LN2_H). */
    private static final float LN2_NL = 1.9046542E-9f;
    private static final float E3_H = 0.16666667f;
    private static final float E3_L = -4.967054E-9f;
    private static final float E4_H = 0.041666668f;
    private static final float E4_L = -1.2417635E-9f;

    /** x clamped to where exp neither overflows nor underflows to zero before the end (NaN stays NaN). */
    static float expClamp(float x) {
        return maximum(minimum(x, 89), -104);
    }

    /** x clamped for expm1, below which it is -1. */
    static float expm1Clamp(float x) {
        return maximum(minimum(x, 89), -30);
    }

    /** k = rint(x / ln 2) of a clamped x. */
    static float expK(float xc) {
        return rint(xc * 1.442695f);
    }

    /** xc - k ln 2, high part (fma(-k, LN2_H, xc) is exact). */
    static float expRHi(float xc, float k) {
        return Math.fma(-k, LN2_H, xc) + k * LN2_NL;
    }

    /** xc - k ln 2, low part. */
    static float expRLo(float xc, float k) {
        final float r0 = Math.fma(-k, LN2_H, xc);
        final float r1 = k * LN2_NL;
        final float rh = r0 + r1;
        final float t = rh - r0;
        return (r0 - (rh - t)) + (r1 - t);
    }

    /** 1/120 + r/720 + ... + r^5/3628800. */
    private static float expTail(float r) {
        float q = Math.fma(r, 2.755732E-7f, 2.7557319E-6f);
        q = Math.fma(r, q, 2.4801588E-5f);
        q = Math.fma(r, q, 1.984127E-4f);
        q = Math.fma(r, q, 0.0013888889f);
        return Math.fma(r, q, 0.008333334f);
    }

    /** Q(r) = 1/2 + r/6 + r^2/24 + r^3 expTail(r), so that exp(r) - 1 = r + r^2 Q(r): high part. */
    static float expQHi(float r) {
        return 0.5f + r * (E3_H + r * (E4_H + r * expTail(r)));
    }

    /** Q(r), low part. */
    static float expQLo(float r) {
        final float t3 = r * expTail(r);
        final float q3h = E4_H + t3;
        final float q3l = ((-q3h + E4_H) + t3) + E4_L;
        final float m2 = r * q3h;
        final float q2h = E3_H + m2;
        final float q2l = ((-q2h + E3_H) + m2) + (Math.fma(r, q3h, -m2) + Math.fma(r, q3l, E3_L));
        final float m1 = r * q2h;
        final float q1h = 0.5f + m1;
        return ((-q1h + 0.5f) + m1) + (Math.fma(r, q2h, -m1) + r * q2l);
    }

    /** exp(rh + rl) - 1, high part, from Q(rh) = qh + ql. */
    static float expEHi(float rh, float qh) {
        return rh + rh * rh * qh;
    }

    /** exp(rh + rl) - 1, low part. */
    static float expELo(float rh, float rl, float qh, float ql) {
        final float z = rh * rh;
        final float zl = Math.fma(rh, rh, -z);
        final float wh = z * qh;
        final float wl = Math.fma(z, qh, -wh) + Math.fma(z, ql, zl * qh);
        final float eh = rh + wh;
        return (((rh - eh) + wh) + wl) + Math.fma(rl, eh, rl);
    }

    /** 2^k (1 + eh + el), rounded once (twice where the result is subnormal), from 2^k = s1 s2. */
    static float expFinish(float eh, float el, float s1, float s2) {
        final float sh = 1 + eh;
        final float sl = ((-sh + 1) + eh) + el;
        return Math.fma(sh, s1, sl * s1) * s2;
    }

    public static float exp(float x) {
        final float xc = expClamp(x);
        final float k = expK(xc);
        final float rh = expRHi(xc, k);
        final float qh = expQHi(rh);
        final float s1 = pow2(splitExponent(k));
        return expFinish(expEHi(rh, qh), expELo(rh, expRLo(xc, k), qh, expQLo(rh)), s1, secondFactor(k, s1));
    }

    /** kk = min(k, 127) of expm1: 2^127 is the largest power of two. */
    static float expm1Scale(float k) {
        return minimum(k, 127);
    }

    /** 2^k (1 + eh + el) - 1 = p (f (1 + e) - 1/p), p = 2^kk, f = 2^(k - kk): its high part over p. */
    static float expm1Hi(float k, float p, float eh) {
        final float f = 1 + (k - expm1Scale(k));
        return (f - 1 / p) + f * eh;
    }

    /** The low part over p. */
    static float expm1Lo(float k, float p, float eh, float el) {
        final float f = 1 + (k - expm1Scale(k));
        final float b = 1 / p;
        final float a = f - b;
        final float ta = a - f;
        final float al = (f - (a - ta)) - (b + ta);
        final float fe = f * eh;
        final float s = a + fe;
        final float ts = s - a;
        return ((a - (s - ts)) + (fe - ts)) + (al + f * el);
    }

    public static float expm1(float x) {
        final float xc = expm1Clamp(x);
        final float k = expK(xc);
        final float rh = expRHi(xc, k);
        final float qh = expQHi(rh);
        final float eh = expEHi(rh, qh);
        final float el = expELo(rh, expRLo(xc, k), qh, expQLo(rh));
        final float p = pow2(expm1Scale(k));
        return keepSign(x, Math.fma(p, expm1Hi(k, p, eh), p * expm1Lo(k, p, eh, el)));
    }

    /** v with the sign of x, for functions with the sign of their argument (so that f(-0) = -0). */
    static float keepSign(float x, float v) {
        final float a = Math.abs(v);
        return maximum(minimum(x * 0x1p126f * 0x1p126f, a), -a);
    }

    // ---- log, log1p ------------------------------------------------------------------------------------------

    private static final float LN2_16 = 0.69314575f;
    private static final float LN2_M = 1.4286068E-6f;
    private static final float LN2_T = 5.497923E-14f;
    private static final float G3_H = 0.6666667f;
    private static final float G3_L = -1.9868216E-8f;

    /** x, times 2^25 when it is subnormal. */
    private static float logScaled(float x) {
        return x * Math.fma(below(x, 0x1p-126f), 0x1p25f, 1 - below(x, 0x1p-126f));
    }

    /** The mantissa m in [sqrt(1/2), sqrt(2)) of x = m 2^e (bit operations, as the kernel). */
    static float logMantissa(float x) {
        final int bits = Float.floatToRawIntBits(logScaled(x));
        final int mb = bits & 0x7FFFFF;
        final int big = (0x3504F3 - mb) >>> 31;
        return Float.intBitsToFloat(mb | (0x3F800000 - (big << 23)));
    }

    /** The exponent e of x = m 2^e, as a float. */
    static float logExponent(float x) {
        final int bits = Float.floatToRawIntBits(logScaled(x));
        final int big = (0x3504F3 - (bits & 0x7FFFFF)) >>> 31;
        return (((bits >> 23) & 0xFF) - 127 + big) - 25 * below(x, 0x1p-126f);
    }

    /** s = f / (2 + f), f = m - 1 (exact), high part. */
    static float logSHi(float m) {
        final float f = m - 1;
        return f / (2 + f);
    }

    /** s, low part. */
    static float logSLo(float m, float sh) {
        final float f = m - 1;
        final float dh = 2 + f;
        final float dl = (-dh + 2) + f;
        return (Math.fma(-sh, dh, f) - sh * dl) / dh;
    }

    /** 2/5 + z 2/7 + ... + z^5 2/15. */
    private static float logTail(float z) {
        float h = Math.fma(z, 0.13333334f, 0.15384616f);
        h = Math.fma(z, h, 0.18181819f);
        h = Math.fma(z, h, 0.22222222f);
        h = Math.fma(z, h, 0.2857143f);
        return Math.fma(z, h, 0.4f);
    }

    /** log(1 + f) = 2 atanh(s) = 2s + s z (2/3 + z logTail(z)), z = s^2: high part. */
    static float logLHi(float sh, float sl) {
        final float z = sh * sh;
        return 2 * sh + sh * z * (G3_H + z * logTail(z));
    }

    /** log(1 + f), low part. */
    static float logLLo(float sh, float sl) {
        final float z = sh * sh;
        final float zl = Math.fma(sh, sh, -z) + 2 * sh * sl;
        final float h = logTail(z);
        final float t = z * h;
        final float gh = G3_H + t;
        final float gl = ((-gh + G3_H) + t) + (G3_L + Math.fma(z, h, -t));
        final float p = sh * z;
        final float pl = Math.fma(sh, z, -p) + Math.fma(sh, zl, sl * z);
        final float wh = p * gh;
        final float wl = Math.fma(p, gh, -wh) + Math.fma(p, gl, pl * gh);
        final float lh = 2 * sh + wh;
        return ((2 * sh - lh) + wh) + Math.fma(2, sl, wl);
    }

    /** e ln 2 + lh + ll + log(1 + c), rounded once, for c = ul / uh small against 1. */
    static float logSum(float e, float lh, float ll, float ul, float uh) {
        final float c = ul / uh;
        final float u = lh + c;
        final float tu = u - lh;
        final float a = e * LN2_16;
        final float bh = e * LN2_M;
        final float s1 = a + u;
        final float s2 = s1 + bh;
        final float low = ((s1 - s2) + bh) + ((a - s1) + u)
                + ((((lh - (u - tu)) + (c - tu)) + ll) + Math.fma(-c, uh, ul) / uh - 0.5f * c * c + Math.fma(e, LN2_M, -bh)
                + e * LN2_T);
        return s2 + low;
    }

    /** v, or NaN for x < 0, -inf for x = 0, +inf for x = +inf. */
    static float logSpecial(float x, float v) {
        final float zero = 1 - minimum(maximum(x * 0x1p100f * 0x1p60f, 0), 1);
        return ((v + maximum(x - Float.MAX_VALUE, 0)) + zero * 0x1p100f * -0x1p100f) + 0 * sqrt(minimum(x, 1));
    }

    public static float log(float x) {
        final float m = logMantissa(x);
        final float sh = logSHi(m);
        final float sl = logSLo(m, sh);
        return logSpecial(x, logSum(logExponent(x), logLHi(sh, sl), logLLo(sh, sl), 0, 1));
    }

    public static float log1p(float x) {
        final float xc = minimum(x, Float.MAX_VALUE);
        final float uh = 1 + xc;
        final float t = uh - xc;
        final float ul = (xc - (uh - t)) + (1 - t);
        final float m = logMantissa(uh);
        final float sh = logSHi(m);
        final float sl = logSLo(m, sh);
        final float v = logSum(logExponent(uh), logLHi(sh, sl), logLLo(sh, sl), ul, uh + 0x1p-149f);
        return keepSign(x, logSpecial(uh, v) + maximum(x - Float.MAX_VALUE, 0));
    }

    // ---- tanh, softplus, sigmoid, pow ------------------------------------------------------------------------

    /** tanh(y) = -v / (2 + v), v = expm1(-2y) = p (vh + vl), for y = |x|. */
    static float tanhOf(float p, float vh, float vl) {
        final float h = p * vh;
        final float l = p * vl;
        final float dh = 2 + h;
        final float dl = ((-dh + 2) + h) + l;
        final float q = -h / dh;
        return q + (Math.fma(-q, dh, -h) - Math.fma(q, dl, l)) / dh;
    }

    public static float tanh(float x) {
        final float y = Math.abs(x);
        final float xc = expm1Clamp(-2 * y);
        final float k = expK(xc);
        final float rh = expRHi(xc, k);
        final float qh = expQHi(rh);
        final float eh = expEHi(rh, qh);
        final float el = expELo(rh, expRLo(xc, k), qh, expQLo(rh));
        final float p = pow2(k);
        return signOf(x) * tanhOf(p, expm1Hi(k, p, eh), expm1Lo(k, p, eh, el));
    }

    /** 2^k (1 + eh + el) for an integer k in [-150, 0], s1 = 2^floor(k/2), as a double-float: high part. */
    static float expPartHi(float k, float eh, float s1) {
        return (1 + eh) * s1 * secondFactor(k, s1);
    }

    /** 2^k (1 + eh + el), low part. */
    static float expPartLo(float k, float eh, float el, float s1) {
        final float sh = 1 + eh;
        return (((-sh + 1) + eh) + el) * s1 * secondFactor(k, s1);
    }

    /** a + log(1 + eh + el) for 0 < eh + el <= 1 and a >= 0, rounded once: 1 + e lies in (1, 2]. */
    static float log1pUnit(float a, float eh, float el) {
        final float uh = 1 + eh;
        final float ul = (-uh + 1) + eh;
        final float big = 1 - below(uh, 1.4142135f);
        final float m = uh * (1 - 0.5f * big);
        final float sh = logSHi(m);
        final float sl = logSLo(m, sh);
        final float lh = logLHi(sh, sl);
        final float c = ul / uh;
        final float u = lh + c;
        final float tu = u - lh;
        final float bh = big * LN2_16;
        final float s1 = bh + u;
        final float s1l = ((bh - s1) + u) + ((((lh - (u - tu)) + (c - tu)) + logLLo(sh, sl))
                + (Math.fma(-c, uh, ul) + el) / uh - 0.5f * c * c + Math.fma(big, LN2_M, big * LN2_T));
        final float s2 = a + s1;
        final float t = s2 - a;
        return s2 + (((a - (s2 - t)) + (s1 - t)) + s1l);
    }

    /** log(1 + exp(x)) = max(x, 0) + log(1 + exp(-|x|)), without overflow. */
    public static float softplus(float x) {
        final float xc = expClamp(-Math.abs(x));
        final float k = expK(xc);
        final float rh = expRHi(xc, k);
        final float qh = expQHi(rh);
        final float eh = expEHi(rh, qh);
        final float el = expELo(rh, expRLo(xc, k), qh, expQLo(rh));
        final float s1 = pow2(splitExponent(k));
        return log1pUnit(minimum(maximum(x, 0), Float.MAX_VALUE), expPartHi(k, eh, s1), expPartLo(k, eh, el, s1))
                + maximum(x - Float.MAX_VALUE, 0);
    }

    /** n / (1 + eh + el), n = 1 for x >= 0 and eh + el for x < 0 (eh + el = exp(-|x|)), rounded once. */
    static float sigmoidOf(float x, float eh, float el) {
        final float neg = 1 - below(-x, 0);
        final float nh = Math.fma(neg, eh, 1 - neg);
        final float nl = neg * el;
        final float dh = 1 + eh;
        final float dl = ((-dh + 1) + eh) + el;
        final float q = nh / dh;
        return q + (Math.fma(-q, dh, nh) + Math.fma(-q, dl, nl)) / dh;
    }

    /** 1 / (1 + exp(-x)). */
    public static float sigmoid(float x) {
        final float xc = expClamp(-Math.abs(x));
        final float k = expK(xc);
        final float rh = expRHi(xc, k);
        final float qh = expQHi(rh);
        final float eh = expEHi(rh, qh);
        final float el = expELo(rh, expRLo(xc, k), qh, expQLo(rh));
        final float s1 = pow2(splitExponent(k));
        return sigmoidOf(x, expPartHi(k, eh, s1), expPartLo(k, eh, el, s1));
    }

    /** x^y for x > 0 (NaN for x <= 0 or not finite): exp(y log x) with y log x as a double-float. */
    public static float pow(float x, float y) {
        final float m = logMantissa(x);
        final float sh = logSHi(m);
        final float sl = logSLo(m, sh);
        final float e = logExponent(x);
        final float lh = logLHi(sh, sl);
        final float ll = logLLo(sh, sl);
        final float a = e * LN2_16;
        final float g1 = a + lh;
        final float g1l = ((a - g1) + lh) + (ll + Math.fma(e, LN2_M, e * LN2_T));
        final float wh = y * g1;
        final float wl = minimum(maximum(Math.fma(y, g1, -wh) + y * g1l, -1), 1);
        final float xc = expClamp(wh);
        final float k = expK(xc);
        final float r0 = Math.fma(-k, LN2_H, xc);
        final float r1 = Math.fma(k, LN2_NL, wl);
        final float rh = r0 + r1;
        final float tr = rh - r0;
        final float rl = (r0 - (rh - tr)) + (r1 - tr);
        final float qh = expQHi(rh);
        final float s1 = pow2(splitExponent(k));
        final float v = expFinish(expEHi(rh, qh), expELo(rh, rl, qh, expQLo(rh)), s1, secondFactor(k, s1));
        return v + 0 * sqrt(x);
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
