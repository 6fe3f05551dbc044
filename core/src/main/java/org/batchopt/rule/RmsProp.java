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
 * {@code sq}, {@code ga} and {@code buf} start at 0.
 *
 * @param lr             learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
 * @param alpha          smoothing constant, finite and {@code >= 0}
 * @param eps            term added to the denominator, finite and {@code >= 0}
 * @param weightDecay    torch's {@code weight_decay} (coupled L2), finite and {@code >= 0}
 * @param momentum       momentum factor, finite and {@code >= 0}; 0 turns momentum off
 * @param centered       divide by the centered second moment (the variance estimate) instead of the raw one
 * @param schedule       the learning-rate schedule that gives {@code lr_t}
 * @param regularization L1, L2 and decoupled weight decay around the update
 */
public record RmsProp(Param lr, Param alpha, Param eps, Param weightDecay, Param momentum, boolean centered,
                      Schedule schedule, Regularization regularization) implements UpdateRule {

    /**
     * Checks every value (each member's, for a per-member parameter). {@link #builder()} gives torch's defaults.
     *
     * @param lr             learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
     * @param alpha          smoothing constant, finite and {@code >= 0}
     * @param eps            term added to the denominator, finite and {@code >= 0}
     * @param weightDecay    torch's {@code weight_decay} (coupled L2), finite and {@code >= 0}
     * @param momentum       momentum factor, finite and {@code >= 0}; 0 turns momentum off
     * @param centered       divide by the centered second moment (the variance estimate) instead of the raw one
     * @param schedule       the learning-rate schedule that gives {@code lr_t}
     * @param regularization L1, L2 and decoupled weight decay around the update
     * @throws IllegalArgumentException naming the parameter, the value and the member when a value is out of its
     *                                  range; with the L1 proximal step, when {@code centered} or a member has
     *                                  momentum {@code >= 1}
     */
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

    /**
     * A builder with torch's defaults: lr 1e-2, alpha 0.99, eps 1e-8, weight decay 0, momentum 0, not centered,
     * a constant schedule, no regularization.
     *
     * @return a new builder
     */
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

    /** Builds an {@link RmsProp}; every setter returns this builder and replaces the value set before. */
    public static final class Builder extends RuleBuilder<Builder> {
        private Param alpha = Param.of(0.99);
        private Param eps = Param.of(1e-8);
        private Param momentum = Param.of(0);
        private boolean centered;

        Builder() {
            super(1e-2, 0);
        }

        /**
         * The smoothing constant, one value for the batch.
         *
         * @param v alpha, finite and {@code >= 0} (default 0.99)
         * @return this builder
         */
        public Builder alpha(double v) {
            return alpha(Param.of(v));
        }

        /**
         * The smoothing constant, one value or one per member.
         *
         * @param v alpha, finite and {@code >= 0} (default 0.99)
         * @return this builder
         */
        public Builder alpha(Param v) {
            alpha = v;
            return this;
        }

        /**
         * The term added to the denominator, one value for the batch.
         *
         * @param v eps, finite and {@code >= 0} (default 1e-8)
         * @return this builder
         */
        public Builder eps(double v) {
            return eps(Param.of(v));
        }

        /**
         * The term added to the denominator, one value or one per member.
         *
         * @param v eps, finite and {@code >= 0} (default 1e-8)
         * @return this builder
         */
        public Builder eps(Param v) {
            eps = v;
            return this;
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
         * Centered RMSprop.
         *
         * @param v true to divide by the centered second moment (default false)
         * @return this builder
         */
        public Builder centered(boolean v) {
            centered = v;
            return this;
        }

        /**
         * The rule. The builder is not modified and may build again.
         *
         * @return the rule with the values set so far and torch's defaults for the others
         * @throws IllegalArgumentException when a value is out of its range (see {@link RmsProp#RmsProp})
         */
        public RmsProp build() {
            return new RmsProp(lr, alpha, eps, weightDecay, momentum, centered, schedule, regularization());
        }
    }
}
