package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.batchopt.rule.Adam;
import org.batchopt.rule.Sgd;
import org.batchopt.schedule.Schedules;
import org.junit.jupiter.api.Test;

/**
 * The figures a multi-start search and a grid are judged by, on cases whose answers are known: Himmelblau's four
 * global minima, a sphere's one, a grid computed by hand, f over the steps of a geometric descent.
 */
class ResultFiguresTest {
    static final double X_TOL = 1e-2;

    static Result run(Objective f, org.batchopt.rule.UpdateRule rule, Batch batch, Stopping stopping, int history) {
        try (Backend cpu = Backends.open("cpu")) {
            return Engine.on(cpu).precision(Precision.FP64).stopping(stopping).history(history).run(f, rule, batch);
        }
    }

    static Result himmelblau() {
        Objective f = Objectives.byName("himmelblau", 2);
        Adam adam = Adam.builder().lr(0.1).schedule(Schedules.cosine(500, 0)).build();
        return run(f, adam, Batch.builder(2).members(400).starts(Starts.sobol(f.box(), 1)).build(),
                Stopping.maxSteps(500), 0);
    }

    /** Himmelblau has four global minima of f = 0: every one is found, each by a fair share of the members. */
    @Test
    void himmelblausFourMinimaAreFoundFourOfFour() {
        Result r = himmelblau();
        KnownOptimum k = r.known(1e-6, X_TOL).orElseThrow();
        assertEquals(0, k.fStar());
        assertEquals(4, k.minimizersKnown());
        assertEquals(4, k.minimizersFound());
        long reached = 0;
        for (KnownOptimum.Minimizer z : k.minimizers()) {
            assertTrue(z.members() > 400 / 10, z.members() + " members at " + java.util.Arrays.toString(z.x()));
            assertTrue(Math.abs(r.x(z.bestMember(), 0) - z.x()[0]) <= X_TOL);
            reached += z.members();
        }
        assertEquals(k.successes(), reached, "every member that reached f* sits at one of the four minimizers");
        assertTrue(k.successShare() > 0.95, "success share " + k.successShare());
        assertTrue(k.gap() >= 0 && k.gap() < 1e-12, "gap " + k.gap());

        Basins b = r.basins(X_TOL, 1e-3);
        assertEquals(4, b.basins().size(), b.basins().toString());
        assertEquals(1, b.levels().size(), "the four minima share one value");
        assertEquals(4, b.levels().get(0).minima());
        assertEquals(0, b.saturation().singletons());
        assertEquals(0.0, b.saturation().newMinimumProbability());
        assertFalse(b.saturation().clearlyUnsaturated());
        double shares = b.basins().stream().mapToDouble(Basin::share).sum();
        assertEquals(1.0, shares, 1e-12);
        for (Basin basin : b.basins()) {
            assertEquals(basin.minimum().members()[0], basin.bestMember());
            assertEquals(500.0, basin.meanSteps(), "no tolerance: every member runs its 500 steps");
        }
    }

    /** A sphere has one minimum: one basin with every member, and nothing left for more starts to find. */
    @Test
    void aSphereHasOneMinimumAndASaturatedSearch() {
        Objective f = Objectives.sphere(3);
        Result r = run(f, Adam.builder().lr(0.05).build(), Batch.builder(3).members(200)
                .starts(Starts.sobol(f.box(), 2)).build(), Stopping.maxSteps(2000).gradientTolerance(1e-7), 0);
        Basins b = r.basins(X_TOL, 1e-3);
        assertEquals(1, b.basins().size());
        assertEquals(1.0, b.basins().get(0).share());
        assertEquals(new Saturation(1, 0, 200), b.saturation());
        assertEquals(0.0, b.saturation().newMinimumProbability());
        KnownOptimum k = r.known(1e-6, X_TOL).orElseThrow();
        assertEquals(1, k.minimizersFound());
        assertEquals(200, k.successes());
        assertEquals(200, k.minimizers().get(0).members());
        double mean = 0;
        for (int m = 0; m < 200; m++) {
            mean += r.steps(m) / 200.0;
        }
        assertEquals(mean, b.basins().get(0).meanSteps(), 1e-9);
        assertTrue(mean < 2000, "members stop at the gradient tolerance");
    }

