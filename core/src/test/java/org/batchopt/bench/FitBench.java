package org.batchopt.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Dataset;
import org.batchopt.Engine;
import org.batchopt.MathMode;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Param;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.Training;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;

/**
 * The fit grid of the GPU benchmark (benchmarks/gpu/run.sh), the workload {@code peers.py grid} runs for JAX and
 * PyTorch: G logistic models without an intercept on one dataset of M rows x F features, T full-batch gradient
 * steps in fp32, from zero, model i with learning rate {@code logspace(-3, 0, G)[i]} and L2
 * {@code logspace(-5, -1, G)[G-1-i]} (plain gradient descent, the gradient {@code R^T X / M + l2 w}). The rows are
 * drawn here with a fixed seed as peers.py draws its own: x standard normal, y = [x.w + 0.5 e > 0] with w and e
 * standard normal. One JSON line per run on stdout, as {@link GpuBench} prints them; {@code "math":"strict"}: the
 * backends' own kernels, every sum in its fixed order; {@code "fast"} or {@code "fast-tf32"}: the products through
 * cuBLAS ({@link MathMode}).
 *
 * <pre>
 *   java -cp ... org.batchopt.bench.FitBench [--backend cuda:0] [--scale 1] [--repeats 3] [--check-only]
 *                                            [--math strict|fast|fast-tf32]
 * </pre>
 *
 * The timed grid ({@code "workload":"fit-grid"}): G = 1024, M = 65,536, F = 128, T = 200; {@code --scale}
 * multiplies G and M (for trying the harness on a CPU). It runs first on a fresh backend ({@code "run":"cold"}:
 * kernels compiled, the dataset uploaded), then {@code --repeats} times on the same backend ({@code "run":"warm"}:
 * the dataset already there, as in the peers' loops). {@code kernel_s} is {@link org.batchopt.Timing#runSeconds()}
 * (device time in kernels on CUDA and OpenCL), {@code end_to_end_s} the whole {@link Engine#run} call.
 *
 * <p>With {@code --math fast} (or {@code fast-tf32}) the timed grid runs strict, then in that math, cold and warm each
 * (so both times are there, kernel and end-to-end apart), and one line {@code "workload":"fit-grid-deviation"}
 * compares the last warm fast run with the last warm strict one: {@code max_abs_coef_diff} and
 * {@code max_rel_coef_diff} (the largest coefficient difference, absolute and over the largest |coefficient| of that
 * model), {@code max_abs_loss_diff} and {@code max_rel_loss_diff} (the training losses f). Where the fast runs
 * cannot run (no cuBLAS, not CUDA) a {@code fit-grid} line carries the {@code error}, the check still runs and the
 * process exits 1.
 *
 * <p>Then the check ({@code "workload":"fit-grid-check"}), always at one small size (64 models, 4,096 rows, F = 128,
 * 20 steps): the same grid on the backend and on the CPU, {@code "identical"} true when every coordinate and loss of
 * every member has the same bits, {@code max_abs_diff} the largest coordinate difference. The process exits 1 when
 * they differ.
 */
public final class FitBench {
    static final int FEATURES = 128;

    private FitBench() {
    }

    /** The grid of G models on M rows, fp32 rows drawn with {@code seed}. */
    record Grid(int models, int rows, int steps, Objective objective, UpdateRule rule) {
        static Grid of(int models, int rows, int steps, long seed) {
            Rows data = Rows.of(rows, seed);
            Dataset d = Dataset.of(data.x(), data.y()).precision(Precision.FP32).build();
            double[] lr = new double[models];
            double[] l2 = new double[models];
            for (int i = 0; i < models; i++) {
                lr[i] = logspace(-3, 0, models, i);
                l2[i] = logspace(-5, -1, models, models - 1 - i);
            }
            UpdateRule rule = Sgd.builder().lr(Param.perMember(lr)).l2(Param.perMember(l2)).build();
            return new Grid(models, rows, steps, Objectives.logistic(d, Training.fullBatch().intercept(false)), rule);
        }

        Result run(Backend backend) {
            return run(backend, MathMode.STRICT);
        }

