package org.batchopt.backend.cuda;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import java.util.Map;
import org.batchopt.BackendException;
import org.batchopt.MathMode;
import org.batchopt.Precision;

/**
 * cuBLAS, CUDA's BLAS, bound through JNA by plain symbol names for the few calls the fast products of a model fitted
 * to a dataset need ({@link MathMode#FAST}): {@code cublasCreate_v2}, {@code cublasDestroy_v2},
 * {@code cublasSetStream_v2}, {@code cublasSetMathMode}, {@code cublasSgemm_v2}, {@code cublasDgemm_v2} and
 * {@code cublasGetProperty} (the version). JCublas is linked against one CUDA major version's library
 * ({@code libcublas.so.12}) and cannot load CUDA 13's, which is what the GPU machines have; this binding loads
 * whichever is installed, as {@link Nvrtc} does for NVRTC.
 *
 * <p>The library is looked for in this order, and the first that loads is used: the path in the system property
 * {@value #PROPERTY}, else in the environment variable {@value #ENV} (when one is given nothing else is tried);
 * else {@code cublas} resolved by JNA, then each of {@link #SONAMES}, newest first, on the loader path, in
 * {@code $CUDA_HOME/lib64}, {@code $CUDA_PATH/lib64} and each of {@link Nvrtc#FOLDERS}. When none loads,
 * {@link #find()} throws {@link BackendException.Code#UNAVAILABLE} naming every place tried.
 *
 * <p>Device memory and streams come from JCuda, whose objects keep their native value in a protected field of
 * {@code jcuda.NativePointerObject}; the CUDA backend allocates them as its own subclasses, which read it through
 * the protected {@code getNativePointer()} ({@code CudaBackend.DevicePointer}, {@code CudaBackend.Stream}), so no
 * reflection is needed and JCuda's own calls take them as they are. The addresses are passed here as {@code long}s.
 *
 * <p>Matrices are column-major, as in BLAS: element (i, j) of a matrix with leading dimension ld is at i + j*ld.
 * {@code alpha} is always 1 and passed from host memory (cuBLAS's default pointer mode).
 */
final class Cublas {
    /** System property naming the cuBLAS library file. */
    static final String PROPERTY = "batchopt.cublas";
    /** Environment variable naming the cuBLAS library file, when the property is not set. */
    static final String ENV = "BATCHOPT_CUBLAS";
    /** Versioned library names, newest first. */
    static final List<String> SONAMES = List.of("libcublas.so.13", "libcublas.so.12", "libcublas.so.11");

    /** {@code cublasOperation_t}: as is, transposed. */
    static final int OP_N = 0;
    static final int OP_T = 1;
    /** {@code cublasMath_t}: products in the precision of the data; fp32 products on TF32 tensor cores. */
    static final int DEFAULT_MATH = 0;
    static final int TF32_TENSOR_OP_MATH = 3;
    /** {@code libraryPropertyType}. */
    private static final int MAJOR_VERSION = 0;
    private static final int MINOR_VERSION = 1;
    private static final int PATCH_LEVEL = 2;

    /** {@code cublasStatus_t} names by value. */
    static final Map<Integer, String> STATUS = Map.of(0, "CUBLAS_STATUS_SUCCESS", 1, "CUBLAS_STATUS_NOT_INITIALIZED",
            3, "CUBLAS_STATUS_ALLOC_FAILED", 7, "CUBLAS_STATUS_INVALID_VALUE", 8, "CUBLAS_STATUS_ARCH_MISMATCH",
            11, "CUBLAS_STATUS_MAPPING_ERROR", 13, "CUBLAS_STATUS_EXECUTION_FAILED", 14,
            "CUBLAS_STATUS_INTERNAL_ERROR", 15, "CUBLAS_STATUS_NOT_SUPPORTED", 16, "CUBLAS_STATUS_LICENSE_ERROR");
    private static final int SUCCESS = 0;
    private static final int ALLOC_FAILED = 3;

