package org.batchopt.kernel;

import static org.batchopt.kernel.Math64.abs;
import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.fma;
import static org.batchopt.kernel.Math64.max;
import static org.batchopt.kernel.Math64.maximum;
import static org.batchopt.kernel.Math64.minimum;
import static org.batchopt.kernel.Math64.r;

/**
 * fp64 twin of {@code kernels/data.cl}: a model's loss and gradient for the lanes of a tile at once, in the order
 * {@link KernelModel} fixes. Lane l is one member, its coordinate i at {@code x[i][l]}, so that the coordinates
 * of every member of the tile form the matrix {@code W^T} and a step is {@code Z = X W^T}, the row functions, then
 * {@code R^T X}, each lane loop innermost (the JIT vectorizes them). Rows go in blocks of four ({@code ROWS}): the
 * forward pass of a block uses each load of a column of {@code W^T} for every row of the block, exp and log of
 * the row functions run as {@link LaneMath64}'s vectorized lane loops, and the backward pass adds the block's rows
 * to each gradient sum in one lane pass. Blocking changes no sum's order: each z is still its fma chain over
 * increasing k and each gradient sum still adds its rows in increasing order. Where {@link VectorLanes#ENABLED},
 * the two products (and the logistic row function) run as {@link DataVector64}'s register-blocked Vector API
 * kernels instead, over blocks of {@value #VECTOR_ROWS} rows, with the lanes padded to a multiple of two vectors
 * and the points copied once a call into one array ({@code wt}, coordinate after coordinate); the same bits. Holds its own scratch: one instance per
 * thread.
 */
public final class DataTwin64 {
    /** Rows of one block: the forward pass, the row functions and the backward pass run over a block at once. */
    private static final int ROWS = 4;
    /** Rows of one block on the Vector API path: the backward pass keeps its sums in registers over a block. */
    private static final int VECTOR_ROWS = 32;

    private final KernelModel model;
    private final int features;
    private final int outputs;
    private final boolean intercept;
    private final int stride;
    private final double[] trainX;
    private final double[] trainY;
    private final int trainRows;
    private final double[] validX;
    private final double[] validY;
    private final int validRows;
    private final int lanes;
    private final LaneMath64 math = new LaneMath64();
    /** The products run as DataVector64's kernels; else the plain loops. */
    private final boolean vector;
    /** Rows of a block: {@link #ROWS} or {@link #VECTOR_ROWS}. */
    private final int block;
    /** Length of every lane array: lanes, padded to DataVector64's multiple on the vector path. */
    private final int width;
    /** Vector path: the points, coordinate i of lane l at {@code i * width + l}, and the block's rows, row-major. */
    private final double[] wt;
    private final double[] xb;
    /** Vector path, logistic model: the row function's scratch for a block, row j at {@code j * width}. */
    private final double[] blockA;
    private final double[] blockE;
    private final double[] blockLog;

    /**
     * The outputs of the block's rows, {@code z[c][j][l]} for output c, row j of the block, lane l (an array per
     * row: C2 vectorizes a lane loop over {@code a[l]}, not one over {@code a[q + l]}).
     */
    private final double[][][] z;
    /** Their residuals, laid out as z, and their losses {@code loss[j][l]}. */
    private final double[][][] res;
    private final double[][] loss;
    /** Scratch of the row functions, laid out as loss. */
    private final double[][] t1;
    private final double[][] t2;
    private final double[][] t3;
    /** The chunk's gradient and loss sums. */
    private final double[][] chunkG;
    private final double[] chunkF;
    private final double[] chunkC;
    private final double[] totalF;
    private final double[] totalC;
    /** The block's rows and their targets. */
    private final int[] rowIndex;
    private final double[] target;

    /**
     * @param validX validation rows, row-major, or null; not modified
     * @param lanes  the most lanes of one call
     */
    public DataTwin64(KernelModel model, int features, int outputs, boolean intercept, double[] trainX,
                      double[] trainY, double[] validX, double[] validY, int lanes) {
        this(model, features, outputs, intercept, trainX, trainY, validX, validY, lanes, VectorLanes.ENABLED);
    }