        Result run(Backend backend, MathMode math) {
            Batch batch = Batch.builder(FEATURES).members(models).starts(Starts.point(new double[FEATURES])).build();
            return Engine.on(backend).precision(Precision.FP32).math(math).stopping(Stopping.maxSteps(steps))
                    .run(objective, rule, batch);
        }
    }

    /**
     * How far results {@code b} are from {@code a}, member by member: the largest coefficient difference, absolute
     * and relative to the member's largest |coefficient| in {@code a}, and the same for the training loss f.
     */
    record Deviation(double maxAbsCoef, double maxRelCoef, double maxAbsLoss, double maxRelLoss) {
        static Deviation of(Result a, Result b) {
            double absCoef = 0;
            double relCoef = 0;
            double absLoss = 0;
            double relLoss = 0;
            for (int m = 0; m < a.members(); m++) {
                double scale = 0;
                double diff = 0;
                for (int k = 0; k < a.dimension(); k++) {
                    scale = Math.max(scale, Math.abs(a.x(m, k)));
                    diff = Math.max(diff, Math.abs(a.x(m, k) - b.x(m, k)));
                }
                absCoef = Math.max(absCoef, diff);
                relCoef = Math.max(relCoef, scale == 0 ? diff : diff / scale);
                double d = Math.abs(a.f(m) - b.f(m));
                absLoss = Math.max(absLoss, d);
                relLoss = Math.max(relLoss, a.f(m) == 0 ? d : d / Math.abs(a.f(m)));
            }
            return new Deviation(absCoef, relCoef, absLoss, relLoss);
        }
    }

