package org.batchopt.rule;

import org.batchopt.Param;

/** Builder part shared by the Adam family: betas and eps. */
public abstract class MomentBuilder<B extends MomentBuilder<B>> extends RuleBuilder<B> {
    Param beta1 = Param.of(0.9);
    Param beta2 = Param.of(0.999);
    Param eps = Param.of(1e-8);

    MomentBuilder(double defaultLr, double defaultWeightDecay) {
        super(defaultLr, defaultWeightDecay);
    }

    public B betas(double beta1, double beta2) {
        return betas(Param.of(beta1), Param.of(beta2));
    }

    public B betas(Param beta1, Param beta2) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        return self();
    }

    /** beta1 alone, beta2 keeping its value (torch's default 0.999 unless set). */
    public B beta1(Param v) {
        beta1 = v;
        return self();
    }

    /** beta2 alone, beta1 keeping its value (torch's default 0.9 unless set). */
    public B beta2(Param v) {
        beta2 = v;
        return self();
    }

    public B eps(double v) {
        return eps(Param.of(v));
    }

    public B eps(Param v) {
        eps = v;
        return self();
    }

    static void check(Param beta1, Param beta2, Param eps, Param weightDecay) {
        RuleBuilder.checkUnit(beta1, "beta1");
        RuleBuilder.checkUnit(beta2, "beta2");
        RuleBuilder.checkNonNegative(eps, "eps");
        RuleBuilder.checkNonNegative(weightDecay, "weight decay");
    }
}
