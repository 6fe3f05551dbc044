package org.batchopt.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.schedule.Schedule;

/**
 * RMSprop, torch's {@code RMSprop} (defaults lr 1e-2, alpha 0.99, eps 1e-8, weight_decay 0, momentum 0,
 * centered false). Per step:
 * <pre>
 *   g   = fma(x, weight_decay, g)                     (only if weight_decay != 0)
 *   sq  = fma((1 - alpha)*g, g, sq*alpha)
 *   avg = centered ? sqrt(fma(-ga, ga, sq)) with ga = lerp(ga, g, 1 - alpha) : sqrt(sq)
 *   avg = avg + eps
 *   if momentum > 0:  buf = buf*momentum + g/avg;  x = fma(buf, -lr_t, x)
 *   else:             x = addcdiv(x, g, avg, -lr_t)
 * </pre>
 * Step coefficient for the L1 proximal step (see {@link Regularization}): {@code (lr_t/(1 - momentum))/avg}
 * with momentum (below 1), {@code lr_t/avg} without; centered RMSprop refuses the proximal step.
 */
public record RmsProp(Param lr, Param alpha, Param eps, Param weightDecay, Param momentum, boolean centered,
                      Schedule schedule, Regularization regularization) implements UpdateRule {

    public RmsProp {
        RuleBuilder.checkLr(lr);
        RuleBuilder.checkNonNegative(alpha, "alpha");
        RuleBuilder.checkNonNegative(eps, "eps");
        RuleBuilder.checkNonNegative(weightDecay, "weight decay");
        RuleBuilder.checkNonNegative(momentum, "momentum");
        if (regularization.hasL1() && regularization.l1Proximal()) {
            if (centered) {
                throw new IllegalArgumentException("centered RMSprop cannot take the L1 proximal step: its "
                        + "denominator, the gradient's running deviation, falls to eps where a lasso solution holds "
                        + "the gradient at -l1*sign(x), so the step never settles; use plain RMSprop or the L1 "
                        + "subgradient");
            }
            momentum.require("momentum", v -> v < 1, "the L1 proximal step needs momentum < 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public Map<Hyperparameter, Param> ruleParameters() {
        Map<Hyperparameter, Param> p = new LinkedHashMap<>();
        p.put(Hyperparameter.LR, lr);
        p.put(Hyperparameter.ALPHA, alpha);
        p.put(Hyperparameter.EPS, eps);
        p.put(Hyperparameter.WEIGHT_DECAY, weightDecay);
        p.put(Hyperparameter.MOMENTUM, momentum);
        return p;
    }

    public static final class Builder extends RuleBuilder<Builder> {
        private Param alpha = Param.of(0.99);
        private Param eps = Param.of(1e-8);
        private Param momentum = Param.of(0);
        private boolean centered;

        Builder() {
            super(1e-2, 0);
        }

        public Builder alpha(double v) {
            return alpha(Param.of(v));
        }

        public Builder alpha(Param v) {
            alpha = v;
            return this;
        }

        public Builder eps(double v) {
            return eps(Param.of(v));
        }

        public Builder eps(Param v) {
            eps = v;
            return this;
        }

        public Builder momentum(double v) {
            return momentum(Param.of(v));
        }

        public Builder momentum(Param v) {
            momentum = v;
            return this;
        }

        public Builder centered(boolean v) {
            centered = v;
            return this;
        }

        public RmsProp build() {
            return new RmsProp(lr, alpha, eps, weightDecay, momentum, centered, schedule, regularization());
        }
    }
}
