package org.batchopt.kernel;

import static org.batchopt.kernel.Math64.c;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two products of {@link DataTwin64} with the Vector API, register-blocked: used (and loaded) only when
 * {@link VectorLanes#ENABLED}, else DataTwin64's plain loops run, with the same bits. Each output is still its own
 * chain in KernelModel's order, one lane of a vector: {@code z = fma(x_k, w_k, z)} over increasing k from 0, then
 * {@code + b}; {@code g_k = fma(r_j, x_jk, g_k)} over the rows j of a block in increasing order, from the chunk's
 * sum so far. A vector op is lane-wise the IEEE operation of the plain code, so neither the vector width nor the
 * blocking changes any bit.
 *
 * <p>The forward pass keeps the outputs of 4 rows x 2 vectors of lanes in registers over the whole k loop (each
 * load of {@code W^T} feeds 4 rows, each x broadcast feeds 2 vectors); the backward pass keeps the sums of 4
 * coordinates x 2 vectors of lanes in registers over the rows of a block (each residual load feeds 4 coordinates).
 * Rows and coordinates beyond a multiple of 4 run one at a time with the same 2-vector kernels. Lanes are padded to
 * a multiple of 2 vectors ({@link #padded}): lanes are independent, so what the padding lanes hold never reaches
 * a member's lane, and no masked or scalar lane tail is needed.
 *
 * <p>Also the logistic row function over a whole block, its exp and log as one {@link LaneMath64} call each over
 * every row's lanes (one array a block, row j at {@code j * np}), its element-wise steps as vector ops, the
 * operations of DataTwin64's plain lane loops.
 */
final class DataVector64 {
    /** The vector shape of VectorShapes for this element type (doubles the widest this CPU runs, floats as many). */
    private static final VectorSpecies<Double> S = VectorShapes.of(double.class);
    /** Lanes of one vector. */
    private static final int W = S.length();

    private DataVector64() {
    }

    /** {@code lanes} rounded up to a multiple of 2 vectors: what the kernels compute for lanes 0..lanes-1. */
    static int padded(int lanes) {
        return (lanes + 2 * W - 1) / (2 * W) * (2 * W);
    }

    /**
     * {@code z[j][l] = fma over increasing k of xb[j F + k] * wt[(o + k) stride + l]} from 0, then
     * {@code + wt[(o + F) stride + l]} with an intercept, for rows {@code j < rows} and lanes {@code l < np} (a
     * multiple of 2 vectors, at most {@code stride}).
     *
     * @param xb the block's rows, row-major ({@code features} each)
     * @param wt the lanes' coordinates, coordinate i at {@code i * stride}
     */
    static void forward(double[] xb, int features, boolean intercept, double[] wt, int o, int stride,
                        double[][] z, int rows, int np) {
        int j = 0;
        for (; j + 4 <= rows; j += 4) {
            for (int m = 0; m < np; m += 2 * W) {
                forward4(xb, j * features, features, intercept, wt, o * stride + m, stride, z, j, m);
            }
        }
        for (; j < rows; j++) {
            for (int m = 0; m < np; m += 2 * W) {
                forward1(xb, j * features, features, intercept, wt, o * stride + m, stride, z[j], m);
            }
        }
    }

    /** Rows j..j+3 at lanes m..m+2W-1; {@code at} is the offset of coordinate o, lane m in wt. */
    private static void forward4(double[] xb, int xo, int features, boolean intercept, double[] wt, int at,
                                 int stride, double[][] z, int j, int m) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        final int x1 = xo + features;
        final int x2 = x1 + features;
        final int x3 = x2 + features;
        for (int k = 0; k < features; k++) {
            final int wk = at + k * stride;
            final DoubleVector b0 = DoubleVector.fromArray(S, wt, wk);
            final DoubleVector b1 = DoubleVector.fromArray(S, wt, wk + W);
            DoubleVector a = DoubleVector.broadcast(S, xb[xo + k]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, xb[x1 + k]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, xb[x2 + k]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, xb[x3 + k]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
        }
        if (intercept) {
            final int wb = at + features * stride;
            final DoubleVector b0 = DoubleVector.fromArray(S, wt, wb);
            final DoubleVector b1 = DoubleVector.fromArray(S, wt, wb + W);
            c00 = c00.add(b0);
            c01 = c01.add(b1);
            c10 = c10.add(b0);
            c11 = c11.add(b1);
            c20 = c20.add(b0);
            c21 = c21.add(b1);
            c30 = c30.add(b0);
            c31 = c31.add(b1);
        }
        c00.intoArray(z[j], m);
        c01.intoArray(z[j], m + W);
        c10.intoArray(z[j + 1], m);
        c11.intoArray(z[j + 1], m + W);
        c20.intoArray(z[j + 2], m);
        c21.intoArray(z[j + 2], m + W);
        c30.intoArray(z[j + 3], m);
        c31.intoArray(z[j + 3], m + W);
    }

    /** One row (at xo of xb) at lanes m..m+2W-1 into zj. */
    private static void forward1(double[] xb, int xo, int features, boolean intercept, double[] wt, int at,
                                 int stride, double[] zj, int m) {
        DoubleVector c0 = DoubleVector.zero(S);
        DoubleVector c1 = c0;
        for (int k = 0; k < features; k++) {
            final int wk = at + k * stride;
            final DoubleVector a = DoubleVector.broadcast(S, xb[xo + k]);
            c0 = a.fma(DoubleVector.fromArray(S, wt, wk), c0);
            c1 = a.fma(DoubleVector.fromArray(S, wt, wk + W), c1);
        }
        if (intercept) {
            final int wb = at + features * stride;
            c0 = c0.add(DoubleVector.fromArray(S, wt, wb));
            c1 = c1.add(DoubleVector.fromArray(S, wt, wb + W));
        }
        c0.intoArray(zj, m);
        c1.intoArray(zj, m + W);
    }

    /**
     * DataTwin64's logistic row function at the block's outputs {@code z[j]} with targets {@code y[j]}, into the
     * residuals {@code r[j]} and losses {@code loss[j]}, rows {@code j < rows}, lanes {@code l < np}; {@code a},
     * {@code e} and {@code lg} hold {@code rows * np} reals: {@code a = -|z|}, {@code e = exp(a)}, {@code a = 1 + e},
     * {@code lg = log(a)}, {@code loss = (maximum(z, 0) + lg) - y z},
     * {@code r = maximum(e, minimum(maximum(z 2^60 2^60 2^60, 0), 1)) / (1 + e) - y}.
     */
    static void logistic(double[][] z, double[] y, int rows, int np, double[] a, double[] e, double[] lg,
                         LaneMath64 math, double[][] r, double[][] loss) {
        final int count = rows * np;
        for (int j = 0; j < rows; j++) {
            final double[] zj = z[j];
            for (int m = 0; m < np; m += W) {
                DoubleVector.fromArray(S, zj, m).abs().neg().intoArray(a, j * np + m);
            }
        }
        math.exp(a, e, count);
        for (int i = 0; i < count; i += W) {
            DoubleVector.fromArray(S, e, i).add(1).intoArray(a, i);
        }
        math.log(a, lg, count);
        final double big = c(0x1p60);
        for (int j = 0; j < rows; j++) {
            final double[] zj = z[j];
            final double[] rj = r[j];
            final double[] out = loss[j];
            final double yj = y[j];
            for (int m = 0; m < np; m += W) {
                final int i = j * np + m;
                final DoubleVector zl = DoubleVector.fromArray(S, zj, m);
                final DoubleVector t = DoubleVector.fromArray(S, e, i);
                zl.max(0).add(DoubleVector.fromArray(S, lg, i)).sub(zl.mul(yj)).intoArray(out, m);
                final DoubleVector up = zl.mul(big).mul(big).mul(big).max(0).min(1);
                t.max(up).div(t.add(1)).sub(yj).intoArray(rj, m);
            }
        }
    }

    /**
     * Adds the residuals of the block's rows times their x to the gradient sums: for each coordinate k (and the
     * intercept, which adds the residual itself) and lane {@code l < np},
     * {@code g[o + k][l] = fma(r[j][l], xb[j F + k], g[o + k][l])} for j = 0 .. rows-1 in turn.
     */
    static void backward(double[] xb, int features, boolean intercept, double[][] r, int rows, double[][] g, int o,
                         int np) {
        int k = 0;
        for (; k + 4 <= features; k += 4) {
            for (int m = 0; m < np; m += 2 * W) {
                backward4(xb, k, features, r, rows, g, o + k, m);
            }
        }
        for (; k < features; k++) {
            for (int m = 0; m < np; m += 2 * W) {
                backward1(xb, k, features, r, rows, g[o + k], m);
            }
        }
        if (intercept) {
            final double[] gb = g[o + features];
            for (int m = 0; m < np; m += 2 * W) {
                DoubleVector c0 = DoubleVector.fromArray(S, gb, m);
                DoubleVector c1 = DoubleVector.fromArray(S, gb, m + W);
                for (int j = 0; j < rows; j++) {
                    final double[] rj = r[j];
                    c0 = c0.add(DoubleVector.fromArray(S, rj, m));
                    c1 = c1.add(DoubleVector.fromArray(S, rj, m + W));
                }
                c0.intoArray(gb, m);
                c1.intoArray(gb, m + W);
            }
        }
    }

    /** Coordinates k..k+3 (gradient rows gk..gk+3) at lanes m..m+2W-1. */
    private static void backward4(double[] xb, int k, int features, double[][] r, int rows, double[][] g, int gk,
                                  int m) {
        final double[] g0 = g[gk];
        final double[] g1 = g[gk + 1];
        final double[] g2 = g[gk + 2];
        final double[] g3 = g[gk + 3];
        DoubleVector c00 = DoubleVector.fromArray(S, g0, m);
        DoubleVector c01 = DoubleVector.fromArray(S, g0, m + W);
        DoubleVector c10 = DoubleVector.fromArray(S, g1, m);
        DoubleVector c11 = DoubleVector.fromArray(S, g1, m + W);
        DoubleVector c20 = DoubleVector.fromArray(S, g2, m);
        DoubleVector c21 = DoubleVector.fromArray(S, g2, m + W);
        DoubleVector c30 = DoubleVector.fromArray(S, g3, m);
        DoubleVector c31 = DoubleVector.fromArray(S, g3, m + W);
        for (int j = 0; j < rows; j++) {
            final double[] rj = r[j];
            final DoubleVector r0 = DoubleVector.fromArray(S, rj, m);
            final DoubleVector r1 = DoubleVector.fromArray(S, rj, m + W);
            final int xj = j * features + k;
            DoubleVector a = DoubleVector.broadcast(S, xb[xj]);
            c00 = r0.fma(a, c00);
            c01 = r1.fma(a, c01);
            a = DoubleVector.broadcast(S, xb[xj + 1]);
            c10 = r0.fma(a, c10);
            c11 = r1.fma(a, c11);
            a = DoubleVector.broadcast(S, xb[xj + 2]);
            c20 = r0.fma(a, c20);
            c21 = r1.fma(a, c21);
            a = DoubleVector.broadcast(S, xb[xj + 3]);
            c30 = r0.fma(a, c30);
            c31 = r1.fma(a, c31);
        }
        c00.intoArray(g0, m);
        c01.intoArray(g0, m + W);
        c10.intoArray(g1, m);
        c11.intoArray(g1, m + W);
        c20.intoArray(g2, m);
        c21.intoArray(g2, m + W);
        c30.intoArray(g3, m);
        c31.intoArray(g3, m + W);
    }

    /** Coordinate k (gradient row gk) at lanes m..m+2W-1. */
    private static void backward1(double[] xb, int k, int features, double[][] r, int rows, double[] gk, int m) {
        DoubleVector c0 = DoubleVector.fromArray(S, gk, m);
        DoubleVector c1 = DoubleVector.fromArray(S, gk, m + W);
        for (int j = 0; j < rows; j++) {
            final double[] rj = r[j];
            final DoubleVector a = DoubleVector.broadcast(S, xb[j * features + k]);
            c0 = DoubleVector.fromArray(S, rj, m).fma(a, c0);
            c1 = DoubleVector.fromArray(S, rj, m + W).fma(a, c1);
        }
        c0.intoArray(gk, m);
        c1.intoArray(gk, m + W);
    }
}