    private static final FoundOnce<Cublas> FOUND = new FoundOnce<>(() -> load(candidates(System.getProperty(PROPERTY),
            System.getenv(ENV), System.getenv("CUDA_HOME"), System.getenv("CUDA_PATH"))));

    /** The C functions used, by their unversioned names. */
    interface Api extends Library {
        int cublasGetProperty(int type, IntByReference value);

        int cublasCreate_v2(PointerByReference handle);

        int cublasDestroy_v2(Pointer handle);

        int cublasSetStream_v2(Pointer handle, Pointer stream);

        int cublasSetMathMode(Pointer handle, int mode);

        int cublasSgemm_v2(Pointer handle, int transa, int transb, int m, int n, int k, float[] alpha, Pointer a,
                           int lda, Pointer b, int ldb, float[] beta, Pointer c, int ldc);

        int cublasDgemm_v2(Pointer handle, int transa, int transb, int m, int n, int k, double[] alpha, Pointer a,
                           int lda, Pointer b, int ldb, double[] beta, Pointer c, int ldc);
    }

    private final Api api;
    private final String library;
    private final String version;

    private Cublas(Api api, String library, String version) {
        this.api = api;
        this.library = library;
        this.version = version;
    }

    /**
     * The cuBLAS of this machine, looked for once per process in the documented order.
     *
     * @throws BackendException UNAVAILABLE naming every place tried, when none loads
     */
    static Cublas find() {
        return FOUND.get();
    }

    /** The places looked at, in order, as for NVRTC ({@link Nvrtc#searchOrder}). */
    static List<String> candidates(String explicitPath, String envPath, String cudaHome, String cudaPath) {
        return Nvrtc.searchOrder("cublas", SONAMES, explicitPath, envPath, cudaHome, cudaPath);
    }

    /**
     * The first of {@code candidates} (library names or paths) that loads and answers {@code cublasGetProperty}.
     *
     * @throws BackendException UNAVAILABLE naming each candidate and why it failed
     */
    static Cublas load(List<String> candidates) {
        return Nvrtc.loadFirst(candidates, Cublas::open, "cuBLAS (libcublas, needed by math fast) not found; set -D"
                + PROPERTY + " or " + ENV + " to its path");
    }

    /** Loads cuBLAS from one name or path. */
    static Cublas open(String nameOrPath) {
        NativeLibrary lib = NativeLibrary.getInstance(nameOrPath);
        Api api = Native.load(nameOrPath, Api.class);
        int[] v = new int[3];
        int[] types = {MAJOR_VERSION, MINOR_VERSION, PATCH_LEVEL};
        for (int i = 0; i < 3; i++) {
            IntByReference value = new IntByReference();
            int r;
            try {
                r = api.cublasGetProperty(types[i], value);
            } catch (UnsatisfiedLinkError e) {
                throw new BackendException(BackendException.Code.UNAVAILABLE, nameOrPath + " has no cublasGetProperty: "
                        + e.getMessage(), null, e);
            }
            if (r != SUCCESS) {
                throw new BackendException(BackendException.Code.UNAVAILABLE, nameOrPath + ": cublasGetProperty "
                        + "failed: " + status(r));
            }
            v[i] = value.getValue();
        }
        String file = lib.getFile() != null ? lib.getFile().getPath() : nameOrPath;
        return new Cublas(api, file, v[0] + "." + v[1] + "." + v[2]);
    }

    /** The name of a {@code cublasStatus_t}, or its number where it has none here. */
    static String status(int result) {
        return STATUS.getOrDefault(result, "cuBLAS status " + result);
    }

    /** The library file loaded. */
    String library() {
        return library;
    }

    /** {@code major.minor.patch}, e.g. {@code 13.0.0}. */
    String version() {
        return version;
    }

