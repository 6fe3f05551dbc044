package org.batchopt.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.schedule.Schedule;

/**
 * Adagrad, torch's {@code Adagrad} (defaults lr 1e-2, lr_decay 0, weight_decay 0,
 * initial_accumulator_value 0, eps 1e-10). Per step:
 * <pre>
 *   g   = fma(x, weight_decay, g)                   (only if weight_decay != 0)
 *   clr = lr_t / (1 + (t - 1)*lr_decay)
 *   sum = fma(g, g, sum)                             (sum starts at initial_accumulator_value)
 *   x   = addcdiv(x, g, sqrt(sum) + eps, -clr)
 * </pre>
 * Step coefficient for the L1 proximal step (see {@link Regularization}): {@code clr/(sqrt(sum) + eps)}.
 *
 * @param lr                 learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
 * @param lrDecay            learning-rate decay per step, finite and {@code >= 0}
 * @param weightDecay        torch's {@code weight_decay} (coupled L2), finite and {@code >= 0}
 * @param initialAccumulator the starting value of {@code sum}, finite and {@code >= 0}
 * @param eps                term added to the denominator, finite and {@code >= 0}
 * @param schedule           the learning-rate schedule that gives {@code lr_t}
 * @param regularization     L1, L2 and decoupled weight decay around the update
 */
public record Adagrad(Param lr, Param lrDecay, Param weightDecay, Param initialAccumulator, Param eps,
                      Schedule schedule, Regularization regularization) implements UpdateRule {

    /**
     * Checks every value (each member's, for a per-member parameter). {@link #builder()} gives torch's defaults.
     *
     * @param lr                 learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
     * @param lrDecay            learning-rate decay per step, finite and {@code >= 0}
     * @param weightDecay        torch's {@code weight_decay} (coupled L2), finite and {@code >= 0}
     * @param initialAccumulator the starting value of {@code sum}, finite and {@code >= 0}
     * @param eps                term added to the denominator, finite and {@code >= 0}
     * @param schedule           the learning-rate schedule that gives {@code lr_t}
     * @param regularization     L1, L2 and decoupled weight decay around the update
     * @throws IllegalArgumentException naming the parameter, the value and the member when a value is out of its
     *                                  range
     */
    public Adagrad {
        RuleBuilder.checkLr(lr);
        RuleBuilder.checkNonNegative(lrDecay, "lr decay");
        RuleBuilder.checkNonNegative(weightDecay, "weight decay");
        RuleBuilder.checkNonNegative(initialAccumulator, "initial accumulator value");
        RuleBuilder.checkNonNegative(eps, "eps");
    }

    /**
     * A builder with torch's defaults: lr 1e-2, lr decay 0, weight decay 0, initial accumulator 0, eps 1e-10,
     * a constant schedule, no regularization.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "adagrad";
    }

    @Override
    public Map<Hyperparameter, Param> ruleParameters() {
        Map<Hyperparameter, Param> p = new LinkedHashMap<>();
        p.put(Hyperparameter.LR, lr);
        p.put(Hyperparameter.LR_DECAY, lrDecay);
        p.put(Hyperparameter.WEIGHT_DECAY, weightDecay);
        p.put(Hyperparameter.INITIAL_ACCUMULATOR, initialAccumulator);
        p.put(Hyperparameter.EPS, eps);
        return p;
    }

    /** Builds an {@link Adagrad}; every setter returns this builder and replaces the value set before. */
    public static final class Builder extends RuleBuilder<Builder> {
        private Param lrDecay = Param.of(0);
        private Param initialAccumulator = Param.of(0);
        private Param eps = Param.of(1e-10);

        Builder() {
            super(1e-2, 0);
        }

        /**
         * The learning-rate decay, one value for the batch.
         *
         * @param v lr decay, finite and {@code >= 0} (default 0)
         * @return this builder
         */
        public Builder lrDecay(double v) {
            return lrDecay(Param.of(v));
        }

        /**
         * The learning-rate decay, one value or one per member.
         *
         * @param v lr decay, finite and {@code >= 0} (default 0)
         * @return this builder
         */
        public Builder lrDecay(Param v) {
            lrDecay = v;
            return this;
        }

        /**
         * The starting value of the squared-gradient sum, one value for the batch.
         *
         * @param v initial accumulator value, finite and {@code >= 0} (default 0)
         * @return this builder
         */
        public Builder initialAccumulator(double v) {
            return initialAccumulator(Param.of(v));
        }

        /**
         * The starting value of the squared-gradient sum, one value or one per member.
         *
         * @param v initial accumulator value, finite and {@code >= 0} (default 0)
         * @return this builder
         */
        public Builder initialAccumulator(Param v) {
            initialAccumulator = v;
            return this;
        }

        /**
         * The term added to the denominator, one value for the batch.
         *
         * @param v eps, finite and {@code >= 0} (default 1e-10)
         * @return this builder
         */
        public Builder eps(double v) {
            return eps(Param.of(v));
        }

        /**
         * The term added to the denominator, one value or one per member.
         *
         * @param v eps, finite and {@code >= 0} (default 1e-10)
         * @return this builder
         */
        public Builder eps(Param v) {
            eps = v;
            return this;
        }

        /**
         * The rule. The builder is not modified and may build again.
         *
         * @return the rule with the values set so far and torch's defaults for the others
         * @throws IllegalArgumentException when a value is out of its range (see {@link Adagrad#Adagrad})
         */
        public Adagrad build() {
            return new Adagrad(lr, lrDecay, weightDecay, initialAccumulator, eps, schedule, regularization());
        }
    }
}
