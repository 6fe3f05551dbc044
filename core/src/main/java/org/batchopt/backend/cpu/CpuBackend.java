package org.batchopt.backend.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.batchopt.Backend;
import org.batchopt.Precision;
import org.batchopt.backend.Job;
import org.batchopt.backend.KernelShape;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;
import org.batchopt.backend.cpu.twin.Tile;
import org.batchopt.backend.cpu.twin.Tile32;
import org.batchopt.backend.cpu.twin.Tile64;

/**
 * The CPU backend: the Java twin of the kernels, run over tiles of members on every core. It is the
 * reference the devices are tested against and runs where no driver exists. No native code.
 */
public final class CpuBackend implements Backend {
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
        return System.getProperty("os.arch") + " CPU, " + threads + " threads (Java " + Runtime.version().feature() + ")";
    }

    @Override
    public void requirePrecision(Precision precision) {
        // Both precisions are Java arithmetic.
    }

    @Override
    public int maxBlockMembers(Job job) {
        return BLOCK_MEMBERS;
    }

    /**
     * Members per tile: enough lanes to vectorize, few enough that a tile's state stays in cache; fewer (down to 1)
     * where the tiles of every thread would take more than a quarter of the Java heap.
     */
    int lanes(KernelShape shape) {
        int l = Math.max(16, Math.min(256, 2048 / Math.max(1, shape.dimension()) / 16 * 16));
        long byHeap = Runtime.getRuntime().maxMemory() / 4 / threads / laneBytes(shape);
        return (int) Math.max(1, Math.min(l, byHeap));
    }

    /** Heap bytes of one lane of a tile: x, g, the rules' scratch and the rule's state per coordinate (fp64). */
    private static long laneBytes(KernelShape shape) {
        return 8L * shape.dimension() * (3 + shape.stateSlots());
    }

    /** The tiles of every thread. */
    @Override
    public long workingBytes(Job job) {
        KernelShape shape = KernelShape.of(job);
        return (long) threads * lanes(shape) * laneBytes(shape);
    }

    @Override
    public void run(Job job, MemberBlock block, MemberResults out, RunContext context) {
        if (closed) {
            throw new IllegalStateException("cpu backend is closed");
        }
        final KernelShape shape = KernelShape.of(job);
        final int lanes = lanes(shape);
        final int tiles = (block.count() + lanes - 1) / lanes;
        final AtomicInteger next = new AtomicInteger();
        final long t0 = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < Math.min(threads, tiles); w++) {
            work.add(pool.submit(() -> {
                Tile tile = tile(job, shape, lanes);
                for (int k = next.getAndIncrement(); k < tiles; k = next.getAndIncrement()) {
                    int j0 = k * lanes;
                    tile.load(block, j0, Math.min(lanes, block.count() - j0));
                    tile.run(out, context, job.historyEvery());
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

    private static Tile tile(Job job, KernelShape shape, int lanes) {
        if (job.precision() == Precision.FP64) {
            return new Tile64(shape, job.objective().source().twin64(job.dimension()), lanes, job);
        }
        return new Tile32(shape, job.objective().source().twin32(job.dimension()), lanes, job);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pool.shutdownNow();
        }
    }
}
