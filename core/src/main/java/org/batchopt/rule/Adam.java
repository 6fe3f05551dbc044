package org.batchopt.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.schedule.Schedule;

/**
 * Adam, torch's {@code Adam} (defaults lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0, amsgrad false).
 * Per step:
 * <pre>
 *   g    = fma(x, weight_decay, g)                     (only if weight_decay != 0)
 *   m    = lerp(m, g, 1 - beta1)
 *   v    = fma((1 - beta2)*g, g, v*beta2)
 *   vhat = amsgrad ? (vmax = max(vmax, v)) : v
 *   b1t  = b1t*beta1,  b2t = b2t*beta2                 (running products, beta^t)
 *   x    = addcdiv(x, m, sqrt(vhat)/sqrt(1 - b2t) + eps, -(lr_t/(1 - b1t)))
 * </pre>
 * Step coefficient for the L1 proximal step (see {@link Regularization}):
 * {@code lr_t/(sqrt(vhat)/sqrt(1 - b2t) + eps)}.
 * The powers {@code beta^t} are carried as running products, identical on every backend; their relative
 * error is at most {@code t} units in the last place of the precision.
 */
public record Adam(Param lr, Param beta1, Param beta2, Param eps, Param weightDecay, boolean amsgrad,
                   Schedule schedule, Regularization regularization) implements UpdateRule {

    public Adam {
        RuleBuilder.checkLr(lr);
        MomentBuilder.check(beta1, beta2, eps, weightDecay);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public Map<Hyperparameter, Param> ruleParameters() {
        return momentParameters(lr, beta1, beta2, eps, weightDecay);
    }

    static Map<Hyperparameter, Param> momentParameters(Param lr, Param beta1, Param beta2, Param eps, Param weightDecay) {
        Map<Hyperparameter, Param> p = new LinkedHashMap<>();
        p.put(Hyperparameter.LR, lr);
        p.put(Hyperparameter.BETA1, beta1);
        p.put(Hyperparameter.BETA2, beta2);
        p.put(Hyperparameter.EPS, eps);
        p.put(Hyperparameter.WEIGHT_DECAY, weightDecay);
        return p;
    }

    public static final class Builder extends MomentBuilder<Builder> {
        private boolean amsgrad;

        Builder() {
            super(1e-3, 0);
        }

        public Builder amsgrad(boolean v) {
            amsgrad = v;
            return this;
        }

        public Adam build() {
            return new Adam(lr, beta1, beta2, eps, weightDecay, amsgrad, schedule, regularization());
        }
    }
}
