package org.batchopt.bench;

import java.util.List;
import java.util.Locale;
import org.batchopt.Backend;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Engine;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Search;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.Timing;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedules;
import org.batchopt.search.Budget;
import org.batchopt.search.SearchStrategy;
import org.batchopt.search.SearchSummary;

/**
 * The global-search workloads of {@code benchmarks/search/} on one backend at many chains (2^20 by default, for a
 * GPU: benchmarks/gpu/run.sh runs it), with the descents of {@code benchmarks/search/run.sh}: one JSON line per
 * (workload, strategy) on stdout, each search stopped at f* + 1e-6 or after {@code --limit} seconds.
 *
 * <pre>
 *   java -cp ... org.batchopt.bench.SearchBench [--backend cuda:0] [--members 1048576] [--limit 20]
 *        [--workload all|NAME] [--strategies auto,basin-hopping,restarts]
 * </pre>
 *
 * <p>Fields: {@code seconds} is the whole search; {@code device_s} the backend's compute and transfer time summed
 * over its rounds ({@link Timing#runSeconds()} + {@link Timing#transferSeconds()}), so {@code host_s = seconds -
 * device_s - compile_s} is what the host spent between descents (the chains' moves, start points, results): the
 * price of running the strategies on the host, one implementation for every backend. Each workload's program is
 * built by one descent of the batch before its searches ({@code warmup_compile_s}), outside their time limits.
 */
public final class SearchBench {
    private SearchBench() {
    }

    /** A workload: the objective and the descent of benchmarks/search/run.sh. */
    record Workload(String name, Objective objective, UpdateRule rule, int steps) {
    }

    static List<Workload> workloads() {
        return List.of(
                new Workload("rastrigin-10", Objectives.rastrigin(10), Sgd.builder().lr(0.0025).build(), 50),
                new Workload("rastrigin-20", Objectives.rastrigin(20), Sgd.builder().lr(0.0025).build(), 50),
                new Workload("ackley-10", Objectives.ackley(10),
                        Sgd.builder().lr(0.05).schedule(Schedules.cosine(100, 0)).build(), 100),
                new Workload("levy-10", Objectives.levy(10), Sgd.builder().lr(0.1).momentum(0.9).build(), 100),
                new Workload("griewank-10", Objectives.griewank(10), Sgd.builder().lr(0.5).momentum(0.9).build(), 100),
                new Workload("styblinski-tang-20", Objectives.styblinskiTang(20),
                        Sgd.builder().lr(0.007).momentum(0.5).build(), 100));
    }

    public static void main(String[] args) {
        String spec = "cuda:0";
        int members = 1 << 20;
        double limit = 20;
        String only = "all";
        String strategies = "auto,basin-hopping,restarts";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> spec = args[++i];
                case "--members" -> members = Integer.parseInt(args[++i]);
                case "--limit" -> limit = Double.parseDouble(args[++i]);
                case "--workload" -> only = args[++i];
                case "--strategies" -> strategies = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (--backend SPEC, "
                        + "--members N, --limit SECONDS, --workload all|NAME, --strategies A,B)");
            }
        }
        try (Backend backend = Backends.open(spec)) {
            for (Workload w : workloads()) {
                if (!only.equals("all") && !only.equals(w.name())) {
                    continue;
                }
                double warmup = warmUp(w, backend, members);
                for (String s : strategies.split(",")) {
                    emit(w, strategy(s), s, backend, members, limit, warmup);
                }
            }
        }
    }

    static SearchStrategy strategy(String name) {
        return switch (name) {
            case "auto" -> SearchStrategy.recommended();
            case "basin-hopping" -> SearchStrategy.basinHopping();
            case "restarts" -> SearchStrategy.restarts();
            case "memetic" -> SearchStrategy.memetic();
            default -> throw new IllegalArgumentException("unknown strategy " + name);
        };
    }

    private static Batch batch(Workload w, int members) {
        Objective f = w.objective();
        return Batch.builder(f.dimension()).members(members).starts(Starts.sobol(f.box(), 1)).build();
    }

    private static Engine engine(Workload w, Backend backend) {
        return Engine.on(backend).precision(Precision.FP64)
                .stopping(Stopping.maxSteps(w.steps()).gradientTolerance(1e-8));
    }

    /**
     * One descent of the whole batch before the workload's searches, so that the backend's program is built
     * outside their time limits (the backend keeps it); returns the seconds it took to build.
     */
    static double warmUp(Workload w, Backend backend, int members) {
        return engine(w, backend).run(w.objective(), w.rule(), batch(w, members)).timing().compileSeconds();
    }

    static void emit(Workload w, SearchStrategy strategy, String name, Backend backend, int members, double limit,
                     double warmup) {
        Objective f = w.objective();
        Batch batch = batch(w, members);
        Engine engine = engine(w, backend);
        double target = f.minimum() + 1e-6;
        Result r = Search.on(engine).strategy(strategy).budget(Budget.ofSeconds(limit).withTarget(target))
                .run(f, w.rule(), batch);
        SearchSummary s = r.search().orElseThrow();
        Timing t = r.timing();
        double best = r.best().isPresent() ? r.f(r.best().getAsInt()) : Double.NaN;
        StringBuilder j = new StringBuilder("{\"runner\":\"batchopt-search\"");
        GpuBench.field(j, "workload", w.name());
        GpuBench.field(j, "strategy", name);
        GpuBench.field(j, "backend", r.backend());
        GpuBench.field(j, "device", r.device());
        GpuBench.number(j, "members", members);
        GpuBench.number(j, "steps", w.steps());
        GpuBench.number(j, "limit_s", limit);
        GpuBench.number(j, "seconds", s.seconds());
        GpuBench.number(j, "device_s", t.runSeconds() + t.transferSeconds());
        GpuBench.number(j, "compile_s", t.compileSeconds());
        GpuBench.number(j, "warmup_compile_s", warmup);
        GpuBench.number(j, "host_s", s.seconds() - t.runSeconds() - t.transferSeconds() - t.compileSeconds());
        GpuBench.number(j, "rounds", s.rounds());
        GpuBench.number(j, "member_steps", s.memberSteps());
        GpuBench.number(j, "member_steps_per_s", s.memberSteps() / s.seconds());
        GpuBench.field(j, "stop", s.stop().name().toLowerCase(Locale.ROOT));
        GpuBench.number(j, "best", best);
        j.append(",\"reached\":").append(best <= target);
        GpuBench.number(j, "members_at_optimum", s.membersAtReference());
        GpuBench.number(j, "first_round_at_optimum", s.firstRoundAtReference());
        System.out.println(j.append('}'));
    }
}
