package org.batchopt;

/**
 * Where members run: the CPU, an OpenCL device, a CUDA device, or several of one kind. Open one with
 * {@link Backends#open(String)} and hand it to {@link Engine#on}; it owns native resources, so use it in
 * try-with-resources. Only backends from {@link Backends} run batches.
 *
 * <p>Thread-safe: several threads may run jobs on one backend at once, each through its own {@link Engine}, and
 * each gets the result it would get alone. A device backend (OpenCL, CUDA) takes the blocks of concurrent jobs
 * one at a time, since a device program's kernels, its queue and its buffers serve one block; the CPU backend
 * shares its worker threads between them. For device work in parallel, open one backend per thread (each has its
 * own context and queue) or use several devices in one engine. {@link #close()} waits for a block in progress.
 */
public interface Backend extends AutoCloseable {

    /**
     * The backend as specified and resolved, the name {@link Result#backend()} reports.
     *
     * @return {@code cpu}, {@code opencl:0:1}, {@code cuda:0}, ...; several devices joined by {@code +}
     */
    String id();

    /**
     * The device in words.
     *
     * @return model, compute units, memory (for the CPU: the processors)
     */
    String device();

    /**
     * Checks that this backend computes in {@code precision}; returns normally when it does. The CPU and CUDA
     * backends offer both; an OpenCL device needs {@code cl_khr_fp64} for either precision (the fp32 transcendental
     * functions evaluate in double) and correctly rounded fp32 division and square root for fp32.
     *
     * @param precision the precision asked for
     * @throws BackendException with {@link BackendException.Code#UNSUPPORTED_PRECISION} and the reason when it
     *                          cannot
     */
    void requirePrecision(Precision precision);

    /** Releases native resources (device memory, programs, contexts, threads); idempotent, throws nothing checked. */
    @Override
    void close();
}
