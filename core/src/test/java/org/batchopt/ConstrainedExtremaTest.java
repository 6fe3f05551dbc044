package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.batchopt.rule.Adam;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Constrained extrema against their closed forms and against scipy: the augmented Lagrangian's points, values and
 * multipliers (in the convention grad f = sum_j lambda_j grad left_j), every member of many starts, and the
 * statuses of infeasible problems. Tolerances: fp64 runs that settle (SGD on smooth problems, or a cosine schedule to
 * 0) reach the solution to rounding, so 1e-9 is a wide margin; fp32 runs to a few float ulps, so 1e-5.
 */
class ConstrainedExtremaTest {
    static final double TOL_FP64 = 1e-9;
    static final double TOL_FP32 = 1e-5;

    static Engine engine(Precision p, int steps) {
        return Engine.on(SharedBackends.cpu()).precision(p).stopping(Stopping.maxSteps(steps));
    }

    static double tol(Precision p) {
        return p == Precision.FP64 ? TOL_FP64 : TOL_FP32;
    }

    /**
     * The seed's example: maximize -(x-2)^2 - (y-1)^2 + 10 subject to x - y = 0. By hand: grad f = (4 - 2x, 2 - 2y) =
     * lambda (1, -1) and x = y give x = y = 1.5, f = 9.5, lambda = 1. Every one of 500 starts in [-5, 5]^2 gets there.
     */
    @ParameterizedTest
    @ValueSource(strings = {"FP32", "FP64"})
    void theSeedsConstrainedMaximumFromManyStarts(Precision p) {
        Objective f = Objectives.expression("-(x-2)^2 - (y-1)^2 + 10", Box.cube(2, -5, 5)).maximize();
        Batch batch = Batch.builder(2).members(500).starts(Starts.sobol(f.box(), 1)).build();
        Result r = engine(p, 2000).run(f, Sgd.builder().lr(0.02).build(), batch, Constraints.equality("x - y", 0));
        for (int m = 0; m < r.members(); m++) {
            assertEquals(Status.MAX_STEPS, r.status(m), "member " + m);
            assertEquals(1.5, r.x(m, 0), 1.5 * tol(p), "x of member " + m);
            assertEquals(1.5, r.x(m, 1), 1.5 * tol(p), "y of member " + m);
            assertEquals(9.5, r.f(m), 9.5 * tol(p), "f of member " + m);
            assertEquals(1, r.multipliers(m)[0], 10 * tol(p), "lambda of member " + m);
            assertEquals(0, r.constraintValues(m)[0], tol(p));
            assertTrue(r.violation(m) <= tol(p) && r.kktResidual(m) <= 100 * tol(p), r.kktResidual(m) + "");
            assertTrue(r.feasible(m));
        }
    }

