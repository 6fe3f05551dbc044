package org.batchopt.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.batchopt.BackendException;
import org.batchopt.MathMode;
import org.batchopt.Precision;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cuBLAS binding ({@link Cublas}) against a stand-in libcublas.so.13 (src/test/resources/fakecublas/libcublas.c,
 * compiled here with the C compiler; a naive column-major gemm over host memory): the library search and its
 * message, column-major semantics with both transposes, leading dimensions larger than the rows, beta 0 over garbage
 * and beta 1 accumulating, fp32 and fp64, the stream and math mode set on the handle (TF32 only when asked), and
 * cuBLAS's statuses as messages. Skipped, with the reason, without a C compiler.
 */
class CublasTest {
    @TempDir
    static Path dir;
    static Path library;
    static Fake fake;

    /** The stand-in's own functions: its call log and a switch that makes cublasCreate_v2 fail. */
    interface Fake extends Library {
        String fake_cublas_log();

        void fake_cublas_clear_log();

        void fake_cublas_fail_create(int on);
    }

    @BeforeAll
    static void buildTheStandIn() throws IOException, InterruptedException {
        library = build(dir);
        fake = Native.load(library.toString(), Fake.class);
    }

    /** Compiles the stand-in libcublas.so.13 into {@code folder}; skips the test without a C compiler. */
    static Path build(Path folder) throws IOException, InterruptedException {
        String cc = FakeDriverTest.onPath("cc", "gcc");
        Assumptions.assumeTrue(cc != null, "no C compiler (cc, gcc) on the PATH to build the stand-in libcublas");
        Path source = folder.resolve("libcublas.c");
        if (!Files.exists(source)) {
            try (InputStream in = CublasTest.class.getResourceAsStream("/fakecublas/libcublas.c")) {
                Files.copy(in, source);
            }
        }
        Path out = folder.resolve("libcublas.so.13");
        Process p = new ProcessBuilder(cc, "-shared", "-fPIC", "-o", out.toString(), source.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(p.waitFor() == 0, "the stand-in libcublas did not build: " + log);
        return out;
    }

    @BeforeEach
    void clearLog() {
        fake.fake_cublas_clear_log();
        fake.fake_cublas_fail_create(0);
    }

    static Cublas cublas() {
        return Cublas.load(List.of(library.toString()));
    }

    @Test
    void theSearchTriesCuda13FirstAndNamesEveryPlace() {
        List<String> c = Cublas.candidates(null, null, null, null);
        assertEquals("cublas", c.get(0));
        assertEquals("libcublas.so.13", c.get(1));
        assertTrue(c.contains("/usr/local/cuda/targets/x86_64-linux/lib/libcublas.so.13"), c.toString());
        assertTrue(c.indexOf("libcublas.so.13") < c.indexOf("libcublas.so.12")
                && c.indexOf("libcublas.so.12") < c.indexOf("libcublas.so.11"), c.toString());
        assertTrue(Cublas.candidates(null, null, "/opt/cuda", null).contains("/opt/cuda/lib64/libcublas.so.12"));
        assertEquals(List.of("/x/libcublas.so"), Cublas.candidates(" /x/libcublas.so ", "/y", null, null));
        assertEquals(List.of("/y"), Cublas.candidates(null, "/y", null, null));
        BackendException e = assertThrows(BackendException.class,
                () -> Cublas.load(List.of("/nowhere/libcublas.so.13", dir.resolve("libcuda.c").toString())));
        assertEquals(BackendException.Code.UNAVAILABLE, e.code());
        assertTrue(e.getMessage().startsWith("cuBLAS (libcublas, needed by math fast) not found; set -D"
                + Cublas.PROPERTY + " or " + Cublas.ENV + " to its path. Tried: /nowhere/libcublas.so.13 (no such "
                + "file); "), e.getMessage());
        assertEquals("13.0.7", cublas().version());
        assertEquals(library.toString(), cublas().library());
    }

    @Test
    void theHandleTakesTheStreamAndTheMathAskedFor() {
        Cublas c = cublas();
        try (Memory stream = new Memory(8); Cublas.Handle h = c.open(Pointer.nativeValue(stream), MathMode.FAST, "t")) {
            h.close();
            h.close();
        }
        try (Cublas.Handle h = c.open(0, MathMode.FAST_TF32, "t")) {
            assertTrue(h != null);
        }
        assertEquals("create\nstream set\nmath 0\ndestroy\ncreate\nstream 0\nmath 3\ndestroy\n",
                fake.fake_cublas_log());
        fake.fake_cublas_fail_create(1);
        BackendException e = assertThrows(BackendException.class, () -> c.open(0, MathMode.FAST, "cuda:0"));
        assertEquals(BackendException.Code.DEVICE_ERROR, e.code());
        assertEquals("cuda:0: cublasCreate_v2 (cuBLAS 13.0.7, " + library + "): CUBLAS_STATUS_NOT_INITIALIZED",
                e.getMessage());
    }

    /** A column-major matrix in native memory, with a leading dimension beyond its rows filled with NaN. */
    record Matrix(Memory memory, double[] values, int rows, int cols, int ld, Precision precision) {
        static Matrix random(int rows, int cols, int ld, Precision p, Random r) {
            double[] v = new double[ld * cols];
            java.util.Arrays.fill(v, Double.NaN);
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < rows; i++) {
                    double x = r.nextInt(17) - 8 + r.nextInt(4) * 0.25;
                    v[i + j * ld] = x;
                }
            }
            Matrix m = new Matrix(new Memory((long) v.length * p.bytes()), v, rows, cols, ld, p);
            m.store();
            return m;
        }

