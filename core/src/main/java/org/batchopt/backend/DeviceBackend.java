package org.batchopt.backend;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.batchopt.Backend;
import org.batchopt.Precision;
import org.batchopt.Status;
import org.batchopt.Strategy;

/**
 * The host side shared by the OpenCL and CUDA backends: plans the strategy and the steps per launch, lays
 * the members out in device memory, launches chunks of iterations, compacts the active set between chunks
 * (finished members leave, so the slowest member does not hold the whole batch), keeps the history, and
 * copies the outcome back. Subclasses provide memory, copies, program builds and launches.
 *
 * <p>Device layout (kernels/fused.cl): structure of arrays over the block's n members, 64-bit indices.
 *
 * <p>Runs are serialized per backend ({@link #run} holds the backend's monitor): a built program's kernels carry
 * their arguments, and the queue and the block's buffers serve one run, so concurrent runs from several threads
 * take turns. Subclasses' {@code close()} holds the monitor too, so that it waits for a run in progress.
 */
public abstract class DeviceBackend implements Backend {
    /** Iterations per fused launch when members can stop early or history is kept. */
    static final int DEFAULT_CHUNK = 64;
    /** Fused strategy while (2 + state slots) * D reals fit this register budget per work-item. */
    static final int FUSED_REALS = 128;
    /** Stack of the thread that builds programs (see {@link #buildOnLargeStack}). */
    static final long BUILD_STACK_BYTES = 256L << 20;
    /** Values per slice of the host loops that lay members out for the device and collect them back. */
    private static final int HOST_SLICE_VALUES = 1 << 16;

    /** A device allocation. */
    protected interface Buffer {
    }

    /** A built program, ready to launch kernels of {@link Program}. */
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

    /** The strategy this job runs with: the job's, or the planner's choice from the register budget. */
    public static Strategy strategy(Job job) {
        if (job.strategy() != Strategy.AUTO) {
            return job.strategy();
        }
        KernelShape shape = KernelShape.of(job);
        return (2 + shape.stateSlots()) * job.dimension() <= FUSED_REALS ? Strategy.FUSED : Strategy.STREAMING;
    }

    /** Iterations per launch: all of them when nobody can stop early, else a chunk. */
    static int chunk(Job job) {
        if (job.stepsPerLaunch() > 0) {
            return job.stepsPerLaunch();
        }
        boolean early = job.stopping().gradientTolerance() > 0 || job.stopping().valueTolerance() > 0
                || job.historyEvery() > 0;
        return early ? DEFAULT_CHUNK : job.stopping().maxSteps() + 1;
    }

    private static int streamingExtra(Strategy s, int d) {
        return s == Strategy.STREAMING ? d + Program.STEP_SCALARS : 0;
    }

    @Override
    public int maxBlockMembers(Job job) {
        Strategy s = strategy(job);
        Program p = Program.of(job, s);
        int d = job.dimension();
        long realsPerMember = d + p.stateReals() + 2L + streamingExtra(s, d) + p.shape().params().perMemberCount();
        long bytes = realsPerMember * job.precision().bytes() + 3L * Integer.BYTES;
        long byBudget = memoryBudget() / bytes;
        long largestPerMember = Math.max(d, Math.max(p.stateReals(), streamingExtra(s, d)))
                * (long) job.precision().bytes();
        long byAllocation = maxAllocation() / Math.max(1, largestPerMember);
        // Every host copy (x, per-member hyperparameters) goes through one ByteBuffer: 2 GiB at most.
        long hostPerMember = Math.max(d, p.shape().params().perMemberCount()) * (long) job.precision().bytes();
        long byHostCopy = Integer.MAX_VALUE / Math.max(1, hostPerMember);
        return (int) Math.max(1, Math.min(Math.min(byBudget, byAllocation), byHostCopy));
    }