    /** As the public constructor, with the products on the Vector API path ({@code vector}) or the plain one. */
    DataTwin64(KernelModel model, int features, int outputs, boolean intercept, double[] trainX, double[] trainY,
               double[] validX, double[] validY, int lanes, boolean vector) {
        this.model = model;
        this.features = features;
        this.outputs = outputs;
        this.intercept = intercept;
        this.stride = features + (intercept ? 1 : 0);
        this.trainX = trainX;
        this.trainY = trainY;
        this.trainRows = trainY.length;
        this.validX = validX;
        this.validY = validY;
        this.validRows = validY == null ? 0 : validY.length;
        this.lanes = lanes;
        this.vector = vector;
        block = vector ? VECTOR_ROWS : ROWS;
        width = vector ? DataVector64.padded(lanes) : lanes;
        wt = new double[vector ? outputs * stride * width : 0];
        xb = new double[vector ? VECTOR_ROWS * features : 0];
        final int scratch = vector && model == KernelModel.LOGISTIC ? VECTOR_ROWS * width : 0;
        blockA = new double[scratch];
        blockE = new double[scratch];
        blockLog = new double[scratch];
        rowIndex = new int[block];
        target = new double[block];
        z = new double[outputs][block][width];
        res = new double[outputs][block][width];
        loss = new double[block][width];
        t1 = new double[block][width];
        t2 = new double[block][width];
        t3 = new double[block][width];
        chunkG = new double[outputs * stride][width];
        chunkF = new double[lanes];
        chunkC = new double[lanes];
        totalF = new double[lanes];
        totalC = new double[lanes];
    }

    /** The most lanes of one call. */
    public int lanes() {
        return lanes;
    }

    /**
     * Heap reals per lane that a twin made on this JVM holds: the chunk's gradient sums, the outputs, residuals,
     * losses and scratch of a block's rows, the loss sums, and on the Vector API path the copy of the points and
     * the logistic row function's block scratch.
     */
    public static long laneReals(int outputs, int dim) {
        final long rows = VectorLanes.ENABLED ? VECTOR_ROWS : ROWS;
        return dim + (2L * outputs + 4) * rows + 4 + (VectorLanes.ENABLED ? dim + 3L * rows : 0);
    }

    /**
     * The loss f and its gradient g (data term only: means over the rows) of lanes {@code 0..n-1} over the training
     * rows at positions {@code first .. first+count-1} of {@code order} (row indices), or of the rows themselves when
     * {@code order} is null.
     *
     * @param x points, not modified
     * @param g modified: the gradient
     * @param f modified: the loss
     */
    public void valueGradient(double[][] x, double[][] g, double[] f, int n, int[] order, int first, int count) {
        final int dim = outputs * stride;
        for (int i = 0; i < dim; i++) {
            java.util.Arrays.fill(g[i], 0, n, 0);
        }
        java.util.Arrays.fill(totalF, 0, n, 0);
        transpose(x, n);
        for (int p0 = 0; p0 < count; p0 += KernelModel.ROW_CHUNK) {
            final int p1 = Math.min(count, p0 + KernelModel.ROW_CHUNK);
            for (int i = 0; i < dim; i++) {
                java.util.Arrays.fill(chunkG[i], 0, n, 0);
            }
            java.util.Arrays.fill(chunkF, 0, n, 0);
            for (int p = p0; p < p1; p += block) {
                final int rows = Math.min(block, p1 - p);
                for (int j = 0; j < rows; j++) {
                    final int row = order == null ? first + p + j : order[first + p + j];
                    rowIndex[j] = row;
                    target[j] = trainY[row];
                }
                forward(x, trainX, rows, n);
                rowLoss(rows, n);
                addLosses(chunkF, rows, n);
                backward(rows, n);
            }
            for (int i = 0; i < dim; i++) {
                final double[] gi = g[i];
                final double[] ci = chunkG[i];
                for (int l = 0; l < n; l++) {
                    gi[l] = gi[l] + ci[l];
                }
            }
            for (int l = 0; l < n; l++) {
                totalF[l] = totalF[l] + chunkF[l];
            }
        }
        final double rows = r(count);
        for (int i = 0; i < dim; i++) {
            final double[] gi = g[i];
            for (int l = 0; l < n; l++) {
                gi[l] = gi[l] / rows;
            }
        }
        for (int l = 0; l < n; l++) {
            f[l] = totalF[l] / rows;
        }
    }

