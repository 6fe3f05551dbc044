package org.batchopt.rule;

import org.batchopt.Param;

/**
 * Builder part shared by the Adam family (Adam, AdamW, NAdam, Adamax): betas and eps, with torch's defaults
 * beta1 0.9, beta2 0.999, eps 1e-8.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class MomentBuilder<B extends MomentBuilder<B>> extends RuleBuilder<B> {
    Param beta1 = Param.of(0.9);
    Param beta2 = Param.of(0.999);
    Param eps = Param.of(1e-8);

    MomentBuilder(double defaultLr, double defaultWeightDecay) {
        super(defaultLr, defaultWeightDecay);
    }

    /**
     * Both betas, one value each for the batch.
     *
     * @param beta1 decay of the first moment, in {@code [0, 1)} (default 0.9)
     * @param beta2 decay of the second moment (Adamax: of the infinity norm), in {@code [0, 1)} (default 0.999)
     * @return this builder
     */
    public B betas(double beta1, double beta2) {
        return betas(Param.of(beta1), Param.of(beta2));
    }

    /**
     * Both betas, one value or one per member each.
     *
     * @param beta1 decay of the first moment, in {@code [0, 1)} (default 0.9)
     * @param beta2 decay of the second moment (Adamax: of the infinity norm), in {@code [0, 1)} (default 0.999)
     * @return this builder
     */
    public B betas(Param beta1, Param beta2) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        return self();
    }

    /**
     * beta1 alone, beta2 keeping its value (torch's default 0.999 unless set).
     *
     * @param v decay of the first moment, in {@code [0, 1)} (default 0.9)
     * @return this builder
     */
    public B beta1(Param v) {
        beta1 = v;
        return self();
    }

    /**
     * beta2 alone, beta1 keeping its value (torch's default 0.9 unless set).
     *
     * @param v decay of the second moment, in {@code [0, 1)} (default 0.999)
     * @return this builder
     */
    public B beta2(Param v) {
        beta2 = v;
        return self();
    }

    /**
     * The term added to the denominator for numerical stability, one value for the batch.
     *
     * @param v eps, finite and {@code >= 0} (default 1e-8)
     * @return this builder
     */
    public B eps(double v) {
        return eps(Param.of(v));
    }

    /**
     * The term added to the denominator, one value or one per member.
     *
     * @param v eps, finite and {@code >= 0} (default 1e-8)
     * @return this builder
     */
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
