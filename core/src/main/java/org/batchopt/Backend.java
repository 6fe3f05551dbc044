package org.batchopt;

/**
 * Where members run: the CPU, an OpenCL device, a CUDA device, or several of one kind. Open one with
 * {@link Backends#open(String)} and hand it to {@link Engine#on}; it owns native resources, so use it in
 * try-with-resources. Only backends from {@link Backends} run batches.
 */
public interface Backend extends AutoCloseable {

    /** The backend as specified and resolved: {@code cpu}, {@code opencl:0:1}, {@code cuda:0}. */
    String id();

    /** The device in words: model, compute units, memory. */
    String device();

    /** Throws {@link BackendException} with {@link BackendException.Code#UNSUPPORTED_PRECISION} and the reason. */
    void requirePrecision(Precision precision);

    /** Releases native resources; idempotent. */
    @Override
    void close();
}
