/*
 * batchopt portable math: exp, expm1, log, log1p, sin, cos, tanh, softplus, sigmoid, pow and pown, built from
 * + - * /, sqrt, fma and IEEE 754-2019 minimum/maximum only, so that every backend computes the same bits.
 * Compilers never contract a*b + c (FP_CONTRACT OFF, --fmad=false); every fma here is written out, and fma, /,
 * sqrt are correctly rounded everywhere. Twin: org/batchopt/kernel/Math32.java (the REAL_IS_DOUBLE == 0
 * branches) and Math64.java, function by function (bo_sin_a_hi is sinAHi); LaneMath64/LaneMath32 run the same
 * stages over the lanes of a CPU tile. MathTest measures the error of every function against the correctly
 * rounded result on millions of arguments; the bounds it holds are in the javadoc of Math32 and Math64.
 *
 * The functions are branch-free on the data (range reduction with minimum/maximum and arithmetic blends), but
 * for arguments of sin and cos beyond BO_TRIG_FAST (2^17 fp32, 2^30 fp64), which take Payne-Hanek reduction
 * in integer arithmetic: every finite argument gets a finite, accurate result. Results are evaluated in
 * double-real arithmetic (a value as the unevaluated sum hi + lo) and rounded once: fp32 results are correctly
 * rounded almost everywhere (all but about 2 arguments in 10^5; up to 0.75 ulp where a result is below 2^-100),
 * fp64 results within 0.56 ulp (0.535 ulp for sin and cos), as MathTest measures them.
 *
 *   exp:  x = k ln2 + r, |r| <= ln2/2 (ln2 in two parts), exp(r) - 1 = r + r^2 Q(r), 2^k as 2^k1 2^(k-k1)
 *         built from the binary digits of k by + and * (so that subnormal results are rounded once more only).
 *   log:  x = m 2^e, m in [sqrt(1/2), sqrt(2)) (bit operations), log m = 2 atanh(s), s = (m-1)/(m+1).
 *   sin, cos: x = j pi/2 + r, |r| <= pi/4 (pi/2 in four truncated parts), sin r and cos r both, the quadrant
 *         j mod 4 by arithmetic.
 */

#if REAL_IS_DOUBLE
#define BO_SCALE R(4.149515568880993E180)
#define BO_RINT R(6.755399441055744E15)
#define BO_TRIG_FAST R(1.073741824E9)
#define BO_POW2_BIAS R(538)
#define BO_PIO2_1 R(1.5707963267948966)
#define BO_PIO2_2 R(6.123233995736765E-17)
#define BO_PIO2_3 R(1.0828566739219139E-32)
#define BO_PIO2_4 R(7.398504768267702E-49)
#define BO_PIO2_H R(1.5707963267948966)
#define BO_PIO2_L R(6.123233995736766E-17)
#define BO_S3_H R(-0.16666666666666666)
#define BO_S3_L R(-9.25185853854297E-18)
#define BO_S5_H R(0.008333333333333333)
#define BO_C4_H R(0.041666666666666664)
#define BO_INV_PIO2 R(0.6366197723675814)
#define BO_LOG2E R(1.4426950408889634)
#define BO_LN2_H R(0.6931471805599453)
#define BO_LN2_NL R(-2.3190468138462996E-17)
#define BO_LN2_HEAD R(0.6931471805598903)
#define BO_LN2_M R(5.497923018708371E-14)
#define BO_LN2_T R(1.94704509238075E-31)
#define BO_G3_H R(0.6666666666666666)
#define BO_G3_L R(3.700743415417188E-17)
#define BO_SQRT2 R(1.4142135623730951)
#define BO_EXP_HI R(710)
#define BO_EXP_LO R(-746)
#define BO_EXPM1_LO R(-40)
#define BO_EXPM1_KMAX R(1023)
#define BO_MIN_NORMAL R(2.2250738585072014E-308)
#define BO_TINY R(4.9E-324)
#define BO_REAL_BIG R(1.7976931348623157E308)
#else
#define BO_SCALE R(8.507059173023462E37)
#define BO_RINT R(1.2582912E7)
#define BO_TRIG_FAST R(131072)
#define BO_POW2_BIAS R(75)
#define BO_PIO2_1 R(1.5707963)
#define BO_PIO2_2 R(7.5497894E-8)
#define BO_PIO2_3 R(5.3903025E-15)
#define BO_PIO2_4 R(3.2820034E-22)
#define BO_PIO2_H R(1.5707964)
#define BO_PIO2_L R(-4.371139E-8)
#define BO_S3_H R(-0.16666667)
#define BO_S3_L R(4.967054E-9)
#define BO_S5_H R(0.008333334)
#define BO_S5_L R(-4.346172E-10)
#define BO_C4_H R(0.041666668)
#define BO_C4_L R(-1.2417635E-9)
#define BO_INV_PIO2 R(0.63661975)
#define BO_LOG2E R(1.442695)
#define BO_LN2_H R(0.6931472)
#define BO_LN2_NL R(1.9046542E-9)
#define BO_E3_H R(0.16666667)
#define BO_E3_L R(-4.967054E-9)
#define BO_E4_H R(0.041666668)
#define BO_E4_L R(-1.2417635E-9)
#define BO_LN2_HEAD R(0.69314575)
#define BO_LN2_M R(1.4286068E-6)
#define BO_LN2_T R(5.497923E-14)
#define BO_G3_H R(0.6666667)
#define BO_G3_L R(-1.9868216E-8)
#define BO_SQRT2 R(1.4142135)
#define BO_EXP_HI R(89)
#define BO_EXP_LO R(-104)
#define BO_EXPM1_LO R(-30)
#define BO_EXPM1_KMAX R(127)
#define BO_MIN_NORMAL R(1.1754943508222875E-38)
#define BO_TINY R(1.401298464324817E-45)
#define BO_REAL_BIG R(3.4028234663852886E38)
#endif

/* ---- building blocks ------------------------------------------------------------------------------------ */

/* IEEE 754-2019 minimum (Java's Math.min): NaN if either is NaN, -0 below +0. */
BO_FN real bo_minimum(real a, real b)
{
    return a != a ? a : (b != b ? b : (a < b ? a : (b < a ? b : (signbit(a) ? a : b))));
}

