package org.batchopt.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batched twins' two paths give the same bits: DataTwin64 and the generated DataTwin32 with the products as
 * {@link DataVector64}'s Vector API kernels (blocks of 32 rows, 4 rows or coordinates by 2 vectors in registers,
 * lanes padded to 2 vectors) against the plain loops (blocks of 4 rows), for the loss, the gradient and both
 * evaluations. Shapes a blocking or padding bug would trip on: 1 to 257 lanes (around 1 and 2 vectors of either
 * precision, fewer than the twin holds too), row counts that are no multiple of 32 or 4 and span 256-row chunks,
 * 1/5/6/7/8/64 features (no multiple of 4, and 1), minibatches in a permuted order, no intercept, softmax with 3
 * classes; a second call with fewer lanes (members that stopped) after the first left the padding lanes full; lanes
 * past n of the caller's arrays stay as they were. DataTwinBlockingTest checks the path this JVM runs against a
 * member-by-member evaluation.
 */
class DataTwinVectorTest {
    private record Case(KernelModel model, int features, boolean intercept, int rows, int lanes, int n,
                        boolean minibatch) {
        int outputs() {
            return model == KernelModel.SOFTMAX ? 3 : 1;
        }

        int dim() {
            return outputs() * (features + (intercept ? 1 : 0));
        }

        @Override
        public String toString() {
            return model + " F=" + features + (intercept ? "" : " no intercept") + " rows=" + rows + " lanes " + n
                    + "/" + lanes + (minibatch ? " minibatch" : "");
        }
    }

