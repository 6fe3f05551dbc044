package org.batchopt.backend;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 */
public abstract class DeviceBackend implements Backend {
    /** Iterations per fused launch when members can stop early or history is kept. */
    static final int DEFAULT_CHUNK = 64;
    /** Fused strategy while (2 + state slots) * D reals fit this register budget per work-item. */
    static final int FUSED_REALS = 128;

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

    /** Copies {@code src} (position to limit) to the start of {@code dst}. */
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
        long byHostCopy = Integer.MAX_VALUE / Math.max(1, largestPerMember);
        return (int) Math.max(1, Math.min(Math.min(byBudget, byAllocation), byHostCopy));
    }

    @Override
    public void run(Job job, MemberBlock block, MemberResults out, RunContext context) {
        requirePrecision(job.precision());
        Strategy strategy = strategy(job);
        Program program = Program.of(job, strategy);
        long t0 = System.nanoTime();
        Built built = build(program.text(KernelSources.read(preludeName())));
        context.addCompile(System.nanoTime() - t0);
        try (Layout layout = new Layout(job, program, block.count())) {
            layout.run(built, block, out, context);
        }
    }

    /** The device buffers of one block and the host loop over them. */
    private final class Layout implements AutoCloseable {
        private final Job job;
        private final Program program;
        private final Precision precision;
        private final int n;
        private final int d;
        private final int rb;
        private final Buffer x;
        private final Buffer st;
        private final Buffer f;
        private final Buffer gn;
        private final Buffer status;
        private final Buffer steps;
        private final Buffer active;
        private final Buffer uni;
        private final Buffer pm;
        private final Buffer g;
        private final Buffer sc;

        Layout(Job job, Program program, int n) {
            this.job = job;
            this.program = program;
            this.precision = job.precision();
            this.n = n;
            this.d = job.dimension();
            this.rb = precision.bytes();
            boolean streaming = program.strategy() == Strategy.STREAMING;
            x = allocate((long) n * d * rb);
            st = allocate(Math.max(1, (long) n * program.stateReals()) * rb);
            f = allocate((long) n * rb);
            gn = allocate((long) n * rb);
            status = allocate((long) n * Integer.BYTES);
            steps = allocate((long) n * Integer.BYTES);
            active = allocate((long) n * Integer.BYTES);
            uni = allocate((long) program.uniformValues().length * rb);
            pm = allocate((long) Math.max(1, program.shape().params().perMemberCount() * n) * rb);
            g = streaming ? allocate((long) n * d * rb) : null;
            sc = streaming ? allocate((long) n * Program.STEP_SCALARS * rb) : null;
        }

        void run(Built built, MemberBlock block, MemberResults out, RunContext context) {
            long t = System.nanoTime();
            ByteBuffer reals = host((long) n * d * rb);
            double[] start = block.start();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < n; j++) {
                    putReal(reals, start[j * d + i]);
                }
            }
            write(x, reals.flip());
            write(uni, realsOf(program.uniformValues()));
            write(pm, realsOf(program.perMemberValues(block.first(), n)));
            write(f, zeros((long) n * rb));
            write(status, zeros((long) n * Integer.BYTES));
            int[] ids = new int[n];
            for (int j = 0; j < n; j++) {
                ids[j] = j;
            }
            int nactive = n;
            write(active, ints(ids, nactive));
            context.addTransfer(System.nanoTime() - t);

            t = System.nanoTime();
            launch(built, Program.INIT, nactive, precision, st, active, nactive, (long) n, uni, pm);
            int maxSteps = job.stopping().maxSteps();
            int chunk = chunk(job);
            int every = job.historyEvery();
            ByteBuffer statusHost = host((long) n * Integer.BYTES);
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
                    write(active, ints(ids, nactive));
                }
                if (every > 0 && s % every == 0 && nactive > 0) {
                    copyPoints(out.history(s / every), block.first(), ids, nactive);
                }
                context.progress((long) before * k, before - nactive);
            }
            finish();
            context.addRun(System.nanoTime() - t);

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
            ByteBuffer xs = host((long) n * d * rb);
            read(x, xs);
            for (int c = 0; c < count; c++) {
                int m = ids[c];
                for (int i = 0; i < d; i++) {
                    points.set(first + m, i, getReal(xs, (long) i * n + m));
                }
            }
        }

        private void collect(long first, MemberResults out) {
            ByteBuffer xs = host((long) n * d * rb);
            read(x, xs);
            ByteBuffer fs = host((long) n * rb);
            read(f, fs);
            ByteBuffer gs = host((long) n * rb);
            read(gn, gs);
            ByteBuffer ss = host((long) n * Integer.BYTES);
            read(steps, ss);
            ByteBuffer cs = host((long) n * Integer.BYTES);
            read(status, cs);
            boolean maximize = job.objective().isMaximized();
            for (int m = 0; m < n; m++) {
                for (int i = 0; i < d; i++) {
                    out.x().set(first + m, i, getReal(xs, (long) i * n + m));
                }
                double fv = getReal(fs, m);
                out.finish(first + m, maximize ? -fv : fv, getReal(gs, m), ss.getInt(m * Integer.BYTES),
                        Status.ofCode(cs.getInt(m * Integer.BYTES)));
            }
        }

        private ByteBuffer realsOf(double[] values) {
            ByteBuffer b = host((long) values.length * rb);
            for (double v : values) {
                putReal(b, v);
            }
            return b.flip();
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
            for (Buffer b : new Buffer[] {sc, g, pm, uni, active, steps, status, gn, f, st, x}) {
                if (b != null) {
                    free(b);
                }
            }
        }
    }

    /** A host buffer in native order, for copies. */
    protected static ByteBuffer host(long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a host copy of " + bytes + " bytes exceeds 2 GiB; use smaller blocks");
        }
        return ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
    }

    private static ByteBuffer zeros(long bytes) {
        return host(bytes);
    }

    private static ByteBuffer ints(int[] values, int count) {
        ByteBuffer b = host((long) count * Integer.BYTES);
        for (int i = 0; i < count; i++) {
            b.putInt(values[i]);
        }
        return b.flip();
    }
}
