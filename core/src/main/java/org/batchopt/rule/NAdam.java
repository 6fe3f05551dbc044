package org.batchopt.rule;

import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.schedule.Schedule;

/**
 * NAdam, torch's {@code NAdam} (defaults lr 2e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0,
 * momentum_decay 4e-3). Per step:
 * <pre>
 *   g       = fma(x, weight_decay, g)                     (only if weight_decay != 0)
 *   mu      = beta1*(1 - 0.5*0.96^(t*momentum_decay))
 *   mu_next = beta1*(1 - 0.5*0.96^((t + 1)*momentum_decay))
 *   mu_prod = mu_prod*mu                                   (starts at 1)
 *   m       = lerp(m, g, 1 - beta1)
 *   v       = fma((1 - beta2)*g, g, v*beta2)
 *   b2t     = b2t*beta2
 *   denom   = sqrt(v/(1 - b2t)) + eps
 *   x       = addcdiv(x, g, denom, (-lr_t*(1 - mu))/(1 - mu_prod))
 *   x       = addcdiv(x, m, denom, (-lr_t*mu_next)/(1 - mu_prod*mu_next))
 * </pre>
 * {@code 0.96^y} is batchopt's portable {@code exp(y*log(0.96))}, identical on every backend.
 * Step coefficient for the L1 proximal step (see {@link Regularization}): minus the sum of the two step
 * factors of g and m, over the denominator ({@code lr_t/denom} once mu has reached beta1).
 */
public record NAdam(Param lr, Param beta1, Param beta2, Param eps, Param weightDecay, Param momentumDecay,
                    Schedule schedule, Regularization regularization) implements UpdateRule {

    public NAdam {
        RuleBuilder.checkLr(lr);
        MomentBuilder.check(beta1, beta2, eps, weightDecay);
        RuleBuilder.checkNonNegative(momentumDecay, "momentum decay");
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "nadam";
    }

    @Override
    public Map<Hyperparameter, Param> ruleParameters() {
        Map<Hyperparameter, Param> p = Adam.momentParameters(lr, beta1, beta2, eps, weightDecay);
        p.put(Hyperparameter.MOMENTUM_DECAY, momentumDecay);
        return p;
    }

    public static final class Builder extends MomentBuilder<Builder> {
        private Param momentumDecay = Param.of(4e-3);

        Builder() {
            super(2e-3, 0);
        }

        public Builder momentumDecay(double v) {
            return momentumDecay(Param.of(v));
        }

        public Builder momentumDecay(Param v) {
            momentumDecay = v;
            return this;
        }

        public NAdam build() {
            return new NAdam(lr, beta1, beta2, eps, weightDecay, momentumDecay, schedule, regularization());
        }
    }
}
