package org.batchopt.kernel;

import static org.batchopt.kernel.Math64.abs;
import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.exp;
import static org.batchopt.kernel.Math64.fma;
import static org.batchopt.kernel.Math64.log;
import static org.batchopt.kernel.Math64.max;
import static org.batchopt.kernel.Math64.r;

/**
 * fp64 twin of {@code kernels/data.cl}: a model's loss and gradient for the lanes of a tile at once, in the order
 * {@link KernelModel} fixes. Lane l is one member, its coordinate i at {@code x[i][l]}, so that the coordinates
 * of every member of the tile form the matrix {@code W^T} and a step is {@code Z = X W^T}, the row functions, then
 * {@code R^T X}, each lane loop innermost (the JIT vectorizes them). Holds its own scratch: one instance per thread.
 */
public final class DataTwin64 {
    /** Rows whose residuals one backward pass over the chunk accumulator applies. */
    private static final int ROWS = 4;

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

    /** z of the row being evaluated, per output: {@code z[c][l]}. */
    private final double[][] z;
    /** Residuals of the last ROWS rows, {@code res[j][c][l]}, and their losses {@code loss[j][l]}. */
    private final double[][][] res;
    private final double[][] loss;
    /** Per-lane scratch of the row functions. */
    private final double[] t1;
    private final double[] t2;
    /** The chunk's gradient and loss sums. */
    private final double[][] chunkG;
    private final double[] chunkF;
    private final double[] chunkC;
    private final double[] totalF;
    private final double[] totalC;
    private final int[] rowIndex = new int[ROWS];

