package org.batchopt.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.batchopt.Batch;
import org.batchopt.SharedBackends;
import org.batchopt.Engine;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The L1 proximal step with every rule: the lasso solution of a small least-squares problem,
 * min ||A x - b||^2 + lambda ||x||_1, equals a coordinate-descent reference, zero pattern included. Each rule's
 * threshold is lr_t*l1 over the rule's own step denominator (kernels/rules.cl), whose fixed points are the lasso
 * solutions; a fixed lr_t*l1, as before, left the adaptive rules elsewhere.
 *
 * <p>A and b were drawn once (numpy default_rng(3), rounded to one decimal). Cross-check: scikit-learn 1.2.1
 * {@code Lasso(alpha=lambda/(2*8), fit_intercept=False, tol=1e-15)} gives
 * (0.87193825, 0, -0.19133884, 0, 0.56345705) for lambda = 1.
 */
class LassoTest {
    static final double[][] A = {
        {2.0, -2.6, 0.4, -0.6, -0.5}, {-0.2, -2.0, -0.2, -0.9, 3.3}, {0.2, -0.4, -0.3, -0.7, -1.1},
        {-0.4, 0.5, -0.2, 1.0, -0.2}, {0.0, 1.5, 0.5, -0.5, -0.2}, {0.5, 1.9, -0.3, -0.2, 1.0},
        {-0.9, -0.3, 0.9, 0.6, 0.1}, {0.7, -2.8, 1.0, -1.0, -1.7}};
    static final double[] B = {1.5, 1.8, -0.2, -0.7, -0.5, 1.2, -1.1, -0.7};
    static final double LAMBDA = 1;
    static final double[] SKLEARN = {0.87193825, 0, -0.19133884, 0, 0.56345705};
    /** Enough for every rule at these learning rates to settle to rounding level (measured: within 3e-15). */
    static final int STEPS = 20_000;
    /** The reference is exact to rounding; the rules reach it within a few ulps, far inside this. */
    static final double TOLERANCE = 1e-12;

    /** ||A x - b||^2 as a formula. */
    static String leastSquares() {
        StringBuilder f = new StringBuilder();
        for (int r = 0; r < A.length; r++) {
            f.append(r == 0 ? "" : " + ").append("(");
            for (int j = 0; j < A[r].length; j++) {
                f.append(j == 0 ? "" : " + ").append(A[r][j]).append("*x").append(j + 1);
            }
            f.append(" - ").append(B[r]).append(")^2");
        }
        return f.toString();
    }

    /** Cyclic coordinate descent to convergence: x_j = S(rho_j, lambda/2)/||a_j||^2. */
    static double[] coordinateDescent(double lambda) {
        int d = A[0].length;
        double[] x = new double[d];
        for (int sweep = 0; sweep < 100_000; sweep++) {
            double change = 0;
            for (int j = 0; j < d; j++) {
                double rho = 0;
                double norm = 0;
                for (int r = 0; r < A.length; r++) {
                    double residual = B[r];
                    for (int k = 0; k < d; k++) {
                        residual -= k == j ? 0 : A[r][k] * x[k];
                    }
                    rho += A[r][j] * residual;
                    norm += A[r][j] * A[r][j];
                }
                double v = Math.signum(rho) * Math.max(Math.abs(rho) - lambda / 2, 0) / norm;
                change = Math.max(change, Math.abs(v - x[j]));
                x[j] = v;
            }
            if (change == 0) {
                break;
            }
        }
        return x;
    }

    static Map<String, UpdateRule> rules() {
        Map<String, UpdateRule> r = new LinkedHashMap<>();
        r.put("sgd", Sgd.builder().lr(0.01).l1Proximal(LAMBDA).build());
        r.put("sgd-momentum", Sgd.builder().lr(0.002).momentum(0.9).l1Proximal(LAMBDA).build());
        r.put("sgd-momentum-dampening", Sgd.builder().lr(0.002).momentum(0.9).dampening(0.5).l1Proximal(LAMBDA)
                .build());
        r.put("sgd-nesterov", Sgd.builder().lr(0.002).momentum(0.9).nesterov(true).l1Proximal(LAMBDA).build());
        r.put("adagrad", Adagrad.builder().lr(0.2).l1Proximal(LAMBDA).build());
        r.put("rmsprop", RmsProp.builder().lr(0.002).l1Proximal(LAMBDA).build());
        r.put("rmsprop-momentum", RmsProp.builder().lr(0.0005).momentum(0.8).l1Proximal(LAMBDA).build());
        r.put("adam", Adam.builder().lr(0.002).l1Proximal(LAMBDA).build());
        r.put("adam-amsgrad", Adam.builder().lr(0.002).amsgrad(true).l1Proximal(LAMBDA).build());
        r.put("adamw-no-decay", AdamW.builder().lr(0.002).weightDecay(0).l1Proximal(LAMBDA).build());
        r.put("nadam", NAdam.builder().lr(0.002).l1Proximal(LAMBDA).build());
        r.put("adamax", Adamax.builder().lr(0.002).l1Proximal(LAMBDA).build());
        return r;
    }

