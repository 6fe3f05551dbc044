/*
 * batchopt portable math: exp, log, pow, sin, cos built from + - * / and exact bit operations only, so that
 * every backend computes the same bits (DESIGN.md, contract 3). Compilers never contract a*b + c here
 * (FP_CONTRACT OFF, --fmad=false); an explicit fma() is correctly rounded everywhere and appears only where
 * torch.optim's CPU kernels fuse (see rules.cl). Twin: org/batchopt/kernel/Math64.java and
 * Math32.java, line by line. Accuracy is measured by MathTest against java.lang.Math.
 *
 *   exp: x = k*ln2 + r, |r| <= ln2/2 (Cody-Waite, two-part ln2), Taylor polynomial, result scaled by
 *        2^k in two exact steps so that subnormal results are rounded once.
 *   log: x = m*2^e with m in [sqrt(1/2), sqrt(2)), log m = 2 atanh(s), s = (m-1)/(m+1), odd series in s.
 *   sin, cos: x = k*pi/2 + r (Cody-Waite, pi/2 in three parts for fp64, four for fp32), Taylor polynomials on |r| <= pi/4, quadrant
 *        from k. Exact reduction for |x| < 2^20*pi/2 (fp64) and 2^12*pi/2 (fp32); NaN beyond BO_TRIG_MAX.
 */

#if REAL_IS_DOUBLE
#define BO_INF as_double(0x7ff0000000000000L)
#define BO_NAN as_double(0x7ff8000000000000L)
#define BO_TRIG_MAX R(1.0e9)
#else
#define BO_INF as_float(0x7f800000)
#define BO_NAN as_float(0x7fc00000)
#define BO_TRIG_MAX R(65536.0)
#endif

/* 2^n for n in the normal exponent range. */
BO_FN real bo_pow2(int n)
{
#if REAL_IS_DOUBLE
    return as_double(((long)(n + 1023)) << 52);
#else
    return as_float((n + 127) << 23);
#endif
}

BO_FN real bo_exp(real x)
{
    if (x != x) {
        return x;
    }
#if REAL_IS_DOUBLE
    if (x > R(709.782712893384)) {
        return BO_INF;
    }
    if (x < R(-745.1332191019412)) {
        return R(0);
    }
    const real kf = floor(x * R(1.4426950408889634) + R(0.5));
    const real r = (x - kf * R(0.6931471803691238)) - kf * R(1.9082149292705877e-10);
    real p = R(1.6059043836821613e-10);
    p = p * r + R(2.08767569878681e-09);
    p = p * r + R(2.505210838544172e-08);
    p = p * r + R(2.755731922398589e-07);
    p = p * r + R(2.7557319223985893e-06);
    p = p * r + R(2.48015873015873e-05);
    p = p * r + R(0.0001984126984126984);
    p = p * r + R(0.001388888888888889);
    p = p * r + R(0.008333333333333333);
    p = p * r + R(0.041666666666666664);
    p = p * r + R(0.16666666666666666);
    p = p * r + R(0.5);
    p = p * r + R(1);
    p = p * r + R(1);
#else
    if (x > R(88.72283935546875)) {
        return BO_INF;
    }
    if (x < R(-103.97208404541016)) {
        return R(0);
    }
    const real kf = floor(x * R(1.4426950408889634) + R(0.5));
    const real r = (x - kf * R(0.693145751953125)) - kf * R(1.428606765330187e-06);
    real p = R(0.0001984126984126984);
    p = p * r + R(0.001388888888888889);
    p = p * r + R(0.008333333333333333);
    p = p * r + R(0.041666666666666664);
    p = p * r + R(0.16666666666666666);
    p = p * r + R(0.5);
    p = p * r + R(1);
    p = p * r + R(1);
#endif
    const int k = (int)kf;
    const int k1 = k / 2;
    return p * bo_pow2(k1) * bo_pow2(k - k1);
}