    /**
     * @param validX validation rows, row-major, or null; not modified
     * @param lanes  the most lanes of one call
     */
    public DataTwin64(KernelModel model, int features, int outputs, boolean intercept, double[] trainX,
                      double[] trainY, double[] validX, double[] validY, int lanes) {
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
        z = new double[outputs][lanes];
        res = new double[ROWS][outputs][lanes];
        loss = new double[ROWS][lanes];
        t1 = new double[lanes];
        t2 = new double[lanes];
        chunkG = new double[outputs * stride][lanes];
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
        for (int p0 = 0; p0 < count; p0 += KernelModel.ROW_CHUNK) {
            final int p1 = Math.min(count, p0 + KernelModel.ROW_CHUNK);
            for (int i = 0; i < dim; i++) {
                java.util.Arrays.fill(chunkG[i], 0, n, 0);
            }
            java.util.Arrays.fill(chunkF, 0, n, 0);
            for (int p = p0; p < p1; p += ROWS) {
                final int rows = Math.min(ROWS, p1 - p);
                for (int j = 0; j < rows; j++) {
                    final int row = order == null ? first + p + j : order[first + p + j];
                    rowIndex[j] = row;
                    forward(x, trainX, row, n);
                    rowLoss(trainY[row], res[j], loss[j], n);
                    final double[] lj = loss[j];
                    for (int l = 0; l < n; l++) {
                        chunkF[l] = chunkF[l] + lj[l];
                    }
                }
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
        for (int p0 = 0; p0 < count; p0 += KernelModel.ROW_CHUNK) {
            final int p1 = Math.min(count, p0 + KernelModel.ROW_CHUNK);
            java.util.Arrays.fill(chunkF, 0, n, 0);
            java.util.Arrays.fill(chunkC, 0, n, 0);
            for (int row = p0; row < p1; row++) {
                forward(x, xs, row, n);
                rowLoss(ys[row], res[0], loss[0], n);
                final double[] l0 = loss[0];
                for (int l = 0; l < n; l++) {
                    chunkF[l] = chunkF[l] + l0[l];
                }
                if (model.classifies()) {
                    rowCorrect(ys[row], n);
                    for (int l = 0; l < n; l++) {
                        chunkC[l] = chunkC[l] + t1[l];
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

    /** z[c][l] = fma over increasing k of x_k * w_ck from 0, plus b_c: the outputs of one row. */
    private void forward(double[][] w, double[] xs, int row, int n) {
        final int base = row * features;
        for (int c = 0; c < outputs; c++) {
            final double[] zc = z[c];
            final int o = c * stride;
            java.util.Arrays.fill(zc, 0, n, 0);
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
                    zc[l] = fma(x3, w3[l], fma(x2, w2[l], fma(x1, w1[l], fma(x0, w0[l], zc[l]))));
                }
            }
            for (; k < features; k++) {
                final double xk = xs[base + k];
                final double[] wk = w[o + k];
                for (int l = 0; l < n; l++) {
                    zc[l] = fma(xk, wk[l], zc[l]);
                }
            }
            if (intercept) {
                final double[] b = w[o + features];
                for (int l = 0; l < n; l++) {
                    zc[l] = zc[l] + b[l];
                }
            }
        }
    }

    /** The row function of the model at z with target y: residuals into r[c][l], losses into out[l]. */
    private void rowLoss(double y, double[][] r, double[] out, int n) {
        switch (model) {
            case LINEAR -> {
                final double[] z0 = z[0];
                final double[] r0 = r[0];
                for (int l = 0; l < n; l++) {
                    final double e = z0[l] - y;
                    r0[l] = e;
                    out[l] = c(0.5) * (e * e);
                }
            }
            case LOGISTIC -> {
                final double[] z0 = z[0];
                final double[] r0 = r[0];
                for (int l = 0; l < n; l++) {
                    t1[l] = exp(-abs(z0[l]));
                }
                for (int l = 0; l < n; l++) {
                    t2[l] = log(1 + t1[l]);
                }
                for (int l = 0; l < n; l++) {
                    final double zl = z0[l];
                    final double t = t1[l];
                    out[l] = (max(zl, 0) + t2[l]) - y * zl;
                    final double p = zl >= 0 ? 1 / (1 + t) : t / (1 + t);
                    r0[l] = p - y;
                }
            }
            case SOFTMAX -> {
                final int label = (int) y;
                System.arraycopy(z[0], 0, t1, 0, n);
                for (int c = 1; c < outputs; c++) {
                    final double[] zc = z[c];
                    for (int l = 0; l < n; l++) {
                        t1[l] = max(t1[l], zc[l]);
                    }
                }
                java.util.Arrays.fill(t2, 0, n, 0);
                for (int c = 0; c < outputs; c++) {
                    final double[] zc = z[c];
                    final double[] rc = r[c];
                    for (int l = 0; l < n; l++) {
                        rc[l] = exp(zc[l] - t1[l]);
                    }
                    for (int l = 0; l < n; l++) {
                        t2[l] = t2[l] + rc[l];
                    }
                }
                final double[] zy = z[label];
                for (int l = 0; l < n; l++) {
                    out[l] = (t1[l] + log(t2[l])) - zy[l];
                }
                for (int c = 0; c < outputs; c++) {
                    final double[] rc = r[c];
                    final double hit = c == label ? 1 : 0;
                    for (int l = 0; l < n; l++) {
                        rc[l] = rc[l] / t2[l] - hit;
                    }
                }
            }
        }
    }

    /** t1[l] = 1 where the model predicts class y at z, else 0. */
    private void rowCorrect(double y, int n) {
        if (model == KernelModel.LOGISTIC) {
            final double[] z0 = z[0];
            final double want = y;
            for (int l = 0; l < n; l++) {
                t1[l] = (z0[l] > 0 ? 1 : 0) == want ? 1 : 0;
            }
            return;
        }
        final int label = (int) y;
        System.arraycopy(z[0], 0, t2, 0, n);
        for (int c = 1; c < outputs; c++) {
            final double[] zc = z[c];
            for (int l = 0; l < n; l++) {
                t2[l] = max(t2[l], zc[l]);
            }
        }
        for (int l = 0; l < n; l++) {
            int predicted = -1;
            for (int c = 0; c < outputs; c++) {
                if (predicted < 0 && z[c][l] == t2[l]) {
                    predicted = c;
                }
            }
            t1[l] = predicted == label ? 1 : 0;
        }
    }

    /**
     * Adds the residuals of the last {@code rows} rows times their x (and 1 for the intercept) to the chunk's
     * gradient sums, row after row: {@code acc = fma(r_j, x_jk, acc)} for j = 0, 1, ...
     */
    private void backward(int rows, int n) {
        for (int c = 0; c < outputs; c++) {
            final int o = c * stride;
            final double[] r0 = res[0][c];
            final double[] r1 = res[1][c];
            final double[] r2 = res[2][c];
            final double[] r3 = res[3][c];
            if (rows == ROWS) {
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
                final double[] rj = res[j][c];
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
