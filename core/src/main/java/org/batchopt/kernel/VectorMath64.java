package org.batchopt.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneMath64}'s sin, cos, sincos, exp and log with the Vector API: each vector of lanes is reduced and
 * evaluated in registers, with the IEEE operations of {@link Math64} in its order (its double-double reductions
 * and polynomials); the plain lanes take a pass over scratch arrays per stage. Loaded only when
 * {@link VectorLanes#ENABLED}; written as {@link VectorMath32} is, for the same reasons (each loop body calls no
 * method of this class, every constant is a static final vector). Math64's {@code rint} is already the rounding
 * trick (v + 1.5 2^52 - 1.5 2^52), so t's low bits are j + 2^51. A vector of lanes with an argument of sin or cos
 * beyond {@code TRIG_FAST} (or NaN), and the last {@code n mod L} lanes of every function, are evaluated lane by
 * lane with Math64's own functions; so every result has Math64's bits ({@code VectorMath64Test}).
 */
final class VectorMath64 {
    private static final VectorSpecies<Double> D = VectorShapes.of(double.class);
    private static final VectorSpecies<Long> L = VectorShapes.of(long.class);
    private static final DoubleVector ONE = DoubleVector.broadcast(D, 1.0);
    private static final DoubleVector HALF = DoubleVector.broadcast(D, 0.5);
    private static final DoubleVector MINUS_HALF = DoubleVector.broadcast(D, -0.5);
    private static final DoubleVector ROUND = DoubleVector.broadcast(D, 0x1.8p52);
    private static final LongVector BIT0 = LongVector.broadcast(L, 1);
    private static final LongVector SIGN_BIT = LongVector.broadcast(L, Long.MIN_VALUE);

    private static final DoubleVector TRIG_FAST = DoubleVector.broadcast(D, Math64.TRIG_FAST);
    private static final DoubleVector INV_PIO2 = DoubleVector.broadcast(D, 0.6366197723675814);
    private static final DoubleVector NEG_PIO2_1 = DoubleVector.broadcast(D, -1.5707963267948966);
    private static final DoubleVector PIO2_2 = DoubleVector.broadcast(D, 6.123233995736765E-17);
    private static final DoubleVector NEG_PIO2_3 = DoubleVector.broadcast(D, -1.0828566739219139E-32);
    private static final DoubleVector NEG_PIO2_4 = DoubleVector.broadcast(D, -7.398504768267702E-49);
    private static final DoubleVector S3_H = DoubleVector.broadcast(D, -0.16666666666666666);
    private static final DoubleVector S3_L = DoubleVector.broadcast(D, -9.25185853854297E-18);
    private static final DoubleVector B6 = DoubleVector.broadcast(D, 2.8114572543455206E-15);
    private static final DoubleVector B5 = DoubleVector.broadcast(D, -7.647163731819816E-13);
    private static final DoubleVector B4 = DoubleVector.broadcast(D, 1.6059043836821613E-10);
    private static final DoubleVector B3 = DoubleVector.broadcast(D, -2.505210838544172E-8);
    private static final DoubleVector B2 = DoubleVector.broadcast(D, 2.7557319223985893E-6);
    private static final DoubleVector B1 = DoubleVector.broadcast(D, -1.984126984126984E-4);
    private static final DoubleVector B0 = DoubleVector.broadcast(D, 0.008333333333333333);
    private static final DoubleVector L7 = DoubleVector.broadcast(D, -1.5619206968586225E-16);
    private static final DoubleVector L6 = DoubleVector.broadcast(D, 4.779477332387385E-14);
    private static final DoubleVector L5 = DoubleVector.broadcast(D, -1.1470745597729725E-11);
    private static final DoubleVector L4 = DoubleVector.broadcast(D, 2.08767569878681E-9);
    private static final DoubleVector L3 = DoubleVector.broadcast(D, -2.755731922398589E-7);
    private static final DoubleVector L2 = DoubleVector.broadcast(D, 2.48015873015873E-5);
    private static final DoubleVector L1 = DoubleVector.broadcast(D, -0.001388888888888889);
    private static final DoubleVector L0 = DoubleVector.broadcast(D, 0.041666666666666664);

