package org.batchopt.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.batchopt.Basin;
import org.batchopt.Basins;
import org.batchopt.KnownOptimum;
import org.batchopt.Minimum;
import org.batchopt.Result;
import org.batchopt.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark run gives every member the local engine's bits and the local run's figures (best members, minima with
 * their basins, the known optimum, grid combinations' summaries), on {@link #master()}: a multi-start search and a
 * grid, whatever the number of tasks, a task that fails once, and minima found in several
 * tasks or whose founders only a second round finds. One session per class (Spark takes seconds to start).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SparkBatchCases {
    private static final double X_TOL = 1e-2;
    private static final double F_TOL = 1e-3;
    private static final double SUCCESS_TOL = 1e-4;
    private SparkSession spark;

    /** The Spark master, with room for one retry: {@code local[N,2]}. */
    abstract String master();

    @BeforeAll
    void start() {
        spark = SparkSession.builder().master(master()).appName("batchopt tests")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    @Test
    void aMultiStartSearchHasTheLocalRunsMembersMinimaAndBest(@TempDir Path dir) {
        BatchJob job = Jobs.multiStart();
        Result local = Jobs.local(job);
        String path = dir.resolve("members").toString();
        SparkResult r = SparkBatch.on(spark).tasks(5).minima(X_TOL, F_TOL).known(SUCCESS_TOL, X_TOL)
                .members(path, MemberTable.Format.PARQUET).run(Jobs::multiStart);
        assertEquals(5, r.tasks());
        assertSameMembers(local, spark.read().parquet(path).orderBy("member").collectAsList());
        assertSameFigures(local, r);
        List<Minimum> minima = r.minima().orElseThrow();
        // The same minimum is found in several tasks: its members come from more than one range.
        Set<Integer> ranges = new HashSet<>();
        for (int m : minima.get(0).members()) {
            ranges.add(m * 5 / 600);
        }
        assertTrue(minima.size() >= 4 && ranges.size() > 1, minima.size() + " minima, the best from ranges " + ranges);
    }

    @Test
    void aGridHasTheLocalRunsMembersAndCombinations(@TempDir Path dir) {
        BatchJob job = Jobs.grid();
        Result local = Jobs.local(job);
        String path = dir.resolve("members.csv").toString();
        // 240 members in 7 ranges: boundaries cut combinations of 40.
        // A given f* (not the function's own minimum, so no minimizers) with a tolerance that some members meet.
        SparkResult r = SparkBatch.on(spark).tasks(7).best(4).known(1e-3, 5, X_TOL)
                .members(path, MemberTable.Format.CSV).run(Jobs::grid);
        assertSameMembers(local, spark.read().option("header", "true").option("inferSchema", "true").csv(path)
                .orderBy("member").collectAsList());
        assertSameFigures(local, r, local.known(1e-3, 5, X_TOL));
        assertEquals(6, r.combinations().size());
        for (GridCombination c : r.combinations()) {
            int s = job.batch().startsPerCombination();
            int from = (int) c.combination() * s;
            int best = IntStream.range(from, from + s).filter(m -> local.status(m) != Status.DIVERGED)
                    .boxed().min((a, b) -> Ranking.compare(local.objectiveValue(a), a, local.objectiveValue(b), b,
                            false)).orElse(-1);
            assertEquals(best, c.bestMember(), "combination " + c.combination());
            assertEquals(bits(local.f(best)), bits(c.bestF()));
            assertEquals(bits(local.objectiveValue(best)), bits(c.bestObjective()));
            assertEquals(IntStream.range(from, from + s).filter(m -> local.status(m) == Status.DIVERGED).count(),
                    c.diverged());
            assertEquals(IntStream.range(from, from + s).filter(m -> local.status(m) == Status.CONVERGED_GRADIENT
                    || local.status(m) == Status.CONVERGED_VALUE).count(), c.converged());
            assertEquals(local.hyperparameters(from).get("lr"), c.hyperparameters().get("lr"));
            assertEquals(local.hyperparameters(from).get("momentum"), c.hyperparameters().get("momentum"));
        }
        // Every combination's summary (median, worst, successes, mean steps) against f* and against the best f.
        assertEquals(local.combinations(0, SUCCESS_TOL), r.combinations(0, SUCCESS_TOL));
        double bestF = local.objectiveValue(local.best().getAsInt());
        assertEquals(local.combinations(bestF, 1e-2), r.combinations(bestF, 1e-2));
    }

    @Test
    void aTaskThatFailsOnceIsRetriedWithTheSameResult(@TempDir Path dir) {
        Result local = Jobs.local(Jobs.multiStart());
        String path = dir.resolve("members").toString();
        int before = Jobs.FAILED.get();
        SparkResult r = SparkBatch.on(spark).tasks(3).minima(X_TOL, F_TOL).known(SUCCESS_TOL, X_TOL)
                .members(path, MemberTable.Format.PARQUET).run(Jobs.failingOnce(Jobs::multiStart, 1));
        assertTrue(Jobs.FAILED.get() > before, "the test hook failed no task");
        assertSameMembers(local, spark.read().parquet(path).orderBy("member").collectAsList());
        assertSameFigures(local, r);
    }

    @Test
    void minimaThatOnlyASecondRoundSettlesAreTheLocalRunsToo() {
        Result local = Jobs.local(Jobs.chain());
        SparkResult r = SparkBatch.on(spark).tasks(3).minima(1, 1).run(Jobs::chain);
        assertEquals(2, r.minimaRounds());
        assertSameMinima(local.minima(1, 1), r.minima().orElseThrow(), 10);
        assertEquals(List.of(0, 3), r.minima().orElseThrow().stream().map(m -> m.members()[0]).toList());
    }

    @Test
    void progressCountsEveryTaskAndMemberStep() {
        List<long[]> updates = new ArrayList<>();
        SparkResult r = SparkBatch.on(spark).tasks(4)
                .progress((done, tasks, steps, budget, seconds) -> {
                    synchronized (updates) {
                        updates.add(new long[] {done, tasks, steps, budget});
                    }
                }).run(Jobs::multiStart);
        long[] last;
        synchronized (updates) {
            last = updates.get(updates.size() - 1);
        }
        assertArrayEquals(new long[] {4, 4, r.memberSteps(), 600L * 300}, last);
        Result local = Jobs.local(Jobs.multiStart());
        assertEquals(IntStream.range(0, 600).mapToLong(local::steps).sum(), r.memberSteps());
    }

    /** Every member of the table has the local run's bits. */
    private static void assertSameMembers(Result local, List<Row> rows) {
        assertEquals(local.members(), rows.size());
        for (int m = 0; m < rows.size(); m++) {
            Row row = rows.get(m);
            String what = "member " + m;
            assertEquals(m, ((Number) row.getAs("member")).intValue(), what);
            assertEquals(bits(local.f(m)), bits(row.getAs("f")), what + " f");
            assertEquals(bits(local.objectiveValue(m)), bits(row.getAs("objective")), what + " objective");
            assertEquals(bits(local.gradientNorm(m)), bits(row.getAs("grad_norm")), what + " grad_norm");
            assertEquals(local.steps(m), ((Number) row.getAs("steps")).intValue(), what + " steps");
            assertEquals(local.status(m).name().toLowerCase(Locale.ROOT), row.getAs("status"), what + " status");
            for (int i = 0; i < local.dimension(); i++) {
                assertEquals(bits(local.x(m, i)), bits(row.getAs("x" + i)), what + " x" + i);
            }
            int member = m;
            local.hyperparameters(m).forEach((name, v) ->
                    assertEquals(bits(v), bits(row.getAs(name)), "member " + member + " " + name));
        }
    }

    /** Status counts, best members and minima as the local run has them. */
    private static void assertSameFigures(Result local, SparkResult r) {
        assertSameFigures(local, r, local.known(SUCCESS_TOL, X_TOL).orElseThrow());
    }

    /** ... and the known optimum's figures as {@code e}. */
    private static void assertSameFigures(Result local, SparkResult r, KnownOptimum e) {
        for (Status s : Status.values()) {
            assertEquals(local.count(s), r.count(s), s.toString());
        }
        int[] best = local.best(r.best().size());
        assertTrue(best.length > 0);
        for (int k = 0; k < best.length; k++) {
            MemberRecord b = r.best().get(k);
            assertEquals(best[k], b.index(), "best member " + k);
            assertEquals(bits(local.objectiveValue(best[k])), bits(b.objective()));
            assertArrayEquals(local.x(best[k]), b.x());
        }
        r.minima().ifPresent(minima -> assertSameMinima(local.minima(X_TOL, F_TOL), minima, r.best().size()));
        r.basins().ifPresent(b -> assertSameBasins(local.basins(X_TOL, F_TOL), b));
        KnownOptimum a = r.known().orElseThrow();
        assertEquals(List.of(e.fStar(), e.tolerance(), e.gap(), e.xTol()), List.of(a.fStar(), a.tolerance(), a.gap(),
                a.xTol()));
        assertEquals(List.of(e.successes(), e.members()), List.of(a.successes(), a.members()));
        assertTrue(e.successes() > 0, "no member reached f*: the successes test nothing");
        assertEquals(e.minimizersKnown(), a.minimizersKnown());
        for (int k = 0; k < e.minimizersKnown(); k++) {
            KnownOptimum.Minimizer z = e.minimizers().get(k);
            assertArrayEquals(z.x(), a.minimizers().get(k).x());
            assertEquals(z.members(), a.minimizers().get(k).members(), "members at minimizer " + k);
            assertEquals(z.bestMember(), a.minimizers().get(k).bestMember(), "best member at minimizer " + k);
        }
    }

    /** Shares, mean steps, best members, levels and saturation of the minima as the local run has them. */
    private static void assertSameBasins(Basins expected, Basins actual) {
        assertEquals(expected.basins().size(), actual.basins().size());
        for (int k = 0; k < expected.basins().size(); k++) {
            Basin e = expected.basins().get(k);
            Basin a = actual.basins().get(k);
            assertEquals(List.of(e.share(), e.meanSteps(), e.bestMember()), List.of(a.share(), a.meanSteps(),
                    a.bestMember()), "basin " + k);
        }
        assertEquals(expected.levels(), actual.levels());
        assertEquals(expected.saturation(), actual.saturation());
        assertEquals(List.of(expected.members(), expected.diverged()), List.of(actual.members(), actual.diverged()));
    }

    private static void assertSameMinima(List<Minimum> expected, List<Minimum> actual, int listed) {
        assertEquals(expected.size(), actual.size(), "distinct minima");
        for (int k = 0; k < expected.size(); k++) {
            Minimum e = expected.get(k);
            Minimum a = actual.get(k);
            String what = "minimum " + k;
            assertArrayEquals(e.x(), a.x(), what);
            assertEquals(bits(e.f()), bits(a.f()), what);
            assertEquals(bits(e.objective()), bits(a.objective()), what);
            assertEquals(e.count(), a.count(), what + " count");
            int n = Math.min(listed, e.members().length);
            if (!java.util.Arrays.equals(java.util.Arrays.copyOf(e.members(), n), a.members())) {
                fail(what + " members " + java.util.Arrays.toString(a.members()) + ", expected the first " + n
                        + " of " + java.util.Arrays.toString(e.members()));
            }
        }
    }

    private static long bits(Object v) {
        return Double.doubleToLongBits(((Number) v).doubleValue());
    }
}