    /** Every member alone in its minimum: the Good-Turing estimate is 1 and the search clearly not saturated. */
    @Test
    void membersThatEachFindTheirOwnMinimumMeanNoSaturation() {
        double[][] starts = new double[50][];
        for (int m = 0; m < 50; m++) {
            starts[m] = new double[] {m, -m};
        }
        Result r = run(Objectives.sphere(2), Sgd.builder().build(), Batch.builder(2).members(50)
                .starts(Starts.points(starts)).build(), Stopping.maxSteps(0), 0);
        Saturation s = r.basins(0.1, 1e-3).saturation();
        assertEquals(new Saturation(50, 50, 50), s);
        assertEquals(1.0, s.newMinimumProbability());
        assertTrue(s.clearlyUnsaturated());
        KnownOptimum k = r.known(1e-6, X_TOL).orElseThrow();
        assertEquals(1, k.successes(), "only the member that starts at the origin");
        assertEquals(List.of(0), List.of(k.minimizers().get(0).bestMember()));
    }

    /**
     * Minima at different points with the same value (a sphere's circle of radius 1, a ring of points) are
     * different minima on one level, and a point reached twice is one minimum.
     */
    @Test
    void equalValuesAtDifferentPointsAreOneLevelOfDistinctMinima() {
        double[][] starts = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {1, 0}, {2, 0}, {0, 2}};
        Result r = run(Objectives.sphere(2), Sgd.builder().build(), Batch.builder(2).members(starts.length)
                .starts(Starts.points(starts)).build(), Stopping.maxSteps(0), 0);
        Basins b = r.basins(X_TOL, 1e-3);
        assertEquals(6, b.basins().size());
        assertEquals(List.of(new Basins.Level(1, 4, 5), new Basins.Level(4, 2, 2)), b.levels());
        assertEquals(2, b.basins().get(0).minimum().count(), "(1, 0) twice is one minimum");
        assertArrayEquals(new int[] {0, 4}, b.basins().get(0).minimum().members());
    }

    static Result handGrid() {
        Grid grid = Grid.of("lr", 0.25, 1e30, 0.5);
        double[][] starts = {{0}, {1}, {2}, {3}};
        Sgd sgd = Sgd.builder().lr(grid.column("lr", 4)).build();
        try (Backend cpu = Backends.open("cpu")) {
            return Engine.on(cpu).precision(Precision.FP32).stopping(Stopping.maxSteps(1))
                    .run(Objectives.expression("x^2", 1), sgd, grid.batch(4, Starts.points(starts)));
        }
    }

    /**
     * One SGD step on f = x^2 from x0 = 0, 1, 2, 3 gives x1 = x0 (1 - 2 lr): with lr 0.25, f = 0, 0.25, 1, 2.25;
     * with lr 1e30 the fp32 values of the three nonzero starts overflow (diverged) and 0 stays; with lr 0.5 every
     * member lands on 0.
     */
    @Test
    void gridStatisticsMatchAHandComputedGrid() {
        Result r = handGrid();
        List<CombinationSummary> c = r.combinations(0, 1e-4);
        assertEquals(3, c.size());
        assertEquals(new CombinationSummary(0, Map.of("lr", 0.25), 4, 0, 1, 4, 0, 0, 0.625, 2.25), c.get(0));
        assertEquals(new CombinationSummary(1, Map.of("lr", 1e30), 4, 3, 1, 1, 4, 0, Double.POSITIVE_INFINITY, 0),
                c.get(1), "three of four diverged: the median is worse than any value");
        assertEquals(new CombinationSummary(2, Map.of("lr", 0.5), 4, 0, 4, 4, 8, 0, 0, 0), c.get(2));
        assertEquals(0.25, c.get(0).successShare());
        assertEquals(0.75, c.get(1).divergedShare());
        assertEquals(1.0, c.get(1).meanSteps());
        assertEquals(List.of(2L, 0L, 1L), order(c, CombinationSummary.RankBy.MEDIAN));
        assertEquals(List.of(2L, 0L, 1L), order(c, CombinationSummary.RankBy.SUCCESS));
        assertEquals(List.of(0L, 1L, 2L), order(c, CombinationSummary.RankBy.BEST));
    }

    private static List<Long> order(List<CombinationSummary> c, CombinationSummary.RankBy by) {
        return c.stream().sorted(by.comparator(false)).map(CombinationSummary::combination).toList();
    }

    /** Summaries of two halves of a combination merge into the whole one's, all but the median. */
    @Test
    void summariesOfPartsMergeIntoTheWhole() {
        int[] index = {10, 11, 12, 13, 14, 15};
        double[] values = {3, 1, 7, Double.POSITIVE_INFINITY, 1, 5};
        int[] steps = {4, 5, 6, 2, 8, 9};
        boolean[] diverged = {false, false, false, true, false, false};
        Map<String, Double> h = Map.of("lr", 0.1);
        CombinationSummary whole = CombinationSummary.of(3, h, index, values, steps, diverged, 1, 0, false);
        assertEquals(new CombinationSummary(3, h, 6, 1, 2, 32, 11, 1, 4, 7), whole, "median of 1 1 3 5 7 and the "
                + "diverged one last: (3 + 5) / 2");
        CombinationSummary a = CombinationSummary.of(3, h, slice(index, 0, 3), slice(values, 0, 3),
                slice(steps, 0, 3), slice(diverged, 0, 3), 1, 0, false);
        CombinationSummary b = CombinationSummary.of(3, h, slice(index, 3, 6), slice(values, 3, 6),
                slice(steps, 3, 6), slice(diverged, 3, 6), 1, 0, false);
        CombinationSummary merged = b.merge(a, false);
        assertEquals(new CombinationSummary(3, h, 6, 1, 2, 32, 11, 1, Double.NaN, 7), merged);
        assertThrows(IllegalArgumentException.class, () -> a.merge(CombinationSummary.of(4, h, new int[0],
                new double[0], new int[0], new boolean[0], 1, 0, false), false));
    }

    private static int[] slice(int[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    private static double[] slice(double[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    private static boolean[] slice(boolean[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    /**
     * SGD with lr 0.25 on x^2 halves x at every step, so f_t = x0^2 / 4^t: from x0 = 1..10 the quantiles at step t
     * are those of {1, 4, ..., 100} over 4^t (10 %: 1 + 0.9 (4 - 1) = 3.7, median (25 + 36) / 2, 90 %: 81 + 0.1 19).
     */
    @Test
    void fOverTheStepsHasTheQuantilesOfAGeometricDescent() {
        double[][] starts = new double[10][];
        for (int m = 0; m < 10; m++) {
            starts[m] = new double[] {m + 1};
        }
        Result r = run(Objectives.expression("x^2", 1), Sgd.builder().lr(0.25).build(), Batch.builder(1)
                .members(10).starts(Starts.points(starts)).build(), Stopping.maxSteps(4), 2);
        ValueQuantiles q = r.valueQuantiles();
        assertArrayEquals(new int[] {0, 2, 4}, q.steps());
        for (int k = 0; k < 3; k++) {
            double scale = Math.pow(16, k);
            assertEquals(1 / scale, q.best()[k], 1e-12);
            assertEquals(3.7 / scale, q.p10()[k], 1e-12);
            assertEquals(30.5 / scale, q.median()[k], 1e-12);
            assertEquals(82.9 / scale, q.p90()[k], 1e-12);
            assertEquals(10, q.counted()[k]);
        }
        assertThrows(IllegalStateException.class, () -> himmelblau().valueQuantiles());
    }
}
