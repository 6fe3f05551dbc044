/*
 * batchopt portable math: exp, expm1, log, log1p, sin, cos, tanh, softplus, sigmoid, pow and pown, built from
 * + - * /, sqrt, fma and IEEE 754-2019 minimum/maximum (and a few exact bit operations), so that every backend
 * computes the same bits. Compilers never contract a*b + c (FP_CONTRACT OFF, --fmad=false); every fma here is
 * written out, and fma, /, sqrt and the float<->double conversions are correctly rounded everywhere. Twins:
 * org/batchopt/kernel/Math64.java (the REAL_IS_DOUBLE branch, bo_sin_a_hi is sinAHi) and Math32.java (the fp32
 * branch, bo_d_sin_poly is sinPoly), function by function; LaneMath64/LaneMath32 run the same stages over the
 * lanes of a CPU tile. MathTest measures the error of every function against the correctly rounded result on
 * millions of arguments; the bounds it holds are in the javadoc of Math32 and Math64.
 *
 * The functions are branch-free on the data (range reduction with minimum/maximum and arithmetic blends), but
 * for arguments of sin and cos beyond 2^17 (fp32) or 2^30 (fp64, BO_TRIG_FAST), which take Payne-Hanek reduction
 * in integer arithmetic: every finite argument gets a finite, accurate result.
 *
 * fp64: results are evaluated in double-double arithmetic (a value as the unevaluated sum hi + lo) and rounded
 * once, within 0.56 ulp (0.535 ulp for sin and cos), as MathTest measures them.
 *   exp:  x = k ln2 + r, |r| <= ln2/2 (ln2 in two parts), exp(r) - 1 = r + r^2 Q(r), 2^k as 2^k1 2^(k-k1)
 *         built from the binary digits of k by + and * (so that subnormal results are rounded once more only).
 *   log:  x = m 2^e, m in [sqrt(1/2), sqrt(2)) (bit operations), log m = 2 atanh(s), s = (m-1)/(m+1).
 *   sin, cos: x = j pi/2 + r, |r| <= pi/4 (pi/2 in four truncated parts), sin r and cos r both, the quadrant
 *         j mod 4 by arithmetic.
 * fp32: the argument is widened to double, the function evaluated in plain double arithmetic (the same range
 * reductions, pi/2 in three parts and ln 2 in two, one polynomial, 2^k from its bits) to about 2^-50, and the
 * result rounded once to float: correctly rounded except where the exact value lies within about 2^-50 of a
 * midpoint between two floats (MathTest found no such argument among 10^6 per function), subnormal results
 * included. So fp32 programs need fp64 on the device: the OpenCL backend refuses a device without cl_khr_fp64.
 */

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

/* x rounded to an integer, ties to even, for |x| below 2^51. */
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
    return bo_minimum(bo_maximum((t - x) * R(4.149515568880993E180) * R(4.149515568880993E180), R(0)), R(1));
}

/* floor(v / 2) for an integer v >= 0. */
BO_FN real bo_half(real v)
{
    return bo_rint(fma(v, R(0.5), R(-0.25)));
}

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

/* 2^k, exactly, for an integer k in [-538, 1023], from its binary digits. */
BO_FN real bo_pow2(real k)
{
    return bo_pow2_high(k) * bo_pow2_bits(k + BO_POW2_BIAS);
}