    /**
     * Maximum entropy: maximize -sum p_i log p_i subject to sum p_i = 1 with p in [1e-12, 1]^D. The maximum is the
     * uniform distribution, p_i = 1/D, with value ln D; the multiplier of sum p = 1 is ln D - 1 (grad f = -(log p_i +
     * 1) = lambda). Adam with the default penalty, from 32 starts in the box.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 5, 100})
    void maximumEntropyIsUniform(int d) {
        for (Precision p : Precision.values()) {
            Objective f = Objectives.expression("-sum(x[i]*log(x[i]))", Box.cube(d, 1e-12, 1)).maximize();
            Batch batch = Batch.builder(d).members(32).starts(Starts.sobol(f.box(), 1)).build();
            Result r = engine(p, 3000).run(f, Adam.builder().lr(0.02).schedule(Schedules.cosine(3000, 0)).build(),
                    batch, Constraints.equality("sum(x[i])", 1), Constraints.box());
            double t = p == Precision.FP64 ? 1e-12 : 2e-6;
            for (int m = 0; m < r.members(); m++) {
                assertEquals(Status.MAX_STEPS, r.status(m), "D " + d + " " + p + " member " + m);
                assertEquals(Math.log(d), r.f(m), t * Math.log(d) * 10, "f, D " + d + " " + p + " member " + m);
                for (int i = 0; i < d; i++) {
                    assertEquals(1.0 / d, r.x(m, i), t, "p_" + i + ", D " + d + " " + p + " member " + m);
                }
                assertEquals(Math.log(d) - 1, r.multipliers(m)[0], p == Precision.FP64 ? 1e-10 : 1e-3,
                        "lambda, D " + d + " " + p);
            }
        }
    }

    /**
     * Minimize x^2 + y^2 subject to x + y >= 1: (0.5, 0.5), value 0.5, multiplier 1 (grad f = (1, 1) = lambda (1,
     * 1)); the inactive x <= 10 gets multiplier 0 exactly, and its value is the member's x.
     */
    @Test
    void anActiveInequalityHasItsMultiplierAnInactiveOneZero() {
        Objective f = Objectives.expression("x^2 + y^2", Box.cube(2, -3, 3));
        Batch batch = Batch.builder(2).members(64).starts(Starts.sobol(f.box(), 3)).build();
        Result r = engine(Precision.FP64, 2000).run(f, Sgd.builder().lr(0.02).build(), batch,
                Constraints.inequality("x + y", ">=", 1), Constraints.atMost("x", 10));
        for (int m = 0; m < r.members(); m++) {
            assertEquals(0.5, r.x(m, 0), TOL_FP64);
            assertEquals(0.5, r.x(m, 1), TOL_FP64);
            assertEquals(0.5, r.f(m), TOL_FP64);
            assertArrayEquals(new double[] {1, 0}, r.multipliers(m), TOL_FP64);
            assertEquals(0.0, r.multipliers(m)[1], 0.0, "exactly 0");
            assertArrayEquals(new double[] {r.x(m, 0) + r.x(m, 1), r.x(m, 0)}, r.constraintValues(m), 0.0);
        }
    }

    /** x >= 1 and x <= 0 cannot both hold: every member ends INFEASIBLE, its violation at least 0.5, never converged. */
    @Test
    void anInfeasibleProblemEndsInfeasibleWithItsViolation() {
        Objective f = Objectives.expression("x^2", Box.cube(1, -2, 2));
        Batch batch = Batch.builder(1).members(40).starts(Starts.sobol(f.box(), 1)).build();
        Result r = engine(Precision.FP64, 1000).stopping(Stopping.maxSteps(1000).gradientTolerance(1e-6)
                .valueTolerance(1e-12)).run(f, Adam.builder().lr(0.05).build(), batch, Constraints.atLeast("x", 1),
                Constraints.atMost("x", 0));
        assertEquals(40, r.count(Status.INFEASIBLE));
        for (int m = 0; m < r.members(); m++) {
            assertEquals(1000, r.steps(m));
            assertTrue(r.violation(m) >= 0.5 - 1e-6, "violation " + r.violation(m));
            assertTrue(!r.feasible(m));
        }
        assertTrue(r.best().isPresent(), "infeasible members still rank, by violation");
        // Their rank value is the worst there is: no success against any target, and they cluster by x alone.
        assertEquals(0, r.known(10, 0, 1e-3).successes(), "x^2 <= 10 everywhere here, but no member is feasible");
        assertEquals(0, r.combinations(1).get(0).successes());
        List<Minimum> minima = r.minima(1e-3, 1e-3);
        assertEquals(40, minima.stream().mapToInt(Minimum::count).sum());
        for (Minimum mn : minima) {
            assertEquals(r.objectiveValue(mn.members()[0]), mn.objective(), 0.0, "a minimum's objective is finite");
        }
    }

    /** Feasible members rank before infeasible ones, whatever their f; infeasible ones by their violation. */
    @Test
    void feasibleMembersRankFirst() {
        Objective f = Objectives.expression("x", Box.cube(1, -1, 1));
        // Members with a small learning rate cannot reach x >= 0.9 from below in 30 steps: they end infeasible
        // with a lower f.
        double[] lr = new double[20];
        for (int m = 0; m < lr.length; m++) {
            lr[m] = m % 2 == 0 ? 1e-4 : 0.05;
        }
        Batch batch = Batch.builder(1).members(20).starts(Starts.point(new double[] {-1})).build();
        Result r = engine(Precision.FP64, 300).run(f, Adam.builder().lr(Param.perMember(lr)).build(), batch,
                Constraints.atLeast("x", 0.9));
        int[] best = r.best(20);
        for (int k = 0; k < 10; k++) {
            assertTrue(r.feasible(best[k]), "rank " + k + ": member " + best[k] + " " + r.status(best[k]));
            assertTrue(!r.feasible(best[10 + k]), "rank " + (10 + k));
        }
        for (int k = 11; k < 20; k++) {
            assertTrue(r.violation(best[k - 1]) <= r.violation(best[k]));
        }
        assertTrue(r.feasible(r.minima(1e-3, 1e-3).get(0).members()[0]));
        // The feasible members' best value succeeds; no infeasible member does, though its f is lower.
        assertEquals(10, r.known(r.objectiveValue(best[0]), 1e-6, 1e-3).successes());
    }

