package org.batchopt;

import org.batchopt.backend.Job;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;

/**
 * Where members run: the CPU, an OpenCL device, a CUDA device, or several of one kind. Owns its native
 * resources; use it in try-with-resources. Open one with {@link Backends#open(String)}.
 *
 * <p>Thread-safe: several threads may run jobs on one backend at once, each through its own {@link Engine}, and
 * each gets the result it would get alone. A device backend (OpenCL, CUDA) takes the blocks of concurrent jobs
 * one at a time, since a device program's kernels, its queue and its buffers serve one block; the CPU backend
 * shares its worker threads between them. For device work in parallel, open one backend per thread (each has its
 * own context and queue) or use several devices in one engine. {@link #close()} waits for a block in progress.
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
     * Bytes of Java heap this backend works in while it runs {@code job}, besides the block's start points and the
     * results ({@link Engine#heapBytes}); 0 where it works in device or native memory.
     */
    default long workingBytes(Job job) {
        return 0;
    }

    /**
     * Runs every member of {@code block} to its end and writes the outcome of each into {@code out}.
     * Thread-safe (see the class comment); device backends take concurrent calls one at a time.
     */
    void run(Job job, MemberBlock block, MemberResults out, RunContext context);

    /** Releases native resources; idempotent. */
    @Override
    void close();
}
