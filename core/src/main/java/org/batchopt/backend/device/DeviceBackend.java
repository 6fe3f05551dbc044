package org.batchopt.backend.device;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.batchopt.Precision;
import org.batchopt.backend.BackendSpi;
import org.batchopt.backend.DeviceLayout;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;
import org.batchopt.backend.RunPlan;
import org.batchopt.kernel.KernelSources;

/**
 * The host side shared by the OpenCL and CUDA backends: sizes blocks from the plan's {@link DeviceLayout}, builds
 * the plan's program, lays a block out in device memory ({@link BlockBuffers}) and runs it ({@link HostLoop}).
 * Subclasses provide memory, copies, program builds and launches.
 *
 * <p>Runs are serialized per backend ({@link #run} holds the backend's monitor): a built program's kernels carry
 * their arguments, and the queue and the block's buffers serve one run, so concurrent runs from several threads
 * take turns. Subclasses' {@code close()} holds the monitor too, so that it waits for a run in progress.
 */
public abstract class DeviceBackend implements BackendSpi {
    /** Stack of the thread that builds programs (see {@link #buildOnLargeStack}). */
    static final long BUILD_STACK_BYTES = 256L << 20;

    /** A device allocation. */
    protected interface Buffer {
    }

    /** A built program, ready to launch the kernels of {@link org.batchopt.backend.KernelProgram}. */
    protected interface Built {
    }

    /** The backend's prelude file name in kernels/. */
    protected abstract String preludeName();

    /** Builds (or finds in the cache) the program of {@code text}; {@link org.batchopt.BackendException} on failure. */
    protected abstract Built build(String text);

    protected abstract Buffer allocate(long bytes);

    protected abstract void free(Buffer buffer);

    /**
     * Copies {@code src} (position to limit) to the start of {@code dst}. May return before the copy is done
     * (copies, launches and reads run in the order they were issued): the caller leaves {@code src} unchanged
     * until the next {@link #read} or {@link #finish} has returned.
     */
    protected abstract void write(Buffer dst, ByteBuffer src);

    /** Copies the start of {@code src} into {@code dst} (position to limit). */
    protected abstract void read(Buffer src, ByteBuffer dst);

    /**
     * Runs {@code kernel} over {@code items} work-items with {@code args}: {@link Buffer}s, {@link Integer}s,
     * {@link Long}s, and {@link Double}s that are reals of the program's precision.
     */
    protected abstract void launch(Built program, String kernel, long items, Precision precision, Object... args);

    /** Waits for every queued command. */
    protected abstract void finish();

    /** Bytes of device memory this backend may fill. */
    protected abstract long memoryBudget();

    /** The largest single allocation. */
    protected abstract long maxAllocation();

    /**
     * A host buffer of {@code bytes} bytes in native order for copies, position 0 and capacity {@code bytes}; its
     * contents are undefined. The default is a direct buffer; a backend may hand out memory it copies from
     * faster (CUDA: page-locked). Returned through {@link #releaseHostBuffer} once the copies are done.
     */
    protected ByteBuffer hostBuffer(long bytes) {
        return host(bytes);
    }

    /** Takes back a buffer of {@link #hostBuffer}; the default leaves it to the garbage collector. */
    protected void releaseHostBuffer(ByteBuffer buffer) {
    }

    /**
     * Device time spent in kernels since the previous call, in nanoseconds, where the backend measures it
     * (CUDA events); -1 where it does not, and the host's clock from the first launch to the last wait counts.
     */
    protected long takeKernelNanos() {
        return -1;
    }

    /** As many members as fit the memory budget, the largest allocation and one host copy of at most 2 GiB. */
    @Override
    public int maxBlockMembers(RunPlan plan) {
        DeviceLayout layout = plan.layout();
        long byBudget = memoryBudget() / layout.bytesPerMember();
        long byAllocation = maxAllocation() / Math.max(1, layout.largestArrayBytesPerMember());
        long byHostCopy = Integer.MAX_VALUE / Math.max(1, layout.largestHostCopyBytesPerMember());
        return (int) Math.max(1, Math.min(Math.min(byBudget, byAllocation), byHostCopy));
    }

    @Override
    public synchronized void run(RunPlan plan, MemberBlock block, MemberResults out, RunContext context) {
        long t0 = System.nanoTime();
        Built built = buildOnLargeStack(plan.program().text(KernelSources.read(preludeName())));
        context.addCompile(System.nanoTime() - t0);
        try (BlockBuffers buffers = new BlockBuffers(this, plan.layout(), plan.precision(), block.count())) {
            new HostLoop(this, plan, built, buffers).run(block, out, context);
        }
    }

    /**
     * {@link #build} on a thread with a stack of {@value #BUILD_STACK_BYTES} bytes: compilers recurse along the
     * chains of a formula, and POCL's LLVM overflowed the 1 MiB stack of Java's main thread (the JVM died with
     * exit 139) at about 220 nested calls, below the 256 the expression parser accepts.
     */
    private Built buildOnLargeStack(String text) {
        Object[] outcome = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                outcome[0] = build(text);
            } catch (RuntimeException | Error e) {
                outcome[0] = e;
            }
        }, "batchopt-build", BUILD_STACK_BYTES);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (outcome[0] instanceof RuntimeException e) {
            throw e;
        }
        if (outcome[0] instanceof Error e) {
            throw e;
        }
        return (Built) outcome[0];
    }

    /** A direct host buffer in native order, for copies. */
    protected static ByteBuffer host(long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a host copy of " + bytes + " bytes exceeds 2 GiB; use smaller blocks");
        }
        return ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
    }
}
