package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.batchopt.rule.Adam;
import org.junit.jupiter.api.Test;

/** Multi-start searches end where the mathematics says they must. */
class MultiStartTest {
    private final Backend cpu = SharedBackends.cpu();

    @Test
    void rastriginFromTenThousandSobolStartsFindsZeroAtTheOrigin() {
        Objective f = Objectives.rastrigin(2);
        Batch batch = Batch.builder(2).members(10_000).starts(Starts.sobol(f.box(), 1)).build();
        Result r = Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(2000).gradientTolerance(1e-9))
                .run(f, Adam.builder().lr(0.01).build(), batch);
        int best = r.best().getAsInt();
        assertTrue(r.f(best) < 1e-12, "best f " + r.f(best));
        assertTrue(Math.abs(r.x(best, 0)) < 1e-6 && Math.abs(r.x(best, 1)) < 1e-6, Arrays.toString(r.x(best)));
    }

    @Test
    void himmelblauHasFourGlobalMinimaAndTheSearchReportsFourDistinctOnes() {
        Objective f = Objectives.himmelblau();
        Batch batch = Batch.builder(2).members(4096).starts(Starts.sobol(f.box(), 3)).build();
        Result r = Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(3000).gradientTolerance(1e-10))
                .run(f, Adam.builder().lr(0.02).build(), batch);
        List<Minimum> minima = r.minima(1e-4, 1e-6);
        assertEquals(4, minima.size(), minima.toString());
        int members = 0;
        for (Minimum m : minima) {
            assertTrue(m.f() < 1e-12, "f " + m.f());
            double nearest = f.minimizers().stream()
                    .mapToDouble(p -> Math.hypot(p[0] - m.x()[0], p[1] - m.x()[1])).min().getAsDouble();
            assertTrue(nearest < 1e-6, Arrays.toString(m.x()) + " is not a documented minimizer");
            members += m.count();
        }
        assertEquals(4096 - r.count(Status.DIVERGED), members);
    }

    @Test
    void maximizingAnInvertedParaboloidEndsAtItsTopWithItsValue() {
        Objective f = Objectives.expression("-(x-2)^2 - (y-1)^2 + 10", 2).maximize();
        Batch batch = Batch.builder(2).members(64).starts(Starts.uniform(Box.cube(2, -10, 10), 5)).build();
        for (Precision p : Precision.values()) {
            Result r = Engine.on(cpu).precision(p).stopping(Stopping.maxSteps(5000).gradientTolerance(1e-7))
                    .run(f, Adam.builder().lr(0.05).build(), batch);
            double tol = p == Precision.FP32 ? 1e-3 : 1e-6;
            for (int m = 0; m < 64; m++) {
                assertEquals(2, r.x(m, 0), tol, "x of member " + m + " in " + p);
                assertEquals(1, r.x(m, 1), tol, "y of member " + m + " in " + p);
                assertEquals(10, r.f(m), tol, "reported f is f itself, not -f, in " + p);
            }
            assertEquals(10, r.f(r.best().getAsInt()), tol);
        }
    }
}
