package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.batchopt.backend.cpu.CpuBackend;
import org.batchopt.rule.Adam;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedules;
import org.junit.jupiter.api.Test;

/** The engine refuses values that do not keep their meaning in the run's precision, naming them. */
class PrecisionRangeTest {
    private static Result run(UpdateRule rule, Precision p, double... start) {
        Batch batch = Batch.builder(2).members(3).starts(Starts.point(start)).build();
        try (Backend cpu = new CpuBackend(1)) {
            return Engine.on(cpu).precision(p).stopping(Stopping.maxSteps(3)).run(Objectives.sphere(2), rule, batch);
        }
    }

    private static void refused(String message, UpdateRule rule, double... start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(rule, Precision.FP32, start));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        run(rule, Precision.FP64, start);
    }

    @Test
    void fp32RefusesWhatItCannotHoldAndFp64RunsIt() {
        refused("lr = 1.0E39 is beyond the range of fp32", Adam.builder().lr(1e39).build(), 1, 1);
        refused("kappa = 1.0E39", Adam.builder().schedule(Schedules.inverseTime(1e39)).build(), 1, 1);
        refused("t_max = 1.0E-300 is below the smallest fp32 value", Adam.builder()
                .schedule(Schedules.cosine(1e-300, 0)).build(), 1, 1);
        refused("lr of member 2 = 5.0E39", Adam.builder().lr(new double[] {1e-3, 1e-3, 5e39}).build(), 1, 1);
        refused("coordinate 0 of the start point of member 0 = 1.0E39", Adam.builder().build(), 1e39, 1);
    }
}