    private static final DoubleVector EXP_HI = DoubleVector.broadcast(D, 710.0);
    private static final DoubleVector EXP_LO = DoubleVector.broadcast(D, -746.0);
    private static final DoubleVector LOG2E = DoubleVector.broadcast(D, 1.4426950408889634);
    private static final DoubleVector NEG_LN2_H = DoubleVector.broadcast(D, -0.6931471805599453);
    private static final DoubleVector LN2_NL = DoubleVector.broadcast(D, -2.3190468138462996E-17);
    private static final DoubleVector SPLIT = DoubleVector.broadcast(D, 2048.0);
    private static final DoubleVector SPLIT_BACK = DoubleVector.broadcast(D, 1024.0);
    private static final DoubleVector MINUS_QUARTER = DoubleVector.broadcast(D, -0.25);
    private static final DoubleVector TWO = DoubleVector.broadcast(D, 2.0);
    /** expTail's coefficients, T12 of r^12 down to T0 = 1/6. */
    private static final DoubleVector T12 = DoubleVector.broadcast(D, 7.647163731819816E-13);
    private static final DoubleVector T11 = DoubleVector.broadcast(D, 1.1470745597729725E-11);
    private static final DoubleVector T10 = DoubleVector.broadcast(D, 1.6059043836821613E-10);
    private static final DoubleVector T9 = DoubleVector.broadcast(D, 2.08767569878681E-9);
    private static final DoubleVector T8 = DoubleVector.broadcast(D, 2.505210838544172E-8);
    private static final DoubleVector T7 = DoubleVector.broadcast(D, 2.755731922398589E-7);
    private static final DoubleVector T6 = DoubleVector.broadcast(D, 2.7557319223985893E-6);
    private static final DoubleVector T5 = DoubleVector.broadcast(D, 2.48015873015873E-5);
    private static final DoubleVector T4 = DoubleVector.broadcast(D, 1.984126984126984E-4);
    private static final DoubleVector T3 = DoubleVector.broadcast(D, 0.001388888888888889);
    private static final DoubleVector T2 = DoubleVector.broadcast(D, 0.008333333333333333);
    private static final DoubleVector T1 = DoubleVector.broadcast(D, 0.041666666666666664);
    private static final DoubleVector T0 = DoubleVector.broadcast(D, 0.16666666666666666);

