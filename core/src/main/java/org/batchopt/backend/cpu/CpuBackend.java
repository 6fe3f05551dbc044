package org.batchopt.backend.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.batchopt.Precision;
import org.batchopt.Strategy;
import org.batchopt.backend.BackendSpi;
import org.batchopt.backend.KernelShape;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;
import org.batchopt.backend.RunPlan;
import org.batchopt.kernel.DataObjectiveSource;
import org.batchopt.kernel.DataTwin64;
import org.batchopt.kernel.ConstraintSource;
import org.batchopt.kernel.VectorLanes;

/**
 * The CPU backend: the Java twin of the kernels, run over tiles of members on every core. It is the
 * reference the devices are tested against and runs where no driver exists. No native code.
 */
public final class CpuBackend implements BackendSpi {
    /** Members per block: bounds the start points held at once, not the batch. */
    private static final int BLOCK_MEMBERS = 1 << 20;

    private final int threads;
    private final ExecutorService pool;
    private boolean closed;

    public CpuBackend() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public CpuBackend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "batchopt-cpu");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String id() {
        return "cpu";
    }

    @Override
    public String device() {
        return description(threads);
    }

    /** The CPU in words, for {@code threads} worker threads. */
    public static String description(int threads) {
        return System.getProperty("os.arch") + " CPU, " + threads + " threads (Java " + Runtime.version().feature()
                + ", " + VectorLanes.describe() + ")";
    }

    @Override
    public void requirePrecision(Precision precision) {
        // Both precisions are Java arithmetic.
    }

    @Override
    public int maxBlockMembers(RunPlan plan) {
        return BLOCK_MEMBERS;
    }

    /**
     * Members per tile: enough lanes to vectorize, few enough that a tile's state stays in cache (up to 4096
     * coordinates: 256 lanes from 16 dimensions down, where 128 ran Rastrigin D=16 10 % slower on AVX-512,
     * probably the vector loops' scalar ends taking a larger share; benchmarks/results/2026-12-02-cpu-math-lanes.md).
     */
    static int lanes(int dimension) {
        int l = 4096 / Math.max(1, dimension);
        return Math.max(16, Math.min(256, l / 16 * 16));
    }

    /**
     * Members per tile of a model fitted to a dataset: every tile passes over the data once per step, so as few tiles
     * as keep every thread busy, of at most 256 lanes (a multiple of 8, so that the lane loops vectorize).
     */
    static int batchedLanes(int members, int threads) {
        int perThread = (members + threads - 1) / threads;
        return Math.max(8, Math.min(256, (perThread + 7) / 8 * 8));
    }

    /**
     * {@link #lanes(int)} (or {@link #batchedLanes} for {@code members} of a model fitted to a dataset), fewer (down
     * to 1) where the tiles of every thread would take over a quarter of the heap.
     */
    int lanes(RunPlan plan, int members) {
        long byHeap = Runtime.getRuntime().maxMemory() / 4 / threads / laneBytes(plan);
        int wanted = plan.strategy() == Strategy.BATCHED ? batchedLanes(members, threads)
                : lanes(plan.shape().dimension());
        return (int) Math.max(1, Math.min(wanted, byHeap));
    }

    /**
     * Heap bytes of one lane of a tile: x, g, the rules' scratch and the rule's state per coordinate (fp64); for a
     * model fitted to a dataset also the stopped lanes' points, the batched twin's scratch
     * ({@link DataTwin64#laneReals}) and its lane math's.
     */
    private static long laneBytes(RunPlan plan) {
        KernelShape shape = plan.shape();
        long reals = (long) shape.dimension() * (3 + shape.stateSlots());
        if (plan.objective() instanceof DataObjectiveSource d) {
            reals += shape.dimension() + DataTwin64.laneReals(d.outputs(), shape.dimension()) + 10;
        }
        return 8 * reals;
    }

    /** The tiles of every thread. */
    @Override
    public long workingBytes(RunPlan plan) {
        int most = plan.strategy() == Strategy.BATCHED ? 256 : lanes(plan.shape().dimension());
        return (long) threads * Math.min(most, lanes(plan, most * threads)) * laneBytes(plan);
    }

    @Override
    public void run(RunPlan plan, MemberBlock block, MemberResults out, RunContext context) {
        if (closed) {
            throw new IllegalStateException("cpu backend is closed");
        }
        final int lanes = lanes(plan, block.count());
        final int tiles = (block.count() + lanes - 1) / lanes;
        final AtomicInteger next = new AtomicInteger();
        final long t0 = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < Math.min(threads, tiles); w++) {
            work.add(pool.submit(() -> {
                Tile tile = tile(plan, lanes);
                for (int k = next.getAndIncrement(); k < tiles; k = next.getAndIncrement()) {
                    int j0 = k * lanes;
                    tile.load(block, j0, Math.min(lanes, block.count() - j0));
                    tile.run(out, context);
                }
            }));
        }
        try {
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            work.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        context.addRun(System.nanoTime() - t0);
    }

    private static Tile tile(RunPlan plan, int lanes) {
        if (plan.strategy() == Strategy.BATCHED) {
            DataObjectiveSource d = (DataObjectiveSource) plan.objective();
            int dim = plan.dimension();
            return plan.precision() == Precision.FP64 ? new DataTile64(plan, d.twin64(dim), d.dataTwin64(lanes), lanes)
                    : new DataTile32(plan, d.twin32(dim), d.dataTwin32(lanes), lanes);
        }
        int d = plan.dimension();
        ConstraintSource c = plan.constraints().source();
        if (plan.precision() == Precision.FP64) {
            return new Tile64(plan, plan.objective().twin64(d), c == null ? null : c.twin64(d), lanes);
        }
        return new Tile32(plan, plan.objective().twin32(d), c == null ? null : c.twin32(d), lanes);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pool.shutdownNow();
        }
    }
}
