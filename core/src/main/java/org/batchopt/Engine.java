package org.batchopt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.batchopt.backend.BackendSpi;
import org.batchopt.backend.ConstraintPlan;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.MultiBackend;
import org.batchopt.backend.RunContext;
import org.batchopt.backend.RunPlan;
import org.batchopt.kernel.DataObjectiveSource;
import org.batchopt.kernel.KernelProjection;
import org.batchopt.objective.expression.ExpressionConstraints;
import org.batchopt.rule.UpdateRule;

/**
 * Runs batches on one or more backends. Settings return a new engine and leave this one as it was:
 *
 * <pre>
 *   Result r = Engine.on(backend).precision(Precision.FP32)
 *           .stopping(Stopping.maxSteps(2000).gradientTolerance(1e-6)).run(f, rule, batch);
 * </pre>
 *
 * Defaults: {@link RunSettings#DEFAULTS} (fp32, 1000 steps and no tolerance, analytic gradients, the planner's
 * strategy, no history; {@link AugmentedLagrangian#DEFAULTS} for constraints). Members are split into blocks a
 * backend can hold; with several backends each takes a contiguous share of every block. Every member's result
 * depends only on its own inputs, never on the split.
 */
public final class Engine {
    private final BackendSpi backend;
    private final RunSettings settings;
    private final Progress progress;
    private final int blockCap;
    private final AugmentedLagrangian lagrangian;

    private Engine(BackendSpi backend, RunSettings settings, Progress progress, int blockCap,
                   AugmentedLagrangian lagrangian) {
        this.backend = backend;
        this.settings = settings;
        this.progress = progress;
        this.blockCap = blockCap;
        this.lagrangian = lagrangian;
    }

    /**
     * An engine on {@code backends} with {@link RunSettings#DEFAULTS}, no progress and blocks as large as the
     * backends hold.
     *
     * @param backends one or more, from {@link Backends}; several share each batch. They stay the caller's to
     *                 close; the array is not modified
     * @return the engine
     * @throws IllegalArgumentException when there is no backend or one does not come from {@link Backends}
     */
    public static Engine on(Backend... backends) {
        if (backends.length == 0) {
            throw new IllegalArgumentException("an engine needs at least one backend");
        }
        List<BackendSpi> parts = new ArrayList<>();
        for (Backend b : backends) {
            if (!(b instanceof BackendSpi spi)) {
                throw new IllegalArgumentException("backend " + b.id() + " does not come from Backends.open");
            }
            parts.add(spi);
        }
        return new Engine(parts.size() == 1 ? parts.get(0) : new MultiBackend(parts, false), RunSettings.DEFAULTS,
                null, 0, AugmentedLagrangian.DEFAULTS);
    }

    /**
     * The settings runs use.
     *
     * @return precision, stopping, gradient, strategy, steps per launch and history
     */
    public RunSettings settings() {
        return settings;
    }

    /**
     * This engine with every setting at once; this engine is not modified.
     *
     * @param s the settings
     * @return a new engine on the same backends
     * @throws NullPointerException when {@code s} is null
     */
    public Engine settings(RunSettings s) {
        return new Engine(backend, Objects.requireNonNull(s), progress, blockCap, lagrangian);
    }

    /**
     * This engine computing in another precision (default fp32); this engine is not modified.
     *
     * @param p fp32 or fp64
     * @return a new engine on the same backends
     * @throws NullPointerException when {@code p} is null
     */
    public Engine precision(Precision p) {
        return settings(settings.withPrecision(Objects.requireNonNull(p)));
    }

    /**
     * This engine with another stopping rule (default 1000 steps, no tolerance); this engine is not modified.
     *
     * @param s when a member stops
     * @return a new engine on the same backends
     * @throws NullPointerException when {@code s} is null
     */
    public Engine stopping(Stopping s) {
        return settings(settings.withStopping(Objects.requireNonNull(s)));
    }

    /**
     * This engine with analytic gradients (the default) or central differences with the default step
     * ({@link Gradient#defaultStep}); this engine is not modified.
     *
     * @param g how the gradient is computed
     * @return a new engine on the same backends
     * @throws NullPointerException when {@code g} is null
     */
    public Engine gradient(Gradient g) {
        return settings(settings.withGradient(Objects.requireNonNull(g)));
    }

