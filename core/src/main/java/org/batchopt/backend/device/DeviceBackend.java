package org.batchopt.backend.device;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.batchopt.MathMode;
import org.batchopt.Precision;
import org.batchopt.Strategy;
import org.batchopt.backend.BackendSpi;
import org.batchopt.backend.DeviceLayout;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;
import org.batchopt.backend.RunPlan;
import org.batchopt.kernel.DataRows;
import org.batchopt.kernel.KernelSources;

/**
 * The host side shared by the OpenCL and CUDA backends: sizes blocks from the plan's {@link DeviceLayout}, builds
 * the plan's program, lays a block out in device memory ({@link BlockBuffers}) and runs it ({@link HostLoop}, or
 * for a model fitted to a dataset {@link DataLoop}, over the dataset kept on the device by {@link #rows}).
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

    /**
     * The matrix products of a fast {@link MathMode} through a vendor BLAS: column-major
     * {@code C = op(A) op(B) + beta C} on device buffers, queued in order with the launches and copies. Offsets
     * and leading dimensions count elements of the run's precision. The backend owns the library's handles.
     */
    protected interface Products {
        /**
         * op(A) is m x k (A, or A^T when {@code transA}), op(B) is k x n (B, or B^T when {@code transB}), C is
         * m x n; {@code beta} is 0 (C's contents ignored) or 1.
         */
        void gemm(boolean transA, boolean transB, int m, int n, int k, Buffer a, long aOffset, int lda, Buffer b,
                  long bOffset, int ldb, double beta, Buffer c, long cOffset, int ldc);
    }

    /**
     * The products of {@code math} (a fast mode) in {@code precision}, for a run that {@link #requireMath} accepted;
     * the default has none.
     *
     * @throws IllegalStateException where this backend computes strict math only
     */
    protected Products products(MathMode math, Precision precision) {
        throw new IllegalStateException(id() + " has no fast products");
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

    /**
     * Runs {@code kernel} as {@code groups} work-groups of exactly {@code groupSize} work-items, which share local
     * memory and barriers (the tiled kernels of {@code kernels/data.cl}); arguments as {@link #launch}.
     */
    protected abstract void launchGroups(Built program, String kernel, long groups, int groupSize,
                                         Precision precision, Object... args);

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
        long byBudget = Math.max(0, memoryBudget() - layout.fixedBytes()) / layout.bytesPerMember();
        long byAllocation = maxAllocation() / Math.max(1, layout.largestArrayBytesPerMember());
        long byHostCopy = Integer.MAX_VALUE / Math.max(1, layout.largestHostCopyBytesPerMember());
        return (int) Math.max(1, Math.min(Math.min(byBudget, byAllocation), byHostCopy));
    }

    @Override
    public synchronized void run(RunPlan plan, MemberBlock block, MemberResults out, RunContext context) {
        requirePlan(plan);
        long t0 = System.nanoTime();
        Built built = buildOnLargeStack(plan.program().text(KernelSources.read(preludeName())));
        context.addCompile(System.nanoTime() - t0);
        try (BlockBuffers buffers = new BlockBuffers(this, plan.layout(), plan.precision(), block.count())) {
            if (plan.strategy() == Strategy.BATCHED) {
                try (DataLoop loop = new DataLoop(this, plan, built, buffers)) {
                    loop.run(block, out, context);
                }
            } else {
                new HostLoop(this, plan, built, buffers).run(block, out, context);
            }
        }
    }

    /** A dataset's rows on this device in one precision: values row-major and one target per row. */
    record DeviceRows(Buffer x, Buffer y, int rows) {
    }

    /** The most datasets (in one precision each) kept on the device; the least recently used leaves first. */
    static final int KEPT_DATASETS = 8;

    /** Datasets on the device by {@link DataRows#id()} and precision, least recently used first. */
    private final Map<String, DeviceRows> datasets = new LinkedHashMap<>(16, 0.75f, true);
    private long datasetUploads;

    /**
     * {@code rows} on this device in {@code precision}: uploaded on first use and kept (up to
     * {@value #KEPT_DATASETS} datasets), so that every later run over the same dataset reads it where it is.
     */
    synchronized DeviceRows rows(DataRows rows, Precision precision) {
        String key = rows.id() + ":" + precision;
        DeviceRows kept = datasets.get(key);
        if (kept != null) {
            return kept;
        }
        if (datasets.size() >= KEPT_DATASETS) {
            String eldest = datasets.keySet().iterator().next();
            DeviceRows d = datasets.remove(eldest);
            free(d.x());
            free(d.y());
        }
        int rb = precision.bytes();
        ByteBuffer hx = host(Math.max(1, (long) rows.rows() * rows.features()) * rb);
        ByteBuffer hy = host(Math.max(1, rows.rows()) * (long) rb);
        if (precision == Precision.FP64) {
            hx.asDoubleBuffer().put(rows.x64());
            hy.asDoubleBuffer().put(rows.y64());
        } else {
            hx.asFloatBuffer().put(rows.x32());
            hy.asFloatBuffer().put(rows.y32());
        }
        Buffer x = allocate(hx.capacity());
        Buffer y;
        try {
            y = allocate(hy.capacity());
        } catch (RuntimeException e) {
            free(x);
            throw e;
        }
        write(x, hx);
        write(y, hy);
        finish();
        DeviceRows d = new DeviceRows(x, y, rows.rows());
        datasets.put(key, d);
        datasetUploads++;
        return d;
    }

    /** Datasets uploaded since this backend opened (each once while it is kept, whatever the runs over it). */
    public synchronized long datasetUploads() {
        return datasetUploads;
    }

    /** Frees every dataset kept on the device; a backend's {@code close} calls it before its context goes. */
    protected synchronized void releaseDatasets() {
        for (DeviceRows d : datasets.values()) {
            free(d.x());
            free(d.y());
        }
        datasets.clear();
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