/* k1 = floor(k/2), so that 2^k = 2^k1 (2^k1 (1 + k - 2 k1)). */
BO_FN real bo_split_exponent(real k)
{
    return bo_half(k + R(2048)) - R(1024);
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

/*
 * sin y (shift 0) or cos y (shift 1) for y > BO_TRIG_FAST by Payne-Hanek: y = m 2^e (m an integer) times the
 * bits of 2/pi that matter (from bit e - 1 on; the bits before make multiples of 4 quarter turns), in integer
 * arithmetic, which gives the quadrant and the fraction. NaN for infinity.
 */
BO_FN real bo_trig_huge(real y, int shift)
{
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

/* x, times 2^54 when it is subnormal. */
BO_FN real bo_log_scaled(real x)
{
    return x * fma(bo_below(x, BO_MIN_NORMAL), R(1.8014398509481984E16), R(1) - bo_below(x, BO_MIN_NORMAL));
}

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
    const real zero = R(1) - bo_minimum(bo_maximum(x * R(4.149515568880993E180) * R(4.149515568880993E180), R(0)), R(1));
    return ((v + bo_maximum(x - BO_REAL_BIG, R(0))) + zero * R(4.149515568880993E180) * R(-4.149515568880993E180)) + R(0) * sqrt(bo_minimum(x, R(1)));
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

#else

/*
 * fp32: every function widens its argument to double (exactly), evaluates in plain double arithmetic (range
 * reduction, one polynomial) and rounds once to float at the end, so the fp32 functions need fp64 on the device
 * (cl_khr_fp64; every CUDA GPU has it). The double helpers are named bo_d_*; the twin is Math32.java, function
 * by function (bo_d_sin_poly is sinPoly).
 */

/* IEEE 754-2019 minimum (Java's Math.min): NaN if either is NaN, -0 below +0. */
BO_FN double bo_d_minimum(double a, double b)
{
    return a != a ? a : (b != b ? b : (a < b ? a : (b < a ? b : (signbit(a) ? a : b))));
}

/* IEEE 754-2019 maximum (Java's Math.max): NaN if either is NaN, +0 above -0. */
BO_FN double bo_d_maximum(double a, double b)
{
    return a != a ? a : (b != b ? b : (a > b ? a : (b > a ? b : (signbit(a) ? b : a))));
}

/* x rounded to an integer, ties to even. */
BO_FN double bo_d_rint(double x)
{
    return rint(x);
}

/* 1 with the sign of x, and x itself for +-0 and NaN (x the double of a float). */
BO_FN double bo_d_sign_of(double x)
{
    return bo_d_maximum(bo_d_minimum(x * D(2.037035976334486E90) * D(2.037035976334486E90), D(1.0)), -D(1.0));
}

/* v with the sign of x, for functions with the sign of their argument (so that f(-0) = -0). */
BO_FN double bo_d_keep_sign(double x, double v)
{
    const double a = fabs(v);
    return bo_d_maximum(bo_d_minimum(x * D(2.037035976334486E90) * D(2.037035976334486E90), a), -a);
}

/* 2^k, exactly, for an integer k in [-1022, 1023], from its bits (0 for NaN, whose result is NaN anyway). */
BO_FN double bo_d_pow2(double k)
{
    return as_double((k == k ? (long)k + 1023 : 0L) << 52);
}

/* ---- sin, cos ------------------------------------------------------------------------------------------- */

/* The quadrant count j = rint(y 2/pi) of y = |x| <= BO_TRIG_FAST (2^17). */
BO_FN double bo_d_reduce_j(double y)
{
    return bo_d_rint(y * D(0.6366197723675814));
}

/* r = y - j pi/2 with pi/2 in three parts, the first two of 36 bits (the first fma is exact). */
BO_FN double bo_d_reduce_r(double y, double j)
{
    return fma(-j, D(1.0562999066987428E-23), fma(-j, D(2.5633441515839558E-12), fma(-j, D(1.5707963267923333), y)));
}

/* sin r for |r| <= pi/4: r + r z S(z), z = r^2, fdlibm's minimax S. */
BO_FN double bo_d_sin_poly(double r)
{
    const double z = r * r;
    double p = fma(z, D(1.58969099521155010221E-10), -D(2.50507602534068634195E-8));
    p = fma(z, p, D(2.75573137070700676789E-6));
    p = fma(z, p, -D(1.98412698298579493134E-4));
    p = fma(z, p, D(8.33333333332248946124E-3));
    p = fma(z, p, -D(1.66666666666666324348E-1));
    return fma(r * z, p, r);
}

/* cos r for |r| <= pi/4: 1 + z (-1/2 + z C(z)), fdlibm's minimax C. */
BO_FN double bo_d_cos_poly(double r)
{
    const double z = r * r;
    double p = fma(z, -D(1.13596475577881948265E-11), D(2.08757232129817482790E-9));
    p = fma(z, p, -D(2.75573143513906633035E-7));
    p = fma(z, p, D(2.48015872894767294178E-5));
    p = fma(z, p, -D(1.38888888888741095749E-3));
    p = fma(z, p, D(4.16666666666666019037E-2));
    return fma(z, fma(z, p, -D(0.5)), D(1.0));
}

/* j mod 2 of an integer j >= 0 (exact, as is the floor). */
BO_FN double bo_d_quadrant_odd(double j)
{
    return fma(D(-2.0), floor(j * D(0.5)), j);
}

/* (-1)^floor(j/2) of an integer j >= 0: 1 - 2 (h mod 2), h = floor(j/2). */
BO_FN double bo_d_quadrant_sign(double j)
{
    const double h = floor(j * D(0.5));
    return fma(D(4.0), floor(h * D(0.5)), fma(D(-2.0), h, D(1.0)));
}

/* sin(j pi/2 + r) from s = sin r and c = cos r. */
BO_FN double bo_d_quadrant(double j, double s, double c)
{
    const double o = bo_d_quadrant_odd(j);
    return bo_d_quadrant_sign(j) * (s * (D(1.0) - o) + c * o);
}

/* cos(j pi/2 + r) from s = sin r and c = cos r. */
BO_FN double bo_d_cos_quadrant(double j, double s, double c)
{
    const double o = bo_d_quadrant_odd(j);
    return bo_d_quadrant_sign(j) * (c * (D(1.0) - o) - s * o);
}

/*
 * sin y (shift 0) or cos y (shift 1) for a float y > 2^17 by Payne-Hanek: y = m 2^e (m a 24-bit integer) times
 * the 120 bits of 2/pi that matter, in integer arithmetic, which gives the quadrant and 118 bits of the
 * fraction. NaN for infinity.
 */
BO_FN double bo_d_trig_huge(double y, int shift)
{
    const int bits = as_int((float)y);
    const long m = (long)((bits & 0x7FFFFF) | 0x800000);
    const int u = ((bits >> 23) & 0xFF) - 128;
    const int k = u / 24;
    const int o = u % 24;
    const long p4 = m * bo_two_over_pi_at(k + 4, o);
    long t = m * bo_two_over_pi_at(k + 3, o) + (p4 >> 24);
    const long c4 = t & 0xFFFFFFL;
    t = m * bo_two_over_pi_at(k + 2, o) + (t >> 24);
    const long c3 = t & 0xFFFFFFL;
    t = m * bo_two_over_pi_at(k + 1, o) + (t >> 24);
    const long c2 = t & 0xFFFFFFL;
    t = m * bo_two_over_pi_at(k, o) + (t >> 24);
    const long c1 = t & 0xFFFFFFL;
    const long up = (c1 >> 21) & 1;
    const double q = (double)(((c1 >> 22) + up) & 3);
    /* the fraction in quarter turns, in [-1/2, 1/2): the first two parts add exactly */
    const double f = ((double)((c1 & 0x3FFFFFL) - (up << 22)) * D(2.384185791015625E-7)
            + (double)c2 * D(1.4210854715202004E-14))
        + ((double)c3 * D(8.470329472543003E-22) + (double)c4 * D(5.048709793414476E-29));
    const double r = f * D(1.5707963267948966) + (y - y);
    const double s = bo_d_sin_poly(r);
    const double c = bo_d_cos_poly(r);
    return shift == 0 ? bo_d_quadrant(q, s, c) : bo_d_cos_quadrant(q, s, c);
}

BO_FN real bo_sin(real x)
{
    const double d = (double)x;
    const double y = fabs(d);
    if (!(y > D(131072.0))) {
        const double j = bo_d_reduce_j(y);
        const double r = bo_d_reduce_r(y, j);
        return (real)(bo_d_sign_of(d) * bo_d_quadrant(j, bo_d_sin_poly(r), bo_d_cos_poly(r)));
    }
    return (real)(bo_d_sign_of(d) * bo_d_trig_huge(y, 0));
}

BO_FN real bo_cos(real x)
{
    const double y = fabs((double)x);
    if (!(y > D(131072.0))) {
        const double j = bo_d_reduce_j(y);
        const double r = bo_d_reduce_r(y, j);
        return (real)bo_d_cos_quadrant(j, bo_d_sin_poly(r), bo_d_cos_poly(r));
    }
    return (real)bo_d_trig_huge(y, 1);
}

/* ---- exp, expm1 ----------------------------------------------------------------------------------------- */

/* x clamped to where exp neither overflows nor underflows to zero in fp32 before the end (NaN stays NaN). */
BO_FN double bo_d_exp_clamp(double x)
{
    return bo_d_maximum(bo_d_minimum(x, D(89.0)), -D(104.0));
}

/* k = rint(x / ln 2) of a clamped x. */
BO_FN double bo_d_exp_k(double xc)
{
    return bo_d_rint(xc * D(1.4426950408889634));
}

/* r = xc - k ln 2, ln 2 in two parts, the first of 32 bits (k ln2_hi is exact). */
BO_FN double bo_d_exp_r(double xc, double k)
{
    return fma(-k, D(1.9082149292705877E-10), fma(-k, D(0.6931471803691238), xc));
}

/* exp(r) - 1 = r + r^2 Q(r), Q the Taylor polynomial to r^11/13!. */
BO_FN double bo_d_expm1_poly(double r)
{
    double q = fma(r, D(1.6059043836821613E-10), D(2.08767569878681E-9));
    q = fma(r, q, D(2.505210838544172E-8));
    q = fma(r, q, D(2.755731922398589E-7));
    q = fma(r, q, D(2.7557319223985893E-6));
    q = fma(r, q, D(2.48015873015873E-5));
    q = fma(r, q, D(1.984126984126984E-4));
    q = fma(r, q, D(0.001388888888888889));
    q = fma(r, q, D(0.008333333333333333));
    q = fma(r, q, D(0.041666666666666664));
    q = fma(r, q, D(0.16666666666666666));
    q = fma(r, q, D(0.5));
    return fma(r * r, q, r);
}

/* 2^k (1 + e), rounded once. */
BO_FN double bo_d_exp_finish(double e, double k)
{
    const double p = bo_d_pow2(k);
    return fma(p, e, p);
}

BO_FN real bo_exp(real x)
{
    const double xc = bo_d_exp_clamp((double)x);
    const double k = bo_d_exp_k(xc);
    return (real)bo_d_exp_finish(bo_d_expm1_poly(bo_d_exp_r(xc, k)), k);
}

/* 2^k (1 + e) - 1, rounded once. */
BO_FN double bo_d_expm1_finish(double e, double k)
{
    const double p = bo_d_pow2(k);
    return fma(p, e, p - D(1.0));
}

BO_FN real bo_expm1(real x)
{
    const double d = (double)x;
    const double xc = bo_d_maximum(bo_d_minimum(d, D(89.0)), -D(30.0));
    const double k = bo_d_exp_k(xc);
    return (real)bo_d_keep_sign(d, bo_d_expm1_finish(bo_d_expm1_poly(bo_d_exp_r(xc, k)), k));
}

/* ---- log, log1p ----------------------------------------------------------------------------------------- */

/* The mantissa m in [sqrt(1/2), sqrt(2)) of a positive normal double x = m 2^e. */
BO_FN double bo_d_log_mantissa(double x)
{
    const long bits = as_long(x);
    const long mb = bits & 0xFFFFFFFFFFFFFL;
    const long big = (long)((unsigned long)(0x6A09E667F3BCDL - mb) >> 63);
    return as_double(mb | ((0x3FFL - big) << 52));
}

/* The exponent e of x = m 2^e. */
BO_FN double bo_d_log_exponent(double x)
{
    const long bits = as_long(x);
    const long big = (long)((unsigned long)(0x6A09E667F3BCDL - (bits & 0xFFFFFFFFFFFFFL)) >> 63);
    return (double)(((bits >> 52) & 0x7FFL) - 1023 + big);
}

/* e ln 2 + log m, log m = 2s + s R(z), s = f / (2 + f), f = m - 1 (exact), z = s^2, fdlibm's minimax R. */
BO_FN double bo_d_log_poly(double m, double e)
{
    const double f = m - D(1.0);
    const double s = f / (D(2.0) + f);
    const double z = s * s;
    double p = fma(z, D(1.479819860511658591E-1), D(1.531383769920937332E-1));
    p = fma(z, p, D(1.818357216161805012E-1));
    p = fma(z, p, D(2.222219843214978396E-1));
    p = fma(z, p, D(2.857142874366239149E-1));
    p = fma(z, p, D(3.999999999940941908E-1));
    p = fma(z, p, D(6.666666666666735130E-1));
    return fma(e, D(0.6931471805599453), fma(s, z * p, D(2.0) * s));
}

/* v, or NaN for x < 0, -inf (in fp32) for x = 0, +inf for x = +inf. */
BO_FN double bo_d_log_special(double x, double v)
{
    const double zero = D(1.0)
        - bo_d_minimum(bo_d_maximum(x * D(2.037035976334486E90) * D(2.037035976334486E90), D(0.0)), D(1.0));
    return ((v + bo_d_maximum(x - D(1.7976931348623157E308), D(0.0))) + zero * D(2.037035976334486E90) * -D(2.037035976334486E90))
        + D(0.0) * sqrt(bo_d_minimum(x, D(1.0)));
}

BO_FN real bo_log(real x)
{
    const double d = (double)x;
    return (real)bo_d_log_special(d, bo_d_log_poly(bo_d_log_mantissa(d), bo_d_log_exponent(d)));
}

/* log(u) + (x - (u - 1)) / u, u = 1 + x rounded: log(1 + x) for x >= -1. */
BO_FN double bo_d_log1p_of(double x, double u)
{
    return bo_d_log_poly(bo_d_log_mantissa(u), bo_d_log_exponent(u))
        + (x - (u - D(1.0))) / (u + D(9.332636185032189E-302));
}

BO_FN real bo_log1p(real x)
{
    const double d = (double)x;
    const double xc = bo_d_minimum(d, D(3.4028234663852886E38));
    const double u = D(1.0) + xc;
    return (real)bo_d_keep_sign(d, bo_d_log_special(u, bo_d_log1p_of(xc, u))
        + bo_d_maximum(d - D(3.4028234663852886E38), D(0.0)));
}

/* ---- tanh, softplus, sigmoid, pow ----------------------------------------------------------------------- */

BO_FN real bo_tanh(real x)
{
    const double d = (double)x;
    const double xc = bo_d_maximum(-D(2.0) * fabs(d), -D(30.0));
    const double k = bo_d_exp_k(xc);
    const double v = bo_d_expm1_finish(bo_d_expm1_poly(bo_d_exp_r(xc, k)), k);
    return (real)(bo_d_sign_of(d) * fabs(-v / (D(2.0) + v)));
}

/* exp(-|x|) of a float x, never below exp(-104). */
BO_FN double bo_d_exp_neg_abs(double x)
{
    const double xc = bo_d_exp_clamp(-fabs(x));
    const double k = bo_d_exp_k(xc);
    return bo_d_exp_finish(bo_d_expm1_poly(bo_d_exp_r(xc, k)), k);
}

/* log(1 + exp(x)) = max(x, 0) + log(1 + exp(-|x|)), without overflow. */
BO_FN real bo_softplus(real x)
{
    const double d = (double)x;
    const double u = bo_d_exp_neg_abs(d);
    return (real)(bo_d_maximum(d, D(0.0)) + bo_d_log1p_of(u, D(1.0) + u));
}

/* 1 / (1 + exp(-x)) = n / (1 + exp(-|x|)), n = 1 for x >= 0 and exp(-|x|) for x < 0. */
BO_FN real bo_sigmoid(real x)
{
    const double d = (double)x;
    const double u = bo_d_exp_neg_abs(d);
    const double neg = D(1.0)
        - bo_d_minimum(bo_d_maximum(d * D(2.037035976334486E90) * D(2.037035976334486E90), D(0.0)), D(1.0));
    return (real)(fma(neg, u, D(1.0) - neg) / (D(1.0) + u));
}

/* x^y for x > 0 (NaN for x < 0 or not finite): exp(y log x). */
BO_FN real bo_pow(real x, real y)
{
    const double d = (double)x;
    const double xc = bo_d_exp_clamp((double)y * bo_d_log_poly(bo_d_log_mantissa(d), bo_d_log_exponent(d)));
    const double k = bo_d_exp_k(xc);
    return (real)(bo_d_exp_finish(bo_d_expm1_poly(bo_d_exp_r(xc, k)), k) + D(0.0) * sqrt(d));
}

#endif

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
