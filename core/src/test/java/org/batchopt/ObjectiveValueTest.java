package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.batchopt.backend.cpu.CpuBackend;
import org.batchopt.rule.AdamW;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.junit.jupiter.api.Test;

/**
 * A result reports f and the objective the members minimized (f with the penalties), and ranks best members and
 * minima by the latter. Members stay at their starts (no steps), so every value is known in closed form.
 */
class ObjectiveValueTest {
    /** (x-1)^2 at x = 1 and x = 0.2: f 0 and 0.64. */
    private static Result run(UpdateRule rule, boolean maximize) {
        Objective f = Objectives.expression("(x-1)^2", 1);
        Batch batch = Batch.builder(1).members(2).starts(Starts.points(new double[][] {{1}, {0.2}})).build();
        try (Backend cpu = new CpuBackend(1)) {
            return Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(0))
                    .run(maximize ? f.maximize() : f, rule, batch);
        }
    }

    @Test
    void penaltiesEnterTheObjectiveAndTheRanking() {
        // l1 = 1: objectives 0 + 1 = 1 and 0.64 + 0.2 = 0.84, so member 1 ranks first although its f is larger.
        Result r = run(Sgd.builder().lr(0).l1(1).build(), false);
        assertEquals(0, r.f(0));
        assertEquals(1.0, r.objectiveValue(0), 1e-15);
        assertEquals(0.84, r.objectiveValue(1), 1e-15);
        assertEquals(1, r.best().getAsInt());
        assertArrayEquals(new int[] {1, 0}, r.best(2));
        List<Minimum> minima = r.minima(1e-3, 1e-3);
        assertEquals(1, minima.get(0).members()[0]);
        assertEquals(0.84, minima.get(0).objective(), 1e-15);
        assertEquals(0.64, minima.get(0).f(), 1e-15);
        // l2 = 2, torch's weight decay 1, decoupled 1: (2 + 1 + 1)/2 x^2 = 2 and 0.08.
        Result q = run(Sgd.builder().lr(0).l2(2).weightDecay(1).decoupledWeightDecay(1).build(), false);
        assertEquals(2.0, q.objectiveValue(0), 1e-15);
        assertEquals(0.72, q.objectiveValue(1), 1e-15);
        // AdamW's weight decay is a penalty too.
        assertEquals(0.5, run(AdamW.builder().lr(0).weightDecay(1).build(), false).objectiveValue(0), 1e-15);
    }

    @Test
    void maximizingSubtractsThePenaltiesAndWithoutThemTheObjectiveIsF() {
        Result r = run(Sgd.builder().lr(0).l1(1).build(), true);
        assertEquals(-1.0, r.objectiveValue(0), 1e-15);
        assertEquals(0.44, r.objectiveValue(1), 1e-15);
        assertEquals(1, r.best().getAsInt());
        Result plain = run(Sgd.builder().lr(0).build(), false);
        assertEquals(plain.f(1), plain.objectiveValue(1));
        assertEquals(0, plain.best().getAsInt());
    }
}