    private static final DoubleVector ZERO = DoubleVector.broadcast(D, 0.0);
    private static final DoubleVector P600 = DoubleVector.broadcast(D, 0x1p600);
    private static final DoubleVector NEG_P600 = DoubleVector.broadcast(D, -0x1p600);
    private static final DoubleVector P54 = DoubleVector.broadcast(D, 0x1p54);
    private static final DoubleVector MIN_NORMAL = DoubleVector.broadcast(D, 0x1p-1022);
    private static final DoubleVector FIFTY_FOUR = DoubleVector.broadcast(D, 54.0);
    private static final DoubleVector MAX = DoubleVector.broadcast(D, Double.MAX_VALUE);
    private static final LongVector MANTISSA = LongVector.broadcast(L, 0xFFFFFFFFFFFFFL);
    private static final LongVector SQRT2_MANTISSA = LongVector.broadcast(L, 0x6A09E667F3BCCL);
    private static final LongVector ONE_BITS = LongVector.broadcast(L, 0x3FF0000000000000L);
    private static final LongVector EXPONENT = LongVector.broadcast(L, 0x7FFL);
    private static final LongVector BIAS = LongVector.broadcast(L, 1023);
    private static final LongVector ROUND_BITS = LongVector.broadcast(L, Double.doubleToRawLongBits(0x1.8p52));
    private static final DoubleVector LN2_42 = DoubleVector.broadcast(D, 0.6931471805598903);
    private static final DoubleVector LN2_M = DoubleVector.broadcast(D, 5.497923018708371E-14);
    private static final DoubleVector LN2_T = DoubleVector.broadcast(D, 1.94704509238075E-31);
    private static final DoubleVector G3_H = DoubleVector.broadcast(D, 0.6666666666666666);
    private static final DoubleVector G3_L = DoubleVector.broadcast(D, 3.700743415417188E-17);
    /** logTail's coefficients, H8 of z^8 (2/21) down to H0 = 2/5. */
    private static final DoubleVector H8 = DoubleVector.broadcast(D, 0.09523809523809523);
    private static final DoubleVector H7 = DoubleVector.broadcast(D, 0.10526315789473684);
    private static final DoubleVector H6 = DoubleVector.broadcast(D, 0.11764705882352941);
    private static final DoubleVector H5 = DoubleVector.broadcast(D, 0.13333333333333333);
    private static final DoubleVector H4 = DoubleVector.broadcast(D, 0.15384615384615385);
    private static final DoubleVector H3 = DoubleVector.broadcast(D, 0.18181818181818182);
    private static final DoubleVector H2 = DoubleVector.broadcast(D, 0.2222222222222222);
    private static final DoubleVector H1 = DoubleVector.broadcast(D, 0.2857142857142857);
    private static final DoubleVector H0 = DoubleVector.broadcast(D, 0.4);

    private VectorMath64() {
    }

    /** {@code out[l] = Math64.sin(x[l])}. */
    static void sin(double[] x, double[] out, int n) {
        trig(x, out, null, n);
    }

    /** {@code out[l] = Math64.cos(x[l])}. */
    static void cos(double[] x, double[] out, int n) {
        trig(x, null, out, n);
    }

    /** {@code sin[l] = Math64.sin(x[l])}, {@code cos[l] = Math64.cos(x[l])}. */
    static void sincos(double[] x, double[] sin, double[] cos, int n) {
        trig(x, sin, cos, n);
    }

