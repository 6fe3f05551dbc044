package org.batchopt;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.batchopt.backend.MemberResults;
import org.batchopt.rule.UpdateRule;
import org.batchopt.search.Budget;
import org.batchopt.search.Multistart;
import org.batchopt.search.SearchStrategy;
import org.batchopt.search.SearchSummary;
import org.batchopt.search.chains.Chains;

/**
 * Runs a global search over a batch: every member is a chain of descents, each descent an ordinary run of the update
 * rule on the engine's backend, and the strategy ({@link SearchStrategy}) moves the chains between descents on the
 * host. Settings return a new search and leave this one as it was:
 *
 * <pre>
 *   Result r = Search.on(Engine.on(backend).stopping(Stopping.maxSteps(300).gradientTolerance(1e-6)))
 *           .strategy(SearchStrategy.basinHopping()).budget(Budget.ofSeconds(10).withTarget(0))
 *           .run(Objectives.rastrigin(10), rule, batch);
 *   r.search().ifPresent(s -&gt; System.out.println(s.rounds() + " rounds, best found in round "
 *           + s.foundAt(r.best().getAsInt())));
 * </pre>
 *
 * The result holds every member's best point over its chain (its f, gradient norm, steps and status are those of the
 * descent that ended there) and {@link Result#search()} says how the search went. Each round runs the whole batch
 * through {@link Engine#run}, so each descent has the engine's guarantees (the same bits on every backend, whatever
 * the blocks), and the strategies' random numbers are keyed by (seed, member, round): a member's chain does not
 * depend on the backend, the blocks or the other members (see each strategy for what it guarantees).
 *
 * <p>Descents are counted against a known optimum f* as {@link Result#known} judges members: the same value
 * ({@link Result#rankValue}), the same success rule and tolerance ({@link KnownOptimum}), so a search's
 * members at f* are the successes of {@code result.known(...)} with the same f* and tolerance.
 *
 * <p>Defaults: {@link Multistart} (one round, exactly {@link Engine#run}), {@link Budget#DEFAULT} (ten rounds),
 * seed 1, the objective's usual box as the search box, the objective's known minimum as f*, success tolerance
 * {@value KnownOptimum#DEFAULT_TOLERANCE}.
 */
public final class Search {
    private final Engine engine;
    private final SearchStrategy strategy;
    private final Budget budget;
    private final Box box;
    private final long seed;
    private final double fStar;
    private final double tolerance;
    private final Progress progress;

    private Search(Engine engine, SearchStrategy strategy, Budget budget, Box box, long seed, double fStar,
                   double tolerance, Progress progress) {
        this.engine = engine;
        this.strategy = strategy;
        this.budget = budget;
        this.box = box;
        this.seed = seed;
        this.fStar = fStar;
        this.tolerance = tolerance;
        this.progress = progress;
    }

    /**
     * A search on an engine.
     *
     * @param engine the backend and settings of every descent (its progress receiver is replaced by the search's)
     * @return a multi-start search with the defaults of the class comment
     */
    public static Search on(Engine engine) {
        return new Search(Objects.requireNonNull(engine), SearchStrategy.multistart(), Budget.DEFAULT, null, 1,
                Double.NaN, KnownOptimum.DEFAULT_TOLERANCE, null);
    }

    /**
     * The strategy that moves the chains between descents.
     *
     * @param s the strategy
     * @return this search with that strategy
     */
    public Search strategy(SearchStrategy s) {
        return new Search(engine, Objects.requireNonNull(s), budget, box, seed, fStar, tolerance, progress);
    }

    /**
     * When the search ends.
     *
     * @param b the budget: rounds, member-steps, seconds, a target
     * @return this search with that budget
     */
    public Search budget(Budget b) {
        return new Search(engine, strategy, Objects.requireNonNull(b), box, seed, fStar, tolerance, progress);
    }

    /**
     * The box perturbations and fresh starts stay in (descents may leave it).
     *
     * @param b the box, null for the objective's usual box
     * @return this search with that box
     */
    public Search box(Box b) {
        return new Search(engine, strategy, budget, b, seed, fStar, tolerance, progress);
    }

    /**
     * The seed of the strategies' random streams.
     *
     * @param s the seed
     * @return this search with that seed
     */
    public Search seed(long s) {
        return new Search(engine, strategy, budget, box, s, fStar, tolerance, progress);
    }

