package org.batchopt.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.batchopt.Backend;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Box;
import org.batchopt.Dataset;
import org.batchopt.Engine;
import org.batchopt.Grid;
import org.batchopt.MathMode;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.Training;
import org.batchopt.rule.UpdateRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code batchopt fit}: a grid of linear, logistic or softmax models fitted at once to one CSV dataset. */
@Command(name = "fit", sortOptions = false, abbreviateSynopsis = true,
        description = {"Fits a grid of models to one dataset at once: every comma list of a hyperparameter is a grid "
                + "axis, and --members N models start per combination (default 1, at zero). The data is read once "
                + "and held once for every model.",
                "Models (n training rows, w the coefficients, b the intercept, never penalized):",
                "  linear    (1/(2n)) sum_i (y_i - x_i.w - b)^2",
                "  logistic  (1/n) sum_i [log(1 + exp(z_i)) - y_i z_i], z_i = x_i.w + b",
                "  softmax   (1/n) sum_i [logsumexp(z_i) - z_{i,y_i}], z_i = W x_i + b",
                "Classes are the target's values in sorted order (for logistic: 0 and 1).",
                "plus --l2 V: (V/2)||w||^2 and --l1 V: V||w||_1 (with --l1-proximal the exact lasso zeros); both "
                        + "make the elastic net.",
                "The table shows the best models by validation loss (by the objective without validation rows)."},
        footer = {"%nExamples:",
                "  batchopt fit --data train.csv --model logistic --standardize --validation 0.2 "
                        + "--lr 0.01,0.1,1 --l2 0,1e-3,1e-2 --steps 500",
                "  batchopt fit --data train.csv --target price --model linear --optimizer sgd --lr 0.05 "
                        + "--batch-size 64 --epochs 20 --history 10 --patience 5 --validation 0.2 --format json"})
final class FitCommand implements Callable<Integer> {
    static final int DEFAULT_STEPS = 1000;

    /** The models by command-line name. */
    enum Model {
        LINEAR, LOGISTIC, SOFTMAX;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    Main.HelpOption help;

    @Mixin
    DataOptions data;

    @Mixin
    MemberOptions members;

    @Mixin
    RuleOptions rule;

    @Mixin
    TrainingOptions training;

    @Mixin
    Where where;

    @Mixin
    FitOutput output;

    @Mixin
    ProgressOptions progress;

    static final class DataOptions implements HelpSections.Section {
        @Override
        public String heading() {
            return "Data and model:";
        }

        @Option(names = "--data", paramLabel = "FILE.csv", required = true, description = "training data: UTF-8 "
                + "CSV with a header row")
        Path file;

        @Option(names = "--model", paramLabel = "M", required = true, description = "linear | logistic | softmax")
        Model model;

        @Option(names = "--target", paramLabel = "NAME", description = "the target column (default: the last)")
        String target;

        @Option(names = "--features", paramLabel = "A,B,...", split = ",", hideParamSyntax = true,
                description = "the feature columns, in coefficient order (default: every other column)")
        List<String> features;

        @Option(names = "--validation", paramLabel = "FRACTION", description = "hold out this share of the rows "
                + "as validation rows, the same ones for the same --seed")
        Double validation;

        @Option(names = "--validation-data", paramLabel = "FILE.csv", description = "validation rows from another "
                + "file with the same columns")
        Path validationFile;

        @Option(names = "--standardize", description = "z-scores from the training rows' mean and standard "
                + "deviation; coefficients are reported in the original units too")
        boolean standardize;

        @Option(names = "--no-intercept", description = "no intercept (b = 0)")
        boolean noIntercept;
    }

    static final class MemberOptions implements HelpSections.Section {
        @Override
        public String heading() {
            return "Members:";
        }

        @Option(names = "--members", paramLabel = "N", description = "models per grid combination (default: 1, "
                + "starting at zero; more need --box)")
        Integer members;

        @Option(names = "--box", paramLabel = "LO:HI", converter = Interval.Converter.class,
                description = "sample the start coefficients in this interval")
        Interval box;

        @Option(names = "--sampler", paramLabel = "KIND", description = "uniform | sobol | lhs (default: sobol; "
                + "needs --box)")
        JobOptions.Sampler sampler;

        @Option(names = "--seed", paramLabel = "S", description = "seed of the validation split, the minibatches' "
                + "row order and the sampler (default: " + JobOptions.DEFAULT_SEED + ")")
        long seed = JobOptions.DEFAULT_SEED;
    }

    static final class TrainingOptions implements HelpSections.Section {
        @Override
        public String heading() {
            return "Training:";
        }

        @Option(names = "--steps", paramLabel = "T", description = "most steps per model (default: "
                + DEFAULT_STEPS + ")")
        Integer steps;

