package org.batchopt.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.batchopt.Basins;
import org.batchopt.Hyperparameter;
import org.batchopt.KnownOptimum;
import org.batchopt.Minimum;
import org.batchopt.Param;
import org.batchopt.Status;
import org.batchopt.Timing;

/**
 * Runs a batch on a Spark cluster: the members become fixed ranges, one per task, that depend only on the number of
 * members and of tasks (never on how many executors there are); each task runs the local engine on its range, on the
 * GPUs Spark assigned it or on its CPU cores, and the driver merges best members, status counts, distinct minima and
 * grid combinations. Every member gets the bits a local run gives it, whatever the tasks, executors and retries, so
 * the merged figures are the local run's too.
 *
 * <pre>
 *   SparkResult r = SparkBatch.on(spark).tasks(64).minima(1e-2, 1e-3).members("out/members", Format.PARQUET)
 *           .run(recipe);
 * </pre>
 *
 * Settings return a new runner and leave this one as it was. Defaults: {@value #DEFAULT_TASKS} tasks (fewer when the
 * batch has fewer members), the {@value #DEFAULT_BEST} best members, no minima, backend {@code auto}, no member table.
 */
public final class SparkBatch {
    public static final int DEFAULT_TASKS = 64;
    public static final int DEFAULT_BEST = 10;

    private final SparkSession spark;
    private final Options o;

    private record Options(int tasks, int best, double xTol, double fTol, boolean minima, RangeRun.KnownRule known,
                           String backend, int blockMembers, String membersPath, MemberTable.Format membersFormat,
                           SparkProgress progress) {
    }

    private SparkBatch(SparkSession spark, Options o) {
        this.spark = spark;
        this.o = o;
    }

    public static SparkBatch on(SparkSession spark) {
        return new SparkBatch(Objects.requireNonNull(spark), new Options(DEFAULT_TASKS, DEFAULT_BEST, 0, 0, false,
                null, "auto", 0, null, null, null));
    }

