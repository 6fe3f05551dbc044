package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.batchopt.rule.Sgd;
import org.junit.jupiter.api.Test;

/** Ranking: best-k and the order of minima agree with a plain sort, ties going to the lower index. */
class ResultTest {

    static Result run(boolean maximize) {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] starts = new double[500][2];
        for (int m = 0; m < starts.length; m++) {
            starts[m] = m % 7 == 0 ? new double[] {1, 1} : new double[] {rnd.nextDouble(-3, 3), rnd.nextDouble(-3, 3)};
        }
        Objective f = maximize ? Objectives.expression("-(x^2 + y^2)", 2).maximize() : Objectives.sphere(2);
        try (Backend cpu = Backends.open("cpu")) {
            return Engine.on(cpu).stopping(Stopping.maxSteps(0))
                    .run(f, Sgd.builder().build(), Batch.builder(2).members(500).starts(Starts.points(starts)).build());
        }
    }

    @Test
    void bestKIsThePrefixOfTheFullOrder() {
        for (boolean maximize : new boolean[] {false, true}) {
            Result r = run(maximize);
            Comparator<Integer> byF = Comparator.comparingDouble(r::f);
            int[] expected = IntStream.range(0, 500).boxed()
                    .sorted((maximize ? byF.reversed() : byF).thenComparingInt(Integer::intValue))
                    .mapToInt(Integer::intValue).toArray();
            for (int k : new int[] {0, 1, 5, 72, 499, 500, 900}) {
                int[] best = r.best(k);
                assertArrayEquals(java.util.Arrays.copyOf(expected, Math.min(k, 500)), best, "k = " + k);
            }
            assertEquals(expected[0], r.best().getAsInt());
            assertEquals(500, r.count(Status.MAX_STEPS));
        }
    }

    /** Every member diverged: no best member (an empty OptionalInt, not an index to misuse), no minima. */
    @Test
    void whenEveryMemberDivergedThereIsNoBest() {
        Result r;
        try (Backend cpu = Backends.open("cpu")) {
            r = Engine.on(cpu).stopping(Stopping.maxSteps(5)).run(Objectives.sphere(2), Sgd.builder().lr(1e30).build(),
                    Batch.builder(2).members(3).starts(Starts.point(1, 1)).build());
        }
        assertEquals(3, r.count(Status.DIVERGED));
        assertTrue(r.best().isEmpty());
        assertEquals(0, r.best(5).length);
        assertEquals(List.of(), r.minima(1e-2, 1e-3));
        assertTrue(r.toString().contains("all diverged"), r.toString());
    }

    @Test
    void minimaComeBestFirstWithTheirMembersBestFirst() {
        Result r = run(false);
        var minima = r.minima(1e-9, 1e-12);
        assertEquals(1, minima.stream().filter(m -> m.count() > 1).count(), "only the repeated start (1, 1) is shared");
        for (int k = 1; k < minima.size(); k++) {
            assertEquals(true, minima.get(k - 1).f() <= minima.get(k).f());
        }
        var shared = minima.stream().filter(m -> m.count() > 1).findFirst().orElseThrow();
        assertEquals(72, shared.count());
        assertEquals(0, shared.members()[0]);
        assertEquals(7, shared.members()[1]);
    }
}