    /**
     * This engine with central differences of step {@code h} (see {@link Gradient#CENTRAL}); this engine is not
     * modified.
     *
     * @param h the relative step, finite and {@code > 0}
     * @return a new engine on the same backends
     * @throws IllegalArgumentException when {@code h} is not finite and {@code > 0}
     */
    public Engine centralDifferences(double h) {
        return settings(settings.withCentralDifferences(h));
    }

    /**
     * This engine with another device strategy (default {@link Strategy#AUTO}, the planner's choice); results do
     * not depend on it. This engine is not modified.
     *
     * @param s the strategy
     * @return a new engine on the same backends
     * @throws NullPointerException when {@code s} is null
     */
    public Engine strategy(Strategy s) {
        return settings(settings.withStrategy(Objects.requireNonNull(s)));
    }

    /**
     * This engine with a number of iterations per fused launch on a device, overriding the planner; results do
     * not depend on it. This engine is not modified.
     *
     * @param k iterations per launch, {@code >= 1}; 0 restores the planner's choice (the default)
     * @return a new engine on the same backends
     * @throws IllegalArgumentException when {@code k < 0}
     */
    public Engine stepsPerLaunch(int k) {
        return settings(settings.withStepsPerLaunch(k));
    }

    /**
     * This engine keeping every member's point every {@code every} steps, for {@link Result#history}; memory is
     * members x D x (steps/every + 1) values. This engine is not modified.
     *
     * @param every steps between recorded points; 0 for none (the default)
     * @return a new engine on the same backends
     * @throws IllegalArgumentException when {@code every < 0}
     */
    public Engine history(int every) {
        return settings(settings.withHistory(every));
    }

    /**
     * This engine computing the matrix products of a model fitted to a {@link Dataset} in {@code m} (default
     * {@link MathMode#STRICT}, the same bits on every backend). The fast modes run on CUDA backends with cuBLAS
     * only, and their results differ from the strict ones in the last bits (see {@link MathMode}). This engine is
     * not modified.
     *
     * @param m how the products are computed
     * @return a new engine on the same backends
     * @throws NullPointerException     when {@code m} is null
     * @throws IllegalArgumentException when {@code m} is {@link MathMode#FAST_TF32} and the precision fp64
     */
    public Engine math(MathMode m) {
        return settings(settings.withMath(Objects.requireNonNull(m)));
    }

    /**
     * This engine running at most {@code members} members per block. Results do not depend on it; it bounds
     * host and device memory. This engine is not modified.
     *
     * @param members members per block, {@code >= 1}; 0 for as many as the backend holds (the default)
     * @return a new engine on the same backends
     * @throws IllegalArgumentException when {@code members < 0}
     */
    public Engine maxBlockMembers(int members) {
        if (members < 0) {
            throw new IllegalArgumentException("members per block " + members + " must be >= 0");
        }
        return new Engine(backend, settings, progress, members, lagrangian);
    }

    /**
     * This engine reporting progress to {@code p} while a batch runs (at most five times a second); this engine
     * is not modified.
     *
     * @param p the receiver, or null for none (the default)
     * @return a new engine on the same backends
     */
    public Engine progress(Progress p) {
        return new Engine(backend, settings, p, blockCap, lagrangian);
    }

    /**
     * This engine solving general constraints with {@code a}: penalties, their growth, inner steps, the feasibility
     * tolerance (default {@link AugmentedLagrangian#DEFAULTS}); this engine is not modified.
     *
     * @param a the settings
     * @return a new engine on the same backends
     * @throws NullPointerException when {@code a} is null
     */
    public Engine augmentedLagrangian(AugmentedLagrangian a) {
        return new Engine(backend, settings, progress, blockCap, Objects.requireNonNull(a));
    }

    /**
     * The augmented Lagrangian's settings runs use.
     *
     * @return the settings
     */
    public AugmentedLagrangian augmentedLagrangian() {
        return lagrangian;
    }