    @Override
    public synchronized void run(Job job, MemberBlock block, MemberResults out, RunContext context) {
        requirePrecision(job.precision());
        Strategy strategy = strategy(job);
        Program program = Program.of(job, strategy);
        long t0 = System.nanoTime();
        Built built = buildOnLargeStack(program.text(KernelSources.read(preludeName())));
        context.addCompile(System.nanoTime() - t0);
        try (Layout layout = new Layout(job, program, block.count())) {
            layout.run(built, block, out, context);
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

    /** The device buffers of one block and the host loop over them. */
    private final class Layout implements AutoCloseable {
        private final Job job;
        private final Program program;
        private final Precision precision;
        private final int n;
        private final int d;
        private final int rb;
        private Buffer x;
        private Buffer st;
        private Buffer f;
        private Buffer gn;
        private Buffer status;
        private Buffer steps;
        private Buffer active;
        private Buffer uni;
        private Buffer pm;
        private Buffer g;
        private Buffer sc;
        /* Host sides of the copies, one per purpose, so that no write's source is reused before a read. */
        private ByteBuffer hostX;
        private ByteBuffer hostF;
        private ByteBuffer hostGn;
        private ByteBuffer hostStatus;
        private ByteBuffer hostSteps;
        private ByteBuffer hostActive;
        private ByteBuffer hostUni;
        private ByteBuffer hostPm;

        Layout(Job job, Program program, int n) {
            this.job = job;
            this.program = program;
            this.precision = job.precision();
            this.n = n;
            this.d = job.dimension();
            this.rb = precision.bytes();
            boolean streaming = program.strategy() == Strategy.STREAMING;
            try {
                long pmReals = Math.max(1, (long) program.shape().params().perMemberCount() * n);
                x = allocate((long) n * d * rb);
                st = allocate(Math.max(1, (long) n * program.stateReals()) * rb);
                f = allocate((long) n * rb);
                gn = allocate((long) n * rb);
                status = allocate((long) n * Integer.BYTES);
                steps = allocate((long) n * Integer.BYTES);
                active = allocate((long) n * Integer.BYTES);
                uni = allocate((long) program.uniformValues().length * rb);
                pm = allocate(pmReals * rb);
                g = streaming ? allocate((long) n * d * rb) : null;
                sc = streaming ? allocate((long) n * Program.STEP_SCALARS * rb) : null;
                hostX = hostBuffer((long) n * d * rb);
                hostF = hostBuffer((long) n * rb);
                hostGn = hostBuffer((long) n * rb);
                hostStatus = hostBuffer((long) n * Integer.BYTES);
                hostSteps = hostBuffer((long) n * Integer.BYTES);
                hostActive = hostBuffer((long) n * Integer.BYTES);
                hostUni = hostBuffer((long) program.uniformValues().length * rb);
                hostPm = hostBuffer(pmReals * rb);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        void run(Built built, MemberBlock block, MemberResults out, RunContext context) {
            long t = System.nanoTime();
            ByteBuffer reals = hostX.clear();
            double[] start = block.start();
            inSlices(n, d, (from, to) -> {
                for (int j = from; j < to; j++) {
                    for (int i = 0; i < d; i++) {
                        putReal(reals, (long) i * n + j, start[j * d + i]);
                    }
                }
            });
            write(x, reals);
            write(uni, realsOf(hostUni, program.uniformValues()));
            write(pm, realsOf(hostPm, program.perMemberValues(block.first(), n)));
            write(f, zeros(hostF));
            write(status, zeros(hostStatus));
            int[] ids = new int[n];
            for (int j = 0; j < n; j++) {
                ids[j] = j;
            }
            int nactive = n;
            write(active, ints(hostActive, ids, nactive));
            context.addTransfer(System.nanoTime() - t);

            t = System.nanoTime();
            takeKernelNanos();
            launch(built, Program.INIT, nactive, precision, st, active, nactive, (long) n, uni, pm);
            int maxSteps = job.stopping().maxSteps();
            int chunk = chunk(job);
            int every = job.historyEvery();
            ByteBuffer statusHost = hostStatus;
            int s = 0;
            while (nactive > 0) {
                int k = Math.min(chunk, maxSteps + 1 - s);
                if (every > 0 && s < maxSteps) {
                    k = Math.min(k, every - s % every);
                }
                advance(built, s, k, nactive);
                statusHost.clear();
                read(status, statusHost);
                int before = nactive;
                nactive = 0;
                for (int j = 0; j < before; j++) {
                    int m = ids[j];
                    if (statusHost.getInt(m * Integer.BYTES) == Status.RUNNING.ordinal()) {
                        ids[nactive++] = m;
                    }
                }
                s += k;
                if (nactive > 0) {
                    write(active, ints(hostActive, ids, nactive));
                }
                if (every > 0 && s % every == 0 && nactive > 0) {
                    copyPoints(out.history(s / every), block.first(), ids, nactive);
                }
                context.progress((long) before * k, before - nactive);
            }
            finish();
            long kernels = takeKernelNanos();
            context.addRun(kernels >= 0 ? kernels : System.nanoTime() - t);

            t = System.nanoTime();
            collect(block.first(), out);
            context.addTransfer(System.nanoTime() - t);
        }

        /** k iterations of the active members from step s. */
        private void advance(Built built, int s, int k, int nactive) {
            double gtol = job.stopping().gradientTolerance();
            double ftol = job.stopping().valueTolerance();
            int maxSteps = job.stopping().maxSteps();
            double h = job.fdStep();
            if (program.strategy() == Strategy.FUSED) {
                launch(built, Program.FUSED, nactive, precision, x, st, f, gn, status, steps, active, nactive, (long) n,
                        uni, pm, s, k, maxSteps, gtol, ftol, h);
                return;
            }
            for (int it = 0; it < k; it++) {
                launch(built, Program.STREAM_EVAL, nactive, precision, x, g, st, sc, f, gn, status, steps, active,
                        nactive, (long) n, uni, pm, s + it, maxSteps, gtol, ftol, h);
                launch(built, Program.STREAM_UPDATE, (long) nactive * d, precision, x, g, st, sc, status, active,
                        nactive, (long) n);
            }
        }

        /** x of the members in ids[0..count) into {@code points}. */
        private void copyPoints(MemberResults.Points points, long first, int[] ids, int count) {
            ByteBuffer xs = hostX.clear();
            read(x, xs);
            for (int c = 0; c < count; c++) {
                int m = ids[c];
                for (int i = 0; i < d; i++) {
                    points.set(first + m, i, getReal(xs, (long) i * n + m));
                }
            }
        }

        private void collect(long first, MemberResults out) {
            ByteBuffer xs = hostX.clear();
            read(x, xs);
            ByteBuffer fs = hostF.clear();
            read(f, fs);
            ByteBuffer gs = hostGn.clear();
            read(gn, gs);
            ByteBuffer ss = hostSteps.clear();
            read(steps, ss);
            ByteBuffer cs = hostStatus.clear();
            read(status, cs);
            boolean maximize = job.objective().isMaximized();
            inSlices(n, d, (from, to) -> {
                for (int m = from; m < to; m++) {
                    for (int i = 0; i < d; i++) {
                        out.x().set(first + m, i, getReal(xs, (long) i * n + m));
                    }
                    double fv = getReal(fs, m);
                    out.finish(first + m, maximize ? -fv : fv, getReal(gs, m), ss.getInt(m * Integer.BYTES),
                            Status.ofCode(cs.getInt(m * Integer.BYTES)));
                }
            });
        }

        private ByteBuffer realsOf(ByteBuffer b, double[] values) {
            b.clear();
            for (double v : values) {
                putReal(b, v);
            }
            return b.flip();
        }

        /** Writes real {@code index} of {@code b} without moving its position. */
        private void putReal(ByteBuffer b, long index, double v) {
            int at = Math.toIntExact(index * rb);
            if (precision == Precision.FP64) {
                b.putDouble(at, v);
            } else {
                b.putFloat(at, (float) v);
            }
        }

        private void putReal(ByteBuffer b, double v) {
            if (precision == Precision.FP64) {
                b.putDouble(v);
            } else {
                b.putFloat((float) v);
            }
        }

        private double getReal(ByteBuffer b, long index) {
            int at = Math.toIntExact(index * rb);
            return precision == Precision.FP64 ? b.getDouble(at) : b.getFloat(at);
        }

        @Override
        public void close() {
            for (ByteBuffer b : new ByteBuffer[] {hostPm, hostUni, hostActive, hostSteps, hostStatus, hostGn, hostF,
                    hostX}) {
                if (b != null) {
                    releaseHostBuffer(b);
                }
            }
            hostPm = hostUni = hostActive = hostSteps = hostStatus = hostGn = hostF = hostX = null;
            for (Buffer b : new Buffer[] {sc, g, pm, uni, active, steps, status, gn, f, st, x}) {
                if (b != null) {
                    free(b);
                }
            }
            sc = g = pm = uni = active = steps = status = gn = f = st = x = null;
        }
    }

    /** A direct host buffer in native order, for copies. */
    protected static ByteBuffer host(long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a host copy of " + bytes + " bytes exceeds 2 GiB; use smaller blocks");
        }
        return ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
    }

    /** {@code b} filled with zero bytes, position 0, limit its capacity. */
    private static ByteBuffer zeros(ByteBuffer b) {
        b.clear();
        while (b.remaining() >= Long.BYTES) {
            b.putLong(0L);
        }
        while (b.hasRemaining()) {
            b.put((byte) 0);
        }
        return b.flip();
    }

    private static ByteBuffer ints(ByteBuffer b, int[] values, int count) {
        b.clear().asIntBuffer().put(values, 0, count);
        return b.limit(count * Integer.BYTES);
    }

    /** A slice of members {@code [from, to)}. */
    private interface Slice {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over members {@code [0, n)}: in slices on the common fork-join pool when there are
     * enough values ({@code n * d}) to pay for it, else on this thread. Slices touch disjoint members only.
     */
    private static void inSlices(int n, int d, Slice body) {
        long values = (long) n * d;
        int slices = (int) Math.min(4L * ForkJoinPool.getCommonPoolParallelism(), values / HOST_SLICE_VALUES);
        if (slices <= 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, slices).parallel()
                .forEach(k -> body.run((int) ((long) n * k / slices), (int) ((long) n * (k + 1) / slices)));
    }
}