/* IEEE 754-2019 maximum (Java's Math.max): NaN if either is NaN, +0 above -0. */
BO_FN real bo_maximum(real a, real b)
{
    return a != a ? a : (b != b ? b : (a > b ? a : (b > a ? b : (signbit(a) ? b : a))));
}

/* x rounded to an integer, ties to even, for |x| below 2^22 (fp32) or 2^51 (fp64). */
BO_FN real bo_rint(real x)
{
    return (x + BO_RINT) - BO_RINT;
}

/* 1 with the sign of x, and x itself for +-0 and NaN. */
BO_FN real bo_sign_of(real x)
{
    return bo_maximum(bo_minimum(x * BO_SCALE * BO_SCALE, R(1)), R(-1));
}

/* 1 where x < t, 0 where x >= t (NaN for NaN). */
BO_FN real bo_below(real x, real t)
{
#if REAL_IS_DOUBLE
    return bo_minimum(bo_maximum((t - x) * R(4.149515568880993E180) * R(4.149515568880993E180), R(0)), R(1));
#else
    return bo_minimum(bo_maximum((t - x) * R(1.2676506002282294E30) * R(1.2676506002282294E30), R(0)), R(1));
#endif
}

/* floor(v / 2) for an integer v >= 0. */
BO_FN real bo_half(real v)
{
    return bo_rint(fma(v, R(0.5), R(-0.25)));
}

#if REAL_IS_DOUBLE
/* 2^(v mod 64) for an integer v in [0, 2^20). */
BO_FN real bo_pow2_bits(real v)
{
    const real lo = fma(R(-64), bo_rint(fma(v, R(0.015625), R(-0.4921875))), v);
    const real h1 = bo_half(lo);
    const real h2 = bo_half(h1);
    const real h3 = bo_half(h2);
    const real h4 = bo_half(h3);
    const real h5 = bo_half(h4);
    return fma(fma(R(-2), h1, lo), R(1), R(1)) * fma(fma(R(-2), h2, h1), R(3), R(1))
        * fma(fma(R(-2), h3, h2), R(15), R(1)) * fma(fma(R(-2), h4, h3), R(255), R(1))
        * fma(fma(R(-2), h5, h4), R(65535), R(1)) * fma(h5, R(4294967295), R(1));
}

/* 2^(64 floor((k + 538) / 64) - 538) for an integer k in [-538, 1023]. */
BO_FN real bo_pow2_high(real k)
{
    const real v = bo_rint(fma(k + BO_POW2_BIAS, R(0.015625), R(-0.4921875)));
    const real h1 = bo_half(v);
    const real h2 = bo_half(h1);
    const real h3 = bo_half(h2);
    const real h4 = bo_half(h3);
    const real top = fma(h4, R(1.3407807929942597E154), R(1));
    return R(1.1113793747425387E-162) * top * top * fma(fma(R(-2), h4, h3), R(1.3407807929942597E154), R(1))
        * fma(fma(R(-2), h3, h2), R(1.157920892373162E77), R(1)) * fma(fma(R(-2), h2, h1), R(3.4028236692093846E38), R(1))
        * fma(fma(R(-2), h1, v), R(1.8446744073709552E19), R(1));
}
#else
/* 2^(v mod 16) for an integer v in [0, 256). */
BO_FN real bo_pow2_bits(real v)
{
    const real lo = fma(R(-16), bo_rint(fma(v, R(0.0625), R(-0.46875))), v);
    const real h1 = bo_half(lo);
    const real h2 = bo_half(h1);
    const real h3 = bo_half(h2);
    return fma(fma(R(-2), h1, lo), R(1), R(1)) * fma(fma(R(-2), h2, h1), R(3), R(1))
        * fma(fma(R(-2), h3, h2), R(15), R(1)) * fma(h3, R(255), R(1));
}

/* 2^(16 floor((k + 75) / 16) - 75) for an integer k in [-75, 127]. */
BO_FN real bo_pow2_high(real k)
{
    const real v = bo_rint(fma(k + BO_POW2_BIAS, R(0.0625), R(-0.46875)));
    const real h1 = bo_half(v);
    const real h2 = bo_half(h1);
    const real h3 = bo_half(h2);
    const real top = fma(h3, R(1.8446744073709552E19), R(1));
    return R(2.6469779601696886E-23) * top * top * fma(fma(R(-2), h3, h2), R(1.8446744073709552E19), R(1))
        * fma(fma(R(-2), h2, h1), R(4.294967296E9), R(1)) * fma(fma(R(-2), h1, v), R(65535), R(1));
}
#endif

/* 2^k, exactly, for an integer k in [-75, 127] (fp32) or [-538, 1023] (fp64), from its binary digits. */
BO_FN real bo_pow2(real k)
{
    return bo_pow2_high(k) * bo_pow2_bits(k + BO_POW2_BIAS);
}

/* k1 = floor(k/2), so that 2^k = 2^k1 (2^k1 (1 + k - 2 k1)). */
BO_FN real bo_split_exponent(real k)
{
#if REAL_IS_DOUBLE
    return bo_half(k + R(2048)) - R(1024);
#else
    return bo_half(k + R(256)) - R(128);
#endif
}

/* 2^(k - k1) from 2^k1. */
BO_FN real bo_second_factor(real k, real s1)
{
    return s1 * (R(1) + (k - R(2) * bo_split_exponent(k)));
}

/* ---- sin, cos ------------------------------------------------------------------------------------------- */

/* The quadrant count j = rint(y 2/pi) of y = |x| <= BO_TRIG_FAST. */
BO_FN real bo_reduce_j(real y)
{
    return bo_rint(y * BO_INV_PIO2);
}

/* y - j pi/2, high part (fma(-j, BO_PIO2_1, y) is exact). */
BO_FN real bo_reduce_hi(real y, real j)
{
    return fma(-j, BO_PIO2_1, y) - j * BO_PIO2_2;
}

/* y - j pi/2, low part: the error of bo_reduce_hi and the terms of pi/2 beyond its first two. */
BO_FN real bo_reduce_lo(real y, real j)
{
    const real a = fma(-j, BO_PIO2_1, y);
    const real b = j * BO_PIO2_2;
    const real s = a - b;
    const real t = s - a;
    const real e = (a - (s - t)) - (b + t);
    return fma(-j, BO_PIO2_4, fma(-j, BO_PIO2_3, e - fma(j, BO_PIO2_2, -b)));
}

