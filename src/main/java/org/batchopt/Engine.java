package org.batchopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.batchopt.backend.Job;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;
import org.batchopt.rule.UpdateRule;

/**
 * Runs batches on one or more backends. Immutable settings, each returning a new engine:
 *
 * <pre>
 *   Result r = Engine.on(backend).precision(Precision.FP32)
 *           .stopping(Stopping.maxSteps(2000).gradientTolerance(1e-6)).run(f, rule, batch);
 * </pre>
 *
 * Defaults: fp32, 1000 steps and no tolerance, analytic gradients, the planner's strategy, no history.
 * Members are split into blocks a backend can hold; with several backends each takes a contiguous share.
 * Every member's result depends only on its own inputs, never on the split.
 */
public final class Engine {
    private final List<Backend> backends;
    private final Precision precision;
    private final Stopping stopping;
    private final Gradient gradient;
    private final double fdStep;
    private final Strategy strategy;
    private final int stepsPerLaunch;
    private final int historyEvery;
    private final Progress progress;

    private Engine(List<Backend> backends, Precision precision, Stopping stopping, Gradient gradient, double fdStep,
                   Strategy strategy, int stepsPerLaunch, int historyEvery, Progress progress) {
        this.backends = backends;
        this.precision = precision;
        this.stopping = stopping;
        this.gradient = gradient;
        this.fdStep = fdStep;
        this.strategy = strategy;
        this.stepsPerLaunch = stepsPerLaunch;
        this.historyEvery = historyEvery;
        this.progress = progress;
    }

    /** An engine on {@code backends} (one or more; several share each batch). */
    public static Engine on(Backend... backends) {
        if (backends.length == 0) {
            throw new IllegalArgumentException("an engine needs at least one backend");
        }
        return new Engine(List.of(backends), Precision.FP32, Stopping.maxSteps(1000), Gradient.ANALYTIC, 0,
                Strategy.AUTO, 0, 0, null);
    }

    public Engine precision(Precision p) {
        return new Engine(backends, p, stopping, gradient, fdStep, strategy, stepsPerLaunch, historyEvery, progress);
    }

    public Engine stopping(Stopping s) {
        return new Engine(backends, precision, s, gradient, fdStep, strategy, stepsPerLaunch, historyEvery, progress);
    }

    /** Analytic gradients (the default) or central differences with the default step. */
    public Engine gradient(Gradient g) {
        return new Engine(backends, precision, stopping, g, 0, strategy, stepsPerLaunch, historyEvery, progress);
    }

    /** Central differences with step {@code h} (see {@link Gradient#CENTRAL}). */
    public Engine centralDifferences(double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("finite-difference step " + h + " must be finite and > 0");
        }
        return new Engine(backends, precision, stopping, Gradient.CENTRAL, h, strategy, stepsPerLaunch, historyEvery,
                progress);
    }

    public Engine strategy(Strategy s) {
        return new Engine(backends, precision, stopping, gradient, fdStep, s, stepsPerLaunch, historyEvery, progress);
    }

    /** Iterations per fused launch on a device, overriding the planner; 0 restores the planner. */
    public Engine stepsPerLaunch(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("steps per launch " + k + " must be >= 0");
        }
        return new Engine(backends, precision, stopping, gradient, fdStep, strategy, k, historyEvery, progress);
    }

    /** Keep every member's point every {@code every} steps (0: none); memory is members x D x steps/every. */
    public Engine history(int every) {
        if (every < 0) {
            throw new IllegalArgumentException("history interval " + every + " must be >= 0");
        }
        return new Engine(backends, precision, stopping, gradient, fdStep, strategy, stepsPerLaunch, every, progress);
    }

    public Engine progress(Progress p) {
        return new Engine(backends, precision, stopping, gradient, fdStep, strategy, stepsPerLaunch, historyEvery, p);
    }

    /**
     * Optimizes every member of {@code batch}.
     *
     * @throws IllegalArgumentException when the batch, the objective and the rule do not fit together
     * @throws BackendException         when a backend cannot run the job
     */
    public Result run(Objective objective, UpdateRule rule, Batch batch) {
        check(objective, rule, batch);
        double h = gradient == Gradient.CENTRAL ? (fdStep > 0 ? fdStep : Gradient.defaultStep(precision)) : 0;
        Job job = new Job(objective, rule, stopping, precision, gradient, h, strategy, stepsPerLaunch, historyEvery);
        for (Backend b : backends) {
            b.requirePrecision(precision);
        }
        int n = batch.members();
        MemberResults out = new MemberResults(objective.dimension(), n, precision, historyEvery, stopping.maxSteps());
        long t0 = System.nanoTime();
        RunContext context = new RunContext(reporter(n, t0));
        if (backends.size() == 1) {
            runShare(backends.get(0), job, batch, 0, n, out, context);
        } else {
            runShared(job, batch, n, out, context);
        }
        fillHistory(batch, out);
        double total = (System.nanoTime() - t0) * 1e-9;
        Timing timing = new Timing(context.compileSeconds(), context.transferSeconds(), context.runSeconds(), total);
        String id = backends.stream().map(Backend::id).collect(Collectors.joining("+"));
        String device = backends.stream().map(Backend::device).distinct().collect(Collectors.joining("; "));
        return new Result(objective, rule, out, id, device, timing);
    }

    private void check(Objective objective, UpdateRule rule, Batch batch) {
        if (batch.dimension() != objective.dimension()) {
            throw new IllegalArgumentException("batch has dimension " + batch.dimension() + ", objective "
                    + objective.name() + " has " + objective.dimension());
        }
        for (Map.Entry<String, Param> e : rule.parameters().entrySet()) {
            Param p = e.getValue();
            if (!p.isUniform() && p.size() != batch.members()) {
                throw new IllegalArgumentException(e.getKey() + " has " + p.size() + " per-member values, batch has "
                        + batch.members() + " members");
            }
        }
    }

    /** Members [from, to) on one backend, block by block. */
    private static void runShare(Backend backend, Job job, Batch batch, int from, int to, MemberResults out,
                                 RunContext context) {
        int block = Math.max(1, backend.maxBlockMembers(job));
        int d = job.dimension();
        for (int first = from; first < to; first += block) {
            int count = Math.min(block, to - first);
            double[] start = new double[Math.multiplyExact(count, d)];
            batch.startPoints(first, count, start);
            backend.run(job, new MemberBlock(first, count, start), out, context);
        }
    }

    /** Every backend takes a contiguous share, all at once. */
    private void runShared(Job job, Batch batch, int n, MemberResults out, RunContext context) {
        int k = backends.size();
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (int b = 0; b < k; b++) {
            Backend backend = backends.get(b);
            int from = (int) ((long) n * b / k);
            int to = (int) ((long) n * (b + 1) / k);
            Thread t = new Thread(() -> {
                try {
                    runShare(backend, job, batch, from, to, out, context);
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "batchopt-" + backend.id());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + t.getName(), e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** History point 0 is the start; points past a member's end repeat its final point. */
    private void fillHistory(Batch batch, MemberResults out) {
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
        long budget = (long) members * stopping.maxSteps();
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