    /**
     * The mean loss of lanes {@code 0..n-1} over every training row ({@code validation} false) or every validation
     * row, and for a classifier the number of rows whose class it predicts (the first class of the largest output;
     * for logistic regression class 1 where z > 0); 0 rows give NaN and 0.
     *
     * @param x       points, not modified
     * @param mean    modified: the mean loss
     * @param correct modified: rows predicted right (an integer, exact below 2^53 in fp64 and 2^24 in fp32)
     */
    public void evaluate(double[][] x, int n, boolean validation, double[] mean, double[] correct) {
        final double[] xs = validation ? validX : trainX;
        final double[] ys = validation ? validY : trainY;
        final int count = validation ? validRows : trainRows;
        java.util.Arrays.fill(totalF, 0, n, 0);
        java.util.Arrays.fill(totalC, 0, n, 0);
        transpose(x, n);
        for (int p0 = 0; p0 < count; p0 += KernelModel.ROW_CHUNK) {
            final int p1 = Math.min(count, p0 + KernelModel.ROW_CHUNK);
            java.util.Arrays.fill(chunkF, 0, n, 0);
            java.util.Arrays.fill(chunkC, 0, n, 0);
            for (int p = p0; p < p1; p += block) {
                final int rows = Math.min(block, p1 - p);
                for (int j = 0; j < rows; j++) {
                    rowIndex[j] = p + j;
                    target[j] = ys[p + j];
                }
                forward(x, xs, rows, n);
                rowLoss(rows, n);
                addLosses(chunkF, rows, n);
                if (model.classifies()) {
                    rowCorrect(rows, n);
                    for (int j = 0; j < rows; j++) {
                        final double[] cj = t3[j];
                        for (int l = 0; l < n; l++) {
                            chunkC[l] = chunkC[l] + cj[l];
                        }
                    }
                }
            }
            for (int l = 0; l < n; l++) {
                totalF[l] = totalF[l] + chunkF[l];
                totalC[l] = totalC[l] + chunkC[l];
            }
        }
        final double rows = r(count);
        for (int l = 0; l < n; l++) {
            mean[l] = totalF[l] / rows;
            correct[l] = totalC[l];
        }
    }

    /** Adds the losses of the block's rows to {@code sum}, row after row. */
    private void addLosses(double[] sum, int rows, int n) {
        for (int j = 0; j < rows; j++) {
            final double[] lj = loss[j];
            for (int l = 0; l < n; l++) {
                sum[l] = sum[l] + lj[l];
            }
        }
    }

    /** Vector path: lanes 0..n-1 of the points into {@link #wt}. */
    private void transpose(double[][] x, int n) {
        if (!vector) {
            return;
        }
        for (int i = 0; i < outputs * stride; i++) {
            System.arraycopy(x[i], 0, wt, i * width, n);
        }
    }

