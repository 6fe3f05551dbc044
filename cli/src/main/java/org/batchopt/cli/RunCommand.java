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
        PreparedJob j = job.prepare();
        if (o.history > 0) {
            JobOptions.requireMemory(j.batch().members(), j.objective().dimension(), j.settings().precision(),
                    o.history, j.settings().stopping().maxSteps(), j.grid() == null ? 0 : j.grid().names().size());
        }
        RunReport.Selection selection = new RunReport.Selection(o.all, o.top == null ? DEFAULT_TOP : o.top,
                o.minima || o.clusterXTol != null || o.clusterFTol != null,
                o.clusterXTol == null ? RunReport.DEFAULT_X_TOL : o.clusterXTol,
                o.clusterFTol == null ? RunReport.DEFAULT_F_TOL : o.clusterFTol);
        try (Output out = Output.to(o.out, spec.commandLine().getOut());
             Backend backend = Backends.open(where.backend);
             ProgressLine progress = ProgressLine.open(spec.commandLine().getErr(), o.quiet)) {
            Result result = j.engine(backend).history(o.history).progress(progress)
                    .run(j.objective(), j.rule(), j.batch());
            progress.close();
            new RunReport(j, result, selection).write(o.format, out.writer());
            out.commit();
        }
        return Main.OK;
    }

}