#if REAL_IS_DOUBLE
/* z B(z), B = 1/120 - z/5040 + ... + z^6/17!, z = r^2. */
BO_FN real bo_sin_tail(real z)
{
    real c = fma(z, R(2.8114572543455206E-15), R(-7.647163731819816E-13));
    c = fma(z, c, R(1.6059043836821613E-10));
    c = fma(z, c, R(-2.505210838544172E-8));
    c = fma(z, c, R(2.7557319223985893E-6));
    c = fma(z, c, R(-1.984126984126984E-4));
    return z * fma(z, c, R(0.008333333333333333));
}

/* A(z) = -1/6 + z B(z), z = rh^2, so that sin r = r + r z A(z): high part. */
BO_FN real bo_sin_a_hi(real rh)
{
    const real z = rh * rh;
    return BO_S3_H + bo_sin_tail(z);
}

/* A(z), low part. */
BO_FN real bo_sin_a_lo(real rh)
{
    const real z = rh * rh;
    const real t = bo_sin_tail(z);
    const real ah = BO_S3_H + t;
    return ((-ah + BO_S3_H) + t) + BO_S3_L;
}
#else
/* z (-1/5040 + z/362880 - z^2/39916800 + z^3/6227020800), z = r^2. */
BO_FN real bo_sin_tail(real z)
{
    real c = fma(z, R(-1.6059044E-10), R(2.5052108E-8));
    c = fma(z, c, R(-2.7557319E-6));
    c = fma(z, c, R(1.984127E-4));
    return z * -c;
}

/* A(z) = -1/6 + z/120 + sin_tail(z), z = rh^2, so that sin r = r + r z A(z): high part. */
BO_FN real bo_sin_a_hi(real rh)
{
    const real z = rh * rh;
    return BO_S3_H + z * (BO_S5_H + bo_sin_tail(z));
}

/* A(z), low part. */
BO_FN real bo_sin_a_lo(real rh)
{
    const real z = rh * rh;
    const real zl = fma(rh, rh, -z);
    const real t = bo_sin_tail(z);
    const real bh = BO_S5_H + t;
    const real bl = ((-bh + BO_S5_H) + t) + BO_S5_L;
    const real m = z * bh;
    const real ah = BO_S3_H + m;
    return ((-ah + BO_S3_H) + m) + (fma(z, bh, -m) + BO_S3_L + fma(z, bl, zl * bh));
}
#endif

/* sin(rh + rl) for |rh| <= pi/4 (and a little), from A(z) = ah + al. */
BO_FN real bo_sin_finish(real rh, real rl, real ah, real al)
{
    const real z = rh * rh;
    const real zl = fma(rh, rh, -z);
    const real p = rh * z;
    const real pl = fma(rh, z, -p) + rh * zl;
    const real wh = p * ah;
    const real wl = fma(p, ah, -wh) + fma(p, al, pl * ah);
    const real sh = rh + wh;
    const real sl = (rh - sh) + wh;
    return sh + (sl + fma(rl, fma(z, fma(z, BO_C4_H, R(-0.5)), R(1)), wl));
}

#if REAL_IS_DOUBLE
/* z L(z), L = 1/24 - z/720 + ... - z^7/18!, z = r^2. */
BO_FN real bo_cos_tail(real z)
{
    real n = fma(z, R(-1.5619206968586225E-16), R(4.779477332387385E-14));
    n = fma(z, n, R(-1.1470745597729725E-11));
    n = fma(z, n, R(2.08767569878681E-9));
    n = fma(z, n, R(-2.755731922398589E-7));
    n = fma(z, n, R(2.48015873015873E-5));
    n = fma(z, n, R(-0.001388888888888889));
    return z * fma(z, n, R(0.041666666666666664));
}

/* K(z) = -1/2 + z L(z), z = rh^2, so that cos r = 1 + z K(z): high part. */
BO_FN real bo_cos_k_hi(real rh)
{
    return R(-0.5) + bo_cos_tail(rh * rh);
}

/* K(z), low part. */
BO_FN real bo_cos_k_lo(real rh)
{
    const real t = bo_cos_tail(rh * rh);
    const real kh = R(-0.5) + t;
    return (-kh - R(0.5)) + t;
}
#else
/* z (-1/720 + z/40320 - z^2/3628800 + z^3/479001600 - z^4/87178291200), z = r^2. */
BO_FN real bo_cos_tail(real z)
{
    real n = fma(z, R(-1.1470745E-11), R(2.0876756E-9));
    n = fma(z, n, R(-2.755732E-7));
    n = fma(z, n, R(2.4801588E-5));
    return z * fma(z, n, R(-0.0013888889));
}

/* K(z) = -1/2 + z/24 + z cos_tail(z), z = rh^2, so that cos r = 1 + z K(z): high part. */
BO_FN real bo_cos_k_hi(real rh)
{
    const real z = rh * rh;
    return R(-0.5) + z * (BO_C4_H + bo_cos_tail(z));
}

/* K(z), low part. */
BO_FN real bo_cos_k_lo(real rh)
{
    const real z = rh * rh;
    const real zl = fma(rh, rh, -z);
    const real t = bo_cos_tail(z);
    const real lh = BO_C4_H + t;
    const real ll = ((-lh + BO_C4_H) + t) + BO_C4_L;
    const real m = z * lh;
    const real kh = R(-0.5) + m;
    return ((-kh - R(0.5)) + m) + (fma(z, lh, -m) + fma(z, ll, zl * lh));
}
#endif

/* cos(rh + rl) for |rh| <= pi/4 (and a little), from K(z) = kh + kl. */
BO_FN real bo_cos_finish(real rh, real rl, real kh, real kl)
{
    const real z = rh * rh;
    const real zl = fma(rh, rh, -z);
    const real u = z * kh;
    const real ul = fma(z, kh, -u) + fma(z, kl, zl * kh);
    const real ch = R(1) + u;
    const real cl = ((-ch + R(1)) + u) + ul;
    return ch + fma(-rl, rh * fma(z, fma(z, BO_S5_H, BO_S3_H), R(1)), cl);
}

