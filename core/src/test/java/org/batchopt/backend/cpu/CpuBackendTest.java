package org.batchopt.backend.cpu;

import static org.batchopt.parity.ResultAssert.assertSameMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.batchopt.Backend;
import org.batchopt.Batch;
import org.batchopt.Engine;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.RunSettings;
import org.batchopt.SharedBackends;
import org.batchopt.Starts;
import org.batchopt.Status;
import org.batchopt.Stopping;
import org.batchopt.TestAccess;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;
import org.batchopt.backend.RunPlan;
import org.batchopt.rule.Adam;
import org.batchopt.rule.UpdateRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CPU backend as the engine uses it: tiles of lanes on a pool of threads, members that stop at different steps
 * leaving their tile, blocks anywhere in the batch, progress that adds up, and a closed backend that refuses work.
 */
class CpuBackendTest {
    static final Objective F = Objectives.rosenbrock(3);
    static final int MEMBERS = 700;

    /** Per-member learning rates, so that members stop (gradient tolerance) at many different steps. */
    static UpdateRule rule() {
        double[] lr = new double[MEMBERS];
        for (int m = 0; m < MEMBERS; m++) {
            lr[m] = 1e-3 + 4e-2 * m / MEMBERS;
        }
        return Adam.builder().lr(lr).build();
    }

    static Batch batch() {
        return Batch.builder(3).members(MEMBERS).starts(Starts.uniform(F.box(), 3)).build();
    }

    static RunSettings settings(Precision p) {
        return RunSettings.DEFAULTS.withPrecision(p).withStopping(Stopping.maxSteps(300).gradientTolerance(1e-2))
                .withHistory(25);
    }

    @Test
    void lanesAreAMultipleOf16BetweenTheBounds() {
        assertEquals(256, CpuBackend.lanes(1));
        assertEquals(256, CpuBackend.lanes(16));
        assertEquals(128, CpuBackend.lanes(32));
        assertEquals(64, CpuBackend.lanes(64));
        assertEquals(16, CpuBackend.lanes(10_000));
        for (int d = 1; d < 3000; d += 7) {
            int l = CpuBackend.lanes(d);
            assertTrue(l % 16 == 0 && l >= 16 && l <= 256, d + ": " + l);
        }
    }

    /** One thread or several, the members finish in other orders on other threads, with the same bits. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void theNumberOfThreadsNeverChangesAResult(Precision p) {
        Result shared = Engine.on(SharedBackends.cpu()).settings(settings(p)).run(F, rule(), batch());
        assertTrue(Arrays.stream(Status.values()).filter(s -> shared.count(s) > 0).count() >= 2,
                "members stop at different steps and for different reasons");
        for (int threads : new int[] {1, 3}) {
            try (Backend cpu = new CpuBackend(threads)) {
                Result r = Engine.on(cpu).settings(settings(p)).run(F, rule(), batch());
                for (int m = 0; m < MEMBERS; m++) {
                    assertSameMember(shared, m, r, m, threads + " threads");
                    for (int k = 0; k < shared.historySize(); k++) {
                        assertTrue(Arrays.equals(shared.history(m, k), r.history(m, k)), "history " + k + " of " + m);
                    }
                }
            }
        }
    }

    /**
     * A block in the middle of the batch: its members are written at their global indices with the hyperparameters
     * of those indices, nothing else is touched, and the member-steps reported are the steps the members took.
     */
    @Test
    void aBlockWritesItsOwnMembersAndReportsTheirSteps() {
        RunSettings settings = settings(Precision.FP64).withHistory(0);
        Result whole = Engine.on(SharedBackends.cpu()).settings(settings).run(F, rule(), batch());
        RunPlan plan = TestAccess.plan(F, rule(), settings);
        int first = 250;
        int count = 300;
        double[] start = new double[count * 3];
        batch().startPoints(first, count, start);
        MemberResults out = new MemberResults(3, MEMBERS, Precision.FP64, 0, 300);
        RunContext context = new RunContext(c -> { });
        try (CpuBackend cpu = new CpuBackend(2)) {
            cpu.run(plan, new MemberBlock(first, count, start), out, context);
        }
        long steps = 0;
        for (int m = 0; m < MEMBERS; m++) {
            boolean inBlock = m >= first && m < first + count;
            if (!inBlock) {
                assertEquals(Status.RUNNING, out.status(m), "member " + m + " is not in the block");
                continue;
            }
            assertEquals(whole.steps(m), out.steps(m), "member " + m);
            assertEquals(whole.status(m), out.status(m), "member " + m);
            assertEquals(Double.doubleToLongBits(whole.f(m)), Double.doubleToLongBits(out.f(m)), "member " + m);
            assertTrue(Arrays.equals(whole.x(m), out.x().get(m)), "member " + m);
            steps += out.steps(m);
        }
        assertEquals(steps, context.memberSteps());
        assertEquals(count, context.finishedMembers());
        assertTrue(context.runSeconds() > 0);
    }

    @Test
    void aClosedBackendRefusesWorkAndClosesOnce() {
        CpuBackend cpu = new CpuBackend(1);
        assertEquals("cpu", cpu.id());
        assertTrue(cpu.device().contains("1 threads"), cpu.device());
        cpu.close();
        cpu.close();
        Batch one = Batch.builder(3).members(1).starts(Starts.point(0, 0, 0)).build();
        assertThrows(IllegalStateException.class, () -> Engine.on(cpu).run(F, Adam.builder().build(), one));
        assertThrows(IllegalArgumentException.class, () -> new CpuBackend(0));
    }
}