    /** The rows: x standard normal (fp32 values), y = [x.w + 0.5 e > 0] with w and e standard normal. */
    record Rows(double[][] x, double[] y) {
        static Rows of(int rows, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] w = new double[FEATURES];
            for (int k = 0; k < FEATURES; k++) {
                w[k] = gaussian(r);
            }
            double[][] x = new double[rows][FEATURES];
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                double z = 0;
                for (int k = 0; k < FEATURES; k++) {
                    x[i][k] = (float) gaussian(r);
                    z += x[i][k] * w[k];
                }
                y[i] = z + 0.5 * gaussian(r) > 0 ? 1 : 0;
            }
            return new Rows(x, y);
        }
    }

    /** numpy's {@code logspace(a, b, n)[i]}. */
    static double logspace(double a, double b, int n, int i) {
        return Math.pow(10, n == 1 ? a : a + (b - a) * i / (n - 1));
    }

    /** A standard normal deviate (Box-Muller, one of the pair). */
    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    public static void main(String[] args) {
        String spec = "cuda:0";
        double scale = 1;
        int repeats = 3;
        boolean checkOnly = false;
        MathMode math = MathMode.STRICT;
        boolean failed = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> spec = args[++i];
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--check-only" -> checkOnly = true;
                case "--math" -> math = math(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--backend SPEC, --scale X, --repeats N, --check-only, --math strict|fast|fast-tf32)");
            }
        }
        if (!checkOnly) {
            Grid g = Grid.of(GpuBench.scaled(1024, scale), GpuBench.scaled(65536, scale), 200, 42);
            Result strict = timed(g, spec, repeats, MathMode.STRICT);
            if (math.fast()) {
                try {
                    Result fast = timed(g, spec, repeats, math);
                    System.out.println(deviation(g, strict, fast, math));
                } catch (BackendException | IllegalArgumentException e) {
                    StringBuilder j = header("fit-grid", strict, g, math);
                    GpuBench.field(j, "error", e.getMessage());
                    System.out.println(j.append('}'));
                    failed = true;
                }
            }
        }
        if (!check(spec) || failed) {
            System.exit(1);
        }
    }

    static MathMode math(String label) {
        for (MathMode m : MathMode.values()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--math " + label + ": strict, fast or fast-tf32");
    }

    /** The grid cold on a fresh backend, then {@code repeats} times warm; prints each run, returns the last. */
    static Result timed(Grid g, String spec, int repeats, MathMode math) {
        Result last;
        try (Backend cold = Backends.open(spec)) {
            last = g.run(cold, math);
            emit(g, last, "cold", 0, math);
        }
        try (Backend warm = Backends.open(spec)) {
            for (int r = 1; r <= repeats; r++) {
                last = g.run(warm, math);
                emit(g, last, "warm", r, math);
            }
        }
        return last;
    }

    /** The line comparing a fast run with a strict one of the same grid. */
    static String deviation(Grid g, Result strict, Result fast, MathMode math) {
        Deviation d = Deviation.of(strict, fast);
        StringBuilder j = header("fit-grid-deviation", fast, g, math);
        GpuBench.field(j, "against", "strict");
        GpuBench.number(j, "max_abs_coef_diff", d.maxAbsCoef());
        GpuBench.number(j, "max_rel_coef_diff", d.maxRelCoef());
        GpuBench.number(j, "max_abs_loss_diff", d.maxAbsLoss());
        GpuBench.number(j, "max_rel_loss_diff", d.maxRelLoss());
        GpuBench.number(j, "strict_kernel_s", strict.timing().runSeconds());
        GpuBench.number(j, "fast_kernel_s", fast.timing().runSeconds());
        GpuBench.number(j, "strict_end_to_end_s", strict.timing().totalSeconds());
        GpuBench.number(j, "fast_end_to_end_s", fast.timing().totalSeconds());
        return j.append('}').toString();
    }

    /** The small grid on {@code spec} and on the CPU; prints the comparison, true when bit-identical. */
    static boolean check(String spec) {
        Grid g = Grid.of(64, 4096, 20, 7);
        Result device;
        Result cpu;
        try (Backend b = Backends.open(spec)) {
            device = g.run(b);
        }
        try (Backend b = Backends.open("cpu")) {
            cpu = g.run(b);
        }
        boolean identical = true;
        double maxDiff = 0;
        for (int m = 0; m < g.models(); m++) {
            identical &= Double.doubleToRawLongBits(device.f(m)) == Double.doubleToRawLongBits(cpu.f(m))
                    && device.steps(m) == cpu.steps(m);
            for (int k = 0; k < FEATURES; k++) {
                double a = device.x(m, k);
                double c = cpu.x(m, k);
                identical &= Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(c);
                maxDiff = Math.max(maxDiff, Math.abs(a - c));
            }
        }
        StringBuilder j = header("fit-grid-check", device, g, MathMode.STRICT);
        GpuBench.field(j, "against", cpu.backend());
        j.append(",\"identical\":").append(identical);
        GpuBench.number(j, "max_abs_diff", maxDiff);
        System.out.println(j.append('}'));
        return identical;
    }

    static StringBuilder header(String workload, Result r, Grid g, MathMode math) {
        StringBuilder j = new StringBuilder("{\"runner\":\"batchopt\"");
        GpuBench.field(j, "workload", workload);
        GpuBench.field(j, "backend", r.backend());
        GpuBench.field(j, "device", r.device());
        GpuBench.field(j, "model", "logistic");
        GpuBench.number(j, "models", g.models());
        GpuBench.number(j, "samples", g.rows());
        GpuBench.number(j, "features", FEATURES);
        GpuBench.number(j, "steps", g.steps());
        GpuBench.field(j, "optimizer", "sgd");
        GpuBench.field(j, "precision", r.precision().name().toLowerCase(Locale.ROOT));
        GpuBench.field(j, "math", math.label());
        return j;
    }

    static void emit(Grid g, Result r, String run, int repeat, MathMode math) {
        StringBuilder j = header("fit-grid", r, g, math);
        GpuBench.field(j, "run", run);
        GpuBench.number(j, "repeat", repeat);
        GpuBench.number(j, "kernel_s", r.timing().runSeconds());
        GpuBench.number(j, "end_to_end_s", r.timing().totalSeconds());
        GpuBench.number(j, "compile_s", r.timing().compileSeconds());
        GpuBench.number(j, "transfer_s", r.timing().transferSeconds());
        GpuBench.number(j, "model_steps_per_s", (double) g.models() * g.steps() / r.timing().runSeconds());
        GpuBench.number(j, "tflops", 4.0 * g.rows() * FEATURES * g.models() * g.steps() / r.timing().runSeconds()
                / 1e12);
        double best = Double.POSITIVE_INFINITY;
        for (int m = 0; m < g.models(); m++) {
            best = Math.min(best, r.objectiveValue(m));
        }
        GpuBench.number(j, "best_loss", best);
        System.out.println(j.append('}'));
    }
}