/* j mod 2 of an integer j >= 0: whether sin and cos swap in the quadrant. */
BO_FN real bo_quadrant_odd(real j)
{
    return fma(R(-2), bo_half(j), j);
}

/* (-1)^floor(j/2) of an integer j >= 0: the sign of the quadrant. */
BO_FN real bo_quadrant_sign(real j)
{
    const real h = bo_half(j);
    return fma(R(-2), fma(R(-2), bo_half(h), h), R(1));
}

/* sin(j pi/2 + r) from s = sin r and c = cos r, for an integer j >= 0 (exact: o is 0 or 1, g is +-1). */
BO_FN real bo_quadrant(real j, real s, real c)
{
    const real o = bo_quadrant_odd(j);
    return bo_quadrant_sign(j) * (s * (R(1) - o) + c * o);
}

/* cos(j pi/2 + r) from s = sin r and c = cos r. */
BO_FN real bo_cos_quadrant(real j, real s, real c)
{
    const real o = bo_quadrant_odd(j);
    return bo_quadrant_sign(j) * (c * (R(1) - o) - s * o);
}

BO_FN real bo_sin_reduced(real j, real rh, real rl)
{
    return bo_quadrant(j, bo_sin_finish(rh, rl, bo_sin_a_hi(rh), bo_sin_a_lo(rh)),
        bo_cos_finish(rh, rl, bo_cos_k_hi(rh), bo_cos_k_lo(rh)));
}

BO_FN real bo_cos_reduced(real j, real rh, real rl)
{
    return bo_cos_quadrant(j, bo_sin_finish(rh, rl, bo_sin_a_hi(rh), bo_sin_a_lo(rh)),
        bo_cos_finish(rh, rl, bo_cos_k_hi(rh), bo_cos_k_lo(rh)));
}

/* 2/pi in 24-bit digits, after one zero digit. */
BO_CONSTANT int bo_two_over_pi[57] = {0, 0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62,
    0x95993C, 0x439041, 0xFE5163, 0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C,
    0xFE1DEB, 0x1CB129, 0xA73EE8, 0x8235F5, 0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41, 0x3991D6, 0x398353,
    0x39F49C, 0x845F8B, 0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF,
    0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D, 0x7527BA, 0xC7EBE5, 0xF17B3D, 0x0739F7, 0x8A5292, 0xEA6BFB,
    0x5FB11F, 0x8D5D08, 0x560330, 0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3, 0x91615E};

/* 24 bits of 2/pi from digit k, bit o on. */
BO_FN long bo_two_over_pi_at(int k, int o)
{
    return ((((long)bo_two_over_pi[k]) << o) | (((long)bo_two_over_pi[k + 1]) >> (24 - o))) & 0xFFFFFFL;
}

/*
 * sin y (shift 0) or cos y (shift 1) for y > BO_TRIG_FAST by Payne-Hanek: y = m 2^e (m an integer) times the
 * bits of 2/pi that matter (from bit e - 1 on; the bits before make multiples of 4 quarter turns), in integer
 * arithmetic, which gives the quadrant and the fraction. NaN for infinity.
 */
BO_FN real bo_trig_huge(real y, int shift)
{
#if REAL_IS_DOUBLE
    const long bits = as_long(y);
    const long m = (bits & 0xFFFFFFFFFFFFFL) | 0x10000000000000L;
    const long mh = m >> 24;
    const long ml = m & 0xFFFFFFL;
    const int u = (int)((bits >> 52) & 0x7FFL) - 1053;
    const int k = u / 24;
    const int o = u % 24;
    long w0 = bo_two_over_pi_at(k + 7, o);
    long t = ml * w0;
    long w1 = bo_two_over_pi_at(k + 6, o);
    t = ml * w1 + mh * w0 + (t >> 24);
    w0 = bo_two_over_pi_at(k + 5, o);
    t = ml * w0 + mh * w1 + (t >> 24);
    w1 = bo_two_over_pi_at(k + 4, o);
    t = ml * w1 + mh * w0 + (t >> 24);
    const long d3 = t & 0xFFFFFFL;
    w0 = bo_two_over_pi_at(k + 3, o);
    t = ml * w0 + mh * w1 + (t >> 24);
    const long d4 = t & 0xFFFFFFL;
    w1 = bo_two_over_pi_at(k + 2, o);
    t = ml * w1 + mh * w0 + (t >> 24);
    const long d5 = t & 0xFFFFFFL;
    w0 = bo_two_over_pi_at(k + 1, o);
    t = ml * w0 + mh * w1 + (t >> 24);
    const long d6 = t & 0xFFFFFFL;
    w1 = bo_two_over_pi_at(k, o);
    t = ml * w1 + mh * w0 + (t >> 24);
    const long d7 = t & 0xFFFFFFL;
    const long up = (d7 >> 21) & 1;
    const real q = (real)(((d7 >> 22) + up) & 3);
    const real fa = (real)((d7 & 0x3FFFFFL) - (up << 22)) * R(2.384185791015625E-7);
    const real fb = (real)d6 * R(1.4210854715202004E-14);
    const real f1 = fa + fb;
    const real e1 = (fa - f1) + fb;
    const real fc = (real)d5 * R(8.470329472543003E-22);
    const real f2 = f1 + fc;
    const real e2 = (f1 - f2) + fc;
    const real fd = (real)d4 * R(5.0487097934144756E-29);
    const real fh = f2 + fd;
    const real e3 = (f2 - fh) + fd;
    const real fl = e1 + e2 + e3 + (real)d3 * R(3.009265538105056E-36);
#else
    const int bits = as_int(y);
    const long m = (long)((bits & 0x7FFFFF) | 0x800000);
    const int u = ((bits >> 23) & 0xFF) - 128;
    const int k = u / 24;
    const int o = u % 24;
    const long p3 = m * bo_two_over_pi_at(k + 3, o);
    long t = m * bo_two_over_pi_at(k + 2, o) + (p3 >> 24);
    const long c3 = t & 0xFFFFFFL;
    t = m * bo_two_over_pi_at(k + 1, o) + (t >> 24);
    const long c2 = t & 0xFFFFFFL;
    t = m * bo_two_over_pi_at(k, o) + (t >> 24);
    const long c1 = t & 0xFFFFFFL;
    const long up = (c1 >> 21) & 1;
    const real q = (real)(((c1 >> 22) + up) & 3);
    const real fa = (real)((c1 & 0x3FFFFFL) - (up << 22)) * R(2.384185791015625E-7);
    const real fb = (real)c2 * R(1.4210854715202004E-14);
    const real fh = fa + fb;
    const real fl = ((fa - fh) + fb) + (real)c3 * R(8.470329472543003E-22);
#endif
    const real rh = fh * BO_PIO2_H;
    const real rl = fma(fh, BO_PIO2_H, -rh) + fma(fh, BO_PIO2_L, fl * BO_PIO2_H);
    return shift == 0 ? bo_sin_reduced(q, rh + (y - y), rl) : bo_cos_reduced(q, rh + (y - y), rl);
}