        @Option(names = "--epochs", paramLabel = "E", description = "most passes over the training rows (instead "
                + "of --steps)")
        Integer epochs;

        @Option(names = "--batch-size", paramLabel = "B", description = "minibatch SGD: B rows a step, in a new "
                + "order each epoch keyed by (--seed, epoch), the same rows for every model (default: every row)")
        int batchSize;

        @Option(names = "--history", paramLabel = "EVERY", description = "evaluate each model's training and "
                + "validation loss every EVERY steps (learning curves, in --format json)")
        int history;

        @Option(names = "--patience", paramLabel = "K", description = "stop a model whose validation loss did not "
                + "improve in K evaluations and report its best point (needs --history and validation rows)")
        int patience;

        @Option(names = "--grad-tol", paramLabel = "V", description = "stop a model when the norm of the gradient "
                + "of its objective is <= V (default: off)")
        double gradTol;

        @Option(names = "--f-tol", paramLabel = "V", description = "stop a model when |f_t - f_t-1| <= V (1 + |f_t|) "
                + "(default: off)")
        double fTol;

        @Option(names = "--precision", paramLabel = "P", description = "fp32 | fp64 (default: fp32); the data is "
                + "held in it")
        Precision precision = Precision.FP32;
    }

    static final class Where implements HelpSections.Section {
        @Override
        public String heading() {
            return "Backend:";
        }

        @Option(names = "--backend", paramLabel = "SPEC", description = "cpu | opencl[:P[:D]] | cuda[:D] | auto "
                + "(default: cpu; OpenCL and CUDA fit the CPU's results bit for bit in strict math)")
        String backend = "cpu";

        @Option(names = "--math", paramLabel = "M", description = "strict | fast (default: strict). strict: every "
                + "dot product in one fixed order, the same bits on every backend. fast: CUDA only, the two matrix "
                + "products of a step through cuBLAS (libcublas.so.13, .12 or .11), in the run's precision but summed "
                + "in cuBLAS's order: results NOT bit-identical to the CPU's (JSON: \"math\": \"fast\")")
        JobOptions.Math math = JobOptions.Math.STRICT;

        @Option(names = "--tf32", description = "with --math fast in fp32: let cuBLAS round the products' inputs to "
                + "TF32 on tensor cores (faster, about 3 significant digits per term; JSON: \"tf32\": true)")
        boolean tf32;

        /** The math asked for; throws {@link IllegalArgumentException} for --tf32 without fast fp32. */
        MathMode mode(Precision precision) {
            if (tf32 && math != JobOptions.Math.FAST) {
                throw new IllegalArgumentException("--tf32 applies to cuBLAS's products: add --math fast");
            }
            if (tf32 && precision != Precision.FP32) {
                throw new IllegalArgumentException("--tf32 rounds fp32 products; the run is " + RunReport.precision(
                        precision));
            }
            return math == JobOptions.Math.STRICT ? MathMode.STRICT : tf32 ? MathMode.FAST_TF32 : MathMode.FAST;
        }
    }

    static final class FitOutput extends OutputOptions {
        @Option(names = "--top", paramLabel = "K", description = "show the K best models (default: "
                + RunCommand.DEFAULT_TOP + ")")
        Integer top;

        @Option(names = "--all", description = "show every model in index order")
        boolean all;

        @Option(names = "--plot", paramLabel = "FILE", description = "draw the learning curves of the "
                + FitPlot.MODELS + " best models (training and validation loss over the steps; needs --history) as "
                + "PNG, or SVG when FILE ends in .svg")
        Path plot;
    }

    /** A fit as the command line described it. */
    record Job(Dataset dataset, Objective objective, UpdateRule rule, Batch batch, Grid grid, Training training,
               Stopping stopping, Precision precision, String starts, MathMode math) {
    }

    @Override
    public Integer call() {
        FitOutput o = output;
        if (o.top != null && o.all) {
            throw new IllegalArgumentException("--top and --all cannot be combined");
        }
        if (o.top != null && o.top < 0) {
            throw new IllegalArgumentException("--top " + o.top + " must be >= 0");
        }
        boolean svg = o.plot != null && Plots.isSvg(o.plot, "--plot");
        if (o.plot != null && training.history == 0) {
            throw new IllegalArgumentException("--plot " + o.plot + " draws the learning curves, which need the "
                    + "models' losses over the steps: add --history EVERY");
        }
        ProgressLine.Mode mode = progress.mode();
        where.mode(training.precision); // a --tf32 mistake before the data is read
        Job j = prepare();
        try (Output out = Output.to(o.out, spec.commandLine().getOut());
             Output plot = o.plot == null ? null : Output.to(o.plot, null);
             Backend backend = Backends.open(where.backend);
             ProgressLine line = ProgressLine.open(spec.commandLine().getErr(), mode)) {
            Result result = Engine.on(backend).precision(j.precision()).math(j.math()).stopping(j.stopping())
                    .progress(line).run(j.objective(), j.rule(), j.batch());
            line.close();
            new FitReport(j, result, o.all, o.top == null ? RunCommand.DEFAULT_TOP : o.top)
                    .write(o.format, out.writer());
            if (plot != null) {
                Plots.write(FitPlot.chart(j, result), plot.file(), svg);
                plot.commit();
            }
            out.commit();
        }
        return Main.OK;
    }

