package org.batchopt.backend.opencl;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Program binaries by key, bounded: when the binaries together pass {@code capacity} bytes, the least recently
 * used ones leave. A process that builds a new program per run (a new expression each time) keeps at most
 * {@code capacity} bytes of them. Thread-safe.
 */
final class BinaryCache {
    private final long capacity;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** @param capacity the most bytes of binaries kept, {@code >= 0} */
    BinaryCache(long capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity + " must be >= 0");
        }
        this.capacity = capacity;
    }

    /** The binary stored under {@code key}, or null; counts as a use. */
    synchronized byte[] get(String key) {
        return entries.get(key);
    }

    /**
     * Stores {@code binary} (not copied, not to be modified afterwards) under {@code key}; a binary larger than
     * the whole cache is not kept.
     */
    synchronized void put(String key, byte[] binary) {
        byte[] old = entries.remove(key);
        if (old != null) {
            bytes -= old.length;
        }
        if (binary.length > capacity) {
            return;
        }
        entries.put(key, binary);
        bytes += binary.length;
        for (Iterator<byte[]> oldest = entries.values().iterator(); bytes > capacity; ) {
            bytes -= oldest.next().length;
            oldest.remove();
        }
    }

    /** Bytes of binaries kept. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }

    long capacity() {
        return capacity;
    }
}
