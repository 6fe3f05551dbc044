package org.batchopt.backend.cuda;

import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUresult;

/**
 * Page-locked host memory of one CUDA context, lent out as buffers for copies: the DMA engine reads it
 * directly, so copies run at full link speed and {@code cuMemcpyHtoDAsync} returns at once. Page-locking is
 * slow (milliseconds per hundred MB), so blocks given back are kept for the next run, up to {@link #KEEP}
 * bytes. The caller makes the context current. Not thread-safe.
 */
final class PinnedPool implements AutoCloseable {
    /** Bytes of returned blocks kept for reuse; beyond it the largest are freed. */
    static final long KEEP = 2L << 30;

    private record Block(Pointer pointer, ByteBuffer memory) {
        long capacity() {
            return memory.capacity();
        }
    }

    private final List<Block> free = new ArrayList<>();
    private final Map<ByteBuffer, Block> lent = new IdentityHashMap<>();
    private long freeBytes;

    /**
     * A buffer of exactly {@code bytes} bytes (at most 2 GiB), native order, contents undefined; null when no
     * page-locked memory can be had (the caller then copies from ordinary memory).
     */
    ByteBuffer take(long bytes) {
        long size = Math.max(1, bytes);
        Block best = null;
        for (Block b : free) {
            if (b.capacity() >= size && b.capacity() <= 2 * size + 65_536
                    && (best == null || b.capacity() < best.capacity())) {
                best = b;
            }
        }
        if (best != null) {
            free.remove(best);
            freeBytes -= best.capacity();
        } else {
            Pointer p = new Pointer();
            if (cuMemAllocHost(p, size) != CUresult.CUDA_SUCCESS) {
                return null;
            }
            best = new Block(p, p.getByteBuffer(0, size));
        }
        ByteBuffer view = best.memory().duplicate().position(0).limit((int) bytes).slice().order(ByteOrder.nativeOrder());
        lent.put(view, best);
        return view;
    }

    /** Takes back a buffer of {@link #take}; false when it is not one. */
    boolean give(ByteBuffer view) {
        Block b = lent.remove(view);
        if (b == null) {
            return false;
        }
        free.add(b);
        freeBytes += b.capacity();
        while (freeBytes > KEEP) {
            Block largest = free.get(0);
            for (Block f : free) {
                if (f.capacity() > largest.capacity()) {
                    largest = f;
                }
            }
            free.remove(largest);
            freeBytes -= largest.capacity();
            cuMemFreeHost(largest.pointer());
        }
        return true;
    }

    /** Bytes page-locked now, lent and kept. */
    long bytes() {
        long sum = freeBytes;
        for (Block b : lent.values()) {
            sum += b.capacity();
        }
        return sum;
    }

    /** Frees every block, lent ones included. */
    @Override
    public void close() {
        List<Block> all = new ArrayList<>(lent.values());
        all.addAll(free);
        lent.clear();
        free.clear();
        freeBytes = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            cuMemFreeHost(all.get(i).pointer());
        }
    }
}