    /**
     * z[c][j][l] = fma over increasing k of x_jk * w_ck from 0, plus b_c: the outputs of the block's rows (the rows
     * of {@code xs} at rowIndex).
     */
    private void forward(double[][] w, double[] xs, int rows, int n) {
        if (vector) {
            for (int j = 0; j < rows; j++) {
                System.arraycopy(xs, rowIndex[j] * features, xb, j * features, features);
            }
            final int np = DataVector64.padded(n);
            for (int c = 0; c < outputs; c++) {
                DataVector64.forward(xb, features, intercept, wt, c * stride, width, z[c], rows, np);
            }
            return;
        }
        for (int c = 0; c < outputs; c++) {
            final int o = c * stride;
            final double[][] zc = z[c];
            if (rows == ROWS) {
                forwardBlock(w, xs, zc, o, n);
            } else {
                for (int j = 0; j < rows; j++) {
                    forwardRow(w, xs, rowIndex[j] * features, zc[j], o, n);
                }
            }
            if (intercept) {
                final double[] b = w[o + features];
                for (int j = 0; j < rows; j++) {
                    final double[] zj = zc[j];
                    for (int l = 0; l < n; l++) {
                        zj[l] = zj[l] + b[l];
                    }
                }
            }
        }
    }

    /**
     * The fma chains of the ROWS rows of a full block into zc, two coordinates a lane pass, so that each load of w
     * feeds every row (a larger lane pass would pass the JIT's limit for unrolling, so not vectorize).
     */
    private void forwardBlock(double[][] w, double[] xs, double[][] zc, int o, int n) {
        final int b0 = rowIndex[0] * features;
        final int b1 = rowIndex[1] * features;
        final int b2 = rowIndex[2] * features;
        final int b3 = rowIndex[3] * features;
        final double[] z0 = zc[0];
        final double[] z1 = zc[1];
        final double[] z2 = zc[2];
        final double[] z3 = zc[3];
        java.util.Arrays.fill(z0, 0, n, 0);
        java.util.Arrays.fill(z1, 0, n, 0);
        java.util.Arrays.fill(z2, 0, n, 0);
        java.util.Arrays.fill(z3, 0, n, 0);
        int k = 0;
        for (; k + 2 <= features; k += 2) {
            final double x00 = xs[b0 + k];
            final double x01 = xs[b0 + k + 1];
            final double x10 = xs[b1 + k];
            final double x11 = xs[b1 + k + 1];
            final double x20 = xs[b2 + k];
            final double x21 = xs[b2 + k + 1];
            final double x30 = xs[b3 + k];
            final double x31 = xs[b3 + k + 1];
            final double[] w0 = w[o + k];
            final double[] w1 = w[o + k + 1];
            for (int l = 0; l < n; l++) {
                final double v0 = w0[l];
                final double v1 = w1[l];
                z0[l] = fma(x01, v1, fma(x00, v0, z0[l]));
                z1[l] = fma(x11, v1, fma(x10, v0, z1[l]));
                z2[l] = fma(x21, v1, fma(x20, v0, z2[l]));
                z3[l] = fma(x31, v1, fma(x30, v0, z3[l]));
            }
        }
        if (k < features) {
            final double x0 = xs[b0 + k];
            final double x1 = xs[b1 + k];
            final double x2 = xs[b2 + k];
            final double x3 = xs[b3 + k];
            final double[] wk = w[o + k];
            for (int l = 0; l < n; l++) {
                final double v = wk[l];
                z0[l] = fma(x0, v, z0[l]);
                z1[l] = fma(x1, v, z1[l]);
                z2[l] = fma(x2, v, z2[l]);
                z3[l] = fma(x3, v, z3[l]);
            }
        }
    }

    /** The fma chain of one row (at {@code base} of xs) into zj. */
    private void forwardRow(double[][] w, double[] xs, int base, double[] zj, int o, int n) {
        java.util.Arrays.fill(zj, 0, n, 0);
        int k = 0;
        for (; k + 4 <= features; k += 4) {
            final double x0 = xs[base + k];
            final double x1 = xs[base + k + 1];
            final double x2 = xs[base + k + 2];
            final double x3 = xs[base + k + 3];
            final double[] w0 = w[o + k];
            final double[] w1 = w[o + k + 1];
            final double[] w2 = w[o + k + 2];
            final double[] w3 = w[o + k + 3];
            for (int l = 0; l < n; l++) {
                zj[l] = fma(x3, w3[l], fma(x2, w2[l], fma(x1, w1[l], fma(x0, w0[l], zj[l]))));
            }
        }
        for (; k < features; k++) {
            final double xk = xs[base + k];
            final double[] wk = w[o + k];
            for (int l = 0; l < n; l++) {
                zj[l] = fma(xk, wk[l], zj[l]);
            }
        }
    }

