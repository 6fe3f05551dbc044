package org.batchopt.cli;

import java.util.concurrent.Callable;
import org.batchopt.Backend;
import org.batchopt.Backends;
import org.batchopt.Result;
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
                "  batchopt run --function rastrigin --dim 10 --members 100000 --minima",
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
                + "steps (json only)")
        int history;

        @Option(names = {"-q", "--quiet"}, description = "no progress line")
        boolean quiet;
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
        if (o.history != 0 && o.format != Format.JSON) {
            throw new IllegalArgumentException("--history needs --format json");
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
        PreparedJob j = job.prepare();
        if (o.history > 0) {
            JobOptions.requireMemory(j.batch().members(), j.objective().dimension(), j.settings().precision(),
                    o.history, j.settings().stopping().maxSteps(), j.grid() == null ? 0 : j.grid().names().size());
        }
        RunReport.Selection selection = new RunReport.Selection(o.all, o.top == null ? DEFAULT_TOP : o.top,
                o.minima || o.clusterXTol != null || o.clusterFTol != null,
                o.clusterXTol == null ? RunReport.DEFAULT_X_TOL : o.clusterXTol,
                o.clusterFTol == null ? RunReport.DEFAULT_F_TOL : o.clusterFTol);
        if (spark.master != null) {
            return onCluster(j, selection);
        }
        try (Output out = Output.to(o.out, spec.commandLine().getOut());
             Backend backend = Backends.open(where.backend);
             ProgressLine progress = ProgressLine.open(spec.commandLine().getErr(), o.quiet)) {
            Result result = j.engine(backend).history(o.history).progress(progress)
                    .run(j.objective(), j.rule(), j.batch());
            progress.close();
            new RunReport(j, RunOutcome.of(result), selection).write(o.format, out.writer());
            out.commit();
        }
        return Main.OK;
    }

    /** The job on the Spark cluster of --spark, through the Spark module found on the classpath. */
    private int onCluster(PreparedJob j, RunReport.Selection selection) {
        SparkOptions so = spark;
        String format = so.resultsFormat == null ? "parquet" : so.resultsFormat.toLowerCase(java.util.Locale.ROOT);
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
        if (so.results != null && java.nio.file.Files.exists(java.nio.file.Path.of(so.results))) {
            throw new IllegalArgumentException("--spark-results " + so.results + " exists; give a new directory");
        }
        ClusterRun cluster = java.util.ServiceLoader.load(ClusterRun.class).findFirst().orElseThrow(() ->
                new org.batchopt.BackendException(org.batchopt.BackendException.Code.UNAVAILABLE, "--spark needs "
                        + "the Spark module and Spark on the classpath, which target/batchopt.jar has not: run "
                        + "./batchopt (it builds and adds them), or spark-submit target/batchopt-spark.jar (README, "
                        + "'On a Spark cluster')"));
        RunOutput o = output;
        JobLine line = new JobLine(spec.commandLine().getParseResult().originalArgs(), job.startRows);
        ClusterRun.ClusterJob request = new ClusterRun.ClusterJob(line, j, so.master,
                so.tasks == null ? DEFAULT_SPARK_TASKS : so.tasks, where.backend,
                so.blockMembers == null ? 0 : so.blockMembers, selection.top(), selection.minima(), selection.xTol(),
                selection.fTol(), so.results, format);
        try (Output out = Output.to(o.out, spec.commandLine().getOut());
             ProgressLine progress = ProgressLine.open(spec.commandLine().getErr(), o.quiet)) {
            RunOutcome outcome = cluster.run(request, progress::tasks);
            progress.close();
            new RunReport(j, outcome, selection).write(o.format, out.writer());
            out.commit();
        }
        return Main.OK;
    }
}
