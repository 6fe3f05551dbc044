package org.batchopt.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.batchopt.Batch;
import org.batchopt.Engine;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Param;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.SharedBackends;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.rule.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every schedule against its closed form, the learning rates read off a run: plain SGD on f(x) = x moves x by
 * exactly -lr_s at update s + 1 ({@code x = fma(1, -lr_s, x)}), so {@code lr_s = x_s - x_(s+1)} from the recorded
 * points, up to the rounding of x itself. The closed forms are those of torch's schedulers
 * ({@code torch.optim.lr_scheduler}, the {@code _get_closed_form_lr} of StepLR, MultiStepLR, ExponentialLR,
 * CosineAnnealingLR and LinearLR), with s the number of {@code scheduler.step()} calls before
 * {@code optimizer.step()}, evaluated here in double with {@code java.lang.Math}.
 */
class ScheduleTest {
    static final int STEPS = 120;
    static final double LR = 0.01;

    /** The learning rate of updates 1..STEPS of each member (lr_s for s = 0..STEPS-1), read off a run. */
    static double[][] rates(Sgd rule, int members, Precision precision) {
        Objective f = Objectives.expression("x", 1);
        Batch batch = Batch.builder(1).members(members).starts(Starts.point(0)).build();
        Result r = Engine.on(SharedBackends.cpu()).precision(precision).stopping(Stopping.maxSteps(STEPS)).history(1)
                .run(f, rule, batch);
        double[][] rates = new double[members][STEPS];
        for (int m = 0; m < members; m++) {
            assertEquals(STEPS, r.steps(m));
            for (int s = 0; s < STEPS; s++) {
                rates[m][s] = r.history(m, s)[0] - r.history(m, s + 1)[0];
            }
        }
        return rates;
    }