BO_FN real bo_sin(real x)
{
    const real y = fabs(x);
    if (!(y > BO_TRIG_FAST)) {
        const real j = bo_reduce_j(y);
        return bo_sign_of(x) * bo_sin_reduced(j, bo_reduce_hi(y, j), bo_reduce_lo(y, j));
    }
    return bo_sign_of(x) * bo_trig_huge(y, 0);
}

BO_FN real bo_cos(real x)
{
    const real y = fabs(x);
    if (!(y > BO_TRIG_FAST)) {
        const real j = bo_reduce_j(y);
        return bo_cos_reduced(j, bo_reduce_hi(y, j), bo_reduce_lo(y, j));
    }
    return bo_trig_huge(y, 1);
}

/* ---- exp, expm1 ----------------------------------------------------------------------------------------- */

/* x clamped to where exp neither overflows nor underflows to zero before the end (NaN stays NaN). */
BO_FN real bo_exp_clamp(real x)
{
    return bo_maximum(bo_minimum(x, BO_EXP_HI), BO_EXP_LO);
}

/* x clamped for expm1, below which it is -1. */
BO_FN real bo_expm1_clamp(real x)
{
    return bo_maximum(bo_minimum(x, BO_EXP_HI), BO_EXPM1_LO);
}

/* k = rint(x / ln 2) of a clamped x. */
BO_FN real bo_exp_k(real xc)
{
    return bo_rint(xc * BO_LOG2E);
}

/* xc - k ln 2, high part (fma(-k, BO_LN2_H, xc) is exact). */
BO_FN real bo_exp_r_hi(real xc, real k)
{
    return fma(-k, BO_LN2_H, xc) + k * BO_LN2_NL;
}

/* xc - k ln 2, low part. */
BO_FN real bo_exp_r_lo(real xc, real k)
{
    const real r0 = fma(-k, BO_LN2_H, xc);
    const real r1 = k * BO_LN2_NL;
    const real rh = r0 + r1;
    const real t = rh - r0;
    return (r0 - (rh - t)) + (r1 - t);
}

#if REAL_IS_DOUBLE
/* T(r) = 1/6 + r/24 + ... + r^12/15!. */
BO_FN real bo_exp_tail(real r)
{
    real q = fma(r, R(7.647163731819816E-13), R(1.1470745597729725E-11));
    q = fma(r, q, R(1.6059043836821613E-10));
    q = fma(r, q, R(2.08767569878681E-9));
    q = fma(r, q, R(2.505210838544172E-8));
    q = fma(r, q, R(2.755731922398589E-7));
    q = fma(r, q, R(2.7557319223985893E-6));
    q = fma(r, q, R(2.48015873015873E-5));
    q = fma(r, q, R(1.984126984126984E-4));
    q = fma(r, q, R(0.001388888888888889));
    q = fma(r, q, R(0.008333333333333333));
    q = fma(r, q, R(0.041666666666666664));
    return fma(r, q, R(0.16666666666666666));
}

/* Q(r) = 1/2 + r T(r), so that exp(r) - 1 = r + r^2 Q(r): high part. */
BO_FN real bo_exp_q_hi(real r)
{
    return R(0.5) + r * bo_exp_tail(r);
}

/* Q(r), low part: the rounding errors of r T(r) and of the sum. */
BO_FN real bo_exp_q_lo(real r)
{
    const real tv = bo_exp_tail(r);
    const real t = r * tv;
    const real qh = R(0.5) + t;
    return ((-qh + R(0.5)) + t) + fma(r, tv, -t);
}
#else
/* 1/120 + r/720 + ... + r^5/3628800. */
BO_FN real bo_exp_tail(real r)
{
    real q = fma(r, R(2.755732E-7), R(2.7557319E-6));
    q = fma(r, q, R(2.4801588E-5));
    q = fma(r, q, R(1.984127E-4));
    q = fma(r, q, R(0.0013888889));
    return fma(r, q, R(0.008333334));
}

/* Q(r) = 1/2 + r/6 + r^2/24 + r^3 exp_tail(r), so that exp(r) - 1 = r + r^2 Q(r): high part. */
BO_FN real bo_exp_q_hi(real r)
{
    return R(0.5) + r * (BO_E3_H + r * (BO_E4_H + r * bo_exp_tail(r)));
}

/* Q(r), low part. */
BO_FN real bo_exp_q_lo(real r)
{
    const real t3 = r * bo_exp_tail(r);
    const real q3h = BO_E4_H + t3;
    const real q3l = ((-q3h + BO_E4_H) + t3) + BO_E4_L;
    const real m2 = r * q3h;
    const real q2h = BO_E3_H + m2;
    const real q2l = ((-q2h + BO_E3_H) + m2) + (fma(r, q3h, -m2) + fma(r, q3l, BO_E3_L));
    const real m1 = r * q2h;
    const real q1h = R(0.5) + m1;
    return ((-q1h + R(0.5)) + m1) + (fma(r, q2h, -m1) + r * q2l);
}
#endif

/* exp(rh + rl) - 1, high part, from Q(rh) = qh + ql. */
BO_FN real bo_exp_e_hi(real rh, real qh)
{
    return rh + rh * rh * qh;
}