        void store() {
            for (int i = 0; i < values.length; i++) {
                if (precision == Precision.FP64) {
                    memory.setDouble(8L * i, values[i]);
                } else {
                    memory.setFloat(4L * i, (float) values[i]);
                }
            }
        }

        double at(int i, int j) {
            long e = i + (long) j * ld;
            return precision == Precision.FP64 ? memory.getDouble(8 * e) : memory.getFloat(4 * e);
        }

        long address() {
            return Pointer.nativeValue(memory);
        }
    }

    @Test
    void gemmIsColumnMajorWithTransposesLeadingDimensionsAndBeta() {
        Cublas c = cublas();
        Random r = new Random(11);
        int m = 5;
        int n = 3;
        int k = 4;
        for (Precision p : Precision.values()) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    Matrix a = ta ? Matrix.random(k, m, k + 2, p, r) : Matrix.random(m, k, m + 1, p, r);
                    Matrix b = tb ? Matrix.random(n, k, n + 3, p, r) : Matrix.random(k, n, k, p, r);
                    Matrix out = Matrix.random(m, n, m + 2, p, r);
                    double[] before = new double[m * n];
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            before[i + j * m] = out.at(i, j);
                        }
                    }
                    for (double beta : new double[] {1, 0}) {
                        try (Cublas.Handle h = c.open(0, MathMode.FAST, "t")) {
                            h.gemm(p, ta, tb, m, n, k, a.address(), a.ld(), b.address(), b.ld(), beta, out.address(),
                                    out.ld());
                        }
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                double s = 0;
                                for (int l = 0; l < k; l++) {
                                    s += (ta ? a.at(l, i) : a.at(i, l)) * (tb ? b.at(j, l) : b.at(l, j));
                                }
                                double expected = beta == 1 ? before[i + j * m] + s : s;
                                assertEquals(expected, out.at(i, j), 0, p + " " + ta + tb + " beta " + beta + " (" + i
                                        + ", " + j + ")");
                            }
                        }
                        // beta 0 overwrites: NaN in C does not survive.
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                before[i + j * m] = out.at(i, j);
                            }
                        }
                    }
                    double pad = out.at(m, 0);
                    assertTrue(Double.isNaN(pad), "the rows beyond m in C's leading dimension are not touched");
                }
            }
        }
        String log = fake.fake_cublas_log();
        assertTrue(log.contains("sgemm TN m=5 n=3 k=4 lda=6 ldb=4 ldc=7 beta=1 math=0\n"), log);
        assertTrue(log.contains("dgemm NT m=5 n=3 k=4 lda=6 ldb=6 ldc=7 beta=0 math=0\n"), log);
    }

    @Test
    void aLeadingDimensionBelowTheRowsIsCublasInvalidValue() {
        Cublas c = cublas();
        try (Memory a = new Memory(64); Cublas.Handle h = c.open(0, MathMode.FAST, "cuda:0")) {
            long p = Pointer.nativeValue(a);
            BackendException e = assertThrows(BackendException.class,
                    () -> h.gemm(Precision.FP32, false, true, 4, 2, 1, p, 4, p, 2, 0, p, 3));
            assertEquals(BackendException.Code.DEVICE_ERROR, e.code());
            assertEquals("cuda:0: cublasSgemm_v2(N, T, m=4, n=2, k=1, lda=4, ldb=2, ldc=3) (cuBLAS 13.0.7, " + library
                    + "): CUBLAS_STATUS_INVALID_VALUE", e.getMessage());
            h.close();
            assertThrows(IllegalStateException.class,
                    () -> h.gemm(Precision.FP32, false, false, 1, 1, 1, p, 1, p, 1, 0, p, 1));
        }
    }
}
