package org.batchopt;

import static org.batchopt.parity.ResultAssert.assertSameMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.batchopt.rule.Adam;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.search.BasinHopping;
import org.batchopt.search.Budget;
import org.batchopt.search.Memetic;
import org.batchopt.search.SearchStrategy;
import org.batchopt.search.SearchSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The search strategies on the CPU: batch invariance (a member's chain the same alone, in a bigger batch and in
 * blocks), the budget and the target honoured, known answers within small budgets, and bad parameters refused.
 * CPU-versus-device parity is {@code parity/SearchParityTest}.
 */
class SearchTest {
    private final Backend cpu = SharedBackends.cpu();
    /** Plain gradient descent at 1/L for Rastrigin (L = 2 + 40 pi^2 ~ 397), stopped on the gradient. */
    static final UpdateRule RASTRIGIN_GD = Sgd.builder().lr(0.0025).build();

    static List<SearchStrategy> strategies() {
        return List.of(SearchStrategy.restarts(), SearchStrategy.basinHopping(),
                new BasinHopping(0, 0.1, 0.5, 1), new Memetic(8, 0.5, 0.7));
    }

    private Engine engine(int steps) {
        return Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(steps).gradientTolerance(1e-8));
    }

    private static Batch batch(Objective f, int n) {
        return Batch.builder(f.dimension()).members(n).starts(Starts.sobol(f.box(), 3)).build();
    }

    /**
     * Members 0..15 of a batch of 16 and of a batch of 48, and the batch of 48 in blocks of 7: the same chains bit for
     * bit (an island of memetic is the unit, here islands of 8), with the same rounds and counts.
     */
    @ParameterizedTest
    @MethodSource("strategies")
    void aChainIsTheSameInAnyBatchAndInBlocks(SearchStrategy strategy) {
        Objective f = Objectives.rastrigin(4);
        Search s = Search.on(engine(40)).strategy(strategy).budget(Budget.ofRounds(6)).seed(11);
        Result small = s.run(f, RASTRIGIN_GD, batch(f, 16));
        Result big = s.run(f, RASTRIGIN_GD, batch(f, 48));
        Result blocks = Search.on(engine(40).maxBlockMembers(7)).strategy(strategy).budget(Budget.ofRounds(6))
                .seed(11).run(f, RASTRIGIN_GD, batch(f, 48));
        for (int m = 0; m < 48; m++) {
            assertSameMember(big, m, blocks, m, strategy.name() + " in blocks of 7");
            assertChain(big, m, blocks, m);
        }
        for (int m = 0; m < 16; m++) {
            assertSameMember(big, m, small, m, strategy.name() + " in a batch of 16");
            assertChain(big, m, small, m);
        }
        SearchSummary sum = big.search().orElseThrow();
        assertEquals(6, sum.rounds());
        assertEquals(SearchSummary.Stop.ROUNDS, sum.stop());
        assertTrue(java.util.stream.IntStream.range(0, 48).anyMatch(m -> sum.foundAt(m) > 0),
                "no chain improved on its first descent in 6 rounds");
    }

    /** The strategies whose unit is one member (memetic's is an island). */
    static List<SearchStrategy> chainStrategies() {
        return strategies().stream().filter(s -> !(s instanceof Memetic)).toList();
    }

    /** Member 0 alone has the chain it has in a batch (every other member needs a ranged run to be alone). */
    @ParameterizedTest
    @MethodSource("chainStrategies")
    void memberZeroAloneHasItsChain(SearchStrategy strategy) {
        Objective f = Objectives.rastrigin(3);
        Search s = Search.on(engine(40)).strategy(strategy).budget(Budget.ofRounds(8)).seed(5);
        Result alone = s.run(f, RASTRIGIN_GD, batch(f, 1));
        Result batch = s.run(f, RASTRIGIN_GD, batch(f, 33));
        assertSameMember(batch, 0, alone, 0, strategy.name() + " alone");
        assertChain(batch, 0, alone, 0);
    }

    /** An island alone (the first 8 members) evolves as it does among others. */
    @Test
    void aMemeticIslandAloneEvolvesAsInABatch() {
        Objective f = Objectives.rastrigin(3);
        Search s = Search.on(engine(40)).strategy(new Memetic(8, 0.5, 0.7)).budget(Budget.ofRounds(8)).seed(5);
        Result alone = s.run(f, RASTRIGIN_GD, batch(f, 8));
        Result batch = s.run(f, RASTRIGIN_GD, batch(f, 40));
        for (int m = 0; m < 8; m++) {
            assertSameMember(batch, m, alone, m, "memetic island 0 alone");
            assertChain(batch, m, alone, m);
        }
    }

    private static void assertChain(Result a, int ma, Result b, int mb) {
        SearchSummary sa = a.search().orElseThrow();
        SearchSummary sb = b.search().orElseThrow();
        String what = sa.strategy().name() + " member " + ma;
        assertEquals(sa.foundAt(ma), sb.foundAt(mb), what + " found at");
        assertEquals(sa.accepted(ma), sb.accepted(mb), what + " accepted");
        assertEquals(sa.memberSteps(ma), sb.memberSteps(mb), what + " steps");
        assertEquals(Double.doubleToLongBits(sa.stepSize(ma)), Double.doubleToLongBits(sb.stepSize(mb)), what);
    }

    /** The seed changes the chains; multistart is the engine's run bit for bit. */
    @Test
    void theSeedMattersAndMultistartIsTheEngineRun() {
        Objective f = Objectives.rastrigin(4);
        Search s = Search.on(engine(40)).strategy(SearchStrategy.basinHopping()).budget(Budget.ofRounds(4));
        Result one = s.seed(1).run(f, RASTRIGIN_GD, batch(f, 16));
        Result two = s.seed(2).run(f, RASTRIGIN_GD, batch(f, 16));
        boolean differ = false;
        for (int m = 0; m < 16; m++) {
            differ |= Double.doubleToLongBits(one.f(m)) != Double.doubleToLongBits(two.f(m));
        }
        assertTrue(differ, "seeds 1 and 2 gave the same chains");
        Result plain = engine(40).run(f, RASTRIGIN_GD, batch(f, 16));
        Result multistart = Search.on(engine(40)).run(f, RASTRIGIN_GD, batch(f, 16));
        for (int m = 0; m < 16; m++) {
            assertSameMember(plain, m, multistart, m, "multistart");
        }
        assertEquals(SearchSummary.Stop.SINGLE_ROUND, multistart.search().orElseThrow().stop());
    }

    /**
     * A member-step budget is never passed and ends the search before the round that might pass it; the rounds are
     * the same whatever else changes (they depend on the steps taken, which are the backend's bits).
     */
    @ParameterizedTest
    @MethodSource("strategies")
    void theMemberStepBudgetIsHonoured(SearchStrategy strategy) {
        Objective f = Objectives.rastrigin(4);
        int n = 16;
        int steps = 40;
        long budget = 4 * n * steps + 123;
        Result r = Search.on(engine(steps)).strategy(strategy).budget(Budget.ofMemberSteps(budget))
                .run(f, RASTRIGIN_GD, batch(f, n));
        SearchSummary s = r.search().orElseThrow();
        assertEquals(SearchSummary.Stop.MEMBER_STEPS, s.stop());
        assertTrue(s.memberSteps() <= budget, s.memberSteps() + " > " + budget);
        assertTrue(s.memberSteps() + (long) n * steps > budget, "one more round would have fitted");
        assertTrue(s.rounds() >= 4, s.rounds() + " rounds");
        long sum = 0;
        for (int m = 0; m < n; m++) {
            sum += s.memberSteps(m);
        }
        assertEquals(s.memberSteps(), sum);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Search.on(engine(steps))
                .strategy(strategy).budget(Budget.ofMemberSteps(n * steps - 1)).run(f, RASTRIGIN_GD, batch(f, n)));
        assertTrue(e.getMessage().contains("less than one round: 16 members x 40 steps = 640"), e.getMessage());
    }

    /** The search ends after the first round in which a member reaches the target, and not before. */
    @Test
    void theTargetEndsTheSearchInTheRoundItIsReached() {
        Objective f = Objectives.rastrigin(4);
        Search s = Search.on(engine(40)).strategy(new BasinHopping(0, 0.1, 0.5, 1)).seed(3);
        Result r = s.budget(Budget.ofRounds(300).withTarget(2.5)).run(f, RASTRIGIN_GD, batch(f, 16));
        SearchSummary sum = r.search().orElseThrow();
        assertEquals(SearchSummary.Stop.TARGET, sum.stop());
        int best = r.best().getAsInt();
        assertTrue(r.f(best) <= 2.5, r.f(best) + " > 2.5");
        assertEquals(sum.rounds() - 1, sum.foundAt(best));
        assertTrue(sum.rounds() > 1, "the first descents reached the target already: pick a lower one");
        Result before = s.budget(Budget.ofRounds(sum.rounds() - 1)).run(f, RASTRIGIN_GD, batch(f, 16));
        assertTrue(before.f(before.best().getAsInt()) > 2.5, "the target was reached a round earlier");
        // When maximizing, reached means f >= target: here of minus Rastrigin in 2-D, whose maximum is 0.
        Objective g = Objectives.expression("-(20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y))",
                Box.cube(2, -5.12, 5.12)).maximize();
        Result max = Search.on(engine(40)).strategy(new BasinHopping(0, 0.1, 0.5, 1)).seed(3)
                .budget(Budget.ofRounds(300).withTarget(-1e-6)).run(g, RASTRIGIN_GD, batch(g, 16));
        assertEquals(SearchSummary.Stop.TARGET, max.search().orElseThrow().stop());
        assertTrue(max.f(max.best().getAsInt()) >= -1e-6, "best f " + max.f(max.best().getAsInt()));
    }

    /** Progress: the best f after every round, never rising, the last one the result's best. */
    @Test
    void progressReceivesTheBestFAfterEveryRound() {
        Objective f = Objectives.rastrigin(4);
        List<double[]> seen = new java.util.ArrayList<>();
        Progress p = new Progress() {
            @Override
            public void update(long memberSteps, long budget, long finished, int members, double seconds) {
            }

            @Override
            public void best(double value, int round) {
                seen.add(new double[] {value, round});
            }
        };
        Result r = Search.on(engine(40)).strategy(SearchStrategy.basinHopping()).budget(Budget.ofRounds(5)).progress(p)
                .run(f, RASTRIGIN_GD, batch(f, 16));
        assertEquals(5, seen.size());
        for (int k = 0; k < seen.size(); k++) {
            assertEquals(k, (int) seen.get(k)[1]);
            assertTrue(k == 0 || seen.get(k)[0] <= seen.get(k - 1)[0], "best f rose in round " + k);
        }
        assertEquals(r.objectiveValue(r.best().getAsInt()), seen.get(4)[0]);
    }

    /** A time limit ends the search between rounds, before one that would likely end past it. */
    @Test
    void theTimeLimitEndsTheSearchBetweenRounds() {
        Objective f = Objectives.rastrigin(4);
        Result r = Search.on(engine(40)).strategy(SearchStrategy.restarts()).budget(Budget.ofSeconds(1.5))
                .run(f, RASTRIGIN_GD, batch(f, 16));
        SearchSummary s = r.search().orElseThrow();
        assertEquals(SearchSummary.Stop.TIME_LIMIT, s.stop());
        assertTrue(s.rounds() > 1, s.rounds() + " rounds in 1.5 s");
        // Not a timing assertion on the machine's speed: the limit, with a wide margin for a loaded machine.
        assertTrue(s.seconds() < 10, s.seconds() + " s");
        Result again = Search.on(engine(40)).strategy(SearchStrategy.restarts()).budget(Budget.ofRounds(s.rounds()))
                .run(f, RASTRIGIN_GD, batch(f, 16));
        for (int m = 0; m < 16; m++) {
            assertSameMember(r, m, again, m, "the time-limited search rerun with --rounds " + s.rounds());
        }
    }

    /** Known answers: Rastrigin's global minimum 0 within small budgets, which multi-start descents miss. */
    @Test
    void basinHoppingAndMemeticFindRastriginsGlobalMinimumInD5() {
        Objective f = Objectives.rastrigin(5);
        Batch b = batch(f, 64);
        Result multistart = engine(50).run(f, RASTRIGIN_GD, b);
        assertTrue(multistart.f(multistart.best().getAsInt()) > 0.5, "multi-start found it alone: a weak test");
        for (SearchStrategy s : List.of(new BasinHopping(0, 0.1, 0.5, 1), SearchStrategy.basinHopping(),
                SearchStrategy.recommended())) {
            Result r = Search.on(engine(50)).strategy(s).budget(Budget.ofRounds(150).withTarget(1e-6)).run(f,
                    RASTRIGIN_GD, b);
            SearchSummary sum = r.search().orElseThrow();
            assertEquals(SearchSummary.Stop.TARGET, sum.stop(), s.describe());
            assertTrue(r.f(r.best().getAsInt()) < 1e-6, s.describe() + ": " + r.f(r.best().getAsInt()));
            assertTrue(sum.membersAtReference() >= 1 && sum.descentsAtReference() >= 1, s.describe());
        }
    }

    @Test
    void restartsFindRastriginsGlobalMinimumInD3() {
        Objective f = Objectives.rastrigin(3);
        Result r = Search.on(engine(50)).strategy(SearchStrategy.restarts())
                .budget(Budget.ofRounds(200).withTarget(1e-6)).run(f, RASTRIGIN_GD, batch(f, 64));
        assertEquals(SearchSummary.Stop.TARGET, r.search().orElseThrow().stop());
        assertTrue(r.f(r.best().getAsInt()) < 1e-6);
        assertNotEquals(0, r.search().orElseThrow().foundAt(r.best().getAsInt()));
    }

    /**
     * Descents are counted against f* as {@link Result#known} judges members: the members at f* are its successes,
     * for the objective's own f* and for one given; without an f*, against the target (f at or below it).
     */
    @Test
    void theSearchCountsAgainstFStarAsResultKnownJudges() {
        Objective f = Objectives.rastrigin(4);
        Search s = Search.on(engine(40)).strategy(SearchStrategy.basinHopping()).budget(Budget.ofRounds(6)).seed(5);
        Result own = s.run(f, RASTRIGIN_GD, batch(f, 32));
        SearchSummary a = own.search().orElseThrow();
        assertEquals(0, a.reference());
        assertEquals(own.known(KnownOptimum.DEFAULT_TOLERANCE, 0.01).orElseThrow().successes(),
                a.membersAtReference());
        // An f* of 1 with a tolerance of 2 (f <= 3: at most three coordinates one unit off), which many members meet.
        Result given = s.fStar(1).successTolerance(2).run(f, RASTRIGIN_GD, batch(f, 32));
        SearchSummary b = given.search().orElseThrow();
        assertEquals(1, b.reference());
        assertEquals(2, b.tolerance());
        assertTrue(!b.referenceIsTarget());
        long successes = given.known(1, 2, 0.01).successes();
        assertTrue(successes > a.membersAtReference(), successes + " members at the local level");
        assertEquals(successes, b.membersAtReference());
        assertTrue(b.descentsAtReference() >= successes, b.descentsAtReference() + " descents");
        // No f* known: the target, exactly.
        Objective g = Objectives.expression("20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
                Box.cube(2, -5.12, 5.12));
        Result t = s.budget(Budget.ofRounds(4).withTarget(1.5)).run(g, RASTRIGIN_GD, batch(g, 16));
        SearchSummary c = t.search().orElseThrow();
        assertTrue(c.referenceIsTarget());
        assertEquals(1.5, c.reference());
        assertEquals(0, c.tolerance());
        long below = 0;
        for (int m = 0; m < 16; m++) {
            below += t.objectiveValue(m) <= 1.5 ? 1 : 0;
        }
        assertTrue(below > 0, "no member reached the target: pick a higher one");
        assertEquals(below, c.membersAtReference());
        assertRefused(() -> s.fStar(Double.POSITIVE_INFINITY), "known optimum Infinity");
    }

    /** Parameters out of range, budgets that cannot end or do not fit, and what a search cannot do. */
    /**
     * Under a box projection every descent, a hop's or an offspring's included, stays in Schwefel's box, and the
     * search finds the global minimum at (420.97, ...) near its corner (unprojected descents leave the box); a
     * general constraint is refused, its multipliers would start again every round.
     */
    @Test
    void aSearchUnderABoxProjectionStaysInTheBox() {
        Objective f = Objectives.schwefel(3);
        Box box = f.box();
        Search search = Search.on(engine(50)).strategy(SearchStrategy.recommended())
                .budget(Budget.ofRounds(200).withTarget(1e-3));
        UpdateRule adam = Adam.builder().lr(5).build();
        Result free = search.run(f, adam, batch(f, 256));
        assertTrue(outside(free, box) > 0, "no member left the box without the projection: a weak test");
        Result r = search.run(f, adam, batch(f, 256), List.of(Constraints.box()));
        assertEquals(0, outside(r, box));
        int best = r.best().getAsInt();
        assertTrue(r.f(best) < 1e-3, "best f " + r.f(best));
        for (int i = 0; i < 3; i++) {
            assertEquals(420.9687, r.x(best)[i], 0.05);
        }
        assertRefused(() -> Search.on(engine(10)).strategy(SearchStrategy.restarts()).run(f, RASTRIGIN_GD,
                batch(f, 4), List.of(Constraints.equality("x1 + x2", 1))), "box and simplex projections only");
    }

    private static int outside(Result r, Box box) {
        int count = 0;
        for (int m = 0; m < r.members(); m++) {
            for (int i = 0; i < box.dimension(); i++) {
                double x = r.x(m)[i];
                count += x >= box.lo(i) && x <= box.hi(i) ? 0 : 1;
            }
        }
        return count;
    }

    @Test
    void badParametersAreRefusedWithTheirValues() {
        assertRefused(() -> new BasinHopping(-1, 0.1, 0.5, 0), "temperature -1.0");
        assertRefused(() -> new BasinHopping(Double.POSITIVE_INFINITY, 0.1, 0.5, 0), "temperature Infinity");
        assertRefused(() -> new BasinHopping(1, 0, 0.5, 0), "step size 0.0");
        assertRefused(() -> new BasinHopping(1, 1.5, 0.5, 0), "step size 1.5");
        assertRefused(() -> new BasinHopping(1, 0.1, 1, 0), "acceptance rate 1.0");
        assertRefused(() -> new BasinHopping(1, 0.1, 0.5, -2), "coordinates -2");
        assertRefused(() -> new Memetic(3, 0.5, 0.7), "island size 3");
        assertRefused(() -> new Memetic(8, 0, 0.7), "weight 0.0");
        assertRefused(() -> new Memetic(8, 2.5, 0.7), "weight 2.5");
        assertRefused(() -> new Memetic(8, 0.5, 1.1), "crossover probability 1.1");
        assertRefused(() -> new Budget(0, 0, 0, 1), "needs a limit");
        assertRefused(() -> Budget.ofRounds(-1), "rounds -1");
        assertRefused(() -> Budget.ofMemberSteps(-5), "-5 member-steps");
        assertRefused(() -> Budget.ofSeconds(Double.NaN), "time limit NaN");
        assertRefused(() -> Budget.ofRounds(2).withTarget(Double.NEGATIVE_INFINITY), "target -Infinity");
        Objective f = Objectives.rastrigin(3);
        assertRefused(() -> Search.on(engine(10)).strategy(new BasinHopping(1, 0.1, 0.5, 4)).run(f, RASTRIGIN_GD,
                batch(f, 4)), "moves 4 coordinates per hop, the dimension is 3");
        assertRefused(() -> Search.on(engine(10)).strategy(SearchStrategy.memetic()).run(f, RASTRIGIN_GD,
                batch(f, 3)), "at least 4 members, the batch has 3");
        assertRefused(() -> Search.on(engine(10).history(2)).strategy(SearchStrategy.restarts()).run(f, RASTRIGIN_GD,
                batch(f, 4)), "keeps no history");
        assertRefused(() -> Search.on(engine(10)).strategy(SearchStrategy.restarts()).box(Box.cube(2, 0, 1))
                .run(f, RASTRIGIN_GD, batch(f, 4)), "search box has dimension 2");
        Objective free = Objectives.expression("x^2 + y^2", 2);
        assertRefused(() -> Search.on(engine(10)).strategy(SearchStrategy.restarts()).run(free,
                Adam.builder().build(), Batch.builder(2).members(2).starts(Starts.point(1, 1)).build()),
                "needs a box to move its members in");
        assertRefused(() -> Search.on(engine(10)).successTolerance(-1), "success tolerance -1.0");
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable call, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(text), "'" + text + "' expected in: " + e.getMessage());
    }
}
