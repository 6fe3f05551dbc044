package org.batchopt.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.batchopt.Backend;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Dataset;
import org.batchopt.Engine;
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
 * backends' own kernels, every sum in its fixed order.
 *
 * <pre>
 *   java -cp ... org.batchopt.bench.FitBench [--backend cuda:0] [--scale 1] [--repeats 3] [--check-only]
 * </pre>
 *
 * The timed grid ({@code "workload":"fit-grid"}): G = 1024, M = 65,536, F = 128, T = 200; {@code --scale}
 * multiplies G and M (for trying the harness on a CPU). It runs first on a fresh backend ({@code "run":"cold"}:
 * kernels compiled, the dataset uploaded), then {@code --repeats} times on the same backend ({@code "run":"warm"}:
 * the dataset already there, as in the peers' loops). {@code kernel_s} is {@link org.batchopt.Timing#runSeconds()}
 * (device time in kernels on CUDA and OpenCL), {@code end_to_end_s} the whole {@link Engine#run} call.
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
            Batch batch = Batch.builder(FEATURES).members(models).starts(Starts.point(new double[FEATURES])).build();
            return Engine.on(backend).precision(Precision.FP32).stopping(Stopping.maxSteps(steps))
                    .run(objective, rule, batch);
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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> spec = args[++i];
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--check-only" -> checkOnly = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--backend SPEC, --scale X, --repeats N, --check-only)");
            }
        }
        if (!checkOnly) {
            Grid g = Grid.of(GpuBench.scaled(1024, scale), GpuBench.scaled(65536, scale), 200, 42);
            try (Backend cold = Backends.open(spec)) {
                emit(g, g.run(cold), "cold", 0);
            }
            try (Backend warm = Backends.open(spec)) {
                for (int r = 1; r <= repeats; r++) {
                    emit(g, g.run(warm), "warm", r);
                }
            }
        }
        if (!check(spec)) {
            System.exit(1);
        }
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
        StringBuilder j = header("fit-grid-check", device, g);
        GpuBench.field(j, "against", cpu.backend());
        j.append(",\"identical\":").append(identical);
        GpuBench.number(j, "max_abs_diff", maxDiff);
        System.out.println(j.append('}'));
        return identical;
    }

    static StringBuilder header(String workload, Result r, Grid g) {
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
        GpuBench.field(j, "math", "strict");
        return j;
    }

    static void emit(Grid g, Result r, String run, int repeat) {
        StringBuilder j = header("fit-grid", r, g);
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
