package org.batchopt.backend.cuda;

import java.util.Arrays;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.BackendInfo;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Box;
import org.batchopt.Dataset;
import org.batchopt.Engine;
import org.batchopt.MathMode;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.Training;
import org.batchopt.rule.Adam;
import org.batchopt.rule.Sgd;

/**
 * Run by {@link FakeDriverTest} in a JVM whose loader finds the stand-in libcuda.so.1: lists the CUDA
 * backends, opens one, runs a small job on it and prints what happened, one fact a line; with a second argument
 * {@code fit}, fits a linear model to a dataset instead ({@link #fit}), with {@code fast} in fast math through the
 * stand-in cuBLAS ({@link #fast}).
 */
public final class FakeDriverMain {
    private FakeDriverMain() {
    }

    public static void main(String[] args) {
        for (BackendInfo b : Backends.available()) {
            if (b.spec().startsWith("cuda")) {
                System.out.println("info " + b.spec() + " " + (b.available() ? "available" : "unavailable") + ": "
                        + b.description());
            }
        }
        try (Backend auto = Backends.open("auto")) {
            System.out.println("auto " + auto.id());
        }
        String spec = args.length > 0 ? args[0] : "cuda";
        try (Backend backend = Backends.open(spec)) {
            System.out.println("opened " + backend.id() + ": " + backend.device());
            if (args.length > 1 && args[1].equals("fit")) {
                fit(backend);
                return;
            }
            if (args.length > 1 && args[1].equals("fast")) {
                fast(backend);
                return;
            }
            for (int run = 1; run <= 2; run++) {
                Result r = run(backend, Precision.values()[run - 1]);
                System.out.println("run " + run + " " + r.backend() + " runSeconds " + r.timing().runSeconds());
                double[] start = new double[3];
                boolean same = true;
                StringBuilder outcome = new StringBuilder();
                for (int m = 0; m < r.members(); m++) {
                    batch().startPoints(m, 1, start);
                    double[] expected = start.clone();
                    if (r.precision() == Precision.FP32) {
                        for (int i = 0; i < 3; i++) {
                            expected[i] = (float) expected[i];
                        }
                    }
                    same &= Arrays.equals(expected, r.x(m));
                    outcome.append(' ').append(r.status(m)).append('@').append(r.steps(m));
                }
                System.out.println("run " + run + " x unchanged " + same);
                System.out.println("run " + run + " outcome" + outcome);
            }
            if (backend instanceof CudaBackend cuda) {
                System.out.println("pinned " + (cuda.pinnedBytes() > 0));
                try {
                    cuda.allocate(1L << 40);
                } catch (BackendException e) {
                    System.out.println("huge allocation " + e.code() + ": " + e.getMessage());
                }
                cuda.close();
                cuda.close();
                try {
                    cuda.requirePrecision(Precision.FP32);
                } catch (IllegalStateException e) {
                    System.out.println("after close: " + e.getMessage());
                }
            }
        } catch (BackendException e) {
            System.out.println("open " + spec + " " + e.code() + ": " + e.getMessage());
        }
    }

    /**
     * Three fits of a linear model (240 training rows of 20 features, 60 validation rows) by 6 members for 3 steps:
     * fp64, fp64 again, fp32; prints each one's outcome and then how many datasets went to the device.
     */
    static void fit(Backend backend) {
        Objective f = Objectives.linear(data());
        Batch batch = Batch.builder(f.dimension()).members(6).starts(Starts.point(new double[f.dimension()])).build();
        for (Precision p : new Precision[] {Precision.FP64, Precision.FP64, Precision.FP32}) {
            Result r = Engine.on(backend).precision(p).stopping(Stopping.maxSteps(3))
                    .run(f, Sgd.builder().lr(0.1).build(), batch);
            StringBuilder outcome = new StringBuilder();
            for (int m = 0; m < r.members(); m++) {
                outcome.append(' ').append(r.status(m)).append('@').append(r.steps(m));
            }
            System.out.println("fit " + p + " outcome" + outcome);
        }
        System.out.println("fit uploads " + ((CudaBackend) backend).datasetUploads());
    }

    /**
     * Fast fits of a linear model (the data of {@link #fit}) by 6 members for 2 steps through the stand-in cuBLAS:
     * full batch in fast math, then minibatches of 100 rows with TF32; prints each one's outcome, or the error.
     */
    static void fast(Backend backend) {
        Dataset data = data();
        Objective full = Objectives.linear(data);
        Objective mini = Objectives.linear(data, Training.minibatch(100).seed(2));
        Batch batch = Batch.builder(full.dimension()).members(6).starts(Starts.point(new double[full.dimension()]))
                .build();
        for (Objective f : new Objective[] {full, mini}) {
            MathMode math = f == full ? MathMode.FAST : MathMode.FAST_TF32;
            try {
                Result r = Engine.on(backend).math(math).stopping(Stopping.maxSteps(2))
                        .run(f, Sgd.builder().lr(0.1).build(), batch);
                StringBuilder outcome = new StringBuilder();
                for (int m = 0; m < r.members(); m++) {
                    outcome.append(' ').append(r.status(m)).append('@').append(r.steps(m));
                }
                System.out.println("fast " + math.label() + " outcome" + outcome);
            } catch (BackendException e) {
                System.out.println("fast " + math.label() + " " + e.code() + ": " + e.getMessage());
            }
        }
    }

    /** 300 rows of 20 features, a fifth of them validation rows. */
    static Dataset data() {
        double[][] x = new double[300][20];
        double[] y = new double[300];
        for (int r = 0; r < 300; r++) {
            for (int k = 0; k < 20; k++) {
                x[r][k] = Math.sin(r * 0.37 + k);
            }
            y[r] = Math.cos(r * 0.11);
        }
        return Dataset.of(x, y).validation(0.2).seed(1).build();
    }

    static Batch batch() {
        return Batch.builder(3).members(10).starts(Starts.uniform(Box.cube(3, -2, 2), 5)).build();
    }

    static Result run(Backend backend, Precision precision) {
        return Engine.on(backend).precision(precision).stopping(Stopping.maxSteps(12)).stepsPerLaunch(5)
                .run(Objectives.rosenbrock(3), Adam.builder().build(), batch());
    }
}