/* exp(rh + rl) - 1, low part. */
BO_FN real bo_exp_e_lo(real rh, real rl, real qh, real ql)
{
    const real z = rh * rh;
    const real zl = fma(rh, rh, -z);
    const real wh = z * qh;
    const real wl = fma(z, qh, -wh) + fma(z, ql, zl * qh);
    const real eh = rh + wh;
    return (((rh - eh) + wh) + wl) + fma(rl, eh, rl);
}

/* 2^k (1 + eh + el), rounded once (twice where the result is subnormal), from 2^k = s1 s2. */
BO_FN real bo_exp_finish(real eh, real el, real s1, real s2)
{
    const real sh = R(1) + eh;
    const real sl = ((-sh + R(1)) + eh) + el;
    return fma(sh, s1, sl * s1) * s2;
}

BO_FN real bo_exp(real x)
{
    const real xc = bo_exp_clamp(x);
    const real k = bo_exp_k(xc);
    const real rh = bo_exp_r_hi(xc, k);
    const real qh = bo_exp_q_hi(rh);
    const real s1 = bo_pow2(bo_split_exponent(k));
    return bo_exp_finish(bo_exp_e_hi(rh, qh), bo_exp_e_lo(rh, bo_exp_r_lo(xc, k), qh, bo_exp_q_lo(rh)), s1,
        bo_second_factor(k, s1));
}

/* kk = min(k, largest exponent) of expm1. */
BO_FN real bo_expm1_scale(real k)
{
    return bo_minimum(k, BO_EXPM1_KMAX);
}

/* 2^k (1 + eh + el) - 1 = p (f (1 + e) - 1/p), p = 2^kk, f = 2^(k - kk): its high part over p. */
BO_FN real bo_expm1_hi(real k, real p, real eh)
{
    const real f = R(1) + (k - bo_expm1_scale(k));
    return (f - R(1) / p) + f * eh;
}

/* The low part over p. */
BO_FN real bo_expm1_lo(real k, real p, real eh, real el)
{
    const real f = R(1) + (k - bo_expm1_scale(k));
    const real b = R(1) / p;
    const real a = f - b;
    const real ta = a - f;
    const real al = (f - (a - ta)) - (b + ta);
    const real fe = f * eh;
    const real s = a + fe;
    const real ts = s - a;
    return ((a - (s - ts)) + (fe - ts)) + (al + f * el);
}

/* v with the sign of x, for functions with the sign of their argument (so that f(-0) = -0). */
BO_FN real bo_keep_sign(real x, real v)
{
    const real a = fabs(v);
    return bo_maximum(bo_minimum(x * BO_SCALE * BO_SCALE, a), -a);
}

BO_FN real bo_expm1(real x)
{
    const real xc = bo_expm1_clamp(x);
    const real k = bo_exp_k(xc);
    const real rh = bo_exp_r_hi(xc, k);
    const real qh = bo_exp_q_hi(rh);
    const real eh = bo_exp_e_hi(rh, qh);
    const real el = bo_exp_e_lo(rh, bo_exp_r_lo(xc, k), qh, bo_exp_q_lo(rh));
    const real p = bo_pow2(bo_expm1_scale(k));
    return bo_keep_sign(x, fma(p, bo_expm1_hi(k, p, eh), p * bo_expm1_lo(k, p, eh, el)));
}

/* ---- log, log1p ----------------------------------------------------------------------------------------- */

/* x, times 2^25 (fp32) or 2^54 (fp64) when it is subnormal. */
BO_FN real bo_log_scaled(real x)
{
#if REAL_IS_DOUBLE
    return x * fma(bo_below(x, BO_MIN_NORMAL), R(1.8014398509481984E16), R(1) - bo_below(x, BO_MIN_NORMAL));
#else
    return x * fma(bo_below(x, BO_MIN_NORMAL), R(3.3554432E7), R(1) - bo_below(x, BO_MIN_NORMAL));
#endif
}

#if REAL_IS_DOUBLE
/* The mantissa m in [sqrt(1/2), sqrt(2)) of x = m 2^e. */
BO_FN real bo_log_mantissa(real x)
{
    const long bits = as_long(bo_log_scaled(x));
    const long mb = bits & 0xFFFFFFFFFFFFFL;
    const long big = (long)((unsigned long)(0x6A09E667F3BCCL - mb) >> 63);
    return as_double(mb | (0x3FF0000000000000L - (big << 52)));
}

/* The exponent e of x = m 2^e. */
BO_FN real bo_log_exponent(real x)
{
    const long bits = as_long(bo_log_scaled(x));
    const long big = (long)((unsigned long)(0x6A09E667F3BCCL - (bits & 0xFFFFFFFFFFFFFL)) >> 63);
    return (real)(((bits >> 52) & 0x7FFL) - 1023 + big) - R(54) * bo_below(x, BO_MIN_NORMAL);
}
#else
/* The mantissa m in [sqrt(1/2), sqrt(2)) of x = m 2^e. */
BO_FN real bo_log_mantissa(real x)
{
    const int bits = as_int(bo_log_scaled(x));
    const int mb = bits & 0x7FFFFF;
    const int big = (int)((unsigned int)(0x3504F3 - mb) >> 31);
    return as_float(mb | (0x3F800000 - (big << 23)));
}

/* The exponent e of x = m 2^e. */
BO_FN real bo_log_exponent(real x)
{
    const int bits = as_int(bo_log_scaled(x));
    const int big = (int)((unsigned int)(0x3504F3 - (bits & 0x7FFFFF)) >> 31);
    return (real)(((bits >> 23) & 0xFF) - 127 + big) - R(25) * bo_below(x, BO_MIN_NORMAL);
}
#endif

/* s = f / (2 + f), f = m - 1 (exact), high part. */
BO_FN real bo_log_s_hi(real m)
{
    const real f = m - R(1);
    return f / (R(2) + f);
}

/* s, low part. */
BO_FN real bo_log_s_lo(real m, real sh)
{
    const real f = m - R(1);
    const real dh = R(2) + f;
    const real dl = (-dh + R(2)) + f;
    return (fma(-sh, dh, f) - sh * dl) / dh;
}