    static Stream<Arguments> cases() {
        return rules().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void theReferenceIsScikitLearnsSolution() {
        double[] x = coordinateDescent(LAMBDA);
        for (int j = 0; j < x.length; j++) {
            assertEquals(SKLEARN[j], x[j], 1e-8, "coordinate " + j);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRuleEndsAtTheLassoSolution(String name, UpdateRule rule) {
        double[] expected = coordinateDescent(LAMBDA);
        Objective f = Objectives.expression(leastSquares(), 5);
        Result r = Engine.on(SharedBackends.cpu()).precision(Precision.FP64).stopping(Stopping.maxSteps(STEPS))
                .run(f, rule, Batch.builder(5).members(1).starts(Starts.point(0.5, 0.5, 0.5, 0.5, 0.5)).build());
        double[] x = r.x(0);
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < x.length; j++) {
            s.append(j).append(": ").append(x[j]).append(" vs ").append(expected[j]).append("; ");
        }
        for (int j = 0; j < x.length; j++) {
            assertEquals(expected[j] == 0, x[j] == 0, name + " zero pattern, " + s);
            assertEquals(expected[j], x[j], TOLERANCE, name + " " + s);
        }
    }

    /** Each rule with l1 = 1, at learning rates that contract quickly on the example below. */
    static Stream<Arguments> exampleRules() {
        Map<String, UpdateRule> r = new LinkedHashMap<>();
        r.put("sgd", Sgd.builder().lr(0.1).l1Proximal(1).build());
        r.put("sgd-momentum", Sgd.builder().lr(0.02).momentum(0.9).l1Proximal(1).build());
        r.put("sgd-nesterov", Sgd.builder().lr(0.02).momentum(0.9).nesterov(true).l1Proximal(1).build());
        r.put("adagrad", Adagrad.builder().lr(0.1).l1Proximal(1).build());
        r.put("rmsprop", RmsProp.builder().lr(0.1).l1Proximal(1).build());
        r.put("rmsprop-momentum", RmsProp.builder().lr(0.02).momentum(0.8).l1Proximal(1).build());
        r.put("adam", Adam.builder().lr(0.1).l1Proximal(1).build());
        r.put("adamw", AdamW.builder().lr(0.1).weightDecay(0).l1Proximal(1).build());
        r.put("nadam", NAdam.builder().lr(0.1).l1Proximal(1).build());
        r.put("adamax", Adamax.builder().lr(0.1).l1Proximal(1).build());
        return r.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /**
     * Where the iteration stops in floating point: it stalls once a step's net move is below half an ulp, a few
     * ulps from the exact point at these learning rates (measured: at most 6 in fp32, 2 in fp64).
     */
    static final int EXAMPLE_ULPS = 8;

    /**
     * f = (x - 0.3)^2 + (y - 2)^2 with l1 = 1: the lasso point is (0, 1.5) (x: |f_x(0)| = 0.6 <= 1; y: 2(y - 2) + 1
     * = 0). Every rule ends with x exactly 0 and y at 1.5 to within a few ulps, in both precisions. (With the fixed
     * threshold lr_t*l1, Adam ended at (0, 1.0), RMSprop at (0.23, 1.88) and Adagrad at (0, 0).)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleRules")
    void theTwoDimensionalExampleEndsAtTheLassoPoint(String name, UpdateRule rule) {
        Objective f = Objectives.expression("(x-0.3)^2 + (y-2)^2", 2);
        for (Precision p : Precision.values()) {
            Result r = Engine.on(SharedBackends.cpu()).precision(p).stopping(Stopping.maxSteps(STEPS))
                    .run(f, rule, Batch.builder(2).members(1).starts(Starts.point(1, 1)).build());
            String at = name + " " + p + " ends at " + java.util.Arrays.toString(r.x(0));
            assertEquals(0.0, r.x(0, 0), 0.0, at);
            double ulp = p == Precision.FP32 ? Math.ulp(1.5f) : Math.ulp(1.5);
            assertEquals(1.5, r.x(0, 1), EXAMPLE_ULPS * ulp, at);
        }
    }

    @Test
    void centeredRmspropRefusesTheProximalStep() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RmsProp.builder().centered(true).l1Proximal(0.1).build());
        assertTrue(e.getMessage().contains("centered RMSprop cannot take the L1 proximal step"), e.getMessage());
        RmsProp.builder().centered(true).l1(0.1).build();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Sgd.builder().momentum(1).l1Proximal(0.1).build());
    }
}
