package org.batchopt.schedule;

import org.batchopt.Param;

/** Factories for the schedules; each record's javadoc gives its formula. */
public final class Schedules {
    private Schedules() {
    }

    public static Schedule constant() {
        return new Constant();
    }

    /** {@code lr / (1 + kappa*s)}. */
    public static Schedule inverseTime(double kappa) {
        return new InverseTime(Param.of(kappa), Param.of(1));
    }

    /** {@code lr / (1 + kappa*s)^power}. */
    public static Schedule inverseTime(double kappa, double power) {
        return new InverseTime(Param.of(kappa), Param.of(power));
    }

    public static Schedule step(int stepSize, double gamma) {
        return new StepDecay(Param.of(stepSize), Param.of(gamma));
    }

    public static Schedule multiStep(int[] milestones, double gamma) {
        return new MultiStep(milestones, Param.of(gamma));
    }

    public static Schedule exponential(double gamma) {
        return new Exponential(Param.of(gamma));
    }

    public static Schedule cosine(double tMax, double etaMin) {
        return new Cosine(Param.of(tMax), Param.of(etaMin));
    }

    /** Linear warm-up over {@code steps} updates in front of {@code then}. */
    public static Schedule warmup(int steps, Schedule then) {
        return new Warmup(Param.of(steps), then);
    }
}