#if REAL_IS_DOUBLE
/* 2/5 + z 2/7 + ... + z^8 2/21. */
BO_FN real bo_log_tail(real z)
{
    real h = fma(z, R(0.09523809523809523), R(0.10526315789473684));
    h = fma(z, h, R(0.11764705882352941));
    h = fma(z, h, R(0.13333333333333333));
    h = fma(z, h, R(0.15384615384615385));
    h = fma(z, h, R(0.18181818181818182));
    h = fma(z, h, R(0.2222222222222222));
    h = fma(z, h, R(0.2857142857142857));
    return fma(z, h, R(0.4));
}
#else
/* 2/5 + z 2/7 + ... + z^5 2/15. */
BO_FN real bo_log_tail(real z)
{
    real h = fma(z, R(0.13333334), R(0.15384616));
    h = fma(z, h, R(0.18181819));
    h = fma(z, h, R(0.22222222));
    h = fma(z, h, R(0.2857143));
    return fma(z, h, R(0.4));
}
#endif

/* log(1 + f) = 2 atanh(s) = 2s + s z (2/3 + z log_tail(z)), z = s^2: high part. */
BO_FN real bo_log_l_hi(real sh, real sl)
{
    const real z = sh * sh;
    return R(2) * sh + sh * z * (BO_G3_H + z * bo_log_tail(z));
}

/* log(1 + f), low part. */
BO_FN real bo_log_l_lo(real sh, real sl)
{
    const real z = sh * sh;
    const real zl = fma(sh, sh, -z) + R(2) * sh * sl;
    const real h = bo_log_tail(z);
    const real t = z * h;
    const real gh = BO_G3_H + t;
    const real gl = ((-gh + BO_G3_H) + t) + (BO_G3_L + fma(z, h, -t));
    const real p = sh * z;
    const real pl = fma(sh, z, -p) + fma(sh, zl, sl * z);
    const real wh = p * gh;
    const real wl = fma(p, gh, -wh) + fma(p, gl, pl * gh);
    const real lh = R(2) * sh + wh;
    return ((R(2) * sh - lh) + wh) + fma(R(2), sl, wl);
}

/* e ln 2 + lh + ll + log(1 + c), rounded once, for c = ul / uh small against 1. */
BO_FN real bo_log_sum(real e, real lh, real ll, real ul, real uh)
{
    const real c = ul / uh;
    const real u = lh + c;
    const real tu = u - lh;
    const real a = e * BO_LN2_HEAD;
    const real bh = e * BO_LN2_M;
    const real s1 = a + u;
    const real s2 = s1 + bh;
    const real low = ((s1 - s2) + bh) + ((a - s1) + u)
        + ((((lh - (u - tu)) + (c - tu)) + ll) + fma(-c, uh, ul) / uh - R(0.5) * c * c + fma(e, BO_LN2_M, -bh)
        + e * BO_LN2_T);
    return s2 + low;
}

/* v, or NaN for x < 0, -inf for x = 0, +inf for x = +inf. */
BO_FN real bo_log_special(real x, real v)
{
#if REAL_IS_DOUBLE
    const real zero = R(1) - bo_minimum(bo_maximum(x * R(4.149515568880993E180) * R(4.149515568880993E180), R(0)), R(1));
    return ((v + bo_maximum(x - BO_REAL_BIG, R(0))) + zero * R(4.149515568880993E180) * R(-4.149515568880993E180)) + R(0) * sqrt(bo_minimum(x, R(1)));
#else
    const real zero = R(1) - bo_minimum(bo_maximum(x * R(1.2676506002282294E30) * R(1.15292150460684698E18), R(0)), R(1));
    return ((v + bo_maximum(x - BO_REAL_BIG, R(0))) + zero * R(1.2676506002282294E30) * R(-1.2676506002282294E30)) + R(0) * sqrt(bo_minimum(x, R(1)));
#endif
}

BO_FN real bo_log(real x)
{
    const real m = bo_log_mantissa(x);
    const real sh = bo_log_s_hi(m);
    const real sl = bo_log_s_lo(m, sh);
    return bo_log_special(x, bo_log_sum(bo_log_exponent(x), bo_log_l_hi(sh, sl), bo_log_l_lo(sh, sl), R(0), R(1)));
}

BO_FN real bo_log1p(real x)
{
    const real xc = bo_minimum(x, BO_REAL_BIG);
    const real uh = R(1) + xc;
    const real t = uh - xc;
    const real ul = (xc - (uh - t)) + (R(1) - t);
    const real m = bo_log_mantissa(uh);
    const real sh = bo_log_s_hi(m);
    const real sl = bo_log_s_lo(m, sh);
    const real v = bo_log_sum(bo_log_exponent(uh), bo_log_l_hi(sh, sl), bo_log_l_lo(sh, sl), ul, uh + BO_TINY);
    return bo_keep_sign(x, bo_log_special(uh, v) + bo_maximum(x - BO_REAL_BIG, R(0)));
}

/* ---- tanh, softplus, sigmoid, pow ----------------------------------------------------------------------- */

/* tanh(y) = -v / (2 + v), v = expm1(-2y) = p (vh + vl), for y = |x|. */
BO_FN real bo_tanh_of(real p, real vh, real vl)
{
    const real h = p * vh;
    const real l = p * vl;
    const real dh = R(2) + h;
    const real dl = ((-dh + R(2)) + h) + l;
    const real q = -h / dh;
    return q + (fma(-q, dh, -h) - fma(q, dl, l)) / dh;
}

BO_FN real bo_tanh(real x)
{
    const real y = fabs(x);
    const real xc = bo_expm1_clamp(R(-2) * y);
    const real k = bo_exp_k(xc);
    const real rh = bo_exp_r_hi(xc, k);
    const real qh = bo_exp_q_hi(rh);
    const real eh = bo_exp_e_hi(rh, qh);
    const real el = bo_exp_e_lo(rh, bo_exp_r_lo(xc, k), qh, bo_exp_q_lo(rh));
    const real p = bo_pow2(k);
    return bo_sign_of(x) * bo_tanh_of(p, bo_expm1_hi(k, p, eh), bo_expm1_lo(k, p, eh, el));
}

/* 2^k (1 + eh + el) for an integer k <= 0, s1 = 2^floor(k/2), as a double-real: high part. */
BO_FN real bo_exp_part_hi(real k, real eh, real s1)
{
    return (R(1) + eh) * s1 * bo_second_factor(k, s1);
}

