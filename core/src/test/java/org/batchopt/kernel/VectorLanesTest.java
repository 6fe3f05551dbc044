package org.batchopt.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.batchopt.backend.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

/**
 * The test JVMs run the Vector API's lane loops (the build adds the module, as the launcher does), so every test
 * of a CPU result checks them; the plain twins are checked against them where they are defined.
 */
class VectorLanesTest {
    @Test
    void theTestJvmsUseTheVectorApi() {
        assertTrue(VectorLanes.ENABLED, "the test JVM lacks --add-modules " + VectorLanes.MODULE);
        assertEquals("Vector API lanes", VectorLanes.describe());
        assertTrue(CpuBackend.description(2).endsWith("threads (Java " + Runtime.version().feature()
                + ", Vector API lanes)"), CpuBackend.description(2));
    }
}
