package org.batchopt.kernel;

import static org.batchopt.kernel.Math64.TRIG_FAST;
import static org.batchopt.kernel.Math64.cosFinish;
import static org.batchopt.kernel.Math64.cosQuadrant;
import static org.batchopt.kernel.Math64.cosKHi;
import static org.batchopt.kernel.Math64.cosKLo;
import static org.batchopt.kernel.Math64.expClamp;
import static org.batchopt.kernel.Math64.expEHi;
import static org.batchopt.kernel.Math64.expELo;
import static org.batchopt.kernel.Math64.expFinish;
import static org.batchopt.kernel.Math64.expK;
import static org.batchopt.kernel.Math64.expQHi;
import static org.batchopt.kernel.Math64.expQLo;
import static org.batchopt.kernel.Math64.expRHi;
import static org.batchopt.kernel.Math64.expRLo;
import static org.batchopt.kernel.Math64.splitExponent;
import static org.batchopt.kernel.Math64.logExponent;
import static org.batchopt.kernel.Math64.logLHi;
import static org.batchopt.kernel.Math64.logLLo;
import static org.batchopt.kernel.Math64.logMantissa;
import static org.batchopt.kernel.Math64.logSHi;
import static org.batchopt.kernel.Math64.logSLo;
import static org.batchopt.kernel.Math64.logSpecial;
import static org.batchopt.kernel.Math64.logSum;
import static org.batchopt.kernel.Math64.pow2Bits;
import static org.batchopt.kernel.Math64.pow2High;
import static org.batchopt.kernel.Math64.POW2_BIAS;
import static org.batchopt.kernel.Math64.quadrant;
import static org.batchopt.kernel.Math64.reduceHi;
import static org.batchopt.kernel.Math64.reduceJ;
import static org.batchopt.kernel.Math64.reduceLo;
import static org.batchopt.kernel.Math64.secondFactor;
import static org.batchopt.kernel.Math64.signOf;
import static org.batchopt.kernel.Math64.sinAHi;
import static org.batchopt.kernel.Math64.sinALo;
import static org.batchopt.kernel.Math64.sinFinish;

/**
 * The functions of {@link Math64} applied to the lanes {@code 0 <= l < n} of arrays, with the same bits, in
 * loops that the JIT vectorizes. C2 vectorizes a loop only when its body stays under LoopUnrollLimit (60 nodes)
 * and holds no branch, bit cast or conversion, so each function runs as a few stage loops (one stage of Math64
 * each) through scratch arrays of this object; the exceptions are handled after the loops, lane by lane, with
 * Math64's own function (arguments of sin and cos beyond {@code TRIG_FAST}), and the bit operations of log
 * run as a plain loop. One instance serves one thread. An output array must not be the input array. With
 * {@link VectorLanes#ENABLED}, sin, cos, sincos, exp and log run in {@link VectorMath64} instead (the same
 * bits, every stage of a vector of lanes in registers).
 */
public final class LaneMath64 {
    private final boolean vector;
    private double[] j = new double[0];
    private double[] rh = j;
    private double[] rl = j;
    private double[] p = j;
    private double[] q = j;
    private double[] s = j;
    private double[] c = j;

    /** Lanes on the Vector API where {@link VectorLanes#ENABLED}. */
    public LaneMath64() {
        this(VectorLanes.ENABLED);
    }

    /** Lanes on the Vector API or (false) the plain loops, to compare the two. */
    LaneMath64(boolean vector) {
        this.vector = vector;
    }

    private void reserve(int n) {
        if (j.length < n) {
            j = new double[n];
            rh = new double[n];
            rl = new double[n];
            p = new double[n];
            q = new double[n];
            s = new double[n];
            c = new double[n];
        }
    }

    /** {@code out[l] = Math64.sin(x[l])}. */
    public void sin(double[] x, double[] out, int n) {
        if (vector) {
            VectorMath64.sin(x, out, n);
            return;
        }
        final double big = trig(x, n);
        trigSin(x, j, s, c, out, n);
        if (!(big <= TRIG_FAST)) {
            for (int l = 0; l < n; l++) {
                if (!(Math.abs(x[l]) <= TRIG_FAST)) {
                    out[l] = Math64.sin(x[l]);
                }
            }
        }
    }

