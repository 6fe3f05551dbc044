package org.batchopt.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.schedule.Schedule;

/**
 * Stochastic gradient descent, torch's {@code SGD} (defaults lr 1e-3, momentum 0, dampening 0, weight_decay 0,
 * nesterov false). Per step:
 * <pre>
 *   d = fma(x, weight_decay, g)                                (only if weight_decay != 0)
 *   if momentum != 0:
 *       buf = d                                     at t = 1
 *       buf = fma(d, 1 - dampening, buf*momentum)   at t > 1
 *       d = nesterov ? fma(buf, momentum, d) : buf
 *   x = fma(d, -lr_t, x)
 * </pre>
 * Step coefficient for the L1 proximal step (see {@link Regularization}): {@code lr_t} without momentum, else
 * {@code lr_t*((1 - dampening)/(1 - momentum))}, the limit of {@code buf/g}; the proximal step needs momentum and
 * dampening below 1.
 */
public record Sgd(Param lr, Param momentum, Param dampening, Param weightDecay, boolean nesterov,
                  Schedule schedule, Regularization regularization) implements UpdateRule {

    public Sgd {
        RuleBuilder.checkLr(lr);
        RuleBuilder.checkNonNegative(momentum, "momentum");
        RuleBuilder.checkNonNegative(dampening, "dampening");
        RuleBuilder.checkNonNegative(weightDecay, "weight decay");
        if (nesterov) {
            momentum.require("momentum", v -> v > 0, "Nesterov momentum needs momentum > 0");
            dampening.require("dampening", v -> v == 0, "Nesterov momentum needs dampening 0");
        }
        if (regularization.hasL1() && regularization.l1Proximal()) {
            momentum.require("momentum", v -> v < 1, "the L1 proximal step needs momentum < 1");
            dampening.require("dampening", v -> v < 1, "the L1 proximal step needs dampening < 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public Map<Hyperparameter, Param> ruleParameters() {
        Map<Hyperparameter, Param> p = new LinkedHashMap<>();
        p.put(Hyperparameter.LR, lr);
        p.put(Hyperparameter.MOMENTUM, momentum);
        p.put(Hyperparameter.DAMPENING, dampening);
        p.put(Hyperparameter.WEIGHT_DECAY, weightDecay);
        return p;
    }

    public static final class Builder extends RuleBuilder<Builder> {
        private Param momentum = Param.of(0);
        private Param dampening = Param.of(0);
        private boolean nesterov;

        Builder() {
            super(1e-3, 0);
        }

        public Builder momentum(double v) {
            return momentum(Param.of(v));
        }

        public Builder momentum(Param v) {
            momentum = v;
            return this;
        }

        public Builder dampening(double v) {
            return dampening(Param.of(v));
        }

        public Builder dampening(Param v) {
            dampening = v;
            return this;
        }

        public Builder nesterov(boolean v) {
            nesterov = v;
            return this;
        }

        public Sgd build() {
            return new Sgd(lr, momentum, dampening, weightDecay, nesterov, schedule, regularization());
        }
    }
}