    /**
     * sin x into {@code sin} and cos x into {@code cos}, either null when not wanted. One loop body without
     * calls: Math64.reduceJ, reduceHi and reduceLo; sinAHi, sinALo and sinFinish; cosKHi, cosKLo and cosFinish;
     * quadrant, cosQuadrant and signOf as in VectorMath32 (a select and sign bits: c > 0 here, and s is +0 only
     * for y = 0, never -0).
     */
    private static void trig(double[] x, double[] sin, double[] cos, int n) {
        final int end = D.loopBound(n);
        int i = 0;
        for (; i < end; i += D.length()) {
            final DoubleVector d = DoubleVector.fromArray(D, x, i);
            final DoubleVector y = d.abs();
            if (!y.compare(VectorOperators.LE, TRIG_FAST).allTrue()) {
                scalarTrig(x, sin, cos, i, i + D.length());
                continue;
            }
            // reduceJ: rint(y 2/pi) = t - 1.5 2^52; t's low bits are j + 2^51
            final DoubleVector t = y.mul(INV_PIO2).add(ROUND);
            final DoubleVector j = t.sub(ROUND);
            // reduceHi and reduceLo: fma(-j, pio2_1, y) is j (-pio2_1) + y, the same product
            final DoubleVector a = j.fma(NEG_PIO2_1, y);
            final DoubleVector b = j.mul(PIO2_2);
            final DoubleVector rh = a.sub(b);
            final DoubleVector ts = rh.sub(a);
            final DoubleVector e = a.sub(rh.sub(ts)).sub(b.add(ts));
            final DoubleVector rl = j.fma(NEG_PIO2_4, j.fma(NEG_PIO2_3, e.sub(j.fma(PIO2_2, b.neg()))));
            final DoubleVector z = rh.mul(rh);
            final DoubleVector zl = rh.fma(rh, z.neg());
            // sinAHi, sinALo: A = -1/6 + z B(z) as ah + al
            final DoubleVector st = z.mul(z.fma(z.fma(z.fma(z.fma(z.fma(z.fma(B6, B5), B4), B3), B2), B1), B0));
            final DoubleVector ah = S3_H.add(st);
            final DoubleVector al = ah.neg().add(S3_H).add(st).add(S3_L);
            // sinFinish
            final DoubleVector p = rh.mul(z);
            final DoubleVector pl = rh.fma(z, p.neg()).add(rh.mul(zl));
            final DoubleVector wh = p.mul(ah);
            final DoubleVector wl = p.fma(ah, wh.neg()).add(p.fma(al, pl.mul(ah)));
            final DoubleVector sh = rh.add(wh);
            final DoubleVector sl = rh.sub(sh).add(wh);
            final DoubleVector s = sh.add(sl.add(rl.fma(z.fma(z.fma(L0, MINUS_HALF), ONE), wl)));
            // cosKHi, cosKLo: K = -1/2 + z L(z) as kh + kl
            final DoubleVector ct = z.mul(z.fma(z.fma(z.fma(z.fma(z.fma(z.fma(z.fma(L7, L6), L5), L4), L3), L2), L1),
                    L0));
            final DoubleVector kh = MINUS_HALF.add(ct);
            final DoubleVector kl = kh.neg().sub(HALF).add(ct);
            // cosFinish
            final DoubleVector u = z.mul(kh);
            final DoubleVector ul = z.fma(kh, u.neg()).add(z.fma(kl, zl.mul(kh)));
            final DoubleVector ch = ONE.add(u);
            final DoubleVector cl = ch.neg().add(ONE).add(u).add(ul);
            final DoubleVector c = ch.add(rl.neg().fma(rh.mul(z.fma(z.fma(B0, S3_H), ONE)), cl));
            // quadrant and cosQuadrant: s or c by j's bit 0, the sign flipped by its bit 1
            final LongVector tb = t.reinterpretAsLongs();
            final VectorMask<Long> odd = tb.and(BIT0).compare(VectorOperators.NE, 0);
            final LongVector sg = tb.lanewise(VectorOperators.LSHL, 62).and(SIGN_BIT);
            final LongVector sb = s.reinterpretAsLongs();
            final LongVector cb = c.reinterpretAsLongs();
            if (sin != null) {
                // signOf(d) v for a finite d: v with d's sign bit added (for d = +-0, v is sin 0 = +0)
                sb.blend(cb, odd).lanewise(VectorOperators.XOR, sg)
                        .lanewise(VectorOperators.XOR, d.reinterpretAsLongs().and(SIGN_BIT)).reinterpretAsDoubles()
                        .intoArray(sin, i);
            }
            if (cos != null) {
                cb.blend(s.neg().reinterpretAsLongs(), odd).lanewise(VectorOperators.XOR, sg).reinterpretAsDoubles()
                        .intoArray(cos, i);
            }
        }
        scalarTrig(x, sin, cos, i, n);
    }

