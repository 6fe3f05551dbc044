package org.batchopt.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The blocked batched twins (DataTwin64 and the generated DataTwin32: rows in blocks, several rows or coordinates
 * a lane pass, exp and log as lane loops, a branch-free logistic row function) give, bit for bit, what a
 * straightforward member-by-member evaluation in the order of {@link KernelModel}'s javadoc gives: each z an fma
 * chain over increasing k from 0, then + b; the plain row functions with the scalar exp and log; every sum over
 * rows in 256-row chunks, chunk sums added in chunk order. Shapes that a blocking bug would trip on: row counts
 * that are no multiple of the block and span chunks, feature counts that are no multiple of 4 (and 1), 1 to 257
 * lanes (fewer than the twin holds too), minibatches in a permuted order, softmax with 3 classes, no intercept,
 * members at zero (z = 0) and far out (large |z|).
 */
class DataTwinBlockingTest {
    /** The arithmetic of one precision on values held as doubles (fp32 values are exact in a double). */
    private interface Real {
        double round(double v);

        double fma(double a, double b, double c);

        double add(double a, double b);

        double sub(double a, double b);

        double mul(double a, double b);

        double div(double a, double b);

        double exp(double a);

        double log(double a);
    }

    private static final Real FP64 = new Real() {
        public double round(double v) {
            return v;
        }

        public double fma(double a, double b, double c) {
            return Math64.fma(a, b, c);
        }

        public double add(double a, double b) {
            return a + b;
        }

        public double sub(double a, double b) {
            return a - b;
        }

        public double mul(double a, double b) {
            return a * b;
        }

        public double div(double a, double b) {
            return a / b;
        }

        public double exp(double a) {
            return Math64.exp(a);
        }

        public double log(double a) {
            return Math64.log(a);
        }
    };

    private static final Real FP32 = new Real() {
        public double round(double v) {
            return (float) v;
        }

        public double fma(double a, double b, double c) {
            return Math32.fma((float) a, (float) b, (float) c);
        }

        public double add(double a, double b) {
            return (float) a + (float) b;
        }

        public double sub(double a, double b) {
            return (float) a - (float) b;
        }

        public double mul(double a, double b) {
            return (float) a * (float) b;
        }

        public double div(double a, double b) {
            return (float) a / (float) b;
        }

        public double exp(double a) {
            return Math32.exp((float) a);
        }

        public double log(double a) {
            return Math32.log((float) a);
        }
    };