    /**
     * Optimizes every member of {@code batch} subject to {@code constraints}: each starts at its start point (projected
     * into the set of a projection) and takes updates of {@code rule} on {@code objective} until
     * {@link RunSettings#stopping} stops it. Blocks until every member has stopped. None of the arguments is
     * modified. The constraints are at most one projection ({@link Constraints#box()},
     * {@link Constraints#simplex(double)}) and any number of general constraints ({@link Constraints#equality},
     * {@link Constraints#inequality}), in the order given, solved by the {@link #augmentedLagrangian() augmented
     * Lagrangian method}.
     *
     * @param objective   what is minimized (maximized when {@link Objective#isMaximized})
     * @param rule        the update rule with its schedule and regularization
     * @param batch       the members: their number, start points and dimension
     * @param constraints the constraints, none for an unconstrained run
     * @return every member's outcome
     * @throws IllegalArgumentException when the batch's dimension is not the objective's, a per-member
     *                                  hyperparameter does not have one value per member of the batch, the
     *                                  constraints do not fit (two projections, a box of another dimension, a
     *                                  mistake in a constraint's formula, naming its column), a hyperparameter,
     *                                  tolerance, bound or start coordinate does not keep its meaning in the
     *                                  precision (beyond fp32's range, or non-zero and below its smallest value), or
     *                                  the run does not fit in the Java heap ({@link #requireMemory}), or the
     *                                  backend cannot run the objective (a device whose work-groups are too small for
     *                                  the kernels of a model fitted to a {@link Dataset}), or a fast
     *                                  {@link MathMode} is asked of an objective that is not such a model or of a
     *                                  backend that is not CUDA
     * @throws BackendException         when a backend cannot run the job: the precision unsupported, a kernel
     *                                  that does not build, a device error, cuBLAS missing for a fast
     *                                  {@link MathMode} (UNAVAILABLE, naming the libraries looked for)
     */
    public Result run(Objective objective, UpdateRule rule, Batch batch, Constraint... constraints) {
        return run(objective, rule, batch, List.of(constraints));
    }

    /**
     * {@link #run(Objective, UpdateRule, Batch, Constraint...)} with the constraints in a list.
     *
     * @param objective   what is minimized (maximized when {@link Objective#isMaximized})
     * @param rule        the update rule with its schedule and regularization
     * @param batch       the members: their number, start points and dimension
     * @param constraints the constraints, empty for an unconstrained run
     * @return every member's outcome
     * @throws IllegalArgumentException as the other {@code run}
     * @throws BackendException         as the other {@code run}
     */
    public Result run(Objective objective, UpdateRule rule, Batch batch, List<Constraint> constraints) {
        return run(objective, rule, batch, 0, batch.members(), constraints);
    }

    /**
     * Optimizes members {@code first .. first+count-1} of {@code batch}, each exactly as {@link #run(Objective,
     * UpdateRule, Batch, Constraint...)} would (its own start point, hyperparameters and index): the result holds
     * those members under their indices in the batch ({@link Result#firstMember()} is {@code first},
     * {@link Result#members()} is {@code count}), so that ranges run anywhere, in any order, together give the whole
     * batch's results bit for bit.
     *
     * @param objective what is minimized (maximized when {@link Objective#isMaximized})
     * @param rule      the update rule with its schedule and regularization, with values for every member of the batch
     * @param batch     the whole batch: its number of members, start points and dimension
     * @param first     the first member to run, by its index in the batch
     * @param count     how many members to run, at least 1
     * @return the outcome of those members
     * @throws IllegalArgumentException as {@link #run(Objective, UpdateRule, Batch, Constraint...)}, or when the range
     *                                  is not inside the batch or is empty
     * @throws BackendException         when a backend cannot run the job
     */
    public Result run(Objective objective, UpdateRule rule, Batch batch, int first, int count) {
        return run(objective, rule, batch, first, count, List.of());
    }