    @BeforeAll
    static void theVectorApiIsThere() {
        assumeTrue(ModuleLayer.boot().findModule(VectorLanes.MODULE).isPresent(),
                "the JVM runs without " + VectorLanes.MODULE);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int[][] shapes = {{601, 64}, {263, 7}, {300, 1}, {45, 5}, {516, 8}, {3, 6}};
        int[] lanes = {1, 2, 7, 15, 16, 17, 31, 33, 64, 100, 255, 257};
        int i = 0;
        for (KernelModel model : KernelModel.values()) {
            for (int[] shape : shapes) {
                for (boolean intercept : new boolean[] {true, false}) {
                    int l = lanes[i % lanes.length];
                    int n = i % 3 == 0 ? Math.max(1, l - 2) : l;
                    out.add(Arguments.of(new Case(model, shape[1], intercept, shape[0], l, n, i % 2 == 1)));
                    i++;
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theVectorKernelsGiveTheBitsOfThePlainLoops(Case t) {
        Random rnd = new Random(t.toString().hashCode());
        float[] x = gaussian(rnd, t.rows() * t.features());
        float[] y = targets(t, rnd, t.rows());
        int validRows = 1 + t.rows() / 3;
        float[] vx = gaussian(rnd, validRows * t.features());
        float[] vy = targets(t, rnd, validRows);
        float[][] w = new float[t.dim()][t.lanes()];
        for (int l = 0; l < t.lanes(); l++) {
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
            RowOrder.permutation(5, 1, t.rows(), order);
            first = t.rows() / 7;
            count = Math.max(1, t.rows() - first - 2);
        }
        double[][] w64 = new double[t.dim()][];
        for (int i = 0; i < t.dim(); i++) {
            w64[i] = widen(w[i]);
        }
        DataTwin64[] twins64 = new DataTwin64[2];
        DataTwin32[] twins32 = new DataTwin32[2];
        for (int v = 0; v < 2; v++) {
            twins64[v] = new DataTwin64(t.model(), t.features(), t.outputs(), t.intercept(), widen(x), widen(y),
                    widen(vx), widen(vy), t.lanes(), v == 1);
            twins32[v] = new DataTwin32(t.model(), t.features(), t.outputs(), t.intercept(), x, y, vx, vy, t.lanes(),
                    v == 1);
        }
        // every lane first, then n lanes: the second call finds the padding lanes full of the first one's values
        for (int n : new int[] {t.lanes(), t.n()}) {
            double[][] out = new double[2][];
            for (int v = 0; v < 2; v++) {
                out[v] = run64(twins64[v], t, w64, n, order, first, count);
            }
            assertSameBits(out[0], out[1], "fp64 " + n + " lanes");
            for (int v = 0; v < 2; v++) {
                out[v] = run32(twins32[v], t, w, n, order, first, count);
            }
            assertSameBits(out[0], out[1], "fp32 " + n + " lanes");
        }
    }

    /**
     * The gradient, loss, both mean losses and rows predicted right of lanes 0..n-1, then lane n of each output
     * array, which the twin must leave as it was (NaN).
     */
    private static double[] run64(DataTwin64 twin, Case t, double[][] w, int n, int[] order, int first, int count) {
        int lanes = t.lanes() + 1;
        double[][] g = new double[t.dim()][lanes];
        double[] f = new double[lanes];
        double[][] mean = new double[2][lanes];
        double[][] correct = new double[2][lanes];
        for (double[] a : new double[][] {f, mean[0], mean[1], correct[0], correct[1]}) {
            java.util.Arrays.fill(a, Double.NaN);
        }
        for (double[] gi : g) {
            java.util.Arrays.fill(gi, Double.NaN);
        }
        twin.valueGradient(w, g, f, n, order, first, count);
        for (int v = 0; v < 2; v++) {
            twin.evaluate(w, n, v == 1, mean[v], correct[v]);
        }
        List<double[]> all = new ArrayList<>(List.of(g));
        all.addAll(List.of(f, mean[0], mean[1], correct[0], correct[1]));
        return flatten(all, n);
    }

    private static double[] run32(DataTwin32 twin, Case t, float[][] w, int n, int[] order, int first, int count) {
        int lanes = t.lanes() + 1;
        float[][] g = new float[t.dim()][lanes];
        float[] f = new float[lanes];
        float[][] mean = new float[2][lanes];
        float[][] correct = new float[2][lanes];
        for (float[] a : new float[][] {f, mean[0], mean[1], correct[0], correct[1]}) {
            java.util.Arrays.fill(a, Float.NaN);
        }
        for (float[] gi : g) {
            java.util.Arrays.fill(gi, Float.NaN);
        }
        twin.valueGradient(w, g, f, n, order, first, count);
        for (int v = 0; v < 2; v++) {
            twin.evaluate(w, n, v == 1, mean[v], correct[v]);
        }
        List<double[]> all = new ArrayList<>();
        for (float[] gi : g) {
            all.add(widen(gi));
        }
        for (float[] a : new float[][] {f, mean[0], mean[1], correct[0], correct[1]}) {
            all.add(widen(a));
        }
        return flatten(all, n);
    }

    /** Lanes 0..n of each array, one after another. */
    private static double[] flatten(List<double[]> arrays, int n) {
        double[] out = new double[arrays.size() * (n + 1)];
        for (int a = 0; a < arrays.size(); a++) {
            System.arraycopy(arrays.get(a), 0, out, a * (n + 1), n + 1);
        }
        return out;
    }

    private static void assertSameBits(double[] plain, double[] vector, String what) {
        for (int i = 0; i < plain.length; i++) {
            assertEquals(Double.doubleToRawLongBits(plain[i]), Double.doubleToRawLongBits(vector[i]),
                    what + ": value " + i + " is " + vector[i] + " on the vector path, " + plain[i] + " on the plain");
        }
    }

    private static float[] gaussian(Random rnd, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) rnd.nextGaussian();
        }
        return out;
    }

    /** Targets of the case's model: numbers, 0/1 labels, or classes 0..2. */
    private static float[] targets(Case t, Random rnd, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (t.model()) {
                case LINEAR -> (float) rnd.nextGaussian();
                case LOGISTIC -> rnd.nextInt(2);
                case SOFTMAX -> rnd.nextInt(t.outputs());
            };
        }
        return out;
    }

    private static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
