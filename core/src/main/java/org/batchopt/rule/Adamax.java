package org.batchopt.rule;

import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.schedule.Schedule;

/**
 * Adamax, torch's {@code Adamax} (defaults lr 2e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0).
 * Per step:
 * <pre>
 *   g   = fma(x, weight_decay, g)                     (only if weight_decay != 0)
 *   m   = lerp(m, g, 1 - beta1)
 *   u   = max(u*beta2, |g| + eps)
 *   b1t = b1t*beta1
 *   x   = addcdiv(x, m, u, -(lr_t/(1 - b1t)))
 * </pre>
 * Step coefficient for the L1 proximal step (see {@link Regularization}): {@code lr_t/u}.
 */
public record Adamax(Param lr, Param beta1, Param beta2, Param eps, Param weightDecay,
                     Schedule schedule, Regularization regularization) implements UpdateRule {

    public Adamax {
        RuleBuilder.checkLr(lr);
        MomentBuilder.check(beta1, beta2, eps, weightDecay);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "adamax";
    }

    @Override
    public Map<Hyperparameter, Param> ruleParameters() {
        return Adam.momentParameters(lr, beta1, beta2, eps, weightDecay);
    }

    public static final class Builder extends MomentBuilder<Builder> {
        Builder() {
            super(2e-3, 0);
        }

        public Adamax build() {
            return new Adamax(lr, beta1, beta2, eps, weightDecay, schedule, regularization());
        }
    }
}
