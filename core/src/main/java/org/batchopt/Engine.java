package org.batchopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.batchopt.backend.BackendSpi;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.MultiBackend;
import org.batchopt.backend.RunContext;
import org.batchopt.backend.RunPlan;
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
 * strategy, no history). Members are split into blocks a backend can hold; with several backends each takes a
 * contiguous share of every block. Every member's result depends only on its own inputs, never on the split.
 */
public final class Engine {
    private final BackendSpi backend;
    private final RunSettings settings;
    private final Progress progress;
    private final int blockCap;

    private Engine(BackendSpi backend, RunSettings settings, Progress progress, int blockCap) {
        this.backend = backend;
        this.settings = settings;
        this.progress = progress;
        this.blockCap = blockCap;
    }

    /**
     * An engine on {@code backends} (one or more, from {@link Backends}; several share each batch, and stay the
     * caller's to close).
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
                null, 0);
    }

    /** The settings runs use. */
    public RunSettings settings() {
        return settings;
    }

    /** Every setting at once. */
    public Engine settings(RunSettings s) {
        return new Engine(backend, Objects.requireNonNull(s), progress, blockCap);
    }

    public Engine precision(Precision p) {
        return settings(settings.withPrecision(Objects.requireNonNull(p)));
    }

    public Engine stopping(Stopping s) {
        return settings(settings.withStopping(Objects.requireNonNull(s)));
    }

    /** Analytic gradients (the default) or central differences with the default step. */
    public Engine gradient(Gradient g) {
        return settings(settings.withGradient(Objects.requireNonNull(g)));
    }

    /** Central differences with step {@code h} (see {@link Gradient#CENTRAL}). */
    public Engine centralDifferences(double h) {
        return settings(settings.withCentralDifferences(h));
    }

    public Engine strategy(Strategy s) {
        return settings(settings.withStrategy(Objects.requireNonNull(s)));
    }

    /** Iterations per fused launch on a device, overriding the planner; 0 restores the planner. */
    public Engine stepsPerLaunch(int k) {
        return settings(settings.withStepsPerLaunch(k));
    }

    /** Keep every member's point every {@code every} steps (0: none); memory is members x D x steps/every. */
    public Engine history(int every) {
        return settings(settings.withHistory(every));
    }

    /**
     * At most {@code members} members per block (0: as many as the backend holds). Results do not depend on
     * it; it bounds host and device memory.
     */
    public Engine maxBlockMembers(int members) {
        if (members < 0) {
            throw new IllegalArgumentException("members per block " + members + " must be >= 0");
        }
        return new Engine(backend, settings, progress, members);
    }

    /** Receives progress while a batch runs; null for none. */
    public Engine progress(Progress p) {
        return new Engine(backend, settings, p, blockCap);
    }

    /**
     * Optimizes every member of {@code batch}.
     *
     * @throws IllegalArgumentException when the batch, the objective and the rule do not fit together
     * @throws BackendException         when a backend cannot run the job
     */
    public Result run(Objective objective, UpdateRule rule, Batch batch) {
        check(objective, rule, batch);
        RunPlan plan = RunPlan.of(objective.source(), objective.dimension(), objective.isMaximized(), rule, settings);
        backend.requirePrecision(plan.precision());
        int n = batch.members();
        MemberResults out = new MemberResults(objective.dimension(), n, plan.precision(), plan.historyEvery(),
                plan.stopping().maxSteps());
        long t0 = System.nanoTime();
        RunContext context = new RunContext(reporter(n, t0));
        int block = Math.max(1, backend.maxBlockMembers(plan));
        if (blockCap > 0) {
            block = Math.min(block, blockCap);
        }
        for (int first = 0; first < n; first += block) {
            int count = Math.min(block, n - first);
            double[] start = new double[Math.multiplyExact(count, objective.dimension())];
            startPoints(batch, first, count, start);
            backend.run(plan, new MemberBlock(first, count, start), out, context);
        }
        fillHistory(batch, out);
        double total = (System.nanoTime() - t0) * 1e-9;
        Timing timing = new Timing(context.compileSeconds(), context.transferSeconds(), context.runSeconds(), total);
        return new Result(objective, rule, out, backend.id(), backend.device(), timing);
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
        double[] start = new double[d];
        for (int m = 0; m < out.members(); m++) {
            batch.startPoints(m, 1, start);
            out.history(0).set(m, start, 0);
            double[] end = out.x().get(m);
            for (int k = 1; k < out.historySize(); k++) {
                if ((long) k * historyEvery > out.steps(m)) {
                    out.history(k).set(m, end, 0);
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