    /**
     * Against scipy 1.10.1 (Debian's python3-scipy, /usr/bin/python3), minimize(..., method='SLSQP', ftol=1e-15):
     * Rosenbrock in the unit disk from (0.5, 0) ends at (0.786415153062, 0.617698313932), f 0.0456748087195, and its
     * multiplier, from grad f = lambda grad(x^2 + y^2) there, is -0.1214967 (trust-constr reports v = -0.12149483);
     * scipy's tutorial problem min (x-1)^2 + (y-2.5)^2 subject to x - 2y + 2 >= 0, -x - 2y + 6 >= 0, -x + 2y + 2 >= 0,
     * x, y >= 0 ends at (1.4, 1.7), f 0.8, the first constraint's multiplier 0.8 (trust-constr: v = -0.8), the others 0.
     */
    @Test
    void agreesWithScipySlsqp() {
        Objective rosenbrock = Objectives.expression("(1-x)^2 + 100*(y-x^2)^2", Box.cube(2, -1, 1));
        UpdateRule rule = Adam.builder().lr(0.01).schedule(Schedules.cosine(20000, 0)).build();
        Result r = engine(Precision.FP64, 20000).run(rosenbrock, rule,
                Batch.builder(2).members(1).starts(Starts.point(new double[] {0.5, 0})).build(),
                Constraints.atMost("x^2 + y^2", 1));
        assertEquals(0.786415153062, r.x(0, 0), 1e-6);
        assertEquals(0.617698313932, r.x(0, 1), 1e-6);
        assertEquals(0.0456748087195, r.f(0), 1e-8);
        assertEquals(-0.1214967, r.multipliers(0)[0], 1e-4);

        Objective q = Objectives.expression("(x-1)^2 + (y-2.5)^2", Box.cube(2, 0, 3));
        Result s = engine(Precision.FP64, 4000).run(q, Sgd.builder().lr(0.02).build(),
                Batch.builder(2).members(16).starts(Starts.sobol(q.box(), 2)).build(),
                Constraints.atLeast("x - 2*y + 2", 0), Constraints.atLeast("-x - 2*y + 6", 0),
                Constraints.atLeast("-x + 2*y + 2", 0), Constraints.box(Box.cube(2, 0, 10)));
        for (int m = 0; m < s.members(); m++) {
            assertEquals(1.4, s.x(m, 0), 1e-8);
            assertEquals(1.7, s.x(m, 1), 1e-8);
            assertEquals(0.8, s.f(m), 1e-8);
            assertArrayEquals(new double[] {0.8, 0, 0}, s.multipliers(m), 1e-7);
        }
    }

    /**
     * A grid over rho: every penalty reaches the seed's answer, and each member reports its own rho. (SGD's learning
     * rate keeps lr (2 + 2 rho) below 2, the stability bound of the largest penalty's quadratic.)
     */
    @Test
    void aGridOverTheInitialPenalty() {
        Grid grid = Grid.of("rho", 1, 10, 100);
        Objective f = Objectives.expression("-(x-2)^2 - (y-1)^2 + 10", Box.cube(2, -5, 5)).maximize();
        Result r = engine(Precision.FP64, 3000).augmentedLagrangian(AugmentedLagrangian.DEFAULTS
                .withRho(grid.column("rho", 8))).run(f, Sgd.builder().lr(0.005).build(),
                grid.batch(8, Starts.sobol(f.box(), 1)), Constraints.equality("x - y", 0));
        assertEquals(24, r.members());
        for (int m = 0; m < r.members(); m++) {
            assertEquals(grid.value("rho", m / 8), r.hyperparameters(m).get("rho"), 0.0);
            assertEquals(1.5, r.x(m, 0), TOL_FP64);
            assertEquals(1, r.multipliers(m)[0], TOL_FP64);
        }
    }

