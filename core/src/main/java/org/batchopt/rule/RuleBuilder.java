package org.batchopt.rule;

import org.batchopt.Param;
import org.batchopt.schedule.Schedule;
import org.batchopt.schedule.Schedules;

/**
 * What every rule builder shares: learning rate, torch's weight decay, schedule, regularization. Each numeric
 * setter takes one value for the batch or a {@link Param} (one value, or one per member in member order) and
 * replaces the value set before; every setter returns this builder. Values are checked by {@code build()}, which
 * throws {@link IllegalArgumentException} naming the parameter, the value and the member. Defaults are torch's:
 * the learning rate and weight decay of each rule's {@code builder()}, a constant schedule, no L1, L2 or
 * decoupled weight decay.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class RuleBuilder<B extends RuleBuilder<B>> {
    Param lr;
    Schedule schedule = Schedules.constant();
    Param l1 = Param.of(0);
    boolean l1Proximal;
    Param l2 = Param.of(0);
    Param decoupledWeightDecay = Param.of(0);
    Param weightDecay;

    RuleBuilder(double defaultLr, double defaultWeightDecay) {
        this.lr = Param.of(defaultLr);
        this.weightDecay = Param.of(defaultWeightDecay);
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /**
     * The learning rate, one value for the batch.
     *
     * @param lr learning rate, finite and {@code >= 0}
     * @return this builder
     */
    public B lr(double lr) {
        return lr(Param.of(lr));
    }

    /**
     * The learning rate, one value per member.
     *
     * @param perMember each member's learning rate, finite and {@code >= 0}; not modified (copied)
     * @return this builder
     * @throws IllegalArgumentException when {@code perMember} is empty
     */
    public B lr(double[] perMember) {
        return lr(Param.perMember(perMember));
    }

    /**
     * The learning rate, one value or one per member.
     *
     * @param lr learning rate, finite and {@code >= 0}
     * @return this builder
     */
    public B lr(Param lr) {
        this.lr = lr;
        return self();
    }

    /**
     * The learning-rate schedule that turns the learning rate into {@code lr_t} at every step.
     *
     * @param schedule the schedule (default {@link Schedules#constant()})
     * @return this builder
     */
    public B schedule(Schedule schedule) {
        this.schedule = schedule;
        return self();
    }

    /**
     * L1 as a subgradient term {@code l1 * sign(x)} added to the gradient (see {@link Regularization}).
     *
     * @param l1 L1 weight, finite and {@code >= 0} (default 0: none)
     * @return this builder
     */
    public B l1(double l1) {
        return l1(Param.of(l1), false);
    }

    /**
     * L1 as the proximal soft-threshold {@code x_i = sign(x_i) * max(|x_i| - k_i * l1, 0)} after each update,
     * {@code k_i} the rule's step coefficient, which gives exact zeros (see {@link Regularization}). Centered
     * RMSprop refuses it; SGD and RMSprop need momentum (SGD: and dampening) below 1 with it.
     *
     * @param l1 L1 weight, finite and {@code >= 0} (default 0: none)
     * @return this builder
     */
    public B l1Proximal(double l1) {
        return l1(Param.of(l1), true);
    }

    /**
     * L1, one weight or one per member, as a subgradient term or as the proximal soft-threshold.
     *
     * @param l1       L1 weight, finite and {@code >= 0} (default 0: none)
     * @param proximal true for the soft-threshold after the update, false for the subgradient term
     * @return this builder
     */
    public B l1(Param l1, boolean proximal) {
        this.l1 = l1;
        this.l1Proximal = proximal;
        return self();
    }

    /**
     * L2 coupled into the gradient, {@code g += l2 * x} (see {@link Regularization}).
     *
     * @param l2 L2 weight, finite and {@code >= 0} (default 0: none)
     * @return this builder
     */
    public B l2(double l2) {
        return l2(Param.of(l2));
    }

    /**
     * L2 coupled into the gradient, one weight or one per member.
     *
     * @param l2 L2 weight, finite and {@code >= 0} (default 0: none)
     * @return this builder
     */
    public B l2(Param l2) {
        this.l2 = l2;
        return self();
    }

    /**
     * torch's {@code weight_decay} of the rule (coupled, except in AdamW); see each rule's formula.
     *
     * @param v weight decay, finite and {@code >= 0} (default 0; 1e-2 for AdamW)
     * @return this builder
     */
    public B weightDecay(double v) {
        return weightDecay(Param.of(v));
    }

    /**
     * torch's {@code weight_decay} of the rule, one value or one per member.
     *
     * @param v weight decay, finite and {@code >= 0} (default 0; 1e-2 for AdamW)
     * @return this builder
     */
    public B weightDecay(Param v) {
        weightDecay = v;
        return self();
    }

    /**
     * Decoupled weight decay for any rule, {@code x = x * (1 - lr_t * wd)} before the update (see
     * {@link Regularization}).
     *
     * @param wd decoupled weight decay, finite and {@code >= 0} (default 0: none)
     * @return this builder
     */
    public B decoupledWeightDecay(double wd) {
        return decoupledWeightDecay(Param.of(wd));
    }

    /**
     * Decoupled weight decay for any rule, one value or one per member.
     *
     * @param wd decoupled weight decay, finite and {@code >= 0} (default 0: none)
     * @return this builder
     */
    public B decoupledWeightDecay(Param wd) {
        this.decoupledWeightDecay = wd;
        return self();
    }

    Regularization regularization() {
        return new Regularization(l1, l1Proximal, l2, decoupledWeightDecay);
    }

    static Param checkLr(Param lr) {
        return lr.require("lr", v -> v >= 0 && Double.isFinite(v), "learning rate must be finite and >= 0");
    }

    static Param checkNonNegative(Param p, String name) {
        return p.require(name, v -> v >= 0 && Double.isFinite(v), name + " must be finite and >= 0");
    }

    static Param checkUnit(Param p, String name) {
        return p.require(name, v -> v >= 0 && v < 1, name + " must be in [0, 1)");
    }
}
