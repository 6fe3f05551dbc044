package org.batchopt;

/**
 * Where members run: the CPU, an OpenCL device, a CUDA device, or several of one kind. Open one with
 * {@link Backends#open(String)} and hand it to {@link Engine#on}; it owns native resources, so use it in
 * try-with-resources. Only backends from {@link Backends} run batches.
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
     * backends offer both; an OpenCL device needs {@code cl_khr_fp64} for fp64 and correctly rounded fp32 division
     * and square root for fp32.
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