    /**
     * A cuBLAS handle issuing its work on {@code stream} (the raw {@code CUstream}; 0 for the default stream) in
     * the products' math of {@code math}.
     *
     * @param spec the device, for messages
     * @throws BackendException OUT_OF_MEMORY or DEVICE_ERROR with cuBLAS's status when a call fails
     */
    Handle open(long stream, MathMode math, String spec) {
        PointerByReference ref = new PointerByReference();
        check(api.cublasCreate_v2(ref), spec, "cublasCreate_v2");
        Handle h = new Handle(ref.getValue(), spec);
        try {
            check(api.cublasSetStream_v2(h.handle, stream == 0 ? null : new Pointer(stream)), spec,
                    "cublasSetStream_v2");
            check(api.cublasSetMathMode(h.handle, math == MathMode.FAST_TF32 ? TF32_TENSOR_OP_MATH : DEFAULT_MATH),
                    spec, "cublasSetMathMode");
        } catch (BackendException e) {
            h.close();
            throw e;
        }
        return h;
    }

    private void check(int result, String spec, String call) {
        if (result != SUCCESS) {
            throw new BackendException(result == ALLOC_FAILED ? BackendException.Code.OUT_OF_MEMORY
                    : BackendException.Code.DEVICE_ERROR, spec + ": " + call + " (cuBLAS " + version + ", " + library
                    + "): " + status(result));
        }
    }

    /** One cuBLAS handle, bound to a stream and a math mode; {@link #close()} destroys it (idempotent). */
    final class Handle implements AutoCloseable {
        private final Pointer handle;
        private final String spec;
        private final float[] one32 = {1f};
        private final double[] one64 = {1d};
        private final float[] beta32 = new float[1];
        private final double[] beta64 = new double[1];
        private boolean closed;

        private Handle(Pointer handle, String spec) {
            this.handle = handle;
            this.spec = spec;
        }

        /**
         * {@code C = op(A) B + beta C} in {@code precision}, column-major: op(A) is m x k (A itself, or A^T when
         * {@code transA}, then A is k x m), op(B) is k x n (B, or B^T when {@code transB}), C is m x n; addresses
         * are device addresses of the first element, {@code ld*} the leading dimensions. Queued on the handle's
         * stream; returns before it runs.
         *
         * @param beta 0 (C is overwritten, its contents may be garbage) or 1 (the product is added to C)
         * @throws BackendException DEVICE_ERROR with cuBLAS's status (e.g. CUBLAS_STATUS_INVALID_VALUE for a leading
         *                          dimension smaller than its rows)
         */
        void gemm(Precision precision, boolean transA, boolean transB, int m, int n, int k, long a, int lda, long b,
                  int ldb, double beta, long c, int ldc) {
            if (closed) {
                throw new IllegalStateException(spec + ": the cuBLAS handle is closed");
            }
            int ta = transA ? OP_T : OP_N;
            int tb = transB ? OP_T : OP_N;
            int r;
            String call;
            if (precision == Precision.FP64) {
                beta64[0] = beta;
                call = "cublasDgemm_v2";
                r = api.cublasDgemm_v2(handle, ta, tb, m, n, k, one64, new Pointer(a), lda, new Pointer(b), ldb,
                        beta64, new Pointer(c), ldc);
            } else {
                beta32[0] = (float) beta;
                call = "cublasSgemm_v2";
                r = api.cublasSgemm_v2(handle, ta, tb, m, n, k, one32, new Pointer(a), lda, new Pointer(b), ldb,
                        beta32, new Pointer(c), ldc);
            }
            if (r != SUCCESS) {
                check(r, spec, call + "(" + (transA ? "T" : "N") + ", " + (transB ? "T" : "N") + ", m=" + m + ", n="
                        + n + ", k=" + k + ", lda=" + lda + ", ldb=" + ldb + ", ldc=" + ldc + ")");
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                api.cublasDestroy_v2(handle);
            }
        }
    }
}
