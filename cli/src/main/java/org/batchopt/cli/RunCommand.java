package org.batchopt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.Backends;
import org.batchopt.Engine;
import org.batchopt.Result;
import org.batchopt.Search;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code batchopt run}: one batch, a multi-start search or a hyperparameter grid, on one backend. */
@Command(name = "run", sortOptions = false, abbreviateSynopsis = true,
        description = {"Runs one batch: a single run (--start, --members 1), a multi-start search (sampled starts) "
                + "or a grid (comma lists of hyperparameters).",
                "A grid's members are the Cartesian product of every list times the start points: --members N is "
                        + "the number of start points per combination, so the batch has combinations x N members; "
                        + "every output row carries its member's hyperparameters."},
        footer = {"%nExamples:",
                "  batchopt run --function himmelblau --members 100000 --lr 0.1 --schedule cosine:1000 --minima",
                "  batchopt run --function himmelblau --members 10000 --lr 0.1 --history 10 --plot basins.png",
                "  batchopt run --function rosenbrock --dim 4 --optimizer sgd --lr 1e-4,1e-3 --momentum 0,0.9 "
                        + "--members 100 --format csv --all"})
final class RunCommand implements Callable<Integer> {
    static final int DEFAULT_TOP = 10;
    static final int DEFAULT_SPARK_TASKS = 64;

    @Spec
    CommandSpec spec;

    @Mixin
    Main.HelpOption help;

    @Mixin
    JobOptions job;

    @Mixin
    SearchOptions search;

    @Mixin
    Where where;

    @Mixin
    RunOutput output;

    @Mixin
    SparkOptions spark;

    static final class SparkOptions implements HelpSections.Section {
        @Override
        public String heading() {
            return "Spark:";
        }

        @Option(names = "--spark", paramLabel = "MASTER", description = "run on Apache Spark, each task a range of "
                + "members on its GPU or cores, with the local run's results: local[N] on this machine, "
                + "spark://HOST:PORT, yarn, k8s://..., or submit for the master of spark-submit (needs the Spark "
                + "module: ./batchopt adds it; see README)")
        String master;

        @Option(names = "--spark-tasks", paramLabel = "T", description = "member ranges, one task each (default: "
                + "64; results do not depend on it)")
        Integer tasks;

        @Option(names = "--spark-block-members", paramLabel = "N", description = "at most N members per block on a "
                + "task's device: the memory budget of each of several tasks that share a GPU (default: what the device "
                + "holds; results do not depend on it)")
        Integer blockMembers;

        @Option(names = "--spark-results", paramLabel = "DIR", description = "write every member's result to DIR "
                + "(a new directory; one file per task)")
        String results;

        @Option(names = "--spark-results-format", paramLabel = "F", description = "parquet | csv (default: parquet)")
        String resultsFormat;
    }

    @Mixin
    FigureOptions figures;

    @Mixin
    ProgressOptions progress;

    static final class Where implements HelpSections.Section {
        @Override
        public String heading() {
            return "Backend:";
        }

        @Option(names = "--backend", paramLabel = "SPEC", description = "auto | cpu | opencl[:P[:D]] | cuda[:D] "
                + "(default: auto, the best one available; the output says which ran)")
        String backend = "auto";
    }

    static final class RunOutput extends OutputOptions {
        @Option(names = "--top", paramLabel = "K", description = "show the K best members, best first (default: "
                + DEFAULT_TOP + "); also the K first minima and grid combinations")
        Integer top;

        @Option(names = "--all", description = "show every member in index order, every minimum and combination")
        boolean all;

        @Option(names = "--minima", description = "cluster the final points into distinct minima")
        boolean minima;

        @Option(names = "--cluster-x-tol", paramLabel = "V", description = "a member joins a minimum within V in "
                + "every coordinate (default: " + RunReport.DEFAULT_X_TOL + "; implies --minima)")
        Double clusterXTol;

        @Option(names = "--cluster-f-tol", paramLabel = "V", description = "... and within V max(1, |f|) in f "
                + "(default: " + RunReport.DEFAULT_F_TOL + "; implies --minima)")
        Double clusterFTol;

        @Option(names = "--history", paramLabel = "EVERY", description = "record each member's point every EVERY "
                + "steps (for --format json and --plot)")
        int history;
    }

    /**
     * The search {@code --search} asks for, in the box the start points were sampled in (else the function's),
     * counting its descents against the f* and tolerance the judging rows use.
     */
    private Search search(PreparedJob j, Engine engine) {
        PreparedJob.StartsInfo starts = j.starts();
        return Search.on(engine).strategy(search.strategy()).budget(search.budget())
                .seed(starts.sampler() != null ? starts.seed() : JobOptions.DEFAULT_SEED)
                .box(starts.box()).fStar(figures.fStar == null ? Double.NaN : figures.fStar)
                .successTolerance(figures.successTol());
    }