    /**
     * The known optimum the descents are counted against ({@link SearchSummary#atReference}), as
     * {@link Result#known(double, double, double)} takes it; NaN (the default) for the objective's known minimum.
     * Where no f* is known either, descents are counted against the budget's target, if any: a descent reaches it
     * when its value is the target or better, as the target ends the search.
     *
     * @param f the known optimum, NaN for the objective's own
     * @return this search counting against {@code f}
     */
    public Search fStar(double f) {
        if (Double.isInfinite(f)) {
            throw new IllegalArgumentException("known optimum " + f + " must be finite (NaN: the objective's own)");
        }
        return new Search(engine, strategy, budget, box, seed, f, tolerance, progress);
    }

    /**
     * A descent reaches f* when its value is within {@code tol * max(1, |f*|)} of it, or better (the rule of
     * {@link KnownOptimum}).
     *
     * @param tol the tolerance, relative to {@code max(1, |f*|)}; finite and at least 0
     * @return this search with that tolerance
     */
    public Search successTolerance(double tol) {
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("success tolerance " + tol + " must be finite and >= 0");
        }
        return new Search(engine, strategy, budget, box, seed, fStar, tol, progress);
    }

    /**
     * Where progress goes.
     *
     * @param p receives progress over the whole search (member-steps of every round) and its best f after each
     *          round; null for none
     * @return this search reporting to {@code p}
     */
    public Search progress(Progress p) {
        return new Search(engine, strategy, budget, box, seed, fStar, tolerance, p);
    }

    /**
     * Searches with every member of {@code batch} as a chain.
     *
     * @param objective what the members minimize (or maximize)
     * @param rule      the update rule of every descent, with its hyperparameters per member
     * @param batch     the members and their start points (round 0's)
     * @return every member's best point over its chain, with {@link Result#search()} saying how the search went
     * @throws IllegalArgumentException as {@link Engine#run}, or when the strategy's parameters or the budget do not
     *                                  fit the batch (a member-step budget below one round, a history with a search,
     *                                  no search box)
     * @throws BackendException         when a backend cannot run the job
     */
    public Result run(Objective objective, UpdateRule rule, Batch batch) {
        return run(objective, rule, batch, List.of());
    }

    /**
     * Searches with every member of {@code batch} as a chain, every descent under a projection: a box or a simplex
     * (each descent projects its start point, a hop's or an offspring's, and every step, as {@link Engine#run}
     * does). General constraints are refused by every strategy but multistart (one round): the augmented
     * Lagrangian's multipliers live within one descent and would start again every round.
     *
     * @param objective   what the members minimize (or maximize)
     * @param rule        the update rule of every descent, with its hyperparameters per member
     * @param batch       the members and their start points (round 0's)
     * @param projections at most one box or simplex projection (multistart: any constraints); empty for none
     * @return every member's best point over its chain, with {@link Result#search()} saying how the search went
     * @throws IllegalArgumentException as {@link #run(Objective, UpdateRule, Batch)}, or for a general constraint
     * @throws BackendException         when a backend cannot run the job
     */
    public Result run(Objective objective, UpdateRule rule, Batch batch, List<Constraint> projections) {
        for (Constraint c : projections) {
            if (c instanceof Constraint.General g && !(strategy instanceof Multistart)) {
                throw new IllegalArgumentException("a " + strategy.name() + " search takes box and simplex "
                        + "projections only, not " + g + ": the augmented Lagrangian's multipliers would start "
                        + "again every round");
            }
        }
        return new Run(objective, rule, batch, List.copyOf(projections)).run();
    }

    /** One search: its chains, the best point of every member, the counts. */
    private final class Run {
        private final Objective objective;
        private final UpdateRule rule;
        private final Batch batch;
        private final List<Constraint> projections;
        private final int n;
        private final int d;
        private final int maxSteps;
        private final double sign;
        /** f*, else the target, else NaN; {@link #within} is the tolerance counted against it. */
        private final double reference;
        private final boolean countsTarget;
        private final double within;
        private final double[] bestX;
        private final double[] bestValue;
        private final double[] bestF;
        private final double[] bestGradient;
        private final int[] bestSteps;
        private final Status[] bestStatus;
        private final int[] foundAt;
        private final int[] accepted;
        private final long[] steps;
        private final int[] firstAtReference;
        private final long[] atReference;
        private final long t0 = System.nanoTime();
        private long spent;
        private double compile;
        private double transfer;
        private double computing;
        private String backendId;
        private String device;
        private Map<String, Param> others = Map.of();

        Run(Objective objective, UpdateRule rule, Batch batch, List<Constraint> projections) {
            this.objective = objective;
            this.rule = rule;
            this.batch = batch;
            this.projections = projections;
            this.n = batch.members();
            this.d = batch.dimension();
            this.maxSteps = engine.settings().stopping().maxSteps();
            this.sign = objective.isMaximized() ? -1 : 1;
            double known = !Double.isNaN(fStar) ? fStar : objective.isMaximized() ? Double.NaN : objective.minimum();
            this.reference = !Double.isNaN(known) ? known : budget.target();
            this.countsTarget = Double.isNaN(known) && budget.hasTarget();
            this.within = countsTarget ? 0 : tolerance;
            boolean single = strategy instanceof Multistart;
            if (!single) {
                requireSearchable();
            }
            int values = single ? 0 : Math.multiplyExact(n, d);
            this.bestX = new double[values];
            this.bestValue = new double[n];
            this.bestF = new double[n];
            this.bestGradient = new double[n];
            this.bestSteps = new int[n];
            this.bestStatus = new Status[n];
            this.foundAt = new int[n];
            this.accepted = new int[n];
            this.steps = new long[n];
            this.firstAtReference = new int[n];
            this.atReference = new long[n];
            java.util.Arrays.fill(firstAtReference, -1);
        }

        private void requireSearchable() {
            if (engine.settings().historyEvery() > 0) {
                throw new IllegalArgumentException("a search keeps no history: " + strategy.name()
                        + " runs many descents per member");
            }
            if (maxSteps < 1) {
                throw new IllegalArgumentException("a " + strategy.name() + " search needs descents of at least 1 "
                        + "step, the stopping allows " + maxSteps);
            }
            if ((long) n * d > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a " + strategy.name() + " search holds at most "
                        + (Integer.MAX_VALUE - 8) + " coordinates (members x dimension), the batch has " + (long) n * d);
            }
            long round = (long) n * maxSteps;
            if (budget.memberSteps() > 0 && budget.memberSteps() < round) {
                throw new IllegalArgumentException("a budget of " + budget.memberSteps() + " member-steps is less "
                        + "than one round: " + n + " members x " + maxSteps + " steps = " + round);
            }
            if (box == null && !objective.hasBox()) {
                throw new IllegalArgumentException(objective.name() + " has no usual box and the search was given none: "
                        + strategy.name() + " needs a box to move its members in");
            }
            if (box != null && box.dimension() != d) {
                throw new IllegalArgumentException("search box has dimension " + box.dimension() + ", the batch " + d);
            }
            // The chains' state: current, best and proposed points, values and counts per member.
            Engine.requireMemory(n, d, Precision.FP64, 0, maxSteps, 3 * d + 8, 0);
        }

        Result run() {
            if (strategy instanceof Multistart) {
                Result r = round(batch, 0);
                record(r, 0, null, null);
                return r.withSearch(summary(1, SearchSummary.Stop.SINGLE_ROUND, null));
            }
            Box space = box != null ? box : objective.box();
            double eps = engine.settings().precision() == Precision.FP32 ? 1e-6 : 1e-12;
            Chains chains = Chains.of(strategy, n, space, seed, eps);
            double[] x = new double[bestX.length];
            double[] v = new double[n];
            boolean[] moved = new boolean[n];
            Result first = round(batch, 0);
            ends(first, x, v);
            record(first, 0, x, v);
            chains.start(x, v);
            double[] starts = new double[x.length];
            double last = elapsed();
            int rounds = 1;
            SearchSummary.Stop stop;
            while (true) {
                stop = stopBefore(rounds, last);
                if (stop != null) {
                    break;
                }
                chains.propose(rounds, starts);
                double r0 = elapsed();
                Result r = round(given(starts), rounds);
                ends(r, x, v);
                chains.accept(rounds, x, v, moved);
                for (int m = 0; m < n; m++) {
                    accepted[m] += moved[m] ? 1 : 0;
                }
                record(r, rounds, x, v);
                last = elapsed() - r0;
                rounds++;
            }
            return result().withSearch(summary(rounds, stop, chains));
        }

        /** Why the search ends before round {@code round}, null to go on. */
        private SearchSummary.Stop stopBefore(int round, double last) {
            if (budget.hasTarget() && reached()) {
                return SearchSummary.Stop.TARGET;
            }
            if (budget.rounds() > 0 && round >= budget.rounds()) {
                return SearchSummary.Stop.ROUNDS;
            }
            if (budget.memberSteps() > 0 && spent + (long) n * maxSteps > budget.memberSteps()) {
                return SearchSummary.Stop.MEMBER_STEPS;
            }
            if (budget.seconds() > 0 && elapsed() + last > budget.seconds()) {
                return SearchSummary.Stop.TIME_LIMIT;
            }
            return null;
        }

        private boolean reached() {
            double t = sign * budget.target();
            for (int m = 0; m < n; m++) {
                if (bestValue[m] <= t) {
                    return true;
                }
            }
            return false;
        }

        /** One round: every member descends once; the engine's progress is the search's. */
        private Result round(Batch b, int round) {
            Engine e = engine.progress(progress == null ? null : (memberSteps, ignored, finished, members, seconds) ->
                    progress.update(spent + memberSteps, total(), finished, members, elapsed()));
            Result r = e.run(objective, rule, b, projections);
            Timing t = r.timing();
            compile += t.compileSeconds();
            transfer += t.transferSeconds();
            computing += t.runSeconds();
            backendId = r.backend();
            device = r.device();
            others = r.others();
            return r;
        }

        /** The member-steps the progress line measures against. */
        private long total() {
            long round = (long) n * maxSteps;
            if (budget.memberSteps() > 0) {
                return budget.memberSteps();
            }
            if (budget.rounds() > 0) {
                return budget.rounds() * round;
            }
            return spent + round;
        }

        /** Every member's end and value (+inf for a diverged descent). */
        private void ends(Result r, double[] x, double[] v) {
            for (int m = 0; m < n; m++) {
                for (int k = 0; k < d; k++) {
                    x[m * d + k] = r.x(m, k);
                }
                v[m] = value(r, m);
            }
        }

        private double value(Result r, int m) {
            return r.status(m) == Status.DIVERGED ? Double.POSITIVE_INFINITY : sign * r.rankValue(m);
        }

        /** Counts round {@code round}'s descents and keeps every member's best end; x null for multistart. */
        private void record(Result r, int round, double[] x, double[] v) {
            boolean max = objective.isMaximized();
            double best = Double.POSITIVE_INFINITY;
            for (int m = 0; m < n; m++) {
                double value = v != null ? v[m] : value(r, m);
                spent += r.steps(m);
                steps[m] += r.steps(m);
                if (!Double.isNaN(reference) && KnownOptimum.success(sign * value, reference, within, max)) {
                    atReference[m]++;
                    if (firstAtReference[m] < 0) {
                        firstAtReference[m] = round;
                    }
                }
                if (round == 0 || value < bestValue[m]) {
                    bestValue[m] = value;
                    bestF[m] = r.f(m);
                    bestGradient[m] = r.gradientNorm(m);
                    bestSteps[m] = r.steps(m);
                    bestStatus[m] = r.status(m);
                    foundAt[m] = round;
                    if (x != null) {
                        System.arraycopy(x, m * d, bestX, m * d, d);
                    }
                }
                best = Math.min(best, bestValue[m]);
            }
            if (progress != null && best < Double.POSITIVE_INFINITY) {
                progress.best(sign * best, round);
            }
        }

        /** A batch of the same members starting at {@code points}. */
        private Batch given(double[] points) {
            Starts starts = new Starts(d) {
                @Override
                public void fill(long first, int count, long total, double[] out) {
                    System.arraycopy(points, Math.toIntExact(first * d), out, 0, count * d);
                }
            };
            return Batch.builder(d).members(n).starts(starts).build();
        }

        /** Every member's best point. */
        private Result result() {
            MemberResults out = new MemberResults(d, n, engine.settings().precision(), 0, maxSteps);
            for (int m = 0; m < n; m++) {
                for (int k = 0; k < d; k++) {
                    out.x().set(m, k, bestX[m * d + k]);
                }
                out.finish(m, bestF[m], bestGradient[m], bestSteps[m], bestStatus[m]);
            }
            Timing timing = new Timing(compile, transfer, computing, elapsed());
            return new Result(objective, rule, out, backendId, device, timing, batch.startsPerCombination(), List.of(),
                    others);
        }

        private SearchSummary summary(int rounds, SearchSummary.Stop stop, Chains chains) {
            double[] stepSize = null;
            if (chains != null && !Double.isNaN(chains.stepSize(0))) {
                stepSize = new double[n];
                for (int m = 0; m < n; m++) {
                    stepSize[m] = chains.stepSize(m);
                }
            }
            return new SearchSummary(strategy, budget, seed, rounds, spent, elapsed(), stop, reference, countsTarget, within,
                    foundAt, accepted, steps, firstAtReference, atReference, stepSize);
        }

        private double elapsed() {
            return (System.nanoTime() - t0) * 1e-9;
        }
    }
}
