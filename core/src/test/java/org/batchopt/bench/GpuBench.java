package org.batchopt.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.BackendInfo;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Box;
import org.batchopt.Engine;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.backend.cuda.CubinCache;
import org.batchopt.backend.cuda.CudaBackend;
import org.batchopt.backend.cuda.Nvrtc;
import org.batchopt.rule.Adam;

/**
 * The workloads of the GPU benchmark (benchmarks/gpu/run.sh), the same as {@code benchmarks/peers/peers.py}
 * runs for JAX and PyTorch, timed through {@link Engine}: one JSON line per run on stdout.
 *
 * <pre>
 *   java -cp ... org.batchopt.bench.GpuBench [--backend cuda:0] [--workload all|NAME] [--scale 1] [--repeats 3]
 *   java -cp ... org.batchopt.bench.GpuBench --list      (the backends found, NVRTC, the cubin cache)
 * </pre>
 *
 * Workloads: {@code rosenbrock-fp32} (D=8, Adam lr 1e-3, 1,048,576 members, 1000 steps), {@code rastrigin-fp32}
 * (D=16, Adam lr 0.01, 262,144 members, 1000 steps), {@code rosenbrock-fp64} (as the first, fp64), and
 * {@code update} (the streaming strategy on the sphere, D=64, 4,194,304 members = 2.7e8 parameters, 50 steps:
 * the Adam update kernel's bandwidth, counted as torch counts its fused Adam: 7 words per parameter).
 * {@code --scale} multiplies the member counts (for trying the harness on a CPU). Each workload runs first on
 * a fresh backend ({@code "run":"cold"}: the cubin compiled or read from the disk cache), then
 * {@code --repeats} times on the same backend ({@code "run":"warm"}).
 *
 * <p>Fields: {@code kernel_s} is {@link org.batchopt.Timing#runSeconds()} (device time in kernels from CUDA
 * events; the host's clock around the launches elsewhere); {@code end_to_end_s} is the whole
 * {@link Engine#run} call, from generating the start points on the host to the results on the host.
 */
public final class GpuBench {
    private GpuBench() {
    }

    /** One workload; start points uniform in [lo, hi]^D, the box peers.py uses for the function. */
    record Workload(String name, Objective objective, double lo, double hi, double lr, Precision precision,
                    Strategy strategy, int members, int steps) {
    }

    static List<Workload> workloads(double scale) {
        return List.of(
                new Workload("rosenbrock-fp32", Objectives.rosenbrock(8), -2, 2, 1e-3, Precision.FP32, Strategy.AUTO,
                        scaled(1 << 20, scale), 1000),
                new Workload("rastrigin-fp32", Objectives.rastrigin(16), -5.12, 5.12, 1e-2, Precision.FP32, Strategy.AUTO,
                        scaled(1 << 18, scale), 1000),
                new Workload("rosenbrock-fp64", Objectives.rosenbrock(8), -2, 2, 1e-3, Precision.FP64, Strategy.AUTO,
                        scaled(1 << 20, scale), 1000),
                new Workload("update", Objectives.sphere(64), -5, 5, 1e-3, Precision.FP32, Strategy.STREAMING,
                        scaled(1 << 22, scale), 50));
    }

    static int scaled(int members, double scale) {
        return (int) Math.max(1, Math.round(members * scale));
    }

    public static void main(String[] args) {
        String spec = "cuda:0";
        String only = "all";
        double scale = 1;
        int repeats = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> spec = args[++i];
                case "--workload" -> only = args[++i];
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--list" -> {
                    list();
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--list, --backend SPEC, --workload all|NAME, --scale X, --repeats N)");
            }
        }
        for (Workload w : workloads(scale)) {
            if (!only.equals("all") && !only.equals(w.name())) {
                continue;
            }
            try (Backend cold = Backends.open(spec)) {
                emit(w, cold, "cold", 0);
            }
            try (Backend warm = Backends.open(spec)) {
                for (int r = 1; r <= repeats; r++) {
                    emit(w, warm, "warm", r);
                }
            }
        }
    }

    /** The backends found, NVRTC and the cubin cache folder, one line each. */
    static void list() {
        for (BackendInfo b : Backends.available()) {
            System.out.println(b.spec() + (b.available() ? "" : " (unavailable)") + ": " + b.description()
                    + (b.available() && !b.fp64() ? " [no fp64]" : ""));
        }
        try {
            Nvrtc n = Nvrtc.find();
            System.out.println("NVRTC " + n.version() + " from " + n.library() + ", architectures "
                    + Arrays.toString(n.supportedArchs()));
        } catch (BackendException e) {
            System.out.println("NVRTC: " + e.getMessage());
        }
        System.out.println("cubin cache: " + CubinCache.defaultFolder());
    }

    static Batch batch(Workload w) {
        Box box = Box.cube(w.objective().dimension(), w.lo(), w.hi());
        return Batch.builder(w.objective().dimension()).members(w.members()).starts(Starts.uniform(box, 42)).build();
    }

    static void emit(Workload w, Backend backend, String run, int repeat) {
        CudaBackend cuda = backend instanceof CudaBackend c ? c : null;
        if (cuda != null) {
            cuda.profileKernels(w.name().equals("update"));
            cuda.resetKernelProfile();
        }
        Result r = Engine.on(backend).precision(w.precision()).strategy(w.strategy())
                .stopping(Stopping.maxSteps(w.steps())).run(w.objective(), Adam.builder().lr(w.lr()).build(), batch(w));
        StringBuilder j = new StringBuilder("{\"runner\":\"batchopt\"");
        field(j, "workload", w.name());
        field(j, "backend", r.backend());
        field(j, "device", r.device());
        field(j, "run", run);
        number(j, "repeat", repeat);
        field(j, "function", w.objective().name());
        number(j, "dim", w.objective().dimension());
        number(j, "members", w.members());
        number(j, "steps", w.steps());
        field(j, "optimizer", "adam");
        number(j, "lr", w.lr());
        field(j, "precision", w.precision().name().toLowerCase(Locale.ROOT));
        number(j, "kernel_s", r.timing().runSeconds());
        number(j, "end_to_end_s", r.timing().totalSeconds());
        number(j, "compile_s", r.timing().compileSeconds());
        number(j, "transfer_s", r.timing().transferSeconds());
        number(j, "member_steps_per_s", (double) w.members() * w.steps() / r.timing().runSeconds());
        number(j, "best", r.best().isPresent() ? r.f(r.best().getAsInt()) : Double.NaN);
        if (cuda != null && w.name().equals("update")) {
            Map<String, CudaBackend.KernelTime> profile = cuda.kernelProfile();
            CudaBackend.KernelTime update = profile.get("bo_stream_update");
            if (update != null) {
                double elements = (double) w.members() * w.objective().dimension();
                number(j, "update_launches", update.launches());
                number(j, "update_s", update.seconds());
                number(j, "update_gbytes_per_s", 7 * 4 * elements * update.launches() / update.seconds() / 1e9);
            }
            List<String> kernels = new ArrayList<>();
            profile.forEach((k, t) -> kernels.add("\"" + k + "\":[" + t.launches() + "," + t.seconds() + "]"));
            j.append(",\"kernels\":{").append(String.join(",", kernels)).append('}');
        }
        System.out.println(j.append('}'));
    }

    static void field(StringBuilder j, String name, String value) {
        j.append(",\"").append(name).append("\":\"").append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"');
    }

    static void number(StringBuilder j, String name, double value) {
        j.append(",\"").append(name).append("\":");
        if (Double.isFinite(value)) {
            j.append(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value));
        } else {
            j.append("null");
        }
    }
}