    /**
     * Asserts that the rates of a run follow {@code closedForm}: within the rounding of x (two units in the last
     * place of |x|, which is at most STEPS * LR) and a relative 1e-13 (fp64) or 1e-6 (fp32) for the portable cos and
     * pow.
     */
    static void assertFollows(Schedule schedule, IntToDoubleFunction closedForm, Precision precision) {
        double[] rates = rates(Sgd.builder().lr(LR).schedule(schedule).build(), 1, precision)[0];
        double xUlp = precision == Precision.FP64 ? Math.ulp(STEPS * LR) : Math.ulp((float) (STEPS * LR));
        double rel = precision == Precision.FP64 ? 1e-13 : 1e-6;
        for (int s = 0; s < STEPS; s++) {
            double expected = closedForm.applyAsDouble(s);
            double tol = 2 * xUlp + rel * Math.abs(expected);
            assertEquals(expected, rates[s], tol, schedule.name() + " " + precision + ", lr at s = " + s);
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void constant(Precision p) {
        assertFollows(Schedules.constant(), s -> LR, p);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void inverseTime(Precision p) {
        assertFollows(Schedules.inverseTime(0.05), s -> LR / (1 + 0.05 * s), p);
        assertFollows(Schedules.inverseTime(0.05, 0.6), s -> LR / Math.pow(1 + 0.05 * s, 0.6), p);
    }

    /** torch's StepLR(step_size=7, gamma=0.5). */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void stepDecayIsTorchsStepLr(Precision p) {
        assertFollows(Schedules.step(7, 0.5), s -> LR * Math.pow(0.5, Math.floor(s / 7.0)), p);
    }

    /** torch's MultiStepLR(milestones=[5, 12, 30], gamma=0.4): gamma to the number of milestones <= s. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void multiStepIsTorchsMultiStepLr(Precision p) {
        int[] milestones = {5, 12, 30};
        assertFollows(Schedules.multiStep(milestones, 0.4), s -> {
            int passed = 0;
            for (int m : milestones) {
                passed += m <= s ? 1 : 0;
            }
            return LR * Math.pow(0.4, passed);
        }, p);
    }

    /** torch's ExponentialLR(gamma=0.97). */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void exponentialIsTorchsExponentialLr(Precision p) {
        assertFollows(Schedules.exponential(0.97), s -> LR * Math.pow(0.97, s), p);
    }

    /** torch's CosineAnnealingLR(T_max=50, eta_min=1e-4), periodic past T_max as torch's closed form is. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void cosineIsTorchsCosineAnnealingLr(Precision p) {
        assertFollows(Schedules.cosine(50, 1e-4), s -> 1e-4 + (LR - 1e-4) * (1 + Math.cos(Math.PI * s / 50)) / 2, p);
    }

    /**
     * A warm-up of n steps is torch's LinearLR(start_factor=1/n, end_factor=1, total_iters=n-1) chained with the
     * wrapped schedule: the factor (1/n)(1 + min(s, n-1)) multiplies it.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void warmupIsTorchsLinearLrChainedWithTheSchedule(Precision p) {
        int n = 10;
        DoubleUnaryOperator linear = s -> (1.0 / n) + (1 - 1.0 / n) * Math.min(s, n - 1) / (n - 1);
        assertFollows(Schedules.warmup(n, Schedules.cosine(50, 0)),
                s -> LR * (1 + Math.cos(Math.PI * s / 50)) / 2 * linear.applyAsDouble(s), p);
        assertFollows(Schedules.warmup(n, Schedules.step(20, 0.5)),
                s -> LR * Math.pow(0.5, Math.floor(s / 20.0)) * linear.applyAsDouble(s), p);
    }

    /** Per-member schedule parameters: each member follows its own closed form. */
    @Test
    void everyMemberFollowsItsOwnParameters() {
        double[] gamma = {0.5, 0.8, 0.9, 0.99};
        double[] tMax = {10, 40, 80, 200};
        Sgd step = Sgd.builder().lr(LR).schedule(new StepDecay(Param.of(6), Param.perMember(gamma))).build();
        Sgd cosine = Sgd.builder().lr(LR).schedule(new Cosine(Param.perMember(tMax), Param.of(0))).build();
        double[][] a = rates(step, 4, Precision.FP64);
        double[][] b = rates(cosine, 4, Precision.FP64);
        for (int m = 0; m < 4; m++) {
            for (int s = 0; s < STEPS; s++) {
                double tol = 2 * Math.ulp(STEPS * LR);
                assertEquals(LR * Math.pow(gamma[m], Math.floor(s / 6.0)), a[m][s], tol, "member " + m + " s " + s);
                assertEquals(LR * (1 + Math.cos(Math.PI * s / tMax[m])) / 2, b[m][s], tol + 1e-13 * LR,
                        "member " + m + " s " + s);
            }
        }
    }

    @Test
    void badParametersAreRejectedWithTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedules.exponential(0)).getMessage()
                .contains("gamma = 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedules.step(0, 0.5)).getMessage()
                .contains("step size = 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedules.cosine(-1, 0)).getMessage()
                .contains("T_max = -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedules.inverseTime(-0.1)).getMessage()
                .contains("kappa = -0.1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedules.multiStep(new int[] {5, 5}, 0.5))
                .getMessage().contains("[5, 5]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Schedules.warmup(3, Schedules.warmup(2, Schedules.constant()))).getMessage()
                .contains("cannot wrap another warm-up"));
    }

    @Test
    void warmupReportsItsOwnAndTheWrappedSchedulesParameters() {
        Schedule w = Schedules.warmup(5, Schedules.cosine(10, 1e-3));
        assertEquals("warmup+cosine", w.name());
        assertEquals(Schedules.cosine(10, 1e-3), w.base());
        assertEquals(java.util.List.of(org.batchopt.Hyperparameter.T_MAX, org.batchopt.Hyperparameter.ETA_MIN,
                org.batchopt.Hyperparameter.WARMUP), java.util.List.copyOf(w.parameters().keySet()));
    }
}