    /** A dataset and a tile of points; every value is a float, so the same in both precisions. */
    private record Case(KernelModel model, int features, int outputs, boolean intercept, int rows, int lanes,
                        int n, boolean minibatch) {
        int stride() {
            return features + (intercept ? 1 : 0);
        }

        int dim() {
            return outputs * stride();
        }

        @Override
        public String toString() {
            return model + " F=" + features + " C=" + outputs + (intercept ? "" : " no intercept") + " rows=" + rows
                    + " lanes " + n + "/" + lanes + (minibatch ? " minibatch" : "");
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int[][] shapes = {{263, 7}, {300, 1}, {9, 5}, {516, 8}, {3, 6}};
        int[] lanes = {1, 3, 17, 128, 257};
        int i = 0;
        for (KernelModel model : KernelModel.values()) {
            for (int[] shape : shapes) {
                for (boolean intercept : new boolean[] {true, false}) {
                    int l = lanes[i % lanes.length];
                    int n = i % 3 == 0 ? Math.max(1, l - 2) : l;
                    boolean minibatch = i % 2 == 1;
                    int outputs = model == KernelModel.SOFTMAX ? 3 : 1;
                    out.add(Arguments.of(new Case(model, shape[1], outputs, intercept, shape[0], l, n, minibatch)));
                    i++;
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theBlockedTwinsGiveTheBitsOfAMemberByMemberEvaluation(Case t) {
        Random rnd = new Random(t.toString().hashCode());
        float[] x = new float[t.rows() * t.features()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        float[] y = new float[t.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = target(t, rnd);
        }
        int validRows = 1 + t.rows() / 3;
        float[] vx = new float[validRows * t.features()];
        for (int i = 0; i < vx.length; i++) {
            vx[i] = (float) rnd.nextGaussian();
        }
        float[] vy = new float[validRows];
        for (int i = 0; i < vy.length; i++) {
            vy[i] = target(t, rnd);
        }
        float[][] w = new float[t.dim()][t.lanes()];
        for (int l = 0; l < t.n(); l++) {
            // lane 0 at zero (z = 0 exactly), lane 1 far out (|z| in the tens to hundreds), the rest near the data
            double scale = l == 0 ? 0 : l == 1 ? 40 : 0.3;
            for (int i = 0; i < t.dim(); i++) {
                w[i][l] = (float) (scale * rnd.nextGaussian());
            }
        }
        int[] order = null;
        int first = 0;
        int count = t.rows();
        if (t.minibatch()) {
            order = new int[t.rows()];
            RowOrder.permutation(11, 2, t.rows(), order);
            first = t.rows() / 5;
            count = Math.max(1, t.rows() - first - 3);
        }
        check(t, FP64, x, y, vx, vy, w, order, first, count);
        check(t, FP32, x, y, vx, vy, w, order, first, count);
    }

    /** A target of the case's model: a number, a 0/1 label, or a class 0..C-1. */
    private static float target(Case t, Random rnd) {
        return switch (t.model()) {
            case LINEAR -> (float) rnd.nextGaussian();
            case LOGISTIC -> rnd.nextInt(2);
            case SOFTMAX -> rnd.nextInt(t.outputs());
        };
    }

    private static void check(Case t, Real real, float[] x, float[] y, float[] vx, float[] vy, float[][] w,
                              int[] order, int first, int count) {
        int n = t.n();
        double[][] g = new double[t.dim()][t.lanes()];
        double[] f = new double[t.lanes()];
        double[][] mean = new double[2][t.lanes()];
        double[][] correct = new double[2][t.lanes()];
        if (real == FP64) {
            DataTwin64 twin = new DataTwin64(t.model(), t.features(), t.outputs(), t.intercept(), widen(x), widen(y),
                    widen(vx), widen(vy), t.lanes());
            double[][] w64 = new double[t.dim()][];
            for (int i = 0; i < t.dim(); i++) {
                w64[i] = widen(w[i]);
            }
            twin.valueGradient(w64, g, f, n, order, first, count);
            for (int v = 0; v < 2; v++) {
                twin.evaluate(w64, n, v == 1, mean[v], correct[v]);
            }
        } else {
            DataTwin32 twin = new DataTwin32(t.model(), t.features(), t.outputs(), t.intercept(), x, y, vx, vy,
                    t.lanes());
            float[][] g32 = new float[t.dim()][t.lanes()];
            float[] f32 = new float[t.lanes()];
            twin.valueGradient(w, g32, f32, n, order, first, count);
            for (int i = 0; i < t.dim(); i++) {
                g[i] = widen(g32[i]);
            }
            f = widen(f32);
            for (int v = 0; v < 2; v++) {
                float[] m32 = new float[t.lanes()];
                float[] c32 = new float[t.lanes()];
                twin.evaluate(w, n, v == 1, m32, c32);
                mean[v] = widen(m32);
                correct[v] = widen(c32);
            }
        }
        String p = real == FP64 ? "fp64" : "fp32";
        for (int l = 0; l < n; l++) {
            double[] wl = new double[t.dim()];
            for (int i = 0; i < t.dim(); i++) {
                wl[i] = w[i][l];
            }
            double[] ref = reference(t, real, x, y, wl, order, first, count, t.rows(), true);
            for (int i = 0; i < t.dim(); i++) {
                assertBits(ref[i], g[i][l], p + " lane " + l + " gradient " + i);
            }
            assertBits(ref[t.dim()], f[l], p + " lane " + l + " loss");
            for (int v = 0; v < 2; v++) {
                double[] e = v == 0 ? reference(t, real, x, y, wl, null, 0, t.rows(), t.rows(), false)
                        : reference(t, real, vx, vy, wl, null, 0, vy.length, vy.length, false);
                assertBits(e[t.dim()], mean[v][l], p + " lane " + l + (v == 0 ? " training" : " validation")
                        + " loss");
                assertEquals(t.model().classifies() ? e[t.dim() + 1] : 0, correct[v][l],
                        p + " lane " + l + " rows predicted right");
            }
        }
    }

    /**
     * One member w over the rows {@code order[first .. first+count-1]} (or the rows themselves) of xs, ys in
     * KernelModel's order: the gradient (when {@code gradient}), then the mean loss, then the rows predicted right.
     */
    private static double[] reference(Case t, Real real, float[] xs, float[] ys, double[] w, int[] order, int first,
                                      int count, int rows, boolean gradient) {
        int dim = t.dim();
        int outputs = t.outputs();
        int stride = t.stride();
        double[] g = new double[dim];
        double total = 0;
        double right = 0;
        double[] z = new double[outputs];
        double[] r = new double[outputs];
        for (int p0 = 0; p0 < count; p0 += KernelModel.ROW_CHUNK) {
            double[] chunk = new double[dim];
            double chunkLoss = 0;
            double chunkRight = 0;
            for (int p = p0; p < Math.min(count, p0 + KernelModel.ROW_CHUNK); p++) {
                int row = order == null ? first + p : order[first + p];
                double y = ys[row];
                for (int c = 0; c < outputs; c++) {
                    double acc = 0;
                    for (int k = 0; k < t.features(); k++) {
                        acc = real.fma(xs[row * t.features() + k], w[c * stride + k], acc);
                    }
                    z[c] = t.intercept() ? real.add(acc, w[c * stride + t.features()]) : acc;
                }
                double loss;
                switch (t.model()) {
                    case LINEAR -> {
                        double e = real.sub(z[0], y);
                        r[0] = e;
                        loss = real.mul(0.5, real.mul(e, e));
                    }
                    case LOGISTIC -> {
                        double tt = real.exp(-Math.abs(z[0]));
                        double positive = 0 > z[0] ? 0 : z[0];
                        loss = real.sub(real.add(positive, real.log(real.add(1, tt))), real.mul(y, z[0]));
                        double q = z[0] >= 0 ? real.div(1, real.add(1, tt)) : real.div(tt, real.add(1, tt));
                        r[0] = real.sub(q, y);
                        chunkRight = chunkRight + ((z[0] > 0 ? 1 : 0) == y ? 1 : 0);
                    }
                    default -> {
                        int label = (int) y;
                        double top = z[0];
                        for (int c = 1; c < outputs; c++) {
                            top = z[c] > top ? z[c] : top;
                        }
                        double sum = 0;
                        for (int c = 0; c < outputs; c++) {
                            r[c] = real.exp(real.sub(z[c], top));
                            sum = real.add(sum, r[c]);
                        }
                        loss = real.sub(real.add(top, real.log(sum)), z[label]);
                        for (int c = 0; c < outputs; c++) {
                            r[c] = real.sub(real.div(r[c], sum), c == label ? 1 : 0);
                        }
                        int predicted = 0;
                        while (z[predicted] != top) {
                            predicted++;
                        }
                        chunkRight = chunkRight + (predicted == label ? 1 : 0);
                    }
                }
                chunkLoss = real.add(chunkLoss, loss);
                for (int c = 0; gradient && c < outputs; c++) {
                    for (int k = 0; k < t.features(); k++) {
                        chunk[c * stride + k] = real.fma(r[c], xs[row * t.features() + k], chunk[c * stride + k]);
                    }
                    if (t.intercept()) {
                        chunk[c * stride + t.features()] = real.add(chunk[c * stride + t.features()], r[c]);
                    }
                }
            }
            for (int i = 0; i < dim; i++) {
                g[i] = real.add(g[i], chunk[i]);
            }
            total = real.add(total, chunkLoss);
            right = right + chunkRight;
        }
        double[] out = new double[dim + 2];
        for (int i = 0; i < dim; i++) {
            out[i] = real.div(g[i], real.round(count));
        }
        out[dim] = real.div(total, real.round(count));
        out[dim + 1] = right;
        return out;
    }

    private static void assertBits(double expected, double actual, String what) {
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)
                && !(Double.isNaN(expected) && Double.isNaN(actual))) {
            assertEquals(expected, actual, 0.0, what + " differs in its bits");
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what
                    + " differs in the sign of zero");
        }
    }

    private static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
