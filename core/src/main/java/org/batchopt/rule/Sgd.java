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
 *
 * @param lr             learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
 * @param momentum       momentum factor, finite and {@code >= 0}; 0 turns momentum off
 * @param dampening      dampening of the momentum buffer, finite and {@code >= 0}
 * @param weightDecay    torch's {@code weight_decay} (coupled L2), finite and {@code >= 0}
 * @param nesterov       Nesterov momentum; needs {@code momentum > 0} and {@code dampening == 0}
 * @param schedule       the learning-rate schedule that gives {@code lr_t}
 * @param regularization L1, L2 and decoupled weight decay around the update
 */
public record Sgd(Param lr, Param momentum, Param dampening, Param weightDecay, boolean nesterov,
                  Schedule schedule, Regularization regularization) implements UpdateRule {

    /**
     * Checks every value (each member's, for a per-member parameter). {@link #builder()} gives torch's defaults.
     *
     * @param lr             learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
     * @param momentum       momentum factor, finite and {@code >= 0}; 0 turns momentum off
     * @param dampening      dampening of the momentum buffer, finite and {@code >= 0}
     * @param weightDecay    torch's {@code weight_decay} (coupled L2), finite and {@code >= 0}
     * @param nesterov       Nesterov momentum; needs {@code momentum > 0} and {@code dampening == 0}
     * @param schedule       the learning-rate schedule that gives {@code lr_t}
     * @param regularization L1, L2 and decoupled weight decay around the update
     * @throws IllegalArgumentException naming the parameter, the value and the member when a value is out of the
     *                                  range above, when {@code nesterov} meets a member with momentum 0 or
     *                                  dampening other than 0, or when the L1 proximal step meets a member with
     *                                  momentum or dampening {@code >= 1}
     */
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

    /**
     * A builder with torch's defaults: lr 1e-3, momentum 0, dampening 0, weight decay 0, no Nesterov, a constant
     * schedule, no regularization.
     *
     * @return a new builder
     */
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

    /** Builds an {@link Sgd}; every setter returns this builder and replaces the value set before. */
    public static final class Builder extends RuleBuilder<Builder> {
        private Param momentum = Param.of(0);
        private Param dampening = Param.of(0);
        private boolean nesterov;

        Builder() {
            super(1e-3, 0);
        }

        /**
         * The momentum factor, one value for the batch.
         *
         * @param v momentum, finite and {@code >= 0} (default 0: no momentum)
         * @return this builder
         */
        public Builder momentum(double v) {
            return momentum(Param.of(v));
        }

        /**
         * The momentum factor, one value or one per member.
         *
         * @param v momentum, finite and {@code >= 0} (default 0: no momentum)
         * @return this builder
         */
        public Builder momentum(Param v) {
            momentum = v;
            return this;
        }

        /**
         * The dampening of the momentum buffer, one value for the batch.
         *
         * @param v dampening, finite and {@code >= 0} (default 0)
         * @return this builder
         */
        public Builder dampening(double v) {
            return dampening(Param.of(v));
        }

        /**
         * The dampening of the momentum buffer, one value or one per member.
         *
         * @param v dampening, finite and {@code >= 0} (default 0)
         * @return this builder
         */
        public Builder dampening(Param v) {
            dampening = v;
            return this;
        }

        /**
         * Nesterov momentum.
         *
         * @param v true for Nesterov momentum (default false); needs momentum {@code > 0} and dampening 0
         * @return this builder
         */
        public Builder nesterov(boolean v) {
            nesterov = v;
            return this;
        }

        /**
         * The rule. The builder is not modified and may build again.
         *
         * @return the rule with the values set so far and torch's defaults for the others
         * @throws IllegalArgumentException when a value is out of its range (see {@link Sgd#Sgd})
         */
        public Sgd build() {
            return new Sgd(lr, momentum, dampening, weightDecay, nesterov, schedule, regularization());
        }
    }
}