    @Override
    public Integer call() {
        RunOutput o = output;
        if (o.top != null && o.all) {
            throw new IllegalArgumentException("--top and --all cannot be combined");
        }
        if (o.top != null && o.top < 0) {
            throw new IllegalArgumentException("--top " + o.top + " must be >= 0");
        }
        if (o.history != 0 && o.format != Format.JSON && figures.plot == null) {
            throw new IllegalArgumentException("--history needs --format json or --plot");
        }
        if (spark.master == null && (spark.tasks != null || spark.results != null || spark.resultsFormat != null
                || spark.blockMembers != null)) {
            throw new IllegalArgumentException("--spark-tasks, --spark-block-members, --spark-results and "
                    + "--spark-results-format need --spark");
        }
        if (spark.master != null && o.all) {
            throw new IllegalArgumentException("--all with --spark: the driver keeps the best members only; "
                    + "--spark-results DIR writes every member");
        }
        if (spark.master != null && o.history != 0) {
            throw new IllegalArgumentException("--history cannot be combined with --spark");
        }
        if (spark.master != null && !search.plain()) {
            throw new IllegalArgumentException("--search, --rounds, --budget, --time-limit and --target cannot be "
                    + "combined with --spark: a search moves its chains between rounds on one machine");
        }
        if (spark.master != null && job.constraints.given() != null) {
            throw new IllegalArgumentException(job.constraints.given() + " cannot be combined with --spark yet: the "
                    + "cluster's tasks run unconstrained jobs");
        }
        boolean svg = figures.plot != null && Plots.isSvg(figures.plot, "--plot");
        ProgressLine.Mode mode = progress.mode();
        figures.check();
        PreparedJob j = job.prepare();
        Plots.Kind kind = plotKind(j);
        List<String> plotAxes = kind == Plots.Kind.GRID ? plotAxes(j) : null;
        if (o.history > 0) {
            JobOptions.requireMemory(j.batch().members(), j.objective().dimension(), j.settings().precision(),
                    o.history, j.settings().stopping().maxSteps(), j.grid() == null ? 0 : j.grid().names().size());
        }
        RunReport.Selection selection = new RunReport.Selection(o.all, o.top == null ? DEFAULT_TOP : o.top,
                o.minima || o.clusterXTol != null || o.clusterFTol != null,
                o.clusterXTol == null ? RunReport.DEFAULT_X_TOL : o.clusterXTol,
                o.clusterFTol == null ? RunReport.DEFAULT_F_TOL : o.clusterFTol);
        if (spark.master != null) {
            return onCluster(j, selection, kind, plotAxes, svg, mode);
        }
        try (Output out = Output.to(o.out, spec.commandLine().getOut());
             Output plot = figures.plot == null ? null : Output.to(figures.plot, null);
             Backend backend = Backends.open(where.backend);
             ProgressLine line = ProgressLine.open(spec.commandLine().getErr(), mode)) {
            Engine engine = j.engine(backend).history(o.history).progress(line);
            Result result = search.plain() ? engine.run(j.objective(), j.rule(), j.batch(), j.constraints())
                    : search(j, engine).progress(line).run(j.objective(), j.rule(), j.batch(), j.constraints());
            line.close();
            report(j, RunOutcome.of(result), selection, kind, plotAxes, svg, out, plot);
            out.commit();
        }
        return Main.OK;
    }

    /** The report on {@code out} and, with --plot, the picture of {@code kind}. */
    private void report(PreparedJob j, RunOutcome outcome, RunReport.Selection selection, Plots.Kind kind,
                        List<String> plotAxes, boolean svg, Output out, Output plot) {
        Figures f = new Figures(outcome, figures, selection.minima() || kind == Plots.Kind.BASINS, selection.xTol(),
                selection.fTol(), j.grid() != null, selection.all());
        new RunReport(j, f, selection).write(output.format, out.writer());
        if (plot != null) {
            Result result = outcome instanceof LocalOutcome local ? local.r() : null;
            Plots.write(switch (kind) {
                case BASINS -> BasinPlot.chart(j, result, f.basins, f.known);
                case STEPS -> StepsPlot.chart(j, result, f.known);
                case GRID -> GridPlot.chart(j, f, plotAxes);
            }, plot.file(), svg);
            plot.commit();
        }
    }