    /**
     * {@code out[l] = Math64.exp(x[l])}: expClamp, expK, expRHi and expRLo, expQHi and expQLo, expEHi and expELo,
     * pow2(splitExponent(k)) and secondFactor, expFinish. 2^k1 (k1 = floor(k/2) in [-538, 512], a normal double)
     * comes from its bits, (k1 + 1023) << 52, where Math64 builds the same exact power by + and *; its h =
     * half(k + 2048) = k1 + 1024 is taken by the rounding trick, so h + 1.5 2^52's low bits are h, and
     * (h - 1) << 52 is 2^k1's bits. NaN lanes stay NaN (every term is NaN).
     */
    static void exp(double[] x, double[] out, int n) {
        final int end = D.loopBound(n);
        int i = 0;
        for (; i < end; i += D.length()) {
            final DoubleVector xc = DoubleVector.fromArray(D, x, i).min(EXP_HI).max(EXP_LO);
            final DoubleVector k = xc.mul(LOG2E).add(ROUND).sub(ROUND);
            // expRHi, expRLo: fma(-k, ln2_h, xc) is k (-ln2_h) + xc
            final DoubleVector r0 = k.fma(NEG_LN2_H, xc);
            final DoubleVector r1 = k.mul(LN2_NL);
            final DoubleVector rh = r0.add(r1);
            final DoubleVector tr = rh.sub(r0);
            final DoubleVector rl = r0.sub(rh.sub(tr)).add(r1.sub(tr));
            // expTail, expQHi, expQLo
            DoubleVector q = rh.fma(T12, T11);
            q = rh.fma(q, T10);
            q = rh.fma(q, T9);
            q = rh.fma(q, T8);
            q = rh.fma(q, T7);
            q = rh.fma(q, T6);
            q = rh.fma(q, T5);
            q = rh.fma(q, T4);
            q = rh.fma(q, T3);
            q = rh.fma(q, T2);
            q = rh.fma(q, T1);
            final DoubleVector tv = rh.fma(q, T0);
            final DoubleVector tq = rh.mul(tv);
            final DoubleVector qh = HALF.add(tq);
            final DoubleVector ql = qh.neg().add(HALF).add(tq).add(rh.fma(tv, tq.neg()));
            // expEHi, expELo
            final DoubleVector z = rh.mul(rh);
            final DoubleVector eh = rh.add(z.mul(qh));
            final DoubleVector zl = rh.fma(rh, z.neg());
            final DoubleVector wh = z.mul(qh);
            final DoubleVector wl = z.fma(qh, wh.neg()).add(z.fma(ql, zl.mul(qh)));
            final DoubleVector el = rh.sub(eh).add(wh).add(wl).add(rl.fma(eh, rl));
            // splitExponent, pow2, secondFactor
            final DoubleVector hr = k.add(SPLIT).fma(HALF, MINUS_QUARTER).add(ROUND);
            final DoubleVector k1 = hr.sub(ROUND).sub(SPLIT_BACK);
            final DoubleVector s1 = hr.reinterpretAsLongs().sub(BIT0).lanewise(VectorOperators.LSHL, 52)
                    .reinterpretAsDoubles();
            final DoubleVector s2 = s1.mul(ONE.add(k.sub(TWO.mul(k1))));
            // expFinish
            final DoubleVector sh = ONE.add(eh);
            final DoubleVector sl = sh.neg().add(ONE).add(eh).add(el);
            sh.fma(s1, sl.mul(s1)).mul(s2).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math64.exp(x[i]);
        }
    }