    /**
     * The row function of the model at the block's z with the block's targets: residuals into res, losses into
     * loss.
     */
    private void rowLoss(int rows, int n) {
        switch (model) {
            case LINEAR -> {
                for (int j = 0; j < rows; j++) {
                    final double y = target[j];
                    final double[] z0 = z[0][j];
                    final double[] r0 = res[0][j];
                    final double[] out = loss[j];
                    for (int l = 0; l < n; l++) {
                        final double e = z0[l] - y;
                        r0[l] = e;
                        out[l] = c(0.5) * (e * e);
                    }
                }
            }
            case LOGISTIC -> {
                if (vector) {
                    DataVector64.logistic(z[0], target, rows, DataVector64.padded(n), blockA, blockE, blockLog, math,
                            res[0], loss);
                    return;
                }
                // Branch-free, so that the lane loop vectorizes, with the bits of the plain form
                //   loss = (max(z, 0) + log(1 + t)) - y z,  r = (z >= 0 ? 1 / (1 + t) : t / (1 + t)) - y,  t = exp(-|z|):
                // maximum(z, 0) gives +0 where max gives -0 (z = -0), which log(1 + 1) > 0 absorbs; the numerator
                // max(t, up) is t for z <= -0 (up = 0), 1 for z >= 2^-180 (up = 1 >= t) and for 0 <= z < 2^-180,
                // where t rounds to 1 (so is t at z = +-0, where both forms have 1).
                for (int j = 0; j < rows; j++) {
                    final double y = target[j];
                    final double[] z0 = z[0][j];
                    final double[] r0 = res[0][j];
                    final double[] out = loss[j];
                    final double[] e = t1[j];
                    final double[] lg = t2[j];
                    final double[] a = t3[j];
                    for (int l = 0; l < n; l++) {
                        a[l] = -abs(z0[l]);
                    }
                    math.exp(a, e, n);
                    for (int l = 0; l < n; l++) {
                        a[l] = 1 + e[l];
                    }
                    math.log(a, lg, n);
                    for (int l = 0; l < n; l++) {
                        final double zl = z0[l];
                        final double t = e[l];
                        out[l] = (maximum(zl, 0) + lg[l]) - y * zl;
                        final double up = minimum(maximum(zl * c(0x1p60) * c(0x1p60) * c(0x1p60), 0), 1);
                        r0[l] = maximum(t, up) / (1 + t) - y;
                    }
                }
            }
            case SOFTMAX -> {
                for (int j = 0; j < rows; j++) {
                    final int label = (int) target[j];
                    final double[] top = t1[j];
                    final double[] sum = t2[j];
                    final double[] a = t3[j];
                    System.arraycopy(z[0][j], 0, top, 0, n);
                    for (int c = 1; c < outputs; c++) {
                        final double[] zc = z[c][j];
                        for (int l = 0; l < n; l++) {
                            top[l] = max(top[l], zc[l]);
                        }
                    }
                    java.util.Arrays.fill(sum, 0, n, 0);
                    for (int c = 0; c < outputs; c++) {
                        final double[] zc = z[c][j];
                        final double[] rc = res[c][j];
                        for (int l = 0; l < n; l++) {
                            a[l] = zc[l] - top[l];
                        }
                        math.exp(a, rc, n);
                        for (int l = 0; l < n; l++) {
                            sum[l] = sum[l] + rc[l];
                        }
                    }
                    math.log(sum, a, n);
                    final double[] zy = z[label][j];
                    final double[] out = loss[j];
                    for (int l = 0; l < n; l++) {
                        out[l] = (top[l] + a[l]) - zy[l];
                    }
                    for (int c = 0; c < outputs; c++) {
                        final double[] rc = res[c][j];
                        final double hit = c == label ? 1 : 0;
                        for (int l = 0; l < n; l++) {
                            rc[l] = rc[l] / sum[l] - hit;
                        }
                    }
                }
            }
        }
    }

