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
 */
public record Adagrad(Param lr, Param lrDecay, Param weightDecay, Param initialAccumulator, Param eps,
                      Schedule schedule, Regularization regularization) implements UpdateRule {

    public Adagrad {
        RuleBuilder.checkLr(lr);
        RuleBuilder.checkNonNegative(lrDecay, "lr decay");
        RuleBuilder.checkNonNegative(weightDecay, "weight decay");
        RuleBuilder.checkNonNegative(initialAccumulator, "initial accumulator value");
        RuleBuilder.checkNonNegative(eps, "eps");
    }

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

    public static final class Builder extends RuleBuilder<Builder> {
        private Param lrDecay = Param.of(0);
        private Param initialAccumulator = Param.of(0);
        private Param eps = Param.of(1e-10);

        Builder() {
            super(1e-2, 0);
        }

        public Builder lrDecay(double v) {
            return lrDecay(Param.of(v));
        }

        public Builder lrDecay(Param v) {
            lrDecay = v;
            return this;
        }

        public Builder initialAccumulator(double v) {
            return initialAccumulator(Param.of(v));
        }

        public Builder initialAccumulator(Param v) {
            initialAccumulator = v;
            return this;
        }

        public Builder eps(double v) {
            return eps(Param.of(v));
        }

        public Builder eps(Param v) {
            eps = v;
            return this;
        }

        public Adagrad build() {
            return new Adagrad(lr, lrDecay, weightDecay, initialAccumulator, eps, schedule, regularization());
        }
    }
}