    /** A range of the batch ends exactly as those members do in the whole run: multipliers, violations and all. */
    @Test
    void aRangeOfMembersEndsAsInTheWholeRun() {
        Objective f = Objectives.expression("x^2 + y^2", Box.cube(2, -3, 3));
        Batch batch = Batch.builder(2).members(30).starts(Starts.sobol(f.box(), 3)).build();
        List<Constraint> constraints = List.of(Constraints.inequality("x + y", ">=", 1), Constraints.box());
        Engine e = engine(Precision.FP32, 300);
        Result whole = e.run(f, Sgd.builder().lr(0.02).build(), batch, constraints);
        Result part = e.run(f, Sgd.builder().lr(0.02).build(), batch, 10, 12, constraints);
        assertEquals(10, part.firstMember());
        for (int m = 10; m < 22; m++) {
            assertArrayEquals(whole.x(m), part.x(m), 0.0);
            assertArrayEquals(whole.multipliers(m), part.multipliers(m), 0.0);
            assertArrayEquals(whole.constraintValues(m), part.constraintValues(m), 0.0);
            assertEquals(whole.violation(m), part.violation(m), 0.0);
            assertEquals(whole.kktResidual(m), part.kktResidual(m), 0.0);
            assertEquals(whole.status(m), part.status(m));
        }
    }

    /**
     * Penalty growth: from rho = 0.01 the seed's problem is still far from feasible after 1000 steps (the multiplier
     * moves by rho c per update), every member INFEASIBLE; growth 10 raises rho where the violation does not halve
     * and every member reaches the answer.
     */
    @Test
    void penaltyGrowthReachesFeasibility() {
        Objective f = Objectives.expression("-(x-2)^2 - (y-1)^2 + 10", Box.cube(2, -5, 5)).maximize();
        Batch batch = Batch.builder(2).members(8).starts(Starts.sobol(f.box(), 1)).build();
        AugmentedLagrangian weak = AugmentedLagrangian.DEFAULTS.withRho(Param.of(0.01));
        Result fixed = engine(Precision.FP64, 1000).augmentedLagrangian(weak).run(f, Sgd.builder().lr(0.02).build(),
                batch, Constraints.equality("x - y", 0));
        assertEquals(8, fixed.count(Status.INFEASIBLE));
        Result grown = engine(Precision.FP64, 1000).augmentedLagrangian(weak.withRhoGrowth(Param.of(10)))
                .run(f, Sgd.builder().lr(0.02).build(), batch, Constraints.equality("x - y", 0));
        for (int m = 0; m < grown.members(); m++) {
            assertTrue(fixed.violation(m) > 0.5, "without growth, member " + m + ": " + fixed.violation(m));
            assertTrue(grown.feasible(m) && grown.violation(m) < 1e-5, "with growth: " + grown.violation(m));
            assertEquals(1.5, grown.x(m, 0), 1e-4);
            assertEquals(1, grown.multipliers(m)[0], 1e-4);
        }
    }

    /**
     * A named parameter as a grid axis: minimize (x - mu)^2 + (y - mu)^2 subject to x + y = 1 is at x = y = 0.5 for
     * every mu, with f = 2 (0.5 - mu)^2 and lambda = 1 - 2 mu (grad f = 2 (0.5 - mu) (1, 1)).
     */
    @Test
    void aGridOverANamedParameter() {
        Grid grid = Grid.of("mu", 0, 1, 2);
        Objective f = Objectives.expression("(x - mu)^2 + (y - mu)^2", Box.cube(2, -3, 3),
                Map.of("mu", grid.column("mu", 10)));
        Result r = engine(Precision.FP64, 2000).run(f, Sgd.builder().lr(0.02).build(),
                grid.batch(10, Starts.sobol(f.box(), 1)), Constraints.equality("x + y", 1));
        for (int m = 0; m < r.members(); m++) {
            double mu = grid.value("mu", m / 10);
            assertEquals(mu, r.hyperparameters(m).get("mu"), 0.0);
            assertEquals(0.5, r.x(m, 0), TOL_FP64);
            assertEquals(2 * (0.5 - mu) * (0.5 - mu), r.f(m), TOL_FP64);
            assertEquals(1 - 2 * mu, r.multipliers(m)[0], TOL_FP64);
        }
    }
}
