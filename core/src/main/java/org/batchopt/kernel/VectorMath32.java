package org.batchopt.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneMath32}'s functions with the Vector API: each vector of lanes is widened, reduced, evaluated and
 * rounded back in registers, with the IEEE operations of {@link Math32} in its order (lane-wise add, multiply,
 * fma, divide, min, max, compare, blend; never the API's transcendental operators). Loaded only when
 * {@link VectorLanes#ENABLED}. Where Math32 converts between double and integer, the same double comes from the
 * rounding trick instead (no double-long conversion, which AVX2 lacks): for |v| < 2^51, {@code t = v + 1.5 2^52}
 * rounds v to the nearest integer (ties to even, as {@code Math.rint}), {@code t - 1.5 2^52} is that integer
 * exactly, and the low bits of t's binary representation are the integer plus 2^51. A vector of lanes with an
 * argument of sin or cos beyond {@code TRIG_FAST} (or NaN) is evaluated lane by lane with Math32's own functions,
 * as are the last {@code n mod L} lanes; so every result has Math32's bits ({@code VectorMathTest}).
 *
 * <p>How the code is written follows from C2 on JDK 17 (native-notes/cpu-vectorization.md): a vector that
 * crosses a call C2 did not inline is boxed, a hundred times slower, and once a compilation has parsed
 * NodeCountInliningCutoff (18000) nodes, C2 inlines no more calls except the Vector API's own (force-inlined)
 * methods. So each loop body calls no method of this class (the stages of Math32 are written out in it, named
 * in comments), every constant is a static final vector (a constant to C2, where a broadcast in the loop costs
 * parse nodes), and vectors cross no call. None of this allocates (checked with the thread's allocated bytes).
 */
final class VectorMath32 {
    private static final VectorSpecies<Double> D = VectorShapes.of(double.class);
    private static final VectorSpecies<Float> F = VectorShapes.of(float.class);
    /** The long lanes of D's shape (a constant: a species computed in the loop would not be intrinsified). */
    private static final VectorSpecies<Long> L = VectorShapes.of(long.class);
    private static final DoubleVector ZERO = DoubleVector.broadcast(D, 0.0);
    private static final DoubleVector ONE = DoubleVector.broadcast(D, 1.0);
    private static final DoubleVector TWO = DoubleVector.broadcast(D, 2.0);
    /** 1.5 2^52: adding and subtracting it rounds a double below 2^51 in magnitude to an integer. */
    private static final DoubleVector ROUND = DoubleVector.broadcast(D, 0x1.8p52);
    private static final DoubleVector HUGE = DoubleVector.broadcast(D, 0x1p300);
    private static final DoubleVector NEG_HUGE = DoubleVector.broadcast(D, -0x1p300);
    private static final LongVector BIT0 = LongVector.broadcast(L, 1);
    private static final LongVector SIGN_BIT = LongVector.broadcast(L, Long.MIN_VALUE);

    private static final DoubleVector TRIG_FAST = DoubleVector.broadcast(D, Math32.TRIG_FAST);
    private static final DoubleVector INV_PIO2 = DoubleVector.broadcast(D, 0.6366197723675814);
    private static final DoubleVector NEG_PIO2_1 = DoubleVector.broadcast(D, -1.5707963267923333);
    private static final DoubleVector NEG_PIO2_2 = DoubleVector.broadcast(D, -2.5633441515839558E-12);
    private static final DoubleVector NEG_PIO2_3 = DoubleVector.broadcast(D, -1.0562999066987428E-23);
    private static final DoubleVector S6 = DoubleVector.broadcast(D, 1.58969099521155010221E-10);
    private static final DoubleVector S5 = DoubleVector.broadcast(D, -2.50507602534068634195E-8);
    private static final DoubleVector S4 = DoubleVector.broadcast(D, 2.75573137070700676789E-6);
    private static final DoubleVector S3 = DoubleVector.broadcast(D, -1.98412698298579493134E-4);
    private static final DoubleVector S2 = DoubleVector.broadcast(D, 8.33333333332248946124E-3);
    private static final DoubleVector S1 = DoubleVector.broadcast(D, -1.66666666666666324348E-1);
    private static final DoubleVector C6 = DoubleVector.broadcast(D, -1.13596475577881948265E-11);
    private static final DoubleVector C5 = DoubleVector.broadcast(D, 2.08757232129817482790E-9);
    private static final DoubleVector C4 = DoubleVector.broadcast(D, -2.75573143513906633035E-7);
    private static final DoubleVector C3 = DoubleVector.broadcast(D, 2.48015872894767294178E-5);
    private static final DoubleVector C2 = DoubleVector.broadcast(D, -1.38888888888741095749E-3);
    private static final DoubleVector C1 = DoubleVector.broadcast(D, 4.16666666666666019037E-2);
    private static final DoubleVector MINUS_HALF = DoubleVector.broadcast(D, -0.5);

    private static final DoubleVector EXP_HI = DoubleVector.broadcast(D, 89.0);
    private static final DoubleVector EXP_LO = DoubleVector.broadcast(D, -104.0);
    private static final DoubleVector LOG2E = DoubleVector.broadcast(D, 1.4426950408889634);
    private static final DoubleVector LN2_HI = DoubleVector.broadcast(D, 0.6931471803691238);
    private static final DoubleVector LN2_LO = DoubleVector.broadcast(D, 1.9082149292705877E-10);
    private static final LongVector BIAS = LongVector.broadcast(L, 1023);
    private static final DoubleVector E11 = DoubleVector.broadcast(D, 1.6059043836821613E-10);
    private static final DoubleVector E10 = DoubleVector.broadcast(D, 2.08767569878681E-9);
    private static final DoubleVector E9 = DoubleVector.broadcast(D, 2.505210838544172E-8);
    private static final DoubleVector E8 = DoubleVector.broadcast(D, 2.755731922398589E-7);
    private static final DoubleVector E7 = DoubleVector.broadcast(D, 2.7557319223985893E-6);
    private static final DoubleVector E6 = DoubleVector.broadcast(D, 2.48015873015873E-5);
    private static final DoubleVector E5 = DoubleVector.broadcast(D, 1.984126984126984E-4);
    private static final DoubleVector E4 = DoubleVector.broadcast(D, 0.001388888888888889);
    private static final DoubleVector E3 = DoubleVector.broadcast(D, 0.008333333333333333);
    private static final DoubleVector E2 = DoubleVector.broadcast(D, 0.041666666666666664);
    private static final DoubleVector E1 = DoubleVector.broadcast(D, 0.16666666666666666);
    private static final DoubleVector E0 = DoubleVector.broadcast(D, 0.5);

    private static final LongVector MANTISSA = LongVector.broadcast(L, 0xFFFFFFFFFFFFFL);
    private static final LongVector SQRT2_MANTISSA = LongVector.broadcast(L, 0x6A09E667F3BCDL);
    private static final LongVector EXPONENT_ONE = LongVector.broadcast(L, 0x3FFL);
    private static final LongVector EXPONENT = LongVector.broadcast(L, 0x7FFL);
    private static final LongVector ROUND_BITS = LongVector.broadcast(L, Double.doubleToRawLongBits(0x1.8p52));
    private static final DoubleVector L7 = DoubleVector.broadcast(D, 1.479819860511658591E-1);
    private static final DoubleVector L6 = DoubleVector.broadcast(D, 1.531383769920937332E-1);
    private static final DoubleVector L5 = DoubleVector.broadcast(D, 1.818357216161805012E-1);
    private static final DoubleVector L4 = DoubleVector.broadcast(D, 2.222219843214978396E-1);
    private static final DoubleVector L3 = DoubleVector.broadcast(D, 2.857142874366239149E-1);
    private static final DoubleVector L2 = DoubleVector.broadcast(D, 3.999999999940941908E-1);
    private static final DoubleVector L1 = DoubleVector.broadcast(D, 6.666666666666735130E-1);
    private static final DoubleVector LN2 = DoubleVector.broadcast(D, 0.6931471805599453);
    private static final DoubleVector MAX = DoubleVector.broadcast(D, Double.MAX_VALUE);
    private static final DoubleVector NAN = DoubleVector.broadcast(D, Double.NaN);

    private VectorMath32() {
    }

    /** The lanes one vector holds. */
    static int length() {
        return D.length();
    }

    /** {@code out[l] = Math32.sin(x[l])}. */
    static void sin(float[] x, float[] out, int n) {
        trig(x, out, null, n);
    }

    /** {@code out[l] = Math32.cos(x[l])}. */
    static void cos(float[] x, float[] out, int n) {
        trig(x, null, out, n);
    }

    /** {@code sin[l] = Math32.sin(x[l])}, {@code cos[l] = Math32.cos(x[l])}. */
    static void sincos(float[] x, float[] sin, float[] cos, int n) {
        trig(x, sin, cos, n);
    }

    /**
     * sin x into {@code sin} and cos x into {@code cos}, either null when not wanted. One loop body without
     * calls (see the class comment): Math32.reduceJ and reduceR, sinPoly and cosPoly, quadrantOdd and
     * quadrantSign from t's bits, quadrant and cosQuadrant, signOf.
     */
    private static void trig(float[] x, float[] sin, float[] cos, int n) {
        final int end = D.loopBound(n);
        int i = 0;
        for (; i < end; i += D.length()) {
            final DoubleVector d = (DoubleVector) FloatVector.fromArray(F, x, i)
                    .convertShape(VectorOperators.F2D, D, 0);
            final DoubleVector y = d.abs();
            if (!y.compare(VectorOperators.LE, TRIG_FAST).allTrue()) {
                scalarTrig(x, sin, cos, i, i + D.length());
                continue;
            }
            // j = rint(y 2/pi) = t - 1.5 2^52; t's low bits are j + 2^51
            final DoubleVector t = y.mul(INV_PIO2).add(ROUND);
            // reduceR's (-j) pio2 is j (-pio2): the same products
            final DoubleVector j = t.sub(ROUND);
            final DoubleVector r = j.fma(NEG_PIO2_3, j.fma(NEG_PIO2_2, j.fma(NEG_PIO2_1, y)));
            final DoubleVector z = r.mul(r);
            final DoubleVector ps = z.fma(z.fma(z.fma(z.fma(z.fma(S6, S5), S4), S3), S2), S1);
            final DoubleVector s = r.mul(z).fma(ps, r);
            final DoubleVector pc = z.fma(z.fma(z.fma(z.fma(z.fma(C6, C5), C4), C3), C2), C1);
            final DoubleVector c = z.fma(z.fma(pc, MINUS_HALF), ONE);
            // quadrant's g (s e + c o) and cosQuadrant's g (c e - s o), with o = j mod 2, e = 1 - o and g = +-1 (bit 1
            // of j its sign), as a select and a sign: c > 0 here, and s and r are never -0 (y >= +0, and r = 0 only
            // for y = j = 0), so s e + c o is s or c and c e - s o is c or -s to the bit, and g times either flips
            // its sign bit with bit 1 of j
            final LongVector tb = t.reinterpretAsLongs();
            final VectorMask<Long> odd = tb.and(BIT0).compare(VectorOperators.NE, 0);
            final LongVector sg = tb.lanewise(VectorOperators.LSHL, 62).and(SIGN_BIT);
            final LongVector sb = s.reinterpretAsLongs();
            final LongVector cb = c.reinterpretAsLongs();
            if (sin != null) {
                // signOf(d) v for a finite d: v with d's sign bit added (for d = +-0, v is sin 0 = +0)
                final DoubleVector sv = sb.blend(cb, odd).lanewise(VectorOperators.XOR, sg)
                        .lanewise(VectorOperators.XOR, d.reinterpretAsLongs().and(SIGN_BIT)).reinterpretAsDoubles();
                ((FloatVector) sv.convertShape(VectorOperators.D2F, F, 0)).intoArray(sin, i);
            }
            if (cos != null) {
                final DoubleVector cv = cb.blend(s.neg().reinterpretAsLongs(), odd).lanewise(VectorOperators.XOR, sg)
                        .reinterpretAsDoubles();
                ((FloatVector) cv.convertShape(VectorOperators.D2F, F, 0)).intoArray(cos, i);
            }
        }
        scalarTrig(x, sin, cos, i, n);
    }

    /** Math32's sin and cos of the lanes from..to: the rare lanes beyond TRIG_FAST, and those after the vectors. */
    private static void scalarTrig(float[] x, float[] sin, float[] cos, int from, int to) {
        for (int l = from; l < to; l++) {
            if (sin != null) {
                sin[l] = Math32.sin(x[l]);
            }
            if (cos != null) {
                cos[l] = Math32.cos(x[l]);
            }
        }
    }

    /** {@code out[l] = Math32.exp(x[l])}: expClamp, expK, expR, expm1Poly, expFinish. */
    static void exp(float[] x, float[] out, int n) {
        final int end = D.loopBound(n);
        int i = 0;
        for (; i < end; i += D.length()) {
            final DoubleVector xc = ((DoubleVector) FloatVector.fromArray(F, x, i)
                    .convertShape(VectorOperators.F2D, D, 0)).min(EXP_HI).max(EXP_LO);
            final DoubleVector t = xc.mul(LOG2E).add(ROUND);
            final DoubleVector m = t.sub(ROUND).neg();
            final DoubleVector r = m.fma(LN2_LO, m.fma(LN2_HI, xc));
            DoubleVector q = r.fma(E11, E10);
            q = r.fma(q, E9);
            q = r.fma(q, E8);
            q = r.fma(q, E7);
            q = r.fma(q, E6);
            q = r.fma(q, E5);
            q = r.fma(q, E4);
            q = r.fma(q, E3);
            q = r.fma(q, E2);
            q = r.fma(q, E1);
            q = r.fma(q, E0);
            final DoubleVector em1 = r.mul(r).fma(q, r);
            // pow2(k) = (k + 1023) << 52, from t's bits k + 2^51 (the 2^51 shifts out); NaN lanes stay NaN
            final DoubleVector p = t.reinterpretAsLongs().add(BIAS).lanewise(VectorOperators.LSHL, 52)
                    .reinterpretAsDoubles();
            ((FloatVector) p.fma(em1, p).convertShape(VectorOperators.D2F, F, 0)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math32.exp(x[i]);
        }
    }

    /**
     * {@code out[l] = Math32.log(x[l])}: logMantissa, logExponent, logPoly, logSpecial. The exponent, a long
     * below 2^11 in magnitude, becomes its double by the rounding trick backwards (added to the bits of
     * 1.5 2^52, minus 1.5 2^52). logSpecial's last term, 0 sqrt(min(x, 1)), is +0 for x >= +0 (which leaves
     * the sum as it is: it is never -0 there), -0 for x = -0 (where the sum is -inf) and NaN for x < 0 and
     * NaN: here a blend.
     */
    static void log(float[] x, float[] out, int n) {
        final int end = D.loopBound(n);
        int i = 0;
        for (; i < end; i += D.length()) {
            final DoubleVector d = (DoubleVector) FloatVector.fromArray(F, x, i)
                    .convertShape(VectorOperators.F2D, D, 0);
            final LongVector bits = d.reinterpretAsLongs();
            final LongVector mb = bits.and(MANTISSA);
            final LongVector big = SQRT2_MANTISSA.sub(mb).lanewise(VectorOperators.LSHR, 63);
            final DoubleVector mant = mb.or(EXPONENT_ONE.sub(big).lanewise(VectorOperators.LSHL, 52))
                    .reinterpretAsDoubles();
            final DoubleVector e = bits.lanewise(VectorOperators.LSHR, 52).and(EXPONENT).sub(BIAS).add(big)
                    .add(ROUND_BITS).reinterpretAsDoubles().sub(ROUND);
            final DoubleVector f = mant.sub(ONE);
            final DoubleVector s = f.div(TWO.add(f));
            final DoubleVector z = s.mul(s);
            final DoubleVector p = z.fma(z.fma(z.fma(z.fma(z.fma(z.fma(L7, L6), L5), L4), L3), L2), L1);
            final DoubleVector v = e.fma(LN2, s.fma(z.mul(p), TWO.mul(s)));
            final DoubleVector zero = ONE.sub(d.mul(HUGE).mul(HUGE).max(ZERO).min(ONE));
            final DoubleVector w = v.add(d.sub(MAX).max(ZERO)).add(zero.mul(HUGE).mul(NEG_HUGE)).add(ZERO)
                    .blend(NAN, d.compare(VectorOperators.GE, ZERO).not());
            ((FloatVector) w.convertShape(VectorOperators.D2F, F, 0)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math32.log(x[i]);
        }
    }
}