    /** The job on the Spark cluster of --spark, through the Spark module found on the classpath. */
    private int onCluster(PreparedJob j, RunReport.Selection selection, Plots.Kind kind, List<String> plotAxes,
                          boolean svg, ProgressLine.Mode mode) {
        SparkOptions so = spark;
        String format = so.resultsFormat == null ? "parquet" : so.resultsFormat.toLowerCase(Locale.ROOT);
        if (!format.equals("parquet") && !format.equals("csv")) {
            throw new IllegalArgumentException("--spark-results-format '" + so.resultsFormat + "': expected parquet "
                    + "or csv");
        }
        if (so.tasks != null && so.tasks < 1) {
            throw new IllegalArgumentException("--spark-tasks " + so.tasks + " must be at least 1");
        }
        if (so.blockMembers != null && so.blockMembers < 1) {
            throw new IllegalArgumentException("--spark-block-members " + so.blockMembers + " must be at least 1");
        }
        if (so.results != null && Files.exists(Path.of(so.results))) {
            throw new IllegalArgumentException("--spark-results " + so.results + " exists; give a new directory");
        }
        if (kind == Plots.Kind.BASINS) {
            throw new IllegalArgumentException("--plot " + figures.plot + " draws the basins from every member's "
                    + "final point, which a run on Spark leaves on its tasks: with --spark, --plot draws a grid's "
                    + "heatmap only (--spark-results DIR writes every member's result)");
        }
        ClusterRun cluster = ServiceLoader.load(ClusterRun.class).findFirst().orElseThrow(() ->
                new BackendException(BackendException.Code.UNAVAILABLE, "--spark needs the Spark module and Spark on "
                        + "the classpath, which target/batchopt.jar has not: run ./batchopt (it builds and adds "
                        + "them), or spark-submit target/batchopt-spark.jar (README, 'On a Spark cluster')"));
        RunOutput o = output;
        JobLine line = new JobLine(spec.commandLine().getParseResult().originalArgs(), job.startRows);
        ClusterRun.ClusterJob request = new ClusterRun.ClusterJob(line, j, so.master,
                so.tasks == null ? DEFAULT_SPARK_TASKS : so.tasks, where.backend,
                so.blockMembers == null ? 0 : so.blockMembers, selection.top(), selection.minima(), selection.xTol(),
                selection.fTol(), figures.fStar, figures.successTol(), so.results, format);
        try (Output out = Output.to(o.out, spec.commandLine().getOut());
             Output plot = figures.plot == null ? null : Output.to(figures.plot, null);
             ProgressLine progressLine = ProgressLine.open(spec.commandLine().getErr(), mode)) {
            RunOutcome outcome = cluster.run(request, progressLine::tasks);
            progressLine.close();
            report(j, outcome, selection, kind, plotAxes, svg, out, plot);
            out.commit();
        }
        return Main.OK;
    }

    /** What --plot draws, checked against the job before it runs; null without --plot. */
    private Plots.Kind plotKind(PreparedJob j) {
        if (figures.plot == null) {
            if (figures.plotKind != null || figures.plotAxes != null) {
                throw new IllegalArgumentException((figures.plotKind != null ? "--plot-kind" : "--plot-axes")
                        + " needs --plot FILE");
            }
            return null;
        }
        int d = j.objective().dimension();
        Plots.Kind kind = figures.plotKind != null ? figures.plotKind
                : j.grid() != null ? Plots.Kind.GRID : d == 2 ? Plots.Kind.BASINS : Plots.Kind.STEPS;
        if (kind == Plots.Kind.BASINS && d != 2) {
            throw new IllegalArgumentException("--plot-kind basins draws 2-D objectives; this one has D = " + d
                    + " (--plot-kind steps draws f over the steps for any D)");
        }
        if (kind == Plots.Kind.STEPS && output.history <= 0) {
            throw new IllegalArgumentException("--plot " + figures.plot + " draws f over the steps"
                    + (figures.plotKind == null ? " (D = " + d + ")" : "") + ", which needs the members' history: "
                    + "add --history EVERY (e.g. --history " + Math.max(1, j.settings().stopping().maxSteps() / 50)
                    + ")" + (spark.master == null ? "" : ", which a run on Spark does not keep: with --spark, --plot "
                    + "draws a grid's heatmap only"));
        }
        if (kind == Plots.Kind.GRID && j.grid() == null) {
            throw new IllegalArgumentException("--plot-kind grid needs a grid (a comma list such as --lr 0.1,0.01)");
        }
        if (kind != Plots.Kind.GRID && figures.plotAxes != null) {
            throw new IllegalArgumentException("--plot-axes applies to --plot-kind grid");
        }
        return kind;
    }

    /** The grid axes of the grid picture: --plot-axes, else the first two. */
    private List<String> plotAxes(PreparedJob j) {
        List<String> names = j.grid().names();
        if (figures.plotAxes == null) {
            return names.subList(0, Math.min(2, names.size()));
        }
        List<String> a = figures.plotAxes;
        if (a.isEmpty() || a.size() > 2 || (a.size() == 2 && a.get(0).equals(a.get(1)))) {
            throw new IllegalArgumentException("--plot-axes " + String.join(",", a) + ": give one or two different "
                    + "grid axes (the grid has " + String.join(", ", names) + ")");
        }
        for (String name : a) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("--plot-axes: '" + name + "' is not an axis of the grid (axes: "
                        + String.join(", ", names) + ")");
            }
        }
        return a;
    }
}
