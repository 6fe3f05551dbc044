package org.batchopt;

import static org.batchopt.parity.ResultAssert.assertSameMember;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.junit.jupiter.api.Test;

/**
 * A ranged run ({@link Engine#run(Objective, UpdateRule, Batch, int, int)}) gives each member of its range the bits
 * the whole batch's run gives it, under the same index, with the same hyperparameters; its best members, status
 * counts, minima, known-optimum figures, value quantiles and whole grid combinations are those of its own members.
 */
class RangedRunTest {
    private static final Objective F = Objectives.rastrigin(3);
    private static final int STARTS = 60;
    private static final Grid GRID = Grid.of("lr", 1e-3, 4e-3).and("momentum", 0, 0.9);
    private final Engine engine = Engine.on(SharedBackends.cpu()).stopping(Stopping.maxSteps(200)).history(50);

    private static UpdateRule rule() {
        return Sgd.builder().lr(GRID.column("lr", STARTS)).momentum(GRID.column("momentum", STARTS)).l1(1e-3)
                .build();
    }

    private static Batch batch() {
        return GRID.batch(STARTS, Starts.sobol(F.box(), 5));
    }

    @Test
    void rangesGiveTheWholeRunsMembersBitForBit() {
        Result whole = engine.run(F, rule(), batch());
        // Ranges that cut combinations, one member, and the last member.
        int[][] ranges = {{0, 37}, {37, 100}, {137, 1}, {138, 101}, {239, 1}};
        int covered = 0;
        for (int[] r : ranges) {
            Result part = engine.maxBlockMembers(17).run(F, rule(), batch(), r[0], r[1]);
            assertEquals(r[0], part.firstMember());
            assertEquals(r[1], part.members());
            for (int m = r[0]; m < r[0] + r[1]; m++) {
                assertSameMember(whole, m, part, m, "range " + r[0] + "+" + r[1]);
                assertEquals(Double.doubleToLongBits(whole.objectiveValue(m)),
                        Double.doubleToLongBits(part.objectiveValue(m)), "objective of member " + m);
                Map<String, Double> h = whole.hyperparameters(m);
                assertEquals(h, part.hyperparameters(m), "hyperparameters of member " + m);
                for (int k = 0; k < whole.historySize(); k++) {
                    assertArrayEquals(whole.history(m, k), part.history(m, k), "history " + k + " of member " + m);
                }
            }
            covered += r[1];
        }
        assertEquals(whole.members(), covered);
    }

    @Test
    void aRangesFiguresAreThoseOfItsOwnMembers() {
        Result whole = engine.run(F, rule(), batch());
        Result part = engine.run(F, rule(), batch(), 90, 60);
        int[] expected = IntStream.range(90, 150).boxed().filter(m -> whole.status(m) != Status.DIVERGED)
                .sorted(Comparator.comparingDouble((Integer m) -> whole.objectiveValue(m)).thenComparing(m -> m))
                .limit(5).mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, part.best(5));
        for (Status s : Status.values()) {
            assertEquals(IntStream.range(90, 150).filter(m -> whole.status(m) == s).count(), part.count(s),
                    s.toString());
        }
        List<Minimum> minima = part.minima(1e-2, 1e-3);
        assertEquals(60 - part.count(Status.DIVERGED), minima.stream().mapToLong(Minimum::count).sum());
        assertEquals(expected[0], minima.get(0).members()[0]);
        for (Minimum mn : minima) {
            for (int m : mn.members()) {
                assertTrue(m >= 90 && m < 150, "member " + m + " of a minimum is in the range");
            }
        }
    }

    @Test
    void aRangeJudgesItsOwnMembers() {
        Result whole = engine.run(F, rule(), batch());
        // Members 50..189: combinations 1 and 2 whole, parts of 0 and 3.
        Result part = engine.run(F, rule(), batch(), 50, 140);
        assertEquals(whole.combinations(0, 0.5).subList(1, 3), part.combinations(0, 0.5));
        KnownOptimum k = part.known(0.5, 0.5).orElseThrow();
        assertEquals(IntStream.range(50, 190).filter(m -> whole.status(m) != Status.DIVERGED
                && whole.objectiveValue(m) <= 0.5).count(), k.successes());
        assertEquals(IntStream.range(50, 190).filter(m -> whole.status(m) != Status.DIVERGED
                && IntStream.range(0, 3).allMatch(i -> Math.abs(whole.x(m, i)) <= 0.5)).count(),
                k.minimizers().get(0).members());
        assertEquals(140, k.members());
        ValueQuantiles q = part.valueQuantiles();
        assertEquals(140, q.counted()[0]);
    }

    @Test
    void aRangeOutsideTheBatchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> engine.run(F, rule(), batch(), 200, 41));
        assertThrows(IllegalArgumentException.class, () -> engine.run(F, rule(), batch(), -1, 5));
        assertThrows(IllegalArgumentException.class, () -> engine.run(F, rule(), batch(), 3, 0));
    }
}