    /** {@code out[l] = Math64.cos(x[l])}. */
    public void cos(double[] x, double[] out, int n) {
        if (vector) {
            VectorMath64.cos(x, out, n);
            return;
        }
        final double big = trig(x, n);
        trigCos(j, s, c, out, n);
        if (!(big <= TRIG_FAST)) {
            for (int l = 0; l < n; l++) {
                if (!(Math.abs(x[l]) <= TRIG_FAST)) {
                    out[l] = Math64.cos(x[l]);
                }
            }
        }
    }

    /** {@code sin[l] = Math64.sin(x[l])} and {@code cos[l] = Math64.cos(x[l])}, for the price of one. */
    public void sincos(double[] x, double[] sin, double[] cos, int n) {
        if (vector) {
            VectorMath64.sincos(x, sin, cos, n);
            return;
        }
        final double big = trig(x, n);
        trigSin(x, j, s, c, sin, n);
        trigCos(j, s, c, cos, n);
        if (!(big <= TRIG_FAST)) {
            for (int l = 0; l < n; l++) {
                if (!(Math.abs(x[l]) <= TRIG_FAST)) {
                    sin[l] = Math64.sin(x[l]);
                    cos[l] = Math64.cos(x[l]);
                }
            }
        }
    }

    /** The stages of sin and cos before the quadrant: j, sin r into s, cos r into c; returns max |x|. */
    private double trig(double[] x, int n) {
        reserve(n);
        final double big = maxAbs(x, n);
        trigReduce(x, j, rh, rl, n);
        sinA(rh, p, q, n);
        sinFinished(rh, rl, p, q, s, n);
        cosK(rh, p, q, n);
        cosFinished(rh, rl, p, q, c, n);
        return big;
    }

    /** {@code out[l] = Math64.exp(x[l])}. */
    public void exp(double[] x, double[] out, int n) {
        if (vector) {
            VectorMath64.exp(x, out, n);
            return;
        }
        reserve(n);
        expReduce(x, j, rh, rl, n);
        expQ(rh, p, q, n);
        expE(rh, rl, p, q, n);
        expScale(j, s, c, n);
        expFinished(rh, rl, s, c, out, n);
    }

    /** {@code out[l] = Math64.log(x[l])}. */
    public void log(double[] x, double[] out, int n) {
        if (vector) {
            VectorMath64.log(x, out, n);
            return;
        }
        reserve(n);
        logSplit(x, p, q, n);
        logS(p, rh, rl, n);
        logL(rh, rl, p, n);
        logFinished(x, q, p, rl, out, n);
    }

    /** max |x[l]|, NaN if any is NaN (a reduction the JIT vectorizes for floats, not for doubles). */
    private static double maxAbs(double[] x, int n) {
        double big = 0;
        for (int l = 0; l < n; l++) {
            big = Math.max(big, Math.abs(x[l]));
        }
        return big;
    }

    private static void trigReduce(double[] x, double[] j, double[] rh, double[] rl, int n) {
        for (int l = 0; l < n; l++) {
            final double y = Math.abs(x[l]);
            final double jl = reduceJ(y);
            j[l] = jl;
            rh[l] = reduceHi(y, jl);
            rl[l] = reduceLo(y, jl);
        }
    }

    private static void sinA(double[] rh, double[] ah, double[] al, int n) {
        for (int l = 0; l < n; l++) {
            ah[l] = sinAHi(rh[l]);
        }
        for (int l = 0; l < n; l++) {
            al[l] = sinALo(rh[l]);
        }
    }

    private static void sinFinished(double[] rh, double[] rl, double[] ah, double[] al, double[] s, int n) {
        for (int l = 0; l < n; l++) {
            s[l] = sinFinish(rh[l], rl[l], ah[l], al[l]);
        }
    }

