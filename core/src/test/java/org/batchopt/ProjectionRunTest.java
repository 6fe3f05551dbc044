package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.batchopt.rule.Adam;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedules;
import org.junit.jupiter.api.Test;

/**
 * Runs under a projection: no member ever leaves the box (every start, every step, every final point), the published
 * minimizers of McCormick and Schwefel are found inside their boxes (outside them both functions go lower), and the
 * simplex keeps its members on it.
 */
class ProjectionRunTest {

    static Engine engine(Precision p, int steps) {
        return Engine.on(SharedBackends.cpu()).precision(p).stopping(Stopping.maxSteps(steps)).history(10);
    }

    static void assertInside(Result r, Box box) {
        for (int m = 0; m < r.members(); m++) {
            for (int k = 1; k < r.historySize(); k++) {
                double[] x = r.history(m, k);
                for (int i = 0; i < box.dimension(); i++) {
                    assertTrue(x[i] >= box.lo(i) && x[i] <= box.hi(i), "member " + m + " point " + k + " x" + i
                            + " = " + x[i] + " outside [" + box.lo(i) + ", " + box.hi(i) + "]");
                }
            }
        }
    }

    /** McCormick is unbounded below along x = y &lt; 0; in its box its minimum is -1.9133 at (-0.5472, -1.5472). */
    @Test
    void mccormickInItsBox() {
        Objective f = Objectives.mccormick();
        Batch batch = Batch.builder(2).members(400).starts(Starts.sobol(f.box(), 1)).build();
        UpdateRule rule = Adam.builder().lr(0.2).schedule(Schedules.cosine(1500, 0)).build();
        Result r = engine(Precision.FP64, 1500).run(f, rule, batch, Constraints.box());
        assertInside(r, f.box());
        int b = r.best().getAsInt();
        assertEquals(f.minimum(), r.f(b), 1e-9);
        assertEquals(f.minimizers().get(0)[0], r.x(b, 0), 1e-6);
        assertEquals(f.minimizers().get(0)[1], r.x(b, 1), 1e-6);
        for (int m = 0; m < r.members(); m++) {
            assertTrue(r.f(m) >= f.minimum() - 1e-9, "member " + m + " below the minimum: " + r.f(m));
        }
        assertWalksOutWithoutTheBox(engine(Precision.FP64, 1500).run(f, rule, batch), f);
    }

    /** The same run without the projection: its best member is outside the box, below the published minimum. */
    static void assertWalksOutWithoutTheBox(Result free, Objective f) {
        int b = free.best().getAsInt();
        assertTrue(free.f(b) < f.minimum() - 1, "best f " + free.f(b));
        boolean outside = false;
        for (int i = 0; i < f.dimension(); i++) {
            outside |= free.x(b, i) < f.box().lo(i) || free.x(b, i) > f.box().hi(i);
        }
        assertTrue(outside, "best member inside the box");
    }

    /** Schwefel's minimizer 420.9687 is near the edge of [-500, 500]; beyond it the function falls further. */
    @Test
    void schwefelInItsBox() {
        Objective f = Objectives.schwefel(2);
        Batch batch = Batch.builder(2).members(400).starts(Starts.sobol(f.box(), 1)).build();
        UpdateRule rule = Adam.builder().lr(2).schedule(Schedules.cosine(2000, 0)).build();
        Result r = engine(Precision.FP64, 2000).run(f, rule, batch, Constraints.box());
        assertInside(r, f.box());
        int b = r.best().getAsInt();
        assertEquals(0, r.f(b), 1e-6);
        assertEquals(420.96874635998205, r.x(b, 0), 1e-5);
        assertEquals(420.96874635998205, r.x(b, 1), 1e-5);
        for (int m = 0; m < r.members(); m++) {
            assertTrue(r.f(m) >= -1e-6, "member " + m + " below the minimum: " + r.f(m));
        }
        assertWalksOutWithoutTheBox(engine(Precision.FP64, 2000).run(f, rule, batch), f);
    }

    /** Under a box projection the stopping gradient is the projected one, so a member at a corner converges. */
    @Test
    void aMemberAtACornerConverges() {
        Objective f = Objectives.expression("-(x + y)", Box.cube(2, 0, 1));
        Result r = Engine.on(SharedBackends.cpu()).precision(Precision.FP64)
                .stopping(Stopping.maxSteps(500).gradientTolerance(1e-9))
                .run(f, Sgd.builder().lr(0.1).build(), Batch.builder(2).members(4).starts(Starts.sobol(f.box(), 1))
                        .build(), Constraints.box());
        for (int m = 0; m < 4; m++) {
            assertEquals(Status.CONVERGED_GRADIENT, r.status(m));
            assertEquals(0.0, r.gradientNorm(m), 0.0);
            assertEquals(1.0, r.x(m, 0), 0.0);
            assertEquals(1.0, r.x(m, 1), 0.0);
        }
    }

    /**
     * On the simplex: every point a distribution (x >= 0, sum 1 to rounding), and the projected gradient stops it (at
     * gradient tolerance 1e-10 the point is within 1e-9).
     */
    @Test
    void theSimplexKeepsDistributions() {
        // min sum_i (x_i - c_i)^2 on the simplex with c = (0.7, 0.5, -0.2): the projection of c, (0.6, 0.4, 0).
        Objective f = Objectives.expression("(x-0.7)^2 + (y-0.5)^2 + (z+0.2)^2", Box.cube(3, -1, 2));
        Result r = engine(Precision.FP64, 800).stopping(Stopping.maxSteps(800).gradientTolerance(1e-10))
                .run(f, Sgd.builder().lr(0.1).build(), Batch.builder(3).members(50).starts(Starts.sobol(f.box(), 1))
                        .build(), Constraints.simplex(1));
        for (int m = 0; m < r.members(); m++) {
            assertEquals(Status.CONVERGED_GRADIENT, r.status(m), "member " + m);
            assertEquals(0.6, r.x(m, 0), 1e-9);
            assertEquals(0.4, r.x(m, 1), 1e-9);
            assertEquals(0.0, r.x(m, 2), 0.0);
            for (int k = 1; k < r.historySize(); k++) {
                double[] x = r.history(m, k);
                assertEquals(1, x[0] + x[1] + x[2], 1e-15);
                assertTrue(x[0] >= 0 && x[1] >= 0 && x[2] >= 0);
            }
        }
    }
}
