package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.batchopt.rule.Sgd;
import org.junit.jupiter.api.Test;

/**
 * The models against references computed without the engine ({@link References}), on datasets with a known
 * truth ({@link Synthetic}), in fp64 on the CPU: ridge against its closed form, the lasso (proximal L1) against
 * coordinate descent, zeros included, logistic and softmax regression with L2 against Newton's method.
 */
class ModelReferenceTest {
    /** Ridge's closed form is exact; gradient descent stopped at a gradient norm of 1e-13 is within this. */
    static final double RIDGE_TOL = 1e-8;
    /** The lasso by proximal gradient against coordinate descent, both run to convergence. */
    static final double LASSO_TOL = 1e-8;
    /** Logistic and softmax regression: gradient descent to a gradient norm of 1e-11 against Newton's method. */
    static final double NEWTON_TOL = 1e-6;

    static Engine fp64(int steps, double gtol) {
        return Engine.on(SharedBackends.cpu()).precision(Precision.FP64)
                .stopping(Stopping.maxSteps(steps).gradientTolerance(gtol));
    }

    /** The largest difference between x and the reference, relative to the reference's largest value. */
    static double relative(double[] x, double[] ref) {
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < ref.length; i++) {
            scale = Math.max(scale, Math.abs(ref[i]));
            diff = Math.max(diff, Math.abs(x[i] - ref[i]));
        }
        return diff / scale;
    }

    @Test
    void ridgeEqualsItsClosedFormForSeveralL2InOneGrid() {
        Synthetic.Data s = Synthetic.linear(7, 400, 5, 0.3);
        Objective f = Objectives.linear(s.dataset());
        double[] l2 = {0, 1e-3, 0.1, 1};
        Grid grid = Grid.of("l2", l2);
        Sgd rule = Sgd.builder().lr(0.05).momentum(0.9).l2(grid.column("l2", 1)).build();
        Result r = fp64(50_000, 1e-13).run(f, rule, grid.batch(1, Starts.point(new double[6])));
        for (int m = 0; m < l2.length; m++) {
            assertEquals(Status.CONVERGED_GRADIENT, r.status(m), "l2 " + l2[m]);
            double err = relative(r.x(m), References.ridge(s.x(), s.y(), l2[m]));
            assertTrue(err <= RIDGE_TOL, "l2 " + l2[m] + ": relative error " + err);
        }
    }

    @Test
    void lassoWithTheProximalStepEqualsCoordinateDescentZerosIncluded() {
        Synthetic.Data s = Synthetic.linear(11, 300, 8, 0.5);
        Objective f = Objectives.linear(s.dataset());
        double[] l1 = {0.02, 0.1, 0.4};
        Grid grid = Grid.of("l1", l1);
        Sgd rule = Sgd.builder().lr(0.05).l1(grid.column("l1", 1), true).build();
        Result r = fp64(30_000, 0).run(f, rule, grid.batch(1, Starts.point(new double[9])));
        int zeros = 0;
        for (int m = 0; m < l1.length; m++) {
            double[] ref = References.lasso(s.x(), s.y(), l1[m]);
            double[] x = r.x(m);
            double err = relative(x, ref);
            assertTrue(err <= LASSO_TOL, "l1 " + l1[m] + ": relative error " + err);
            for (int k = 0; k < 8; k++) {
                assertEquals(ref[k] == 0, x[k] == 0, "l1 " + l1[m] + ", coefficient " + k + ": " + x[k] + " vs "
                        + ref[k]);
                zeros += ref[k] == 0 ? 1 : 0;
            }
        }
        assertTrue(zeros >= 3, zeros + " zero coefficients: the case must have some");
    }

    @Test
    void logisticWithL2EqualsNewton() {
        Synthetic.Data s = Synthetic.logistic(3, 500, 4);
        Objective f = Objectives.logistic(s.dataset());
        double[] l2 = {1e-3, 0.05};
        Grid grid = Grid.of("l2", l2);
        Sgd rule = Sgd.builder().lr(0.5).momentum(0.9).l2(grid.column("l2", 1)).build();
        Result r = fp64(100_000, 1e-11).run(f, rule, grid.batch(1, Starts.point(new double[5])));
        for (int m = 0; m < l2.length; m++) {
            assertEquals(Status.CONVERGED_GRADIENT, r.status(m), "l2 " + l2[m]);
            double err = relative(r.x(m), References.logistic(s.x(), s.y(), l2[m]));
            assertTrue(err <= NEWTON_TOL, "l2 " + l2[m] + ": relative error " + err);
        }
    }

    @Test
    void softmaxWithL2EqualsNewton() {
        Synthetic.Data s = Synthetic.softmax(5, 400, 3, 4);
        Objective f = Objectives.softmax(s.dataset());
        double[] l2 = {1e-3, 0.05};
        Grid grid = Grid.of("l2", l2);
        Sgd rule = Sgd.builder().lr(0.5).momentum(0.9).l2(grid.column("l2", 1)).build();
        Result r = fp64(100_000, 1e-11).run(f, rule, grid.batch(1, Starts.point(new double[16])));
        for (int m = 0; m < l2.length; m++) {
            assertEquals(Status.CONVERGED_GRADIENT, r.status(m), "l2 " + l2[m]);
            double err = relative(r.x(m), References.softmax(s.x(), s.y(), 4, l2[m]));
            assertTrue(err <= NEWTON_TOL, "l2 " + l2[m] + ": relative error " + err);
        }
    }
}
