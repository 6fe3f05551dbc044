package org.batchopt.backend;

import org.batchopt.Backend;
import org.batchopt.MathMode;

/**
 * What the engine asks of a backend, beyond the user's {@link Backend} handle: how many members it holds at once
 * for a plan, and running a block of members to their ends. Implemented by the CPU backend, the OpenCL and CUDA
 * backends ({@code backend.device.DeviceBackend}) and {@link MultiBackend}; {@code Backends.open} hands them out.
 */
public interface BackendSpi extends Backend {

    /** The most members this backend holds at once for {@code plan}; the engine splits larger batches. */
    int maxBlockMembers(RunPlan plan);

    /**
     * Bytes of Java heap this backend works in while it runs {@code plan}, besides the block's start points and the
     * results ({@code Engine.heapBytes}); 0 where it works in device or native memory.
     */
    default long workingBytes(RunPlan plan) {
        return 0;
    }

    /**
     * Refuses a plan this backend cannot run, before anything runs; the default accepts every plan.
     *
     * @param plan the run
     * @throws IllegalArgumentException naming what cannot run here and where it can
     */
    default void requirePlan(RunPlan plan) {
    }

    /**
     * Refuses a fast {@link MathMode} (the matrix products of a model fitted to a dataset through a vendor BLAS)
     * where this backend has none; the default refuses every fast mode, as the CPU and OpenCL backends compute
     * strict math only.
     *
     * @param math a fast mode ({@link MathMode#fast()})
     * @throws IllegalArgumentException naming this backend, when it computes strict math only
     * @throws org.batchopt.BackendException UNAVAILABLE when it could, but the library is missing
     */
    default void requireMath(MathMode math) {
        throw new IllegalArgumentException("math " + math.label() + " runs on CUDA backends (through cuBLAS); backend "
                + id() + " computes strict math only");
    }

    /**
     * Runs every member of {@code block} to its end and writes the outcome of each into {@code out}. Thread-safe:
     * several engines may share a backend; device backends take concurrent calls one at a time.
     *
     * @param plan    how the run executes, the same for every block of the run
     * @param block   the members: global indices and start points; not modified
     * @param out     modified: the members' final points, values, steps, status and history
     * @param context modified: times and progress
     */
    void run(RunPlan plan, MemberBlock block, MemberResults out, RunContext context);
}