    /** Reads the data and builds the members; throws {@link IllegalArgumentException} naming the bad value. */
    Job prepare() {
        DataOptions d = data;
        TrainingOptions t = training;
        if (d.validation != null && d.validationFile != null) {
            throw new IllegalArgumentException("--validation and --validation-data cannot be combined");
        }
        if (t.steps != null && t.epochs != null) {
            throw new IllegalArgumentException("--steps and --epochs cannot be combined");
        }
        positive("--steps", t.steps);
        positive("--epochs", t.epochs);
        if (t.batchSize < 0) {
            throw new IllegalArgumentException("--batch-size " + t.batchSize + " must be >= 1");
        }
        if (t.history < 0) {
            throw new IllegalArgumentException("--history " + t.history + " must be >= 1");
        }
        if (t.patience < 0) {
            throw new IllegalArgumentException("--patience " + t.patience + " must be >= 1");
        }
        if (t.patience > 0 && t.history == 0) {
            throw new IllegalArgumentException("--patience " + t.patience + " counts evaluations: add --history "
                    + "EVERY");
        }
        if (t.patience > 0 && d.validation == null && d.validationFile == null) {
            throw new IllegalArgumentException("--patience watches the validation loss: add --validation FRACTION "
                    + "or --validation-data FILE");
        }
        Dataset.Builder b = Dataset.csv(d.file).seed(members.seed).standardize(d.standardize).precision(t.precision);
        if (d.target != null) {
            b.target(d.target);
        }
        if (d.features != null) {
            b.features(d.features);
        }
        if (d.validation != null) {
            b.validation(d.validation);
        }
        if (d.validationFile != null) {
            b.validationData(d.validationFile);
        }
        Dataset dataset = b.build();
        Training training = new Training(!d.noIntercept, t.batchSize, members.seed, t.history, t.patience);
        Objective objective = switch (d.model) {
            case LINEAR -> Objectives.linear(dataset, training);
            case LOGISTIC -> Objectives.logistic(dataset, training);
            case SOFTMAX -> Objectives.softmax(dataset, training);
        };
        int steps = t.steps != null ? t.steps : t.epochs != null
                ? Math.multiplyExact(t.epochs, training.stepsPerEpoch(dataset.rows())) : DEFAULT_STEPS;
        GridAxes axes = rule.axes();
        Grid grid = axes.grid();
        int perCombination = members.members == null ? 1 : members.members;
        if (perCombination < 1) {
            throw new IllegalArgumentException("--members " + perCombination + " must be >= 1");
        }
        if (members.sampler != null && members.box == null) {
            throw new IllegalArgumentException("--sampler " + members.sampler + " needs --box LO:HI");
        }
        int dim = objective.dimension();
        String startsText;
        Starts starts;
        if (members.box != null) {
            Interval box = members.box;
            t.precision.requireRepresentable("--box " + box.lo() + ":" + box.hi() + ": LO", box.lo());
            t.precision.requireRepresentable("--box " + box.lo() + ":" + box.hi() + ": HI", box.hi());
            JobOptions.Sampler sampler = members.sampler != null ? members.sampler : JobOptions.Sampler.SOBOL;
            starts = sampler.starts(Box.cube(dim, box.lo(), box.hi()), members.seed);
            startsText = sampler + ", seed " + members.seed + ", box " + box.lo() + ":" + box.hi();
        } else if (perCombination > 1) {
            throw new IllegalArgumentException("--members " + perCombination + " models per combination would all "
                    + "start at zero: give --box LO:HI to sample their starts");
        } else {
            starts = Starts.point(new double[dim]);
            startsText = "zero";
        }
        JobOptions.requireMemory(axes.combinations() * perCombination, dim, t.precision, 0, steps,
                grid == null ? 0 : grid.names().size());
        Batch batch = grid == null ? Batch.builder(dim).members(perCombination).starts(starts).build()
                : grid.batch(perCombination, starts);
        axes.startsPerCombination(batch.startsPerCombination());
        UpdateRule r = rule.build(axes);
        return new Job(dataset, objective, r, batch, grid, training, new Stopping(steps, t.gradTol, t.fTol),
                t.precision, startsText, where.mode(t.precision));
    }

    private static void positive(String option, Integer v) {
        if (v != null && v < 1) {
            throw new IllegalArgumentException(option + " " + v + " must be >= 1");
        }
    }
}
