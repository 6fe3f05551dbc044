package org.batchopt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.BackendInfo;
import org.batchopt.Backends;
import org.batchopt.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code batchopt bench}: the same job (same start points, same hyperparameters) on several backends, timed
 * side by side, with the largest difference of each backend's results from the first's.
 */
@Command(name = "bench", sortOptions = false, abbreviateSynopsis = true,
        description = {"Runs the same job on each backend of --backends: compile, transfer and run seconds, "
                + "member-steps per second, speed-up against the first backend, and the largest difference of "
                + "every member's final x and f from the first backend's, in ulps of the precision and relative.",
                "A backend that is not available here is listed with the reason; only an unavailable first "
                        + "backend (the reference) is an error (exit 3)."},
        footer = {"%nExample:",
                "  batchopt bench --function rosenbrock --dim 8 --members 100000 --backends cpu,opencl,cuda "
                        + "--plot bench.png"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Main.HelpOption help;

    @Mixin
    JobOptions job;

    @Mixin
    Bench bench;

    @Mixin
    BenchOutput output;

    @Mixin
    ProgressOptions progress;

    static final class Bench implements HelpSections.Section {
        @Override
        public String heading() {
            return "Benchmark:";
        }

        @Option(names = "--backends", split = ",", paramLabel = "SPEC,...", hideParamSyntax = true,
                description = "backends to compare, the first one the reference (default: every available one "
                        + "'batchopt devices' lists)")
        List<String> backends;

        @Option(names = "--repeat", paramLabel = "R", description = "run each backend R times, keep the fastest "
                + "(default: ${DEFAULT-VALUE})")
        int repeat = 1;
    }

    static final class BenchOutput extends OutputOptions {
        @Option(names = "--plot", paramLabel = "FILE.png", description = "draw member-steps per second and the "
                + "largest differences from the reference per backend, " + Plots.WIDTH + " x " + Plots.HEIGHT
                + " pixels, as PNG, or as SVG when FILE ends in .svg")
        Path plot;
    }

    @Override
    public Integer call() {
        if (bench.repeat < 1) {
            throw new IllegalArgumentException("--repeat " + bench.repeat + " must be at least 1");
        }
        boolean svg = output.plot != null && Plots.isSvg(output.plot, "--plot");
        ProgressLine.Mode mode = progress.mode();
        PreparedJob j = job.prepare();
        List<String> specs = bench.backends != null ? bench.backends
                : Backends.available().stream().filter(BackendInfo::available).map(BackendInfo::spec).toList();
        List<Backend> opened = new ArrayList<>();
        try (Output out = Output.to(output.out, spec.commandLine().getOut());
             Output plot = output.plot == null ? null : Output.to(output.plot, null)) {
            List<String> reasons = new ArrayList<>();
            for (String s : specs) {
                try {
                    opened.add(Backends.open(s));
                    reasons.add(null);
                } catch (BackendException e) {
                    reasons.add(reason(e, opened.isEmpty()));
                    opened.add(null);
                }
            }
            List<BenchReport.Entry> entries = new ArrayList<>();
            for (int k = 0; k < specs.size(); k++) {
                entries.add(measure(j, specs.get(k), opened.get(k), reasons.get(k), k == 0, mode));
            }
            BenchReport report = new BenchReport(j, entries);
            report.write(output.format, out.writer());
            if (plot != null) {
                Plots.write(BenchPlot.chart(report), plot.file(), svg);
                plot.commit();
            }
            out.commit();
        } finally {
            for (int k = opened.size() - 1; k >= 0; k--) {
                if (opened.get(k) != null) {
                    opened.get(k).close();
                }
            }
        }
        return Main.OK;
    }

    /** One backend's entry: the fastest of --repeat runs, or why it cannot run. */
    private BenchReport.Entry measure(PreparedJob j, String spec, Backend backend, String reason, boolean reference,
                                      ProgressLine.Mode mode) {
        if (backend == null) {
            return new BenchReport.Entry(spec, null, reason);
        }
        Result best = null;
        try (ProgressLine progress = ProgressLine.open(this.spec.commandLine().getErr(), mode)) {
            for (int r = 0; r < bench.repeat; r++) {
                Result result = j.engine(backend).progress(progress).run(j.objective(), j.rule(), j.batch(), j.constraints());
                if (best == null || result.timing().totalSeconds() < best.timing().totalSeconds()) {
                    best = result;
                }
            }
        } catch (BackendException e) {
            return new BenchReport.Entry(spec, null, reason(e, reference));
        }
        return new BenchReport.Entry(spec, best, null);
    }

    /** Why a backend cannot run, when that is not an error: it is available elsewhere and not the reference. */
    private static String reason(BackendException e, boolean reference) {
        if (reference || Main.exitCode(e) != Main.UNAVAILABLE) {
            throw e;
        }
        return e.getMessage();
    }
}
