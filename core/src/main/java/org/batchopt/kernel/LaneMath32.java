package org.batchopt.kernel;

import static org.batchopt.kernel.Math32.TRIG_FAST;
import static org.batchopt.kernel.Math32.cosPoly;
import static org.batchopt.kernel.Math32.cosQuadrant;
import static org.batchopt.kernel.Math32.expClamp;
import static org.batchopt.kernel.Math32.expFinish;
import static org.batchopt.kernel.Math32.expK;
import static org.batchopt.kernel.Math32.expR;
import static org.batchopt.kernel.Math32.expm1Poly;
import static org.batchopt.kernel.Math32.logExponent;
import static org.batchopt.kernel.Math32.logMantissa;
import static org.batchopt.kernel.Math32.logPoly;
import static org.batchopt.kernel.Math32.logSpecial;
import static org.batchopt.kernel.Math32.quadrant;
import static org.batchopt.kernel.Math32.quadrantOdd;
import static org.batchopt.kernel.Math32.quadrantSign;
import static org.batchopt.kernel.Math32.reduceJ;
import static org.batchopt.kernel.Math32.reduceR;
import static org.batchopt.kernel.Math32.signOf;
import static org.batchopt.kernel.Math32.sinPoly;

/**
 * The functions of {@link Math32} applied to the lanes {@code 0 <= l < n} of arrays, with the same bits, in
 * loops that the JIT vectorizes. Hand-written (not generated from {@link LaneMath64}): Math32 evaluates in
 * double, so the lanes are widened into double scratch arrays of this object, the stages run as loops over
 * doubles (C2 vectorizes a loop only when its body stays under LoopUnrollLimit (60 nodes) and holds no branch,
 * bit cast or conversion), and the results are rounded back to float. The conversions, and the bit operations
 * of exp and log, run as plain loops of their own; the loop that widens the arguments of sin and cos also
 * notes whether any lies beyond {@code TRIG_FAST}, and those rare lanes (Payne-Hanek) are redone after the
 * loops with Math32's own function. One instance serves one thread. An output array must not be the input
 * array. With {@link VectorLanes#ENABLED}, the functions run in {@link VectorMath32} instead (the same bits,
 * every stage of a vector of lanes in registers).
 */
public final class LaneMath32 {
    private final boolean vector;
    private double[] d = new double[0];
    private double[] j = d;
    private double[] r = d;
    private double[] s = d;
    private double[] c = d;

    /** Lanes on the Vector API where {@link VectorLanes#ENABLED}. */
    public LaneMath32() {
        this(VectorLanes.ENABLED);
    }

    /** Lanes on the Vector API or (false) the plain loops, to compare the two. */
    LaneMath32(boolean vector) {
        this.vector = vector;
    }

    private void reserve(int n) {
        if (d.length < n) {
            d = new double[n];
            j = new double[n];
            r = new double[n];
            s = new double[n];
            c = new double[n];
        }
    }

    /** {@code out[l] = Math32.sin(x[l])}. */
    public void sin(float[] x, float[] out, int n) {
        if (vector) {
            VectorMath32.sin(x, out, n);
            return;
        }
        final boolean fast = trig(x, n);
        trigSin(d, j, s, c, n);
        narrow(s, out, n);
        if (!fast) {
            for (int l = 0; l < n; l++) {
                if (!(Math.abs(x[l]) <= TRIG_FAST)) {
                    out[l] = Math32.sin(x[l]);
                }
            }
        }
    }

    /** {@code out[l] = Math32.cos(x[l])}. */
    public void cos(float[] x, float[] out, int n) {
        if (vector) {
            VectorMath32.cos(x, out, n);
            return;
        }
        final boolean fast = trig(x, n);
        trigCos(j, s, c, n);
        narrow(c, out, n);
        if (!fast) {
            for (int l = 0; l < n; l++) {
                if (!(Math.abs(x[l]) <= TRIG_FAST)) {
                    out[l] = Math32.cos(x[l]);
                }
            }
        }
    }

    /** {@code sin[l] = Math32.sin(x[l])} and {@code cos[l] = Math32.cos(x[l])}, for the price of one. */
    public void sincos(float[] x, float[] sin, float[] cos, int n) {
        if (vector) {
            VectorMath32.sincos(x, sin, cos, n);
            return;
        }
        final boolean fast = trig(x, n);
        trigSinCos(d, j, s, c, n);
        narrow(s, sin, n);
        narrow(c, cos, n);
        if (!fast) {
            for (int l = 0; l < n; l++) {
                if (!(Math.abs(x[l]) <= TRIG_FAST)) {
                    sin[l] = Math32.sin(x[l]);
                    cos[l] = Math32.cos(x[l]);
                }
            }
        }
    }

