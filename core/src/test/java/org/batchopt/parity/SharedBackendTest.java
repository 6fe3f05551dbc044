package org.batchopt.parity;

import static org.batchopt.parity.Identical.assertIdentical;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.batchopt.Backend;
import org.batchopt.Backends;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.Gradient;
import org.batchopt.rule.Adam;
import org.batchopt.rule.RmsProp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One backend shared by several threads, each running its own job through its own engine: every result equals the
 * same job run alone. (Before device backends serialized their runs, a shared OpenCL backend returned wrong
 * results, threw ConcurrentModificationException, aborted in glibc or hung.)
 */
class SharedBackendTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 3;

    /**
     * Three jobs of one program (so that they share its kernels: same objective, rule, precision and strategy,
     * different learning rates and member counts) and one of another.
     */
    static List<ParityTest.Case> jobs() {
        List<ParityTest.Case> jobs = new ArrayList<>();
        double[] lrs = {0.01, 0.003, 0.03};
        int[] members = {200, 333, 150};
        for (int k = 0; k < lrs.length; k++) {
            jobs.add(new ParityTest.Case("rosenbrock-4 adam lr " + lrs[k], Objectives.rosenbrock(4),
                    Adam.builder().lr(lrs[k]).build(), Precision.FP32, Strategy.FUSED, Gradient.ANALYTIC,
                    Stopping.maxSteps(300).gradientTolerance(1e-3), 16, members[k]));
        }
        jobs.add(new ParityTest.Case("sphere-40 rmsprop streaming", Objectives.sphere(40),
                RmsProp.builder().lr(1e-2).build(), Precision.FP32, Strategy.STREAMING, Gradient.ANALYTIC,
                Stopping.maxSteps(60), 0, 50));
        return jobs;
    }

    static Stream<String> backends() {
        List<String> specs = new ArrayList<>(List.of("cpu"));
        specs.addAll(DevicesUnderTest.specs());
        return specs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void concurrentRunsOnOneBackendEqualRunsAlone(String spec) throws Exception {
        List<ParityTest.Case> jobs = jobs();
        List<Result> alone = new ArrayList<>();
        try (Backend b = Backends.open(spec)) {
            for (ParityTest.Case c : jobs) {
                Assumptions.assumeTrue(supports(b, c.precision()), spec + " has no " + c.precision());
                alone.add(c.run(b));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "shared-backend-test");
            t.setDaemon(true);
            return t;
        });
        try (Backend shared = Backends.open(spec)) {
            for (int round = 0; round < ROUNDS; round++) {
                List<Future<Result>> running = new ArrayList<>();
                for (int k = 0; k < THREADS; k++) {
                    ParityTest.Case c = jobs.get(k % jobs.size());
                    running.add(pool.submit(() -> c.run(shared)));
                }
                for (int k = 0; k < THREADS; k++) {
                    assertIdentical(alone.get(k % jobs.size()), running.get(k).get(120, TimeUnit.SECONDS),
                            spec + " round " + round + ", " + jobs.get(k % jobs.size()).name());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean supports(Backend b, Precision p) {
        try {
            b.requirePrecision(p);
            return true;
        } catch (org.batchopt.BackendException e) {
            return false;
        }
    }
}
