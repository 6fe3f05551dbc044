package org.batchopt.cli;

import java.util.List;
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
                "  batchopt run --function himmelblau --members 100000 --lr 0.1 --schedule cosine:1000 --minima",
                "  batchopt run --function himmelblau --members 10000 --lr 0.1 --history 10 --plot basins.png",
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
        try (Output out = Output.to(o.out, spec.commandLine().getOut());
             Output plot = figures.plot == null ? null : Output.to(figures.plot, null);
             Backend backend = Backends.open(where.backend);
             ProgressLine line = ProgressLine.open(spec.commandLine().getErr(), mode)) {
            Result result = j.engine(backend).history(o.history).progress(line)
                    .run(j.objective(), j.rule(), j.batch());
            line.close();
            Figures f = new Figures(result, figures, selection.minima() || kind == Plots.Kind.BASINS,
                    selection.xTol(), selection.fTol(), j.grid() != null, selection.all());
            new RunReport(j, f, selection).write(o.format, out.writer());
            if (plot != null) {
                Plots.write(switch (kind) {
                    case BASINS -> BasinPlot.chart(j, result, f.basins, f.known);
                    case STEPS -> StepsPlot.chart(j, result, f.known);
                    case GRID -> GridPlot.chart(j, f, plotAxes);
                }, plot.file(), svg);
                plot.commit();
            }
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
                    + ")");
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