    /** The number of member ranges, one task each (at most the number of members). */
    public SparkBatch tasks(int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks " + tasks + " must be at least 1");
        }
        return new SparkBatch(spark, new Options(tasks, o.best, o.xTol, o.fTol, o.minima, o.known, o.backend,
                o.blockMembers, o.membersPath, o.membersFormat, o.progress));
    }

    /** How many best members the result keeps (and members per minimum it lists). */
    public SparkBatch best(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("best " + k + " members asked for");
        }
        return new SparkBatch(spark, new Options(o.tasks, k, o.xTol, o.fTol, o.minima, o.known, o.backend,
                o.blockMembers, o.membersPath, o.membersFormat, o.progress));
    }

    /** Clusters the final points into distinct minima with the tolerances of {@link org.batchopt.Result#minima}. */
    public SparkBatch minima(double xTol, double fTol) {
        if (!(xTol >= 0) || !(fTol >= 0)) {
            throw new IllegalArgumentException("cluster tolerances must be >= 0, got x " + xTol + ", f " + fTol);
        }
        return new SparkBatch(spark, new Options(o.tasks, o.best, xTol, fTol, true, o.known, o.backend, o.blockMembers,
                o.membersPath, o.membersFormat, o.progress));
    }

    /**
     * Judges the members against the objective's known minimum as {@link org.batchopt.Result#known(double, double)}
     * does ({@link SparkResult#known}; nothing where the objective has none or is maximized).
     */
    public SparkBatch known(double tolerance, double xTol) {
        return known(new RangeRun.KnownRule(null, tolerance, xTol));
    }

    /**
     * Judges the members against the optimum {@code fStar} as {@link org.batchopt.Result#known(double, double,
     * double)} does ({@link SparkResult#known}).
     */
    public SparkBatch known(double fStar, double tolerance, double xTol) {
        if (!Double.isFinite(fStar)) {
            throw new IllegalArgumentException("known optimum " + fStar + " must be finite");
        }
        return known(new RangeRun.KnownRule(fStar, tolerance, xTol));
    }

    private SparkBatch known(RangeRun.KnownRule k) {
        if (!(k.tolerance() >= 0) || !(k.xTol() >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got " + k.tolerance() + " and x " + k.xTol());
        }
        return new SparkBatch(spark, new Options(o.tasks, o.best, o.xTol, o.fTol, o.minima, k, o.backend,
                o.blockMembers, o.membersPath, o.membersFormat, o.progress));
    }

    /**
     * Where tasks run: {@code auto} (the task's GPUs as CUDA devices, else its CPU cores), {@code cpu}, {@code cuda}
     * (the task's GPUs, which it must have) or one backend name for every task ({@code opencl:0:0}).
     */
    public SparkBatch backend(String backend) {
        return new SparkBatch(spark, new Options(o.tasks, o.best, o.xTol, o.fTol, o.minima, o.known,
                Objects.requireNonNull(backend), o.blockMembers, o.membersPath, o.membersFormat, o.progress));
    }

    /**
     * At most {@code members} members per block on a task's backend (0: as many as it holds): the memory budget of
     * each of several tasks that share one GPU. Results do not depend on it.
     */
    public SparkBatch maxBlockMembers(int members) {
        if (members < 0) {
            throw new IllegalArgumentException("members per block " + members + " must be >= 0");
        }
        return new SparkBatch(spark, new Options(o.tasks, o.best, o.xTol, o.fTol, o.minima, o.known, o.backend, members,
                o.membersPath, o.membersFormat, o.progress));
    }

    /** Writes every member's result to {@code path} (a directory that must not exist), see {@link MemberTable}. */
    public SparkBatch members(String path, MemberTable.Format format) {
        return new SparkBatch(spark, new Options(o.tasks, o.best, o.xTol, o.fTol, o.minima, o.known, o.backend,
                o.blockMembers, Objects.requireNonNull(path), Objects.requireNonNull(format), o.progress));
    }

    /** Receives progress on the driver; null for none. */
    public SparkBatch progress(SparkProgress p) {
        return new SparkBatch(spark, new Options(o.tasks, o.best, o.xTol, o.fTol, o.minima, o.known, o.backend,
                o.blockMembers, o.membersPath, o.membersFormat, p));
    }

    /** The member ranges of a batch of {@code members} in {@code tasks} tasks: {@code [k N / T, (k+1) N / T)}. */
    static List<int[]> ranges(int members, int tasks) {
        int t = Math.min(tasks, members);
        List<int[]> out = new ArrayList<>(t);
        for (int k = 0; k < t; k++) {
            int from = (int) ((long) k * members / t);
            int to = (int) ((long) (k + 1) * members / t);
            out.add(new int[] {from, to - from});
        }
        return out;
    }

    /**
     * Runs the job the recipe builds (built here too, once, to check it and to name the members' hyperparameters).
     *
     * @throws IllegalArgumentException as {@link org.batchopt.Engine#run}, from the driver's build of the job
     */
    public SparkResult run(JobRecipe recipe) {
        long t0 = System.nanoTime();
        BatchJob job = recipe.build();
        int n = job.batch().members();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<int[]> ranges = ranges(n, o.tasks);
        MinimaMerge.Rule rule = o.minima ? new MinimaMerge.Rule(job.objective().dimension(), o.xTol, o.fTol,
                job.objective().isMaximized()) : null;
        boolean keep = o.minima || o.membersPath != null;
        // At least one best member and one member per minimum: the best member, gap and basins' best come from them.
        int best = Math.max(1, o.best);
        RangeRun.Plan plan = new RangeRun.Plan(o.backend, o.blockMembers, best, rule, o.known, keep);
        LongAccumulator steps = spark.sparkContext().longAccumulator("batchopt member-steps");
        ProgressListener listener = new ProgressListener(steps.id(), ranges.size(),
                (long) n * job.settings().stopping().maxSteps(), o.progress);
        spark.sparkContext().addSparkListener(listener);
        JavaRDD<RangeRun> runs = jsc.parallelize(ranges, ranges.size())
                .map(r -> RangeRun.run(recipe, r[0], r[1], plan, steps));
        if (keep) {
            runs = runs.persist(StorageLevel.MEMORY_AND_DISK());
        }
        try {
            List<RangeSummary> summaries = runs.map(RangeRun::summary).collect();
            listener.finish(summaries.stream().mapToLong(RangeSummary::memberSteps).sum());
            List<Minimum> minima = null;
            long[] stepSums = null;
            int rounds = 0;
            if (rule != null) {
                List<MemberRecord> candidates = new ArrayList<>();
                summaries.forEach(s -> candidates.addAll(s.founders()));
                while (true) {
                    rounds++;
                    List<MemberRecord> founders = MinimaMerge.greedy(candidates, rule);
                    Broadcast<List<MemberRecord>> shared = jsc.broadcast(founders);
                    int k = best;
                    List<MinimaMerge.Placement> placements = runs
                            .map(run -> MinimaMerge.Placement.of(run.data(), shared.value(), rule, k)).collect();
                    shared.destroy();
                    List<MemberRecord> uncovered = new ArrayList<>();
                    placements.forEach(p -> uncovered.addAll(p.uncovered()));
                    if (uncovered.isEmpty()) {
                        minima = MinimaMerge.minima(founders, placements, rule, k);
                        stepSums = MinimaMerge.stepSums(founders.size(), placements);
                        break;
                    }
                    candidates.addAll(uncovered);
                }
            }
            if (o.membersPath != null) {
                MemberTable.write(spark, runs, recipe, job, o.membersPath, o.membersFormat);
            }
            double total = (System.nanoTime() - t0) * 1e-9;
            return merge(job, summaries, minima, stepSums, rounds, total);
        } finally {
            if (keep) {
                runs.unpersist(false);
            }
            spark.sparkContext().removeSparkListener(listener);
        }
    }

    private SparkResult merge(BatchJob job, List<RangeSummary> summaries, List<Minimum> minima, long[] stepSums,
                              int rounds, double total) {
        boolean max = job.objective().isMaximized();
        long[] counts = new long[Status.values().length];
        List<MemberRecord> best = new ArrayList<>();
        double compile = 0;
        double transfer = 0;
        double run = 0;
        long memberSteps = 0;
        Map<String, String> backends = new LinkedHashMap<>();
        for (RangeSummary s : summaries) {
            for (int k = 0; k < counts.length; k++) {
                counts[k] += s.statusCounts()[k];
            }
            best.addAll(s.best());
            compile += s.seconds()[0];
            transfer += s.seconds()[1];
            run += s.seconds()[2];
            memberSteps += s.memberSteps();
            backends.putIfAbsent(s.backend(), s.device());
        }
        best.sort((a, b) -> Ranking.compare(a, b, max));
        best = List.copyOf(best.subList(0, Math.min(Math.max(1, o.best), best.size())));
        boolean penalized = summaries.stream().anyMatch(RangeSummary::penalized);
        Basins basins = minima == null ? null : Basins.of(minima, stepSums, job.batch().members(),
                counts[Status.DIVERGED.ordinal()], o.xTol, o.fTol);
        List<CombinationPart> parts = joinedCombinations(summaries);
        return new SparkResult(job, counts, best, basins, rounds, combinations(job, parts), parts,
                known(job, summaries, best), summaries.size(), memberSteps, penalized, backends,
                new Timing(compile, transfer, run, total));
    }

    /** The tasks' parts of the known optimum added up, with the gap of the batch's best member; null for none. */
    private static KnownOptimum known(BatchJob job, List<RangeSummary> summaries, List<MemberRecord> best) {
        boolean max = job.objective().isMaximized();
        KnownPart first = summaries.stream().map(RangeSummary::known).filter(Objects::nonNull).findFirst()
                .orElse(null);
        if (first == null) {
            return null;
        }
        int n = first.minimizers().length;
        long successes = 0;
        long[] reached = new long[n];
        int[] bestOf = new int[n];
        double[] bestObjective = new double[n];
        Arrays.fill(bestOf, -1);
        for (RangeSummary s : summaries) {
            KnownPart k = s.known();
            successes += k.successes();
            for (int i = 0; i < n; i++) {
                reached[i] += k.reached()[i];
                if (k.best()[i] >= 0 && (bestOf[i] < 0
                        || Ranking.compare(k.bestObjective()[i], k.best()[i], bestObjective[i], bestOf[i], max) < 0)) {
                    bestOf[i] = k.best()[i];
                    bestObjective[i] = k.bestObjective()[i];
                }
            }
        }
        List<KnownOptimum.Minimizer> minimizers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            minimizers.add(new KnownOptimum.Minimizer(first.minimizers()[i], reached[i], bestOf[i]));
        }
        double fStar = first.fStar();
        double gap = best.isEmpty() ? Double.NaN
                : max ? fStar - best.get(0).objective() : best.get(0).objective() - fStar;
        return new KnownOptimum(fStar, first.tolerance(), gap, successes, job.batch().members(), first.xTol(),
                minimizers);
    }

    /** Every grid combination's members in one part, in grid order; empty for a batch that is not a grid. */
    private static List<CombinationPart> joinedCombinations(List<RangeSummary> summaries) {
        List<CombinationPart> parts = new ArrayList<>();
        summaries.stream().sorted(Comparator.comparingInt(RangeSummary::first))
                .forEach(s -> parts.addAll(s.combinations()));
        List<CombinationPart> out = new ArrayList<>();
        for (int p = 0; p < parts.size(); ) {
            int q = p;
            while (q < parts.size() && parts.get(q).combination() == parts.get(p).combination()) {
                q++;
            }
            out.add(CombinationPart.join(parts.subList(p, q)));
            p = q;
        }
        return out;
    }

    /** Every grid combination's best member and counts from its joined part, in grid order. */
    private static List<GridCombination> combinations(BatchJob job, List<CombinationPart> parts) {
        boolean max = job.objective().isMaximized();
        List<GridCombination> out = new ArrayList<>();
        for (CombinationPart part : parts) {
            int best = -1;
            double bestObjective = Double.NaN;
            double bestF = Double.NaN;
            long converged = 0;
            long diverged = 0;
            for (int j = 0; j < part.members().length; j++) {
                Status s = Status.values()[part.status()[j]];
                if (s == Status.DIVERGED) {
                    diverged++;
                    continue;
                }
                if (s == Status.CONVERGED_GRADIENT || s == Status.CONVERGED_VALUE) {
                    converged++;
                }
                if (best < 0 || Ranking.compare(part.objective()[j], part.members()[j], bestObjective, best, max) < 0) {
                    best = part.members()[j];
                    bestObjective = part.objective()[j];
                    bestF = part.f()[j];
                }
            }
            out.add(new GridCombination(part.combination(), axes(job, part.combination()), best, bestF, bestObjective,
                    converged, diverged));
        }
        return out;
    }

    /** The grid's axes as combination {@code c} has them, by {@link Hyperparameter#id}. */
    static Map<String, Double> axes(BatchJob job, long c) {
        int starts = job.batch().startsPerCombination();
        Map<String, Double> axes = new LinkedHashMap<>();
        for (Map.Entry<Hyperparameter, Param> e : job.rule().parameters().entrySet()) {
            if (!e.getValue().isUniform()) {
                axes.put(e.getKey().id(), e.getValue().at((int) (c * starts)));
            }
        }
        return axes;
    }
}
