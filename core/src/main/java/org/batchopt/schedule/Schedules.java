package org.batchopt.schedule;

import org.batchopt.Param;

/**
 * Factories for the schedules, each parameter one value for the whole batch (a record's constructor takes
 * per-member values); each record's javadoc gives its formula, where {@code lr} is the rule's learning rate and
 * {@code s} the number of updates already taken.
 */
public final class Schedules {
    private Schedules() {
    }

    /**
     * The rule's learning rate at every step, the default.
     *
     * @return a {@link Constant}
     */
    public static Schedule constant() {
        return new Constant();
    }

    /**
     * Inverse-time decay {@code lr / (1 + kappa*s)}.
     *
     * @param kappa decay rate per step, finite and {@code >= 0}
     * @return an {@link InverseTime} with power 1
     * @throws IllegalArgumentException when {@code kappa} is out of its range
     */
    public static Schedule inverseTime(double kappa) {
        return new InverseTime(Param.of(kappa), Param.of(1));
    }

    /**
     * Inverse-time decay {@code lr / (1 + kappa*s)^power}.
     *
     * @param kappa decay rate per step, finite and {@code >= 0}
     * @param power exponent, finite and {@code >= 0}
     * @return an {@link InverseTime}
     * @throws IllegalArgumentException when a value is out of its range
     */
    public static Schedule inverseTime(double kappa, double power) {
        return new InverseTime(Param.of(kappa), Param.of(power));
    }

    /**
     * Step decay {@code lr * gamma^floor(s / stepSize)}, torch's {@code StepLR}.
     *
     * @param stepSize steps between decays, {@code >= 1}
     * @param gamma    factor per decay, finite and {@code > 0}
     * @return a {@link StepDecay}
     * @throws IllegalArgumentException when a value is out of its range
     */
    public static Schedule step(int stepSize, double gamma) {
        return new StepDecay(Param.of(stepSize), Param.of(gamma));
    }

    /**
     * Multi-step decay {@code lr * gamma^k}, k the number of milestones {@code <= s}, torch's {@code MultiStepLR}.
     *
     * @param milestones strictly increasing step counts {@code >= 1}; not modified (copied)
     * @param gamma      factor per milestone, finite and {@code > 0}
     * @return a {@link MultiStep}
     * @throws IllegalArgumentException when there is no milestone or a value is out of its range
     */
    public static Schedule multiStep(int[] milestones, double gamma) {
        return new MultiStep(milestones, Param.of(gamma));
    }

    /**
     * Exponential decay {@code lr * gamma^s}, torch's {@code ExponentialLR}.
     *
     * @param gamma factor per step, finite and {@code > 0}
     * @return an {@link Exponential}
     * @throws IllegalArgumentException when {@code gamma} is out of its range
     */
    public static Schedule exponential(double gamma) {
        return new Exponential(Param.of(gamma));
    }

    /**
     * Cosine annealing from {@code lr} down to {@code etaMin} over {@code tMax} steps, torch's
     * {@code CosineAnnealingLR}.
     *
     * @param tMax   half period in steps, finite and {@code > 0}
     * @param etaMin the rate reached at {@code s = tMax}, finite and {@code >= 0}
     * @return a {@link Cosine}
     * @throws IllegalArgumentException when a value is out of its range
     */
    public static Schedule cosine(double tMax, double etaMin) {
        return new Cosine(Param.of(tMax), Param.of(etaMin));
    }

    /**
     * Linear warm-up over the first {@code steps} updates of {@code then} (see {@link Warmup}).
     *
     * @param steps warm-up length in updates, {@code >= 1}
     * @param then  the schedule warmed up, not itself a warm-up; not modified
     * @return a {@link Warmup}
     * @throws IllegalArgumentException when {@code steps < 1} or {@code then} is a warm-up
     */
    public static Schedule warmup(int steps, Schedule then) {
        return new Warmup(Param.of(steps), then);
    }
}
