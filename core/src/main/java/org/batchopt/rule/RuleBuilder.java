package org.batchopt.rule;

import org.batchopt.Param;
import org.batchopt.schedule.Schedule;
import org.batchopt.schedule.Schedules;

/**
 * What every rule builder shares: learning rate, torch's weight decay, schedule, regularization. Each numeric
 * setter takes one value for the batch or an array with one value per member (copied).
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

    public B lr(double lr) {
        return lr(Param.of(lr));
    }

    public B lr(double[] perMember) {
        return lr(Param.perMember(perMember));
    }

    public B lr(Param lr) {
        this.lr = lr;
        return self();
    }

    public B schedule(Schedule schedule) {
        this.schedule = schedule;
        return self();
    }

    /** L1 as a subgradient term {@code l1 * sign(x)}. */
    public B l1(double l1) {
        return l1(Param.of(l1), false);
    }

    /** L1 as the proximal soft-threshold after each update (exact zeros). */
    public B l1Proximal(double l1) {
        return l1(Param.of(l1), true);
    }

    public B l1(Param l1, boolean proximal) {
        this.l1 = l1;
        this.l1Proximal = proximal;
        return self();
    }

    public B l2(double l2) {
        return l2(Param.of(l2));
    }

    public B l2(Param l2) {
        this.l2 = l2;
        return self();
    }

    /** torch's {@code weight_decay} of the rule (coupled, except in AdamW); see each rule's formula. */
    public B weightDecay(double v) {
        return weightDecay(Param.of(v));
    }

    public B weightDecay(Param v) {
        weightDecay = v;
        return self();
    }

    public B decoupledWeightDecay(double wd) {
        return decoupledWeightDecay(Param.of(wd));
    }

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