    /**
     * {@link #run(Objective, UpdateRule, Batch, int, int)} subject to {@code constraints}, as
     * {@link #run(Objective, UpdateRule, Batch, List)}.
     *
     * @param objective   what is minimized (maximized when {@link Objective#isMaximized})
     * @param rule        the update rule, with values for every member of the batch
     * @param batch       the whole batch
     * @param first       the first member to run, by its index in the batch
     * @param count       how many members to run, at least 1
     * @param constraints the constraints, empty for an unconstrained run (per-member values for every member of the
     *                    batch)
     * @return the outcome of those members
     * @throws IllegalArgumentException as the other {@code run}s
     * @throws BackendException         when a backend cannot run the job
     */
    public Result run(Objective objective, UpdateRule rule, Batch batch, int first, int count,
                      List<Constraint> constraints) {
        if (first < 0 || count < 1 || (long) first + count > batch.members()) {
            throw new IllegalArgumentException("members " + first + " .. " + ((long) first + count - 1)
                    + " are not a range of the batch's " + batch.members() + " members");
        }
        check(objective, rule, batch);
        Planned planned = plan(objective, rule, constraints);
        List<Constraint.General> general = planned.general();
        Map<String, Param> others = planned.others();
        checkSizes(others, batch);
        RunPlan plan = planned.plan();
        requireRepresentable(plan);
        backend.requirePrecision(plan.precision());
        backend.requirePlan(plan);
        if (plan.math().fast()) {
            if (!(plan.objective() instanceof DataObjectiveSource)) {
                throw new IllegalArgumentException("math " + plan.math().label() + " applies to the matrix "
                        + "products of a model fitted to a dataset; " + objective.name() + " runs strict math only");
            }
            backend.requireMath(plan.math());
        }
        if (plan.objective() instanceof DataObjectiveSource && !constraints.isEmpty()) {
            throw new IllegalArgumentException("a model fitted to a dataset takes no constraints (its "
                    + "regularization is the rule's L1, L2 and weight decay)");
        }
        if (plan.objective() instanceof DataObjectiveSource && (first != 0 || count != batch.members())) {
            throw new IllegalArgumentException("a model fitted to a dataset runs as a whole batch, not as members "
                    + first + " .. " + ((long) first + count - 1) + " of " + batch.members());
        }
        requireMemory(count, objective.dimension(), plan.precision(), plan.historyEvery(), plan.stopping().maxSteps(),
                general.isEmpty() ? 0 : 2 * general.size() + 2, backend.workingBytes(plan));
        MemberResults out = new MemberResults(objective.dimension(), first, count, plan.precision(),
                plan.historyEvery(), plan.stopping().maxSteps(), general.size());
        if (plan.objective() instanceof DataObjectiveSource d) {
            out.withData(d.evaluateEvery(), plan.stopping().maxSteps(), d.patience());
        }
        long t0 = System.nanoTime();
        RunContext context = new RunContext(reporter(count, t0));
        int block = Math.max(1, backend.maxBlockMembers(plan));
        if (blockCap > 0) {
            block = Math.min(block, blockCap);
        }
        block = Math.min(block, startBlockMembers(objective.dimension()));
        int end = first + count;
        for (int from = first; from < end; from += block) {
            int n = Math.min(block, end - from);
            double[] start = new double[Math.multiplyExact(n, objective.dimension())];
            startPoints(batch, from, n, start);
            requireRepresentable(plan.precision(), start, from, objective.dimension());
            backend.run(plan, new MemberBlock(from, n, start), out, context);
        }
        fillHistory(batch, out);
        double total = (System.nanoTime() - t0) * 1e-9;
        Timing timing = new Timing(context.compileSeconds(), context.transferSeconds(), context.runSeconds(), total);
        return new Result(objective, rule, out, backend.id(), backend.device(), timing, batch.startsPerCombination(),
                general, others);
    }

    /**
     * What a run of this engine plans.
     *
     * @param general the general constraints, in order
     * @param others  the run's hyperparameters besides the rule's, by id: the augmented Lagrangian's (with general
     *                constraints), then the objective's named parameters
     */
    record Planned(RunPlan plan, List<Constraint.General> general, Map<String, Param> others) {
    }

