package org.batchopt;

import org.batchopt.backend.Job;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;

/**
 * Where members run: the CPU, an OpenCL device, a CUDA device, or several of one kind. Owns its native
 * resources; use it in try-with-resources. Open one with {@link Backends#open(String)}.
 *
 * <p>{@link #run} is the service-provider side used by {@link Engine}; callers use the engine.
 */
public interface Backend extends AutoCloseable {

    /** The backend as specified and resolved: {@code cpu}, {@code opencl:0:1}, {@code cuda:0}. */
    String id();

    /** The device in words: model, compute units, memory. */
    String device();

    /** Throws {@link BackendException} with {@link BackendException.Code#UNSUPPORTED_PRECISION} and the reason. */
    void requirePrecision(Precision precision);

    /** The most members this backend holds at once for {@code job}; larger batches are split. */
    int maxBlockMembers(Job job);

    /**
     * Runs every member of {@code block} to its end and writes the outcome of each into {@code out}.
     * Thread-safe for distinct blocks only where the backend says so; the engine calls it from one thread
     * per backend.
     */
    void run(Job job, MemberBlock block, MemberResults out, RunContext context);

    /** Releases native resources; idempotent. */
    @Override
    void close();
}