    /**
     * {@code out[l] = Math64.log(x[l])}: below and logScaled, logMantissa and logExponent (the exponent, a long
     * below 2^11 in magnitude, becomes its double by the rounding trick backwards; Math64's arithmetic shift is a
     * logical one here, the same bits under the mask, since AVX2 has no 64-bit arithmetic shift), logSHi and logSLo, logLHi and
     * logLLo (logLHi's value is logLLo's lh: the same operations), logSum with its constant arguments ul = 0 and
     * uh = 1 (c = +0; its terms in c are kept, each adds or subtracts +0, which can turn -0 into +0), logSpecial.
     * Every operation is arithmetic or a bit operation on every lane, so NaN, zeros, negatives and infinities
     * take the same path as Math64's.
     */
    static void log(double[] x, double[] out, int n) {
        final int end = D.loopBound(n);
        int i = 0;
        for (; i < end; i += D.length()) {
            final DoubleVector xv = DoubleVector.fromArray(D, x, i);
            // below(x, 2^-1022), logScaled
            final DoubleVector b = MIN_NORMAL.sub(xv).mul(P600).mul(P600).max(ZERO).min(ONE);
            final DoubleVector xs = xv.mul(b.fma(P54, ONE.sub(b)));
            // logMantissa, logExponent
            final LongVector bits = xs.reinterpretAsLongs();
            final LongVector mb = bits.and(MANTISSA);
            final LongVector big = SQRT2_MANTISSA.sub(mb).lanewise(VectorOperators.LSHR, 63);
            final DoubleVector m = mb.or(ONE_BITS.sub(big.lanewise(VectorOperators.LSHL, 52))).reinterpretAsDoubles();
            final DoubleVector e = bits.lanewise(VectorOperators.LSHR, 52).and(EXPONENT).sub(BIAS).add(big)
                    .add(ROUND_BITS).reinterpretAsDoubles().sub(ROUND).sub(FIFTY_FOUR.mul(b));
            // logSHi, logSLo
            final DoubleVector f = m.sub(ONE);
            final DoubleVector dh = TWO.add(f);
            final DoubleVector sh = f.div(dh);
            final DoubleVector dl = dh.neg().add(TWO).add(f);
            final DoubleVector sl = sh.neg().fma(dh, f).sub(sh.mul(dl)).div(dh);
            // logTail, logLHi, logLLo
            final DoubleVector z = sh.mul(sh);
            final DoubleVector zl = sh.fma(sh, z.neg()).add(TWO.mul(sh).mul(sl));
            final DoubleVector h = z.fma(z.fma(z.fma(z.fma(z.fma(z.fma(z.fma(z.fma(H8, H7), H6), H5), H4), H3), H2),
                    H1), H0);
            final DoubleVector t = z.mul(h);
            final DoubleVector gh = G3_H.add(t);
            final DoubleVector gl = gh.neg().add(G3_H).add(t).add(G3_L.add(z.fma(h, t.neg())));
            final DoubleVector p = sh.mul(z);
            final DoubleVector pl = sh.fma(z, p.neg()).add(sh.fma(zl, sl.mul(z)));
            final DoubleVector wh = p.mul(gh);
            final DoubleVector wl = p.fma(gh, wh.neg()).add(p.fma(gl, pl.mul(gh)));
            final DoubleVector s2h = TWO.mul(sh);
            final DoubleVector lh = s2h.add(wh);
            final DoubleVector ll = s2h.sub(lh).add(wh).add(TWO.fma(sl, wl));
            // logSum(e, lh, ll, 0, 1): c = 0 / 1 = +0, fma(-c, 1, 0) / 1 = +0, 0.5 c c = +0
            final DoubleVector u = lh.add(ZERO);
            final DoubleVector tu = u.sub(lh);
            final DoubleVector a = e.mul(LN2_42);
            final DoubleVector bh = e.mul(LN2_M);
            final DoubleVector s1 = a.add(u);
            final DoubleVector s2 = s1.add(bh);
            final DoubleVector tail = lh.sub(u.sub(tu)).add(ZERO.sub(tu)).add(ll).add(ZERO).sub(ZERO)
                    .add(e.fma(LN2_M, bh.neg())).add(e.mul(LN2_T));
            final DoubleVector low = s1.sub(s2).add(bh).add(a.sub(s1).add(u)).add(tail);
            final DoubleVector v = s2.add(low);
            // logSpecial
            final DoubleVector zero = ONE.sub(xv.mul(P600).mul(P600).max(ZERO).min(ONE));
            v.add(xv.sub(MAX).max(ZERO)).add(zero.mul(P600).mul(NEG_P600)).add(ZERO.mul(xv.min(ONE).sqrt()))
                    .intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math64.log(x[i]);
        }
    }

    /** Math64's sin and cos of the lanes from..to: the rare lanes beyond TRIG_FAST, and those after the vectors. */
    private static void scalarTrig(double[] x, double[] sin, double[] cos, int from, int to) {
        for (int l = from; l < to; l++) {
            if (sin != null) {
                sin[l] = Math64.sin(x[l]);
            }
            if (cos != null) {
                cos[l] = Math64.cos(x[l]);
            }
        }
    }
}