    /** t3[j][l] = 1 where the model predicts the class of the block's row j at z, else 0. */
    private void rowCorrect(int rows, int n) {
        for (int j = 0; j < rows; j++) {
            final double[] out = t3[j];
            if (model == KernelModel.LOGISTIC) {
                final double[] z0 = z[0][j];
                final double want = target[j];
                for (int l = 0; l < n; l++) {
                    out[l] = (z0[l] > 0 ? 1 : 0) == want ? 1 : 0;
                }
                continue;
            }
            final double[] top = t2[j];
            System.arraycopy(z[0][j], 0, top, 0, n);
            for (int c = 1; c < outputs; c++) {
                final double[] zc = z[c][j];
                for (int l = 0; l < n; l++) {
                    top[l] = max(top[l], zc[l]);
                }
            }
            final int label = (int) target[j];
            for (int l = 0; l < n; l++) {
                int predicted = -1;
                for (int c = 0; c < outputs; c++) {
                    if (predicted < 0 && z[c][j][l] == top[l]) {
                        predicted = c;
                    }
                }
                out[l] = predicted == label ? 1 : 0;
            }
        }
    }

    /**
     * Adds the residuals of the block's rows times their x (and 1 for the intercept) to the chunk's gradient sums,
     * row after row: {@code acc = fma(r_j, x_jk, acc)} for j = 0, 1, ...
     */
    private void backward(int rows, int n) {
        if (vector) {
            final int np = DataVector64.padded(n);
            for (int c = 0; c < outputs; c++) {
                DataVector64.backward(xb, features, intercept, res[c], rows, chunkG, c * stride, np);
            }
            return;
        }
        for (int c = 0; c < outputs; c++) {
            final int o = c * stride;
            final double[][] rc = res[c];
            if (rows == ROWS) {
                final double[] r0 = rc[0];
                final double[] r1 = rc[1];
                final double[] r2 = rc[2];
                final double[] r3 = rc[3];
                final int b0 = rowIndex[0] * features;
                final int b1 = rowIndex[1] * features;
                final int b2 = rowIndex[2] * features;
                final int b3 = rowIndex[3] * features;
                for (int k = 0; k < features; k++) {
                    final double x0 = trainX[b0 + k];
                    final double x1 = trainX[b1 + k];
                    final double x2 = trainX[b2 + k];
                    final double x3 = trainX[b3 + k];
                    final double[] gk = chunkG[o + k];
                    for (int l = 0; l < n; l++) {
                        gk[l] = fma(r3[l], x3, fma(r2[l], x2, fma(r1[l], x1, fma(r0[l], x0, gk[l]))));
                    }
                }
                if (intercept) {
                    final double[] gb = chunkG[o + features];
                    for (int l = 0; l < n; l++) {
                        gb[l] = (((gb[l] + r0[l]) + r1[l]) + r2[l]) + r3[l];
                    }
                }
                continue;
            }
            for (int j = 0; j < rows; j++) {
                final double[] rj = rc[j];
                final int bj = rowIndex[j] * features;
                for (int k = 0; k < features; k++) {
                    final double xk = trainX[bj + k];
                    final double[] gk = chunkG[o + k];
                    for (int l = 0; l < n; l++) {
                        gk[l] = fma(rj[l], xk, gk[l]);
                    }
                }
                if (intercept) {
                    final double[] gb = chunkG[o + features];
                    for (int l = 0; l < n; l++) {
                        gb[l] = gb[l] + rj[l];
                    }
                }
            }
        }
    }
}