/* 2^k (1 + eh + el), low part. */
BO_FN real bo_exp_part_lo(real k, real eh, real el, real s1)
{
    const real sh = R(1) + eh;
    return (((-sh + R(1)) + eh) + el) * s1 * bo_second_factor(k, s1);
}

/* a + log(1 + eh + el) for 0 < eh + el <= 1 and a >= 0, rounded once: 1 + e lies in (1, 2]. */
BO_FN real bo_log1p_unit(real a, real eh, real el)
{
    const real uh = R(1) + eh;
    const real ul = (-uh + R(1)) + eh;
    const real big = R(1) - bo_below(uh, BO_SQRT2);
    const real m = uh * (R(1) - R(0.5) * big);
    const real sh = bo_log_s_hi(m);
    const real sl = bo_log_s_lo(m, sh);
    const real lh = bo_log_l_hi(sh, sl);
    const real c = ul / uh;
    const real u = lh + c;
    const real tu = u - lh;
    const real bh = big * BO_LN2_HEAD;
    const real s1 = bh + u;
    const real s1l = ((bh - s1) + u) + ((((lh - (u - tu)) + (c - tu)) + bo_log_l_lo(sh, sl))
        + (fma(-c, uh, ul) + el) / uh - R(0.5) * c * c + fma(big, BO_LN2_M, big * BO_LN2_T));
    const real s2 = a + s1;
    const real t = s2 - a;
    return s2 + (((a - (s2 - t)) + (s1 - t)) + s1l);
}

/* log(1 + exp(x)) = max(x, 0) + log(1 + exp(-|x|)), without overflow. */
BO_FN real bo_softplus(real x)
{
    const real xc = bo_exp_clamp(-fabs(x));
    const real k = bo_exp_k(xc);
    const real rh = bo_exp_r_hi(xc, k);
    const real qh = bo_exp_q_hi(rh);
    const real eh = bo_exp_e_hi(rh, qh);
    const real el = bo_exp_e_lo(rh, bo_exp_r_lo(xc, k), qh, bo_exp_q_lo(rh));
    const real s1 = bo_pow2(bo_split_exponent(k));
    return bo_log1p_unit(bo_minimum(bo_maximum(x, R(0)), BO_REAL_BIG), bo_exp_part_hi(k, eh, s1),
        bo_exp_part_lo(k, eh, el, s1)) + bo_maximum(x - BO_REAL_BIG, R(0));
}

/* n / (1 + eh + el), n = 1 for x >= 0 and eh + el for x < 0 (eh + el = exp(-|x|)), rounded once. */
BO_FN real bo_sigmoid_of(real x, real eh, real el)
{
    const real neg = R(1) - bo_below(-x, R(0));
    const real nh = fma(neg, eh, R(1) - neg);
    const real nl = neg * el;
    const real dh = R(1) + eh;
    const real dl = ((-dh + R(1)) + eh) + el;
    const real q = nh / dh;
    return q + (fma(-q, dh, nh) + fma(-q, dl, nl)) / dh;
}

/* 1 / (1 + exp(-x)). */
BO_FN real bo_sigmoid(real x)
{
    const real xc = bo_exp_clamp(-fabs(x));
    const real k = bo_exp_k(xc);
    const real rh = bo_exp_r_hi(xc, k);
    const real qh = bo_exp_q_hi(rh);
    const real eh = bo_exp_e_hi(rh, qh);
    const real el = bo_exp_e_lo(rh, bo_exp_r_lo(xc, k), qh, bo_exp_q_lo(rh));
    const real s1 = bo_pow2(bo_split_exponent(k));
    return bo_sigmoid_of(x, bo_exp_part_hi(k, eh, s1), bo_exp_part_lo(k, eh, el, s1));
}

/* x^y for x > 0 (NaN for x < 0 and x = +inf): exp(y log x) with y log x as a double-real. */
BO_FN real bo_pow(real x, real y)
{
    const real m = bo_log_mantissa(x);
    const real sh = bo_log_s_hi(m);
    const real sl = bo_log_s_lo(m, sh);
    const real e = bo_log_exponent(x);
    const real lh = bo_log_l_hi(sh, sl);
    const real ll = bo_log_l_lo(sh, sl);
    const real a = e * BO_LN2_HEAD;
    const real g1 = a + lh;
    const real g1l = ((a - g1) + lh) + (ll + fma(e, BO_LN2_M, e * BO_LN2_T));
    const real wh = y * g1;
    const real wl = bo_minimum(bo_maximum(fma(y, g1, -wh) + y * g1l, R(-1)), R(1));
    const real xc = bo_exp_clamp(wh);
    const real k = bo_exp_k(xc);
    const real r0 = fma(-k, BO_LN2_H, xc);
    const real r1 = fma(k, BO_LN2_NL, wl);
    const real rh = r0 + r1;
    const real tr = rh - r0;
    const real rl = (r0 - (rh - tr)) + (r1 - tr);
    const real qh = bo_exp_q_hi(rh);
    const real s1 = bo_pow2(bo_split_exponent(k));
    const real v = bo_exp_finish(bo_exp_e_hi(rh, qh), bo_exp_e_lo(rh, rl, qh, bo_exp_q_lo(rh)), s1,
        bo_second_factor(k, s1));
    return v + R(0) * sqrt(x);
}

/* x^n for n >= 0 by repeated squaring (the loop depends on n only). */
BO_FN real bo_pown(real x, int n)
{
    real r = R(1);
    while (n > 0) {
        r = r * ((n & 1) != 0 ? x : R(1));
        x = x * x;
        n = n >> 1;
    }
    return r;
}

/* torch's lerp as its CPU kernel computes it: fma(w, b - a, a) for |w| < 0.5, else fma(w - 1, b - a, b). */
BO_FN real bo_lerp(real a, real b, real w)
{
    return fabs(w) < R(0.5) ? fma(w, b - a, a) : fma(w - R(1), b - a, b);
}

/* torch's sign: 1, -1, or 0 for zero (and NaN). */
BO_FN real bo_sign(real x)
{
    return x > R(0) ? R(1) : (x < R(0) ? R(-1) : R(0));
}

/* The larger of a and b; a when b is NaN. */
BO_FN real bo_max(real a, real b)
{
    return b > a ? b : a;
}