    /** The plan of running {@code rule} on {@code objective} subject to {@code constraints} with these settings. */
    Planned plan(Objective objective, UpdateRule rule, List<Constraint> constraints) {
        List<Constraint.General> general = new ArrayList<>();
        ConstraintPlan constraintPlan = constraintPlan(objective, constraints, general);
        Map<String, Param> others = new LinkedHashMap<>();
        if (!general.isEmpty()) {
            lagrangian.parameters().forEach((h, p) -> others.put(h.id(), p));
        }
        others.putAll(objective.parameters());
        RunPlan plan = RunPlan.of(objective.source(), objective.dimension(), objective.isMaximized(), rule, settings,
                constraintPlan, others);
        return new Planned(plan, List.copyOf(general), others);
    }

    /**
     * The plan of {@code constraints} on {@code objective}; the general ones are added to {@code general} in order.
     */
    private ConstraintPlan constraintPlan(Objective objective, List<Constraint> constraints,
                                          List<Constraint.General> general) {
        KernelProjection projection = KernelProjection.NONE;
        double[] data = new double[0];
        List<ExpressionConstraints.Spec> specs = new ArrayList<>();
        int d = objective.dimension();
        for (Constraint c : constraints) {
            Objects.requireNonNull(c, "constraint");
            if (!(c instanceof Constraint.General) && projection != KernelProjection.NONE) {
                throw new IllegalArgumentException("a run takes at most one projection; got " + c + " after another");
            }
            if (c instanceof Constraint.General g) {
                general.add(g);
                specs.add(Constraints.spec(g));
            } else if (c instanceof Constraint.BoxProjection b) {
                if (b.box() == null && !objective.hasBox()) {
                    throw new IllegalArgumentException(objective.name() + " has no box to keep members in: give one "
                            + "with Constraints.box(box)");
                }
                Box box = b.box() != null ? b.box() : objective.box();
                if (box.dimension() != d) {
                    throw new IllegalArgumentException("the projection's box has dimension " + box.dimension()
                            + ", the objective " + d);
                }
                projection = KernelProjection.BOX;
                data = new double[2 * d];
                for (int i = 0; i < d; i++) {
                    data[i] = box.lo(i);
                    data[d + i] = box.hi(i);
                }
            } else if (c instanceof Constraint.SimplexProjection s) {
                projection = KernelProjection.SIMPLEX;
                data = new double[] {s.total()};
            }
        }
        ExpressionConstraints source = specs.isEmpty() ? null
                : ExpressionConstraints.compile(specs, d, List.copyOf(objective.parameters().keySet()));
        return new ConstraintPlan(projection, data, source, lagrangian.feasibilityTolerance());
    }

    private static void checkSizes(Map<String, Param> parameters, Batch batch) {
        for (Map.Entry<String, Param> e : parameters.entrySet()) {
            Param p = e.getValue();
            if (!p.isUniform() && p.size() != batch.members()) {
                throw new IllegalArgumentException(e.getKey() + " has " + p.size() + " per-member values, batch has "
                        + batch.members() + " members");
            }
        }
    }

    private void check(Objective objective, UpdateRule rule, Batch batch) {
        if (batch.dimension() != objective.dimension()) {
            throw new IllegalArgumentException("batch has dimension " + batch.dimension() + ", objective "
                    + objective.name() + " has " + objective.dimension());
        }
        for (Map.Entry<Hyperparameter, Param> e : rule.parameters().entrySet()) {
            Param p = e.getValue();
            if (!p.isUniform() && p.size() != batch.members()) {
                throw new IllegalArgumentException(e.getKey().id() + " has " + p.size() + " per-member values, batch has "
                        + batch.members() + " members");
            }
        }
    }

    /** The largest Java array, a little below 2^31 elements. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Members of a block whose start points (8*D bytes each) fit one array and a sixteenth of the heap. */
    private static int startBlockMembers(int dimension) {
        int d = Math.max(1, dimension);
        long byHeap = Runtime.getRuntime().maxMemory() / 16 / (8L * d);
        return (int) Math.max(1, Math.min(MAX_ARRAY / d, byHeap));
    }

