package org.batchopt.backend.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.Backends;
import org.batchopt.MathMode;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.SharedBackends;
import org.batchopt.backend.KernelProgram;
import org.batchopt.backend.RunPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast branch of {@link DataLoop} end to end, with every kernel real (OpenCL on POCL) and the two products done
 * by {@link HostProducts}, a plain column-major gemm on the host that reads and writes the device buffers: the same
 * matrices, offsets, leading dimensions, transposes and betas cuBLAS gets on CUDA (the binding itself is tested
 * against a stand-in libcublas by {@code CublasTest}, the CUDA wiring by {@code FakeDriverTest}). The fits of
 * {@link FastFits} in fast math must come close to the CPU's strict fits (not bit for bit: the host gemm sums without
 * fma) for every model, with and without an intercept, full batch over two passes (beta 1 adds a pass to the one
 * before), minibatches (the gathered rows), validation rows; must launch neither tiled product kernel; and must pass
 * cuBLAS the matrices, offsets, leading dimensions and betas listed. Skipped, with the reason, where no
 * OpenCL device is found.
 */
class FastProductsTest {
    static DeviceBackend opencl;

    @BeforeAll
    static void openOpenCl() {
        String reason;
        try {
            Backend b = Backends.open("opencl");
            opencl = (DeviceBackend) b;
            return;
        } catch (BackendException | IllegalArgumentException e) {
            reason = e.getMessage();
        }
        Assumptions.abort("no OpenCL device for the fast products' kernels: " + reason);
    }

    @AfterAll
    static void close() {
        if (opencl != null) {
            opencl.close();
        }
    }

    /** A gemm call as the fast branch made it. */
    record Call(boolean transA, boolean transB, int m, int n, int k, long aOffset, int lda, long bOffset, int ldb,
                double beta, long cOffset, int ldc) {
        @Override
        public String toString() {
            return (transA ? "T" : "N") + (transB ? "T" : "N") + " " + m + "x" + n + "x" + k + " at " + aOffset + ","
                    + bOffset + "," + cOffset + " ld " + lda + "," + ldb + "," + ldc + " beta " + (int) beta;
        }
    }

    /**
     * An OpenCL backend whose fast products are {@link HostProducts}: every other call goes to the OpenCL backend
     * as is, and the kernels launched are logged.
     */
    static final class HostProducts extends DeviceBackend {
        private final DeviceBackend inner;
        private final Map<Buffer, Long> sizes = new IdentityHashMap<>();
        final List<Call> calls = new ArrayList<>();
        final List<String> kernels = new ArrayList<>();
        private Precision precision;

        HostProducts(DeviceBackend inner) {
            this.inner = inner;
        }

        @Override
        public String id() {
            return inner.id() + "+host-gemm";
        }

        @Override
        public String device() {
            return inner.device();
        }

        @Override
        public void requirePrecision(Precision p) {
            inner.requirePrecision(p);
        }

        @Override
        public void requirePlan(RunPlan plan) {
            inner.requirePlan(plan);
        }

        @Override
        public void requireMath(MathMode math) {
        }

        @Override
        public void close() {
            releaseDatasets();
        }

        @Override
        protected String preludeName() {
            return inner.preludeName();
        }

        @Override
        protected Built build(String text) {
            return inner.build(text);
        }

        @Override
        protected Buffer allocate(long bytes) {
            Buffer b = inner.allocate(bytes);
            sizes.put(b, bytes);
            return b;
        }

        @Override
        protected void free(Buffer buffer) {
            sizes.remove(buffer);
            inner.free(buffer);
        }

        @Override
        protected void write(Buffer dst, ByteBuffer src) {
            inner.write(dst, src);
        }

        @Override
        protected void read(Buffer src, ByteBuffer dst) {
            inner.read(src, dst);
        }

        @Override
        protected void launch(Built program, String kernel, long items, Precision p, Object... args) {
            kernels.add(kernel);
            inner.launch(program, kernel, items, p, args);
        }

        @Override
        protected void launchGroups(Built program, String kernel, long groups, int groupSize, Precision p,
                                    Object... args) {
            kernels.add(kernel);
            inner.launchGroups(program, kernel, groups, groupSize, p, args);
        }

        @Override
        protected void finish() {
            inner.finish();
        }

        @Override
        protected long memoryBudget() {
            return inner.memoryBudget();
        }

        @Override
        protected long maxAllocation() {
            return inner.maxAllocation();
        }

        @Override
        protected Products products(MathMode math, Precision p) {
            precision = p;
            return this::gemm;
        }

        private double[] values(Buffer b) {
            ByteBuffer h = host(sizes.get(b));
            inner.read(b, h);
            double[] v = new double[(int) (sizes.get(b) / precision.bytes())];
            for (int i = 0; i < v.length; i++) {
                v[i] = precision == Precision.FP64 ? h.getDouble(8 * i) : h.getFloat(4 * i);
            }
            return v;
        }

