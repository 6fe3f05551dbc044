package org.batchopt;

/**
 * How the two matrix products of a model fitted to a {@link Dataset} are computed: {@code Z = X W^T} (every row's
 * outputs for every member) and {@code G = R^T X} (the gradient from the rows' residuals). Every other computation
 * (the row function, the loss, the regularization, the update rule) is the same in every mode.
 *
 * <p>{@link #STRICT} is the default and the only mode of the CPU and OpenCL backends. The fast modes run on CUDA
 * backends only and need cuBLAS ({@code libcublas.so.13}, {@code .so.12} or {@code .so.11}); their results are
 * <b>not</b> bit-identical to the CPU's (cuBLAS sums the products' terms in its own order, which depends on the
 * GPU, the library version and the shapes), though they agree to the precision's rounding. How far they deviate
 * is measured by the benchmark {@code FitBench --math fast} on a GPU.
 */
public enum MathMode {
    /**
     * The batched kernels of {@code kernels/data.cl}: every dot product sums its terms with {@code fma} in
     * increasing order, so that the CPU, OpenCL and CUDA backends give the same bits.
     */
    STRICT,
    /**
     * cuBLAS's {@code cublasSgemm}/{@code cublasDgemm} with {@code CUBLAS_DEFAULT_MATH}: products exact in the
     * run's precision (no TF32, no reduced precision), summed in cuBLAS's order. CUDA only; fp32 or fp64.
     */
    FAST,
    /**
     * {@link #FAST} with {@code CUBLAS_TF32_TENSOR_OP_MATH}: fp32 products on tensor cores with inputs rounded to
     * TF32 (10 bits of mantissa), accumulated in fp32; faster on GPUs with tensor cores (compute capability 8.0 and
     * later) and less accurate (relative errors near 1e-3 in a product's terms). CUDA and fp32 only; asked for
     * explicitly, never chosen for the caller.
     */
    FAST_TF32;

    /**
     * The mode's name in messages and results.
     *
     * @return {@code strict}, {@code fast} or {@code fast-tf32}
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * Whether this mode computes the products through cuBLAS.
     *
     * @return true for {@link #FAST} and {@link #FAST_TF32}
     */
    public boolean fast() {
        return this != STRICT;
    }
}