    /**
     * Bytes of Java heap a run needs for its results and working set: per member its final point in the run's
     * precision and 21 bytes of f, gradient norm, steps and status; the history, members x D values per recorded
     * point ({@code maxSteps/historyEvery + 1} points); {@code perMemberParameters} per-member hyperparameters of 8
     * bytes; one block of start points, 8*D bytes per member of the block; and the backend's working set
     * (what it allocates on the heap to run: the CPU backend's tiles; 0 for a device backend). In double, so that
     * no product overflows.
     *
     * @param members             the batch's members, {@code >= 0}
     * @param dimension           D
     * @param precision           the run's precision
     * @param historyEvery        steps between recorded points, 0 for no history
     * @param maxSteps            the step budget
     * @param perMemberParameters the number of per-member hyperparameters
     * @param workingBytes        the backend's own heap working set in bytes (the CPU backend's tiles), 0 for a
     *                            device backend
     * @return the estimate in bytes
     */
    public static double heapBytes(long members, int dimension, Precision precision, int historyEvery, int maxSteps,
                                   int perMemberParameters, long workingBytes) {
        double n = members;
        double point = (double) dimension * precision.bytes();
        double points = historyEvery > 0 ? (double) (maxSteps / historyEvery) + 1 : 0;
        double block = Math.min(n, startBlockMembers(dimension)) * 8.0 * dimension;
        return n * (point + 21) + points * n * point + n * 8.0 * perMemberParameters + block + workingBytes;
    }

    /**
     * Refuses a run whose points cannot be held at all, whatever the heap: more coordinates than a Java array holds,
     * or more history points than can be kept.
     *
     * @param dimension    D
     * @param historyEvery steps between recorded points, 0 for no history
     * @param maxSteps     the step budget
     * @throws IllegalArgumentException with the figures when D or {@code maxSteps/historyEvery + 1} is above
     *                                  {@code Integer.MAX_VALUE - 8}
     */
    public static void requireHoldable(int dimension, int historyEvery, int maxSteps) {
        if (dimension > MAX_ARRAY) {
            throw new IllegalArgumentException("dimension " + dimension + " is more than a Java array holds ("
                    + MAX_ARRAY + " values)");
        }
        double points = historyEvery > 0 ? (double) (maxSteps / historyEvery) + 1 : 0;
        if (points > MAX_ARRAY) {
            throw new IllegalArgumentException("history every " + historyEvery + " step of " + maxSteps + " steps is "
                    + (long) points + " points per member, more than can be kept; record fewer points");
        }
    }