    /**
     * The stages of sin and cos before the quadrant: x widened into d, j, sin r into s, cos r into c; whether
     * every |x| is at most TRIG_FAST (false for NaN too: those lanes are redone lane by lane).
     */
    private boolean trig(float[] x, int n) {
        reserve(n);
        final boolean fast = widenTrig(x, d, n);
        trigReduce(d, j, r, n);
        trigPoly(r, s, c, n);
        return fast;
    }

    /** {@code out[l] = Math32.exp(x[l])}. */
    public void exp(float[] x, float[] out, int n) {
        if (vector) {
            VectorMath32.exp(x, out, n);
            return;
        }
        reserve(n);
        widen(x, d, n);
        expReduce(d, j, r, n);
        expPoly(r, n);
        expFinished(r, j, out, n);
    }

    /** {@code out[l] = Math32.log(x[l])}. */
    public void log(float[] x, float[] out, int n) {
        if (vector) {
            VectorMath32.log(x, out, n);
            return;
        }
        reserve(n);
        logSplit(x, d, j, r, n);
        logPolys(r, j, s, n);
        logFinished(d, s, out, n);
    }

    /** Conversions: plain loops. */
    private static void widen(float[] x, double[] d, int n) {
        for (int l = 0; l < n; l++) {
            d[l] = x[l];
        }
    }

    /**
     * d = x, and whether every |x| <= TRIG_FAST (false for NaN too): a boolean and, which costs less than a
     * separate loop or a max (whose dependent chain of blends is slow).
     */
    private static boolean widenTrig(float[] x, double[] d, int n) {
        boolean fast = true;
        for (int l = 0; l < n; l++) {
            final float v = x[l];
            d[l] = v;
            fast &= Math.abs(v) <= TRIG_FAST;
        }
        return fast;
    }

    private static void narrow(double[] v, float[] out, int n) {
        for (int l = 0; l < n; l++) {
            out[l] = (float) v[l];
        }
    }

    private static void trigReduce(double[] d, double[] j, double[] r, int n) {
        for (int l = 0; l < n; l++) {
            final double y = Math.abs(d[l]);
            final double jl = reduceJ(y);
            j[l] = jl;
            r[l] = reduceR(y, jl);
        }
    }

    private static void trigPoly(double[] r, double[] s, double[] c, int n) {
        for (int l = 0; l < n; l++) {
            final double rl = r[l];
            s[l] = sinPoly(rl);
            c[l] = cosPoly(rl);
        }
    }

    /** sin x into s. */
    private static void trigSin(double[] d, double[] j, double[] s, double[] c, int n) {
        for (int l = 0; l < n; l++) {
            s[l] = signOf(d[l]) * quadrant(j[l], s[l], c[l]);
        }
    }

    /** cos x into c. */
    private static void trigCos(double[] j, double[] s, double[] c, int n) {
        for (int l = 0; l < n; l++) {
            c[l] = cosQuadrant(j[l], s[l], c[l]);
        }
    }

    /**
     * sin x into s and cos x into c: quadrant and cosQuadrant of Math32 with their common terms written once (C2
     * does not vectorize the loop otherwise).
     */
    private static void trigSinCos(double[] d, double[] j, double[] s, double[] c, int n) {
        for (int l = 0; l < n; l++) {
            final double sl = s[l];
            final double cl = c[l];
            final double o = quadrantOdd(j[l]);
            final double g = quadrantSign(j[l]);
            s[l] = signOf(d[l]) * (g * (sl * (1 - o) + cl * o));
            c[l] = g * (cl * (1 - o) - sl * o);
        }
    }

    private static void expReduce(double[] d, double[] k, double[] r, int n) {
        for (int l = 0; l < n; l++) {
            final double xc = expClamp(d[l]);
            final double kl = expK(xc);
            k[l] = kl;
            r[l] = expR(xc, kl);
        }
    }

    /** exp(r) - 1 in place. */
    private static void expPoly(double[] r, int n) {
        for (int l = 0; l < n; l++) {
            r[l] = expm1Poly(r[l]);
        }
    }

    /** 2^k (1 + e), rounded to float: the bit operations of 2^k and the conversion, a plain loop. */
    private static void expFinished(double[] e, double[] k, float[] out, int n) {
        for (int l = 0; l < n; l++) {
            out[l] = (float) expFinish(e[l], k[l]);
        }
    }

    /** x widened into d, its mantissa into m, its exponent into e: conversions and bit operations, a plain loop. */
    private static void logSplit(float[] x, double[] d, double[] e, double[] m, int n) {
        for (int l = 0; l < n; l++) {
            final double v = x[l];
            d[l] = v;
            m[l] = logMantissa(v);
            e[l] = logExponent(v);
        }
    }

    private static void logPolys(double[] m, double[] e, double[] v, int n) {
        for (int l = 0; l < n; l++) {
            v[l] = logPoly(m[l], e[l]);
        }
    }

    private static void logFinished(double[] d, double[] v, float[] out, int n) {
        for (int l = 0; l < n; l++) {
            v[l] = logSpecial(d[l], v[l]);
        }
        narrow(v, out, n);
    }
}
