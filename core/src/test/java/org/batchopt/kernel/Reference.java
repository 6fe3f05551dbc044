package org.batchopt.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Reference values for {@link MathTest}: each function of a double argument as a double-double {@code hi + lo}
 * with a relative error near 2^-100, so that the error of a float or double result can be told in fractions of
 * an ulp and its correctly rounded value read off. Computed in double-double arithmetic (Dekker, with fma);
 * reduction of huge arguments for sin and cos in BigDecimal with 2/pi to 1,200 bits. {@link #big} evaluates the
 * same functions as BigDecimal series, slowly, to check this class on a sample.
 */
final class Reference {
    private Reference() {
    }

    /** A double-double: the unevaluated sum hi + lo, |lo| <= ulp(hi)/2. */
    record DD(double hi, double lo) {
        static DD of(double x) {
            return new DD(x, 0);
        }

        double value() {
            return hi + lo;
        }

        DD neg() {
            return new DD(-hi, -lo);
        }

        DD add(DD b) {
            double s = hi + b.hi;
            double bb = s - hi;
            double e = (hi - (s - bb)) + (b.hi - bb);
            return norm(s, e + lo + b.lo);
        }

        DD add(double b) {
            return add(of(b));
        }

        DD sub(DD b) {
            return add(b.neg());
        }

        DD mul(DD b) {
            double p = hi * b.hi;
            double e = Math.fma(hi, b.hi, -p);
            return norm(p, e + (hi * b.lo + lo * b.hi));
        }

        DD mul(double b) {
            return mul(of(b));
        }

        DD div(DD b) {
            double q1 = hi / b.hi;
            DD r = sub(b.mul(q1));
            double q2 = r.hi / b.hi;
            r = r.sub(b.mul(q2));
            double q3 = r.hi / b.hi;
            return norm(q1, q2).add(q3);
        }

        DD scalb(int n) {
            return new DD(Math.scalb(hi, n), Math.scalb(lo, n));
        }

        static DD norm(double a, double b) {
            double s = a + b;
            return new DD(s, b - (s - a));
        }
    }

    private static final MathContext MC = new MathContext(400);
    static final BigDecimal PI = pi();
    private static final DD LN2 = dd(ln2Big());
    private static final DD PIO2 = dd(PI.divide(BigDecimal.valueOf(2), MC));
    private static final BigDecimal TWO_OVER_PI = BigDecimal.valueOf(2).divide(PI, MC);
    /** 1/n! for n <= 40. */
    private static final DD[] INV_FACT = inverseFactorials(40);
    /** 1/n for n <= 40. */
    private static final DD[] INV = inverses(40);

    private static DD[] inverseFactorials(int n) {
        DD[] f = new DD[n + 1];
        BigDecimal v = BigDecimal.ONE;
        for (int i = 0; i <= n; i++) {
            if (i > 0) {
                v = v.multiply(BigDecimal.valueOf(i));
            }
            f[i] = dd(BigDecimal.ONE.divide(v, MC));
        }
        return f;
    }

    private static DD[] inverses(int n) {
        DD[] f = new DD[n + 1];
        for (int i = 1; i <= n; i++) {
            f[i] = dd(BigDecimal.ONE.divide(BigDecimal.valueOf(i), MC));
        }
        return f;
    }

    static DD dd(BigDecimal v) {
        double h = v.doubleValue();
        return new DD(h, v.subtract(new BigDecimal(h)).doubleValue());
    }

    // ---- exp, log ----------------------------------------------------------------------------------------------

    /** exp(x) for |x| <= 1.5: exp(x/256) by Taylor, squared 8 times. */
    private static DD expSmall(DD x) {
        DD r = x.scalb(-8);
        DD sum = INV_FACT[14];
        for (int n = 13; n >= 0; n--) {
            sum = sum.mul(r).add(INV_FACT[n]);
        }
        for (int i = 0; i < 8; i++) {
            sum = sum.mul(sum);
        }
        return sum;
    }

    /** exp(x); beyond the range of doubles infinity or zero. */
    static DD exp(double x) {
        if (x > 710 || x < -746 || x != x) {
            return DD.of(x != x ? x : x > 0 ? Double.POSITIVE_INFINITY : 0);
        }
        double k = Math.rint(x / Math.log(2));
        DD r = DD.of(x).sub(LN2.mul(k));
        DD e = expSmall(r);
        return scale(e, (int) k);
    }

    /** v 2^k in two steps, so that neither overflows nor loses bits before the result does. */
    private static DD scale(DD v, int k) {
        int k1 = k / 2;
        return v.scalb(k1).scalb(k - k1);
    }

    /** exp(x) - 1. */
    static DD expm1(double x) {
        if (x > 710 || x != x) {
            return DD.of(x != x ? x : Double.POSITIVE_INFINITY);
        }
        if (x < -746) {
            return DD.of(-1);
        }
        if (Math.abs(x) < 0.5) {
            DD sum = INV_FACT[30];
            for (int n = 29; n >= 1; n--) {
                sum = sum.mul(x).add(INV_FACT[n]);
            }
            return sum.mul(x);
        }
        DD e = exp(x);
        return Double.isInfinite(e.hi()) ? e : e.add(-1);
    }

    /** log(x), x > 0 finite: one Newton step on exp from Math.log. */
    static DD log(double x) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
            return DD.of(x == 0 ? Double.NEGATIVE_INFINITY : x > 0 ? x : Double.NaN);
        }
        if (Math.abs(x - 1) < 0x1p-10) {
            return log1pSeries(DD.of(x - 1));
        }
        double y0 = Math.log(x);
        int k = Math.getExponent(x);
        DD m = DD.of(Math.scalb(x, -k));
        double y0m = y0 - k * Math.log(2);
        DD ym = DD.of(y0m).add(m.mul(expSmallAny(-y0m)).add(-1));
        return ym.add(LN2.mul(k));
    }

    /** exp(x) for moderate x through the reduction. */
    private static DD expSmallAny(double x) {
        double k = Math.rint(x / Math.log(2));
        return expSmall(DD.of(x).sub(LN2.mul(k))).scalb((int) k);
    }

    /** log(1 + x), x > -1 finite: Newton on exp with 1 + x exact. */
    static DD log1p(double x) {
        if (!(x > -1) || x == Double.POSITIVE_INFINITY) {
            return DD.of(x == -1 ? Double.NEGATIVE_INFINITY : x > 0 ? x : Double.NaN);
        }
        if (Math.abs(x) < 0x1p-10) {
            return log1pSeries(DD.of(x));
        }
        DD u = DD.of(1).add(x);
        double y0 = Math.log1p(x);
        return DD.of(y0).add(u.mul(exp(-y0)).add(-1));
    }

    /** log(1 + f) for |f| < 2^-10 by its series, to f^12. */
    static DD log1pSeries(DD f) {
        DD sum = INV[12].neg();
        for (int n = 11; n >= 1; n--) {
            sum = sum.mul(f).add(n % 2 == 1 ? INV[n] : INV[n].neg());
        }
        return sum.mul(f);
    }

    // ---- sin, cos ---------------------------------------------------------------------------------------------

    /** pi/2 in four doubles. */
    private static final double[] PIO2_PARTS = parts(PI.divide(BigDecimal.valueOf(2), MC), 4);

    private static double[] parts(BigDecimal v, int n) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = v.doubleValue();
            v = v.subtract(new BigDecimal(p[i]));
        }
        return p;
    }

    /** 2/pi times 2^1200, truncated. */
    private static final BigInteger TWO_OVER_PI_BITS = TWO_OVER_PI.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(1200)))
            .toBigInteger();

    /**
     * x - j pi/2 and j mod 4 for a finite x: below 2^20 with pi/2 in four doubles (fma(-j, p1, x) is exact, the
     * other products are exact double-doubles), otherwise exactly in integers: x = m 2^e times 2/pi to 1,200
     * bits, which leaves at least 200 bits of the fraction for every double.
     */
    private static DD reduce(double x, int[] quadrant) {
        if (Math.abs(x) < 0x1p20) {
            double j = Math.rint(x * (2 / Math.PI));
            DD r = DD.of(Math.fma(-j, PIO2_PARTS[0], x));
            for (int i = 1; i < PIO2_PARTS.length; i++) {
                r = r.sub(DD.of(j).mul(PIO2_PARTS[i]));
            }
            quadrant[0] = (int) (((long) j) & 3);
            return r;
        }
        return reduceExactly(x, quadrant);
    }

    /** x - j pi/2 in integers (see reduce). */
    static DD reduceExactly(double x, int[] quadrant) {
        long bits = Double.doubleToRawLongBits(Math.abs(x));
        int be = (int) (bits >>> 52);
        long m = be == 0 ? bits & 0xFFFFFFFFFFFFFL : (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
        int e = be == 0 ? -1074 : be - 1075;
        int point = 1200 - e;
        BigInteger p = BigInteger.valueOf(m).multiply(TWO_OVER_PI_BITS);
        BigInteger j = p.shiftRight(point);
        BigInteger f = p.subtract(j.shiftLeft(point));
        if (f.testBit(point - 1)) {
            j = j.add(BigInteger.ONE);
            f = f.subtract(BigInteger.ONE.shiftLeft(point));
        }
        int q = j.intValue() & 3;
        int drop = Math.max(0, f.abs().bitLength() - 110);
        BigInteger top = f.shiftRight(drop);
        double hi = top.doubleValue();
        double lo = top.subtract(new BigDecimal(hi).toBigInteger()).doubleValue();
        DD r = DD.norm(hi, lo).scalb(drop - point).mul(PIO2);
        if (x < 0) {
            r = r.neg();
            q = (4 - q) & 3;
        }
        quadrant[0] = q;
        return r;
    }

    private static DD sinTaylor(DD r) {
        DD z = r.mul(r);
        DD sum = INV_FACT[35].neg();
        for (int n = 33; n >= 1; n -= 2) {
            sum = sum.mul(z).add(n % 4 == 1 ? INV_FACT[n] : INV_FACT[n].neg());
        }
        return sum.mul(r);
    }

    private static DD cosTaylor(DD r) {
        DD z = r.mul(r);
        DD sum = INV_FACT[36];
        for (int n = 34; n >= 0; n -= 2) {
            sum = sum.mul(z).add(n % 4 == 0 ? INV_FACT[n] : INV_FACT[n].neg());
        }
        return sum;
    }

    static DD sin(double x) {
        if (!Double.isFinite(x)) {
            return DD.of(Double.NaN);
        }
        if (Math.abs(x) < 0x1p-30) {
            return DD.of(x).sub(DD.of(x).mul(x).mul(x).mul(INV_FACT[3]));
        }
        int[] q = new int[1];
        DD r = reduce(x, q);
        return switch (q[0]) {
            case 0 -> sinTaylor(r);
            case 1 -> cosTaylor(r);
            case 2 -> sinTaylor(r).neg();
            default -> cosTaylor(r).neg();
        };
    }

    static DD cos(double x) {
        if (!Double.isFinite(x)) {
            return DD.of(Double.NaN);
        }
        if (Math.abs(x) < 0x1p-30) {
            return DD.of(1).sub(DD.of(x).mul(x).scalb(-1));
        }
        int[] q = new int[1];
        DD r = reduce(x, q);
        return switch (q[0]) {
            case 0 -> cosTaylor(r);
            case 1 -> sinTaylor(r).neg();
            case 2 -> cosTaylor(r).neg();
            default -> sinTaylor(r);
        };
    }

    // ---- tanh, softplus, sigmoid, pow --------------------------------------------------------------------------

    static DD tanh(double x) {
        double y = Math.abs(x);
        if (y != y) {
            return DD.of(x);
        }
        if (y > 40) {
            return DD.of(Math.signum(x));
        }
        DD e = expm1(-2 * y);
        DD t = e.neg().div(e.add(2));
        return x < 0 ? t.neg() : t;
    }

    /** log(1 + exp(x)). */
    static DD softplus(double x) {
        if (!(Math.abs(x) < Double.POSITIVE_INFINITY)) {
            return DD.of(x > 0 || x != x ? x : 0);
        }
        DD e = exp(-Math.abs(x));
        DD l;
        if (e.hi() < 0x1p-10) {
            l = log1pSeries(e);
        } else {
            DD u = DD.of(1).add(e);
            double y0 = Math.log(u.value());
            l = DD.of(y0).add(u.mul(exp(-y0)).add(-1));
        }
        return x > 0 ? l.add(x) : l;
    }

    /** 1 / (1 + exp(-x)). */
    static DD sigmoid(double x) {
        if (x != x) {
            return DD.of(x);
        }
        DD e = exp(-Math.abs(x));
        DD q = DD.of(1).div(e.add(1));
        return x >= 0 ? q : e.mul(q);
    }

    /** x^y for x > 0 finite. */
    static DD pow(double x, double y) {
        DD w = log(x).mul(y);
        double k = Math.rint(w.value() / Math.log(2));
        DD r = w.sub(LN2.mul(k));
        return scale(expSmall(r), (int) k);
    }

    // ---- BigDecimal series, to check the double-double values --------------------------------------------------

    private static BigDecimal pi() {
        MathContext mc = new MathContext(420);
        return atanInv(5, mc).multiply(BigDecimal.valueOf(16)).subtract(atanInv(239, mc).multiply(BigDecimal.valueOf(4)))
                .round(MC);
    }

    private static BigDecimal atanInv(int n, MathContext mc) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(n), mc);
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal term = x;
        BigDecimal sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(415);
        for (int k = 1; term.abs().compareTo(eps) > 0; k++) {
            term = term.multiply(x2, mc).negate();
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * k + 1), mc), mc);
        }
        return sum;
    }

    private static BigDecimal ln2Big() {
        MathContext mc = new MathContext(420);
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(3), mc);
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal term = x;
        BigDecimal sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(415);
        for (int k = 1; term.compareTo(eps) > 0; k++) {
            term = term.multiply(x2, mc);
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * k + 1), mc), mc);
        }
        return sum.multiply(BigDecimal.valueOf(2)).round(MC);
    }

    /** BigDecimal evaluations at 60 digits, for checking. */
    static final class big {
        private static final MathContext M = new MathContext(60);
        private static final BigDecimal LN2_B = ln2Big();

        private big() {
        }

        static BigDecimal exp(BigDecimal x) {
            BigDecimal k = x.divide(LN2_B, M).setScale(0, RoundingMode.HALF_EVEN);
            BigDecimal r = x.subtract(k.multiply(LN2_B, M), M);
            BigDecimal term = BigDecimal.ONE;
            BigDecimal sum = BigDecimal.ONE;
            for (int n = 1; n < 80; n++) {
                term = term.multiply(r, M).divide(BigDecimal.valueOf(n), M);
                sum = sum.add(term, M);
            }
            int ki = k.intValueExact();
            return ki >= 0 ? sum.multiply(BigDecimal.valueOf(2).pow(ki), M)
                    : sum.divide(BigDecimal.valueOf(2).pow(-ki), M);
        }

        static BigDecimal log(BigDecimal x) {
            BigDecimal y = new BigDecimal(Math.log(x.doubleValue()));
            for (int i = 0; i < 3; i++) {
                y = y.add(x.multiply(exp(y.negate()), M).subtract(BigDecimal.ONE), M);
            }
            return y;
        }

        static BigDecimal sin(BigDecimal x) {
            BigDecimal t = x.multiply(TWO_OVER_PI, MC);
            BigDecimal j = t.setScale(0, RoundingMode.HALF_EVEN);
            BigDecimal r = t.subtract(j).multiply(PI.divide(BigDecimal.valueOf(2), MC), M);
            int q = j.remainder(BigDecimal.valueOf(4)).intValue() & 3;
            BigDecimal s = series(r, 1);
            BigDecimal c = series(r, 0);
            return switch (q) {
                case 0 -> s;
                case 1 -> c;
                case 2 -> s.negate();
                default -> c.negate();
            };
        }

        static BigDecimal cos(BigDecimal x) {
            return sin(x.add(PI.divide(BigDecimal.valueOf(2), MC), MC));
        }

        /** sin (first = 1) or cos (first = 0) of a small r. */
        private static BigDecimal series(BigDecimal r, int first) {
            BigDecimal term = first == 1 ? r : BigDecimal.ONE;
            BigDecimal sum = term;
            BigDecimal z = r.multiply(r, M).negate();
            for (int n = first + 2; n < 80; n += 2) {
                term = term.multiply(z, M).divide(BigDecimal.valueOf((long) (n - 1) * n), M);
                sum = sum.add(term, M);
            }
            return sum;
        }
    }
}
