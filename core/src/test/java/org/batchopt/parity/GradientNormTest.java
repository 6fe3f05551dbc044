package org.batchopt.parity;

import static org.batchopt.parity.Identical.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.batchopt.Batch;
import org.batchopt.Box;
import org.batchopt.Engine;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Status;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.rule.Adam;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A gradient whose sum of squares overflows the precision while every component is finite is not divergence: its
 * norm is computed scaled, and only a non-finite f, x or gradient component makes a member DIVERGED. On the CPU and
 * every device, bit for bit. (Before, fp32 members of 2e19*x and of exp(x) on [80, 88] were all DIVERGED.)
 */
class GradientNormTest {

    static Stream<String> backends() {
        List<String> specs = new ArrayList<>(List.of("cpu"));
        specs.addAll(DevicesUnderTest.specs());
        return specs.stream();
    }

    private static Result run(String backend, String formula, int d, Batch batch, Strategy strategy) {
        return Engine.on(DevicesUnderTest.open(backend)).precision(Precision.FP32).strategy(strategy)
                .stopping(Stopping.maxSteps(5)).run(Objectives.expression(formula, d), Adam.builder().build(), batch);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aNormBeyondTheRangeOfFp32IsComputedScaled(String backend) {
        for (Strategy s : new Strategy[] {Strategy.FUSED, Strategy.STREAMING}) {
            Result one = run(backend, "2e19*x", 1, Batch.builder(1).members(1).starts(Starts.point(1)).build(), s);
            assertEquals(Status.MAX_STEPS, one.status(0), backend + " " + s);
            assertEquals((double) 2e19f, one.gradientNorm(0), backend + " " + s);
            Result two = run(backend, "3e19*x + 4e19*y", 2, Batch.builder(2).members(1).starts(Starts.point(1, 1))
                    .build(), s);
            assertEquals(Status.MAX_STEPS, two.status(0), backend + " " + s);
            assertEquals(5e19, two.gradientNorm(0), 5e19 * 1e-6, backend + " " + s);
            if (!backend.equals("cpu")) {
                Result cpu = run("cpu", "3e19*x + 4e19*y", 2, Batch.builder(2).members(1).starts(Starts.point(1, 1))
                        .build(), s);
                assertIdentical(cpu, two, backend + " " + s);
            }
        }
    }

    /** exp(x) on [80, 100]: finite up to log(FLT_MAX) = 88.72, where f itself overflows and only there DIVERGED. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void onlyNonFiniteValuesDiverge(String backend) {
        Batch batch = Batch.builder(1).members(64).starts(Starts.uniform(Box.cube(1, 80, 100), 3)).build();
        Result r = run(backend, "exp(x)", 1, batch, Strategy.FUSED);
        int finite = 0;
        double[] starts = new double[r.members()];
        batch.startPoints(0, starts.length, starts);
        for (int m = 0; m < r.members(); m++) {
            double start = starts[m];
            if (start < 88.7) {
                assertNotEquals(Status.DIVERGED, r.status(m), "member " + m + " from " + start);
                finite++;
            } else if (start > 88.8) {
                assertEquals(Status.DIVERGED, r.status(m), "member " + m + " from " + start);
            }
        }
        assertNotEquals(0, finite);
    }
}
