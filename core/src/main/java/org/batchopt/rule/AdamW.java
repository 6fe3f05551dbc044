package org.batchopt.rule;

import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.schedule.Schedule;

/**
 * AdamW, torch's {@code AdamW} (defaults lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 1e-2,
 * amsgrad false): {@link Adam} with the weight decay decoupled from the gradient. Per step:
 * <pre>
 *   x    = x*(1 - lr_t*weight_decay)
 *   m    = lerp(m, g, 1 - beta1)
 *   v    = fma((1 - beta2)*g, g, v*beta2)
 *   vhat = amsgrad ? (vmax = max(vmax, v)) : v
 *   x    = addcdiv(x, m, sqrt(vhat)/sqrt(1 - b2t) + eps, -(lr_t/(1 - b1t)))
 * </pre>
 * Step coefficient for the L1 proximal step (see {@link Regularization}):
 * {@code lr_t/(sqrt(vhat)/sqrt(1 - b2t) + eps)}.
 */
public record AdamW(Param lr, Param beta1, Param beta2, Param eps, Param weightDecay, boolean amsgrad,
                    Schedule schedule, Regularization regularization) implements UpdateRule {

    public AdamW {
        RuleBuilder.checkLr(lr);
        MomentBuilder.check(beta1, beta2, eps, weightDecay);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "adamw";
    }

    @Override
    public Map<Hyperparameter, Param> ruleParameters() {
        return Adam.momentParameters(lr, beta1, beta2, eps, weightDecay);
    }

    public static final class Builder extends MomentBuilder<Builder> {
        private boolean amsgrad;

        Builder() {
            super(1e-3, 1e-2);
        }

        public Builder amsgrad(boolean v) {
            amsgrad = v;
            return this;
        }

        public AdamW build() {
            return new AdamW(lr, beta1, beta2, eps, weightDecay, amsgrad, schedule, regularization());
        }
    }
}
