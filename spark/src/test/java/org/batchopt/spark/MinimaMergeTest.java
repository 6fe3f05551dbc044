package org.batchopt.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.batchopt.Batch;
import org.batchopt.Engine;
import org.batchopt.Minimum;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Result;
import org.batchopt.SharedBackends;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.rule.Adam;
import org.batchopt.rule.UpdateRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The merge of minima across ranges, without Spark: ranged runs of one batch, merged as the driver merges them, give
 * the whole run's {@link Result#minima}, whatever the ranges; here with thousands of minima in 10 dimensions (members
 * stopped short of their minima, so that clusters chain) and tolerances wide and narrow.
 */
class MinimaMergeTest {
    private static final Objective F = Objectives.rastrigin(10);
    private static final UpdateRule RULE = Adam.builder().lr(0.05).build();
    private static final Batch BATCH = Batch.builder(10).members(3000).starts(Starts.sobol(F.box(), 9)).build();
    private static final Engine ENGINE = Engine.on(SharedBackends.cpu()).stopping(Stopping.maxSteps(40));

    @ParameterizedTest
    @CsvSource({"1e-2, 1e-3, 4", "0.5, 0.05, 7", "2, 1, 3", "0, 0, 2"})
    void rangesMergeToTheWholeRunsMinima(double xTol, double fTol, int tasks) {
        Result whole = ENGINE.run(F, RULE, BATCH);
        List<Minimum> expected = whole.minima(xTol, fTol);
        MinimaMerge.Rule rule = new MinimaMerge.Rule(10, xTol, fTol, false);
        List<RangeData> ranges = new ArrayList<>();
        List<MemberRecord> candidates = new ArrayList<>();
        for (int[] r : SparkBatch.ranges(BATCH.members(), tasks)) {
            RangeData d = RangeData.of(ENGINE.run(F, RULE, BATCH, r[0], r[1]));
            ranges.add(d);
            candidates.addAll(MinimaMerge.founders(d, rule));
        }
        int rounds = 0;
        List<Minimum> merged;
        while (true) {
            rounds++;
            List<MemberRecord> founders = MinimaMerge.greedy(candidates, rule);
            List<MinimaMerge.Placement> placements = new ArrayList<>();
            List<MemberRecord> uncovered = new ArrayList<>();
            for (RangeData d : ranges) {
                MinimaMerge.Placement p = MinimaMerge.Placement.of(d, founders, rule, 5);
                placements.add(p);
                uncovered.addAll(p.uncovered());
            }
            if (uncovered.isEmpty()) {
                merged = MinimaMerge.minima(founders, placements, rule, 5);
                break;
            }
            candidates.addAll(uncovered);
        }
        assertTrue(expected.size() > 1, expected.size() + " minima");
        assertEquals(expected.size(), merged.size(), "minima, after " + rounds + " rounds");
        for (int k = 0; k < expected.size(); k++) {
            Minimum e = expected.get(k);
            Minimum a = merged.get(k);
            assertArrayEquals(e.x(), a.x(), "minimum " + k);
            assertEquals(e.objective(), a.objective(), "minimum " + k);
            assertEquals(e.count(), a.count(), "minimum " + k);
            assertArrayEquals(Arrays.copyOf(e.members(), Math.min(5, e.members().length)), a.members(),
                    "minimum " + k);
        }
    }
}