        private void gemm(boolean transA, boolean transB, int m, int n, int k, Buffer a, long aOffset, int lda,
                          Buffer b, long bOffset, int ldb, double beta, Buffer c, long cOffset, int ldc) {
            calls.add(new Call(transA, transB, m, n, k, aOffset, lda, bOffset, ldb, beta, cOffset, ldc));
            double[] av = values(a);
            double[] bv = values(b);
            double[] cv = values(c);
            boolean fp32 = precision == Precision.FP32;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    double s = 0;
                    for (int l = 0; l < k; l++) {
                        double x = av[(int) (aOffset + (transA ? l + (long) i * lda : i + (long) l * lda))];
                        double y = bv[(int) (bOffset + (transB ? j + (long) l * ldb : l + (long) j * ldb))];
                        s = fp32 ? (float) ((float) s + (float) (x * y)) : s + x * y;
                    }
                    int e = (int) (cOffset + i + (long) j * ldc);
                    cv[e] = beta == 0 ? s : fp32 ? (float) (cv[e] + s) : cv[e] + s;
                }
            }
            ByteBuffer h = host((long) cv.length * precision.bytes());
            for (int i = 0; i < cv.length; i++) {
                if (fp32) {
                    h.putFloat(4 * i, (float) cv[i]);
                } else {
                    h.putDouble(8 * i, cv[i]);
                }
            }
            inner.write(c, h);
            inner.finish();
        }
    }

    /** Fits strict on the CPU and fast through the host products; returns the products' calls. */
    static HostProducts compare(FastFits.Fit fit) {
        Result strict = fit.run(SharedBackends.cpu(), MathMode.STRICT);
        HostProducts fast = new HostProducts(opencl);
        try {
            FastFits.assertClose(strict, fit.run(fast, MathMode.FAST), fit.close(), fit.toString());
        } finally {
            fast.close();
        }
        assertFalse(fast.calls.isEmpty(), "the fast run made no products");
        assertFalse(fast.kernels.contains(KernelProgram.DATA_Z), fast.kernels.toString());
        assertFalse(fast.kernels.contains(KernelProgram.DATA_GRAD), fast.kernels.toString());
        return fast;
    }

    @Test
    void aFullBatchLinearFitOverTwoPassesComesCloseToTheStrictOne() {
        HostProducts fast = compare(FastFits.linearTwoPasses());
        // A step: Z and its intercept (column 3 of X times ones) for pass 1 (rows 0..8191) and pass 2 (rows 8192..8399,
        // from element 8192*3 of the rows), then the gradient's, with beta 0 in the first pass and 1 in the second.
        List<String> expected = List.of("NN 4x8192x3 at 0,0,0 ld 4,3,4 beta 0", "NN 4x8192x1 at 12,0,0 ld 4,1,4 beta 1",
                "NT 4x3x8192 at 0,0,0 ld 4,3,4 beta 0", "NN 4x1x8192 at 0,0,12 ld 4,8192,4 beta 0",
                "NN 4x208x3 at 0,24576,0 ld 4,3,4 beta 0", "NN 4x208x1 at 12,0,0 ld 4,1,4 beta 1",
                "NT 4x3x208 at 0,24576,0 ld 4,3,4 beta 1", "NN 4x1x208 at 0,0,12 ld 4,208,4 beta 1");
        assertEquals(expected, fast.calls.subList(0, 8).stream().map(Call::toString).toList());
        assertFalse(fast.kernels.contains(KernelProgram.DATA_GATHER), "full batches read the rows where they are");
    }

    @Test
    void minibatchLogisticFitsGatherTheirRowsAndComeClose() {
        HostProducts fast = compare(FastFits.logisticMinibatch());
        assertTrue(fast.kernels.contains(KernelProgram.DATA_GATHER), fast.kernels.toString());
        assertEquals("NN 2x400x4 at 0,0,0 ld 2,4,2 beta 0", fast.calls.get(0).toString(),
                "the first evaluation: every training row where it is");
        int firstStep = fast.calls.indexOf(fast.calls.stream().filter(c -> c.n() == 64).findFirst().orElseThrow());
        assertEquals("NN 2x64x4 at 0,0,0 ld 2,4,2 beta 0", fast.calls.get(firstStep).toString(),
                "a minibatch's rows from the start of the gathered rows");
    }

    @Test
    void softmaxFitsComeCloseWithAndWithoutAnIntercept() {
        for (boolean intercept : new boolean[] {true, false}) {
            HostProducts fast = compare(FastFits.softmax(intercept));
            // The first evaluation over the 300 training rows: each class's outputs from element c*nm with leading
            // dimension C*nm, its weights from column c*S of X (S = 4 with the intercept, 3 without).
            List<String> expected = intercept
                    ? List.of("NN 4x300x3 at 0,0,0 ld 4,3,12 beta 0", "NN 4x300x1 at 12,0,0 ld 4,1,12 beta 1",
                            "NN 4x300x3 at 16,0,4 ld 4,3,12 beta 0", "NN 4x300x1 at 28,0,4 ld 4,1,12 beta 1",
                            "NN 4x300x3 at 32,0,8 ld 4,3,12 beta 0", "NN 4x300x1 at 44,0,8 ld 4,1,12 beta 1")
                    : List.of("NN 4x300x3 at 0,0,0 ld 4,3,12 beta 0", "NN 4x300x3 at 12,0,4 ld 4,3,12 beta 0",
                            "NN 4x300x3 at 24,0,8 ld 4,3,12 beta 0");
            assertEquals(expected, fast.calls.subList(0, expected.size()).stream().map(Call::toString).toList());
        }
    }
}
