package org.batchopt.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The process-wide OpenCL binary cache stays within its bytes, dropping the least recently used first. */
class BinaryCacheTest {

    @Test
    void keepsAtMostItsCapacityAndDropsTheLeastRecentlyUsed() {
        BinaryCache cache = new BinaryCache(300);
        cache.put("a", new byte[100]);
        cache.put("b", new byte[100]);
        cache.put("c", new byte[100]);
        assertEquals(300, cache.bytes());
        cache.get("a");
        cache.put("d", new byte[100]);
        assertNull(cache.get("b"), "b was used least recently");
        assertEquals(3, cache.size());
        assertEquals(300, cache.bytes());
        cache.put("e", new byte[250]);
        assertEquals(1, cache.size(), "room for e means the other three leave");
        assertEquals(250, cache.bytes());
        cache.put("huge", new byte[301]);
        assertNull(cache.get("huge"), "larger than the whole cache: not kept");
        assertEquals(250, cache.bytes());
    }

    @Test
    void replacingAKeyCountsOnlyTheNewBinary() {
        BinaryCache cache = new BinaryCache(1000);
        cache.put("a", new byte[400]);
        byte[] newer = {1, 2, 3};
        cache.put("a", newer);
        assertEquals(3, cache.bytes());
        assertArrayEquals(newer, cache.get("a"));
    }

    /** A new program per run, as a process running a new expression each time builds: memory stays bounded. */
    @Test
    void aNewProgramPerRunNeverPassesTheBound() {
        BinaryCache cache = OpenClBackend.BINARIES;
        assertTrue(cache.capacity() > 0 && cache.capacity() <= 256L << 20, "bounded: " + cache.capacity());
        BinaryCache small = new BinaryCache(cache.capacity() / 1024);
        for (int run = 0; run < 10_000; run++) {
            small.put("program " + run, new byte[125]);
            assertTrue(small.bytes() <= small.capacity());
        }
        assertEquals(small.capacity() / 125, small.size());
    }
}
