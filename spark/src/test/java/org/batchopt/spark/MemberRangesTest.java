package org.batchopt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The member ranges depend on the members and tasks only, cover the batch once, and differ by one at most. */
class MemberRangesTest {
    @Test
    void rangesCoverTheBatchOnceInNearlyEqualParts() {
        for (int[] c : new int[][] {{600, 5}, {240, 7}, {4, 3}, {3, 64}, {1, 1}, {Integer.MAX_VALUE, 64}}) {
            List<int[]> ranges = SparkBatch.ranges(c[0], c[1]);
            assertEquals(Math.min(c[0], c[1]), ranges.size());
            long next = 0;
            int smallest = Integer.MAX_VALUE;
            int largest = 0;
            for (int[] r : ranges) {
                assertEquals(next, r[0]);
                assertTrue(r[1] >= 1);
                next += r[1];
                smallest = Math.min(smallest, r[1]);
                largest = Math.max(largest, r[1]);
            }
            assertEquals(c[0], next);
            assertTrue(largest - smallest <= 1, c[0] + " members in " + c[1] + " tasks");
        }
        assertEquals(List.of(0, 1, 2), SparkBatch.ranges(4, 3).stream().map(r -> r[0]).toList());
    }
}