    private static void cosK(double[] rh, double[] kh, double[] kl, int n) {
        for (int l = 0; l < n; l++) {
            kh[l] = cosKHi(rh[l]);
        }
        for (int l = 0; l < n; l++) {
            kl[l] = cosKLo(rh[l]);
        }
    }

    private static void cosFinished(double[] rh, double[] rl, double[] kh, double[] kl, double[] c, int n) {
        for (int l = 0; l < n; l++) {
            c[l] = cosFinish(rh[l], rl[l], kh[l], kl[l]);
        }
    }

    private static void trigSin(double[] x, double[] j, double[] s, double[] c, double[] out, int n) {
        for (int l = 0; l < n; l++) {
            out[l] = signOf(x[l]) * quadrant(j[l], s[l], c[l]);
        }
    }

    private static void trigCos(double[] j, double[] s, double[] c, double[] out, int n) {
        for (int l = 0; l < n; l++) {
            out[l] = cosQuadrant(j[l], s[l], c[l]);
        }
    }

    private static void expReduce(double[] x, double[] k, double[] rh, double[] rl, int n) {
        for (int l = 0; l < n; l++) {
            final double xc = expClamp(x[l]);
            final double kl = expK(xc);
            k[l] = kl;
            rh[l] = expRHi(xc, kl);
            rl[l] = expRLo(xc, kl);
        }
    }

    private static void expQ(double[] rh, double[] qh, double[] ql, int n) {
        for (int l = 0; l < n; l++) {
            qh[l] = expQHi(rh[l]);
        }
        for (int l = 0; l < n; l++) {
            ql[l] = expQLo(rh[l]);
        }
    }

    /** exp(r) - 1 into rh and rl. */
    private static void expE(double[] rh, double[] rl, double[] qh, double[] ql, int n) {
        for (int l = 0; l < n; l++) {
            final double r = rh[l];
            rh[l] = expEHi(r, qh[l]);
            rl[l] = expELo(r, rl[l], qh[l], ql[l]);
        }
    }

    /** 2^k1 into s1 and 2^(k - k1) into s2, k1 = floor(k/2). */
    private static void expScale(double[] k, double[] s1, double[] s2, int n) {
        for (int l = 0; l < n; l++) {
            s1[l] = pow2High(splitExponent(k[l]));
        }
        for (int l = 0; l < n; l++) {
            s1[l] = s1[l] * pow2Bits(splitExponent(k[l]) + POW2_BIAS);
        }
        for (int l = 0; l < n; l++) {
            s2[l] = secondFactor(k[l], s1[l]);
        }
    }

    private static void expFinished(double[] eh, double[] el, double[] s1, double[] s2, double[] out, int n) {
        for (int l = 0; l < n; l++) {
            out[l] = expFinish(eh[l], el[l], s1[l], s2[l]);
        }
    }

    /** The mantissa into m, the exponent into e: bit operations, which the JIT runs lane by lane. */
    private static void logSplit(double[] x, double[] m, double[] e, int n) {
        for (int l = 0; l < n; l++) {
            m[l] = logMantissa(x[l]);
            e[l] = logExponent(x[l]);
        }
    }

    private static void logS(double[] m, double[] sh, double[] sl, int n) {
        for (int l = 0; l < n; l++) {
            final double h = logSHi(m[l]);
            sh[l] = h;
            sl[l] = logSLo(m[l], h);
        }
    }

    /** log(1 + f) into lh, and its low part over sl. */
    private static void logL(double[] sh, double[] sl, double[] lh, int n) {
        for (int l = 0; l < n; l++) {
            lh[l] = logLHi(sh[l], sl[l]);
        }
        for (int l = 0; l < n; l++) {
            sl[l] = logLLo(sh[l], sl[l]);
        }
    }

    private static void logFinished(double[] x, double[] e, double[] lh, double[] ll, double[] out, int n) {
        for (int l = 0; l < n; l++) {
            out[l] = logSum(e[l], lh[l], ll[l], 0, 1);
        }
        for (int l = 0; l < n; l++) {
            out[l] = logSpecial(x[l], out[l]);
        }
    }
}
