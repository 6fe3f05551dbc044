package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.batchopt.backend.cpu.CpuBackend;
import org.batchopt.rule.Adam;
import org.junit.jupiter.api.Test;

/** The engine estimates a run's heap before it allocates anything and refuses what cannot fit, with the figures. */
class MemoryEstimateTest {

    @Test
    void theEstimateCountsResultsHistoryParametersAndOneBlock() {
        // 1000 members x 10 fp32 coordinates: 40 + 21 bytes each; 11 history points of 40 bytes; 2 per-member
        // parameters of 8 bytes; a block of all 1000 start points in double; 5000 bytes of backend working set.
        double expected = 1000 * 61.0 + 11 * 1000 * 40.0 + 1000 * 16.0 + 1000 * 80.0 + 5000;
        assertEquals(expected, Engine.heapBytes(1000, 10, Precision.FP32, 100, 1000, 2, 5000), 0);
    }

    /** Refused before the results are allocated: allocating them would end in an OutOfMemoryError instead. */
    @Test
    void aRunThatCannotFitIsRefusedBeforeItStarts() {
        long members = (long) (Runtime.getRuntime().maxMemory() / 40) + 1;
        Batch batch = Batch.builder(10).members(members).starts(Starts.point(new double[10])).build();
        try (Backend cpu = new CpuBackend(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Engine.on(cpu).run(Objectives.sphere(10), Adam.builder().build(), batch));
            assertTrue(e.getMessage().startsWith("this run needs about") && e.getMessage().contains(members
                    + " members x 10 coordinates"), e.getMessage());
        }
        IllegalArgumentException points = assertThrows(IllegalArgumentException.class,
                () -> Engine.requireHoldable(2, 1, Integer.MAX_VALUE));
        assertTrue(points.getMessage().contains("2147483648 points per member"), points.getMessage());
    }
}