    /**
     * Refuses, before anything is allocated, a run that cannot fit in the Java heap ({@link #heapBytes} above nine
     * tenths of what the heap can still take, after a garbage collection), or whose points cannot be held at all
     * ({@link #requireHoldable}). {@link #run} calls it; a caller may call it first to refuse a job early.
     *
     * @param members             the batch's members, {@code >= 0}
     * @param dimension           D
     * @param precision           the run's precision
     * @param historyEvery        steps between recorded points, 0 for no history
     * @param maxSteps            the step budget
     * @param perMemberParameters the number of per-member hyperparameters
     * @param workingBytes        the backend's own heap working set in bytes (the CPU backend's tiles), 0 for a
     *                            device backend
     * @throws IllegalArgumentException with the figures
     */
    public static void requireMemory(long members, int dimension, Precision precision, int historyEvery, int maxSteps,
                                     int perMemberParameters, long workingBytes) {
        requireHoldable(dimension, historyEvery, maxSteps);
        double points = historyEvery > 0 ? (double) (maxSteps / historyEvery) + 1 : 0;
        double need = heapBytes(members, dimension, precision, historyEvery, maxSteps, perMemberParameters,
                workingBytes);
        Runtime rt = Runtime.getRuntime();
        double free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > 0.9 * free) {
            // Garbage of earlier runs counts as used until it is collected: collect it before refusing.
            System.gc();
            free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }
        if (need > 0.9 * free) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "this run needs about %s of Java "
                    + "heap (%d members x %d coordinates%s), more than the %s the heap can still take (of %s at most)",
                    gigabytes(need), members, dimension, points > 0 ? " x " + (long) points + " history points" : "",
                    gigabytes(free), gigabytes(rt.maxMemory())));
        }
    }

    private static String gigabytes(double bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /**
     * Every value the kernels receive must keep its meaning in the run's precision: an fp32 run of lr 1e39, of a
     * schedule's t_max 1e-300 or of a tolerance 1e-50 would run with inf or 0 (see
     * {@link Precision#requireRepresentable}).
     */
    private static void requireRepresentable(RunPlan plan) {
        Precision precision = plan.precision();
        org.batchopt.backend.ParamLayout p = plan.params();
        for (int k = 0; k < p.count(); k++) {
            Param v = p.param(k);
            if (v.isUniform()) {
                precision.requireRepresentable(p.id(k), v.value());
            } else if (precision == Precision.FP32) {
                for (int m = 0; m < v.size(); m++) {
                    float narrowed = (float) v.at(m);
                    if (Float.isInfinite(narrowed) || (narrowed == 0 && v.at(m) != 0)) {
                        precision.requireRepresentable(p.id(k) + " of member " + m, v.at(m));
                    }
                }
            }
        }
        precision.requireRepresentable("gradient tolerance", plan.stopping().gradientTolerance());
        precision.requireRepresentable("value tolerance", plan.stopping().valueTolerance());
        precision.requireRepresentable("finite-difference step", plan.fdStep());
        if (plan.constraints().count() > 0) {
            precision.requireRepresentable("feasibility tolerance", plan.constraints().feasibilityTolerance());
        }
        for (double v : plan.constraints().projectionData()) {
            precision.requireRepresentable("bound of the projection", v);
        }
    }

    private static void requireRepresentable(Precision precision, double[] start, long first, int d) {
        if (precision == Precision.FP64) {
            return;
        }
        for (int j = 0; j < start.length; j++) {
            float narrowed = (float) start[j];
            if (Float.isInfinite(narrowed) || (narrowed == 0 && start[j] != 0)) {
                precision.requireRepresentable("coordinate " + (j % d) + " of the start point of member "
                        + (first + j / d), start[j]);
            }
        }
    }

    /** The start points of members [first, first+count), generated in parallel slices (each point is pure). */
    private static void startPoints(Batch batch, int first, int count, double[] out) {
        int d = batch.dimension();
        int slice = 1 << 14;
        IntStream.range(0, (count + slice - 1) / slice).parallel().forEach(k -> {
            int from = k * slice;
            int n = Math.min(slice, count - from);
            double[] part = new double[n * d];
            batch.startPoints(first + from, n, part);
            System.arraycopy(part, 0, out, from * d, n * d);
        });
    }

    /** History point 0 is the start; points past a member's end repeat its final point. */
    private void fillHistory(Batch batch, MemberResults out) {
        int historyEvery = out.historyEvery();
        if (historyEvery == 0) {
            return;
        }
        int d = out.dimension();
        // Start points come in blocks: one point at a time costs a sampler call per member.
        int block = 4096;
        double[] start = new double[block * d];
        int end = out.first() + out.members();
        for (int first = out.first(); first < end; first += block) {
            int count = Math.min(block, end - first);
            batch.startPoints(first, count, start);
            for (int j = 0; j < count; j++) {
                int m = first + j;
                out.history(0).set(m, start, j * d);
                if ((long) (out.historySize() - 1) * historyEvery <= out.steps(m)) {
                    continue;
                }
                double[] last = out.x().get(m);
                for (int k = 1; k < out.historySize(); k++) {
                    if ((long) k * historyEvery > out.steps(m)) {
                        out.history(k).set(m, last, 0);
                    }
                }
            }
        }
    }

    private Consumer<RunContext> reporter(int members, long t0) {
        if (progress == null) {
            return c -> { };
        }
        long budget = (long) members * settings.stopping().maxSteps();
        AtomicLong last = new AtomicLong(t0);
        return c -> {
            long now = System.nanoTime();
            long previous = last.get();
            if (now - previous >= 200_000_000L && last.compareAndSet(previous, now)) {
                progress.update(c.memberSteps(), budget, c.finishedMembers(), members, (now - t0) * 1e-9);
            }
        };
    }
}
