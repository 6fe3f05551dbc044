package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.batchopt.rule.Adam;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Periodic objectives far from the origin: sin and cos take every finite argument. Rastrigin on
 * [-20000, 20000]^2 has arguments 2 pi x up to 1.3e5, beyond the old fp32 limit of 65536 (728 of 1000 members
 * used to end DIVERGED at step 0); Ackley on [-1e9, 1e9]^3 passes the fp64 fast reduction (2^30) too.
 */
class LargeArgumentTest {
    @ParameterizedTest
    @EnumSource(Precision.class)
    void everyMemberStaysFinite(Precision p) {
        try (Backend cpu = Backends.open("cpu")) {
            Engine engine = Engine.on(cpu).precision(p).stopping(Stopping.maxSteps(20));
            Result rastrigin = engine.run(Objectives.rastrigin(2), Adam.builder().lr(1).build(), Batch.builder(2)
                    .members(1000).starts(Starts.uniform(Box.cube(2, -20000, 20000), 1)).build());
            assertEquals(0, rastrigin.count(Status.DIVERGED), "Rastrigin on [-20000, 20000]^2, " + p);
            Result ackley = engine.run(Objectives.ackley(3), Adam.builder().lr(1).build(), Batch.builder(3)
                    .members(1000).starts(Starts.uniform(Box.cube(3, -1e9, 1e9), 1)).build());
            assertEquals(0, ackley.count(Status.DIVERGED), "Ackley on [-1e9, 1e9]^3, " + p);
        }
    }
}