BO_FN real bo_log(real x)
{
    if (x != x) {
        return x;
    }
    if (x < R(0)) {
        return BO_NAN;
    }
    if (x == R(0)) {
        return -BO_INF;
    }
    if (x == BO_INF) {
        return x;
    }
    int e = 0;
#if REAL_IS_DOUBLE
    if (x < R(2.2250738585072014e-308)) {
        x = x * R(18014398509481984.0);
        e = -54;
    }
    const long bits = as_long(x);
    e = e + (int)((bits >> 52) & 0x7ff) - 1023;
    real m = as_double((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L);
#else
    if (x < R(1.1754943508222875e-38)) {
        x = x * R(33554432.0);
        e = -25;
    }
    const int bits = as_int(x);
    e = e + ((bits >> 23) & 0xff) - 127;
    real m = as_float((bits & 0x007fffff) | 0x3f800000);
#endif
    if (m > R(1.4142135623730951)) {
        m = m * R(0.5);
        e = e + 1;
    }
    const real f = m - R(1);
    const real s = f / (R(2) + f);
    const real z = s * s;
#if REAL_IS_DOUBLE
    real p = R(0.043478260869565216);
    p = p * z + R(0.047619047619047616);
    p = p * z + R(0.05263157894736842);
    p = p * z + R(0.058823529411764705);
    p = p * z + R(0.06666666666666667);
    p = p * z + R(0.07692307692307693);
    p = p * z + R(0.09090909090909091);
    p = p * z + R(0.1111111111111111);
    p = p * z + R(0.14285714285714285);
    p = p * z + R(0.2);
    p = p * z + R(0.3333333333333333);
    const real lo = R(1.9082149292705877e-10);
    const real hi = R(0.6931471803691238);
#else
    real p = R(0.09090909090909091);
    p = p * z + R(0.1111111111111111);
    p = p * z + R(0.14285714285714285);
    p = p * z + R(0.2);
    p = p * z + R(0.3333333333333333);
    const real lo = R(1.428606765330187e-06);
    const real hi = R(0.693145751953125);
#endif
    const real lm = R(2) * (s + s * z * p);
    const real ef = (real)e;
    return ef * hi + (ef * lo + lm);
}

/* x^y for x > 0, as exp(y*log(x)). */
BO_FN real bo_pow(real x, real y)
{
    return bo_exp(y * bo_log(x));
}

/* x^n for n >= 0 by repeated squaring. */
BO_FN real bo_pown(real x, int n)
{
    real r = R(1);
    while (n > 0) {
        if ((n & 1) != 0) {
            r = r * x;
        }
        x = x * x;
        n = n >> 1;
    }
    return r;
}

/* sin(x) for shift 0, cos(x) for shift 1. */
BO_FN real bo_sincos(real x, int shift)
{
    if (!(fabs(x) <= BO_TRIG_MAX)) {
        return BO_NAN;
    }
    const real kf = floor(x * R(0.6366197723675814) + R(0.5));
#if REAL_IS_DOUBLE
    const real r = ((x - kf * R(1.5707963267341256)) - kf * R(6.077100506303966e-11)) - kf * R(2.0222662487959506e-21);
#else
    const real r = (((x - kf * R(1.5703125)) - kf * R(0.0004837512969970703)) - kf * R(7.549533620476723e-08))
        - kf * R(2.5633440682570896e-12);
#endif
    const int q = ((int)kf + shift) & 3;
    const real z = r * r;
    real v;
    if ((q & 1) == 0) {
#if REAL_IS_DOUBLE
        real p = R(-8.22063524662433e-18);
        p = p * z + R(2.8114572543455206e-15);
        p = p * z + R(-7.647163731819816e-13);
        p = p * z + R(1.6059043836821613e-10);
        p = p * z + R(-2.505210838544172e-08);
        p = p * z + R(2.7557319223985893e-06);
#else
        real p = R(-2.505210838544172e-08);
        p = p * z + R(2.7557319223985893e-06);
#endif
        p = p * z + R(-0.0001984126984126984);
        p = p * z + R(0.008333333333333333);
        p = p * z + R(-0.16666666666666666);
        v = r + r * z * p;
    } else {
#if REAL_IS_DOUBLE
        real p = R(4.110317623312165e-19);
        p = p * z + R(-1.5619206968586225e-16);
        p = p * z + R(4.779477332387385e-14);
        p = p * z + R(-1.1470745597729725e-11);
        p = p * z + R(2.08767569878681e-09);
        p = p * z + R(-2.755731922398589e-07);
#else
        real p = R(-2.755731922398589e-07);
#endif
        p = p * z + R(2.48015873015873e-05);
        p = p * z + R(-0.001388888888888889);
        p = p * z + R(0.041666666666666664);
        p = p * z + R(-0.5);
        v = R(1) + z * p;
    }
    return (q & 2) != 0 ? -v : v;
}

BO_FN real bo_sin(real x)
{
    return bo_sincos(x, 0);
}

BO_FN real bo_cos(real x)
{
    return bo_sincos(x, 1);
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
