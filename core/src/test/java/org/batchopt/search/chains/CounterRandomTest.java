package org.batchopt.search.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The search's counter-based streams: SplitMix64 as the JDK implements it, and draws in range. */
class CounterRandomTest {

    /** Draw k of a stream is the (k+1)-th nextLong of the JDK's SplittableRandom seeded with the stream's key. */
    @Test
    void drawsAreSplitMix64AsInTheJdk() {
        for (long key : new long[] {0, 1, -1, 0x123456789ABCDEFL, CounterRandom.key(7, 3, 11)}) {
            SplittableRandom jdk = new SplittableRandom(key);
            for (int k = 0; k < 100; k++) {
                assertEquals(jdk.nextLong(), CounterRandom.bits(key, k), "key " + key + " draw " + k);
            }
        }
    }

    @Test
    void streamsOfDifferentSeedsMembersAndEventsDiffer() {
        long a = CounterRandom.key(1, 0, 0);
        assertNotEquals(a, CounterRandom.key(2, 0, 0));
        assertNotEquals(a, CounterRandom.key(1, 1, 0));
        assertNotEquals(a, CounterRandom.key(1, 0, 1));
        // (member, event) and (event, member) are different streams.
        assertNotEquals(CounterRandom.key(1, 2, 3), CounterRandom.key(1, 3, 2));
    }

    /** unit is in [0, 1) with mean 1/2; below(n) is in [0, n) and hits every value about equally often. */
    @Test
    void drawsFallInTheirRanges() {
        long key = CounterRandom.key(42, 5, 9);
        double sum = 0;
        int[] counts = new int[7];
        int n = 70_000;
        for (int k = 0; k < n; k++) {
            double u = CounterRandom.unit(key, k);
            assertTrue(u >= 0 && u < 1, u + " out of [0, 1)");
            sum += u;
            int b = CounterRandom.below(key, k, 7);
            assertTrue(b >= 0 && b < 7, b + " out of [0, 7)");
            counts[b]++;
        }
        assertEquals(0.5, sum / n, 0.01);
        for (int c : counts) {
            assertEquals(n / 7.0, c, 5 * Math.sqrt(n / 7.0), java.util.Arrays.toString(counts));
        }
        assertEquals(0, CounterRandom.below(key, 0, 1));
    }
}
