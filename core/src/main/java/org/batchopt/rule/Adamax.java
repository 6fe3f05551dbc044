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
 * {@code m} and {@code u} start at 0, {@code b1t} at 1.
 *
 * @param lr             learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
 * @param beta1          decay of the first moment {@code m}, in {@code [0, 1)}
 * @param beta2          decay of the second moment (the infinity norm {@code u}), in {@code [0, 1)}
 * @param eps            term added to the denominator, finite and {@code >= 0}
 * @param weightDecay    torch's {@code weight_decay}, coupled into the gradient, finite and {@code >= 0}
 * @param schedule       the learning-rate schedule that gives {@code lr_t}
 * @param regularization L1, L2 and decoupled weight decay around the update
 */
public record Adamax(Param lr, Param beta1, Param beta2, Param eps, Param weightDecay,
                     Schedule schedule, Regularization regularization) implements UpdateRule {

    /**
     * Checks every value (each member's, for a per-member parameter). {@link #builder()} gives torch's defaults.
     *
     * @param lr             learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
     * @param beta1          decay of the first moment {@code m}, in {@code [0, 1)}
     * @param beta2          decay of the second moment (the infinity norm {@code u}), in {@code [0, 1)}
     * @param eps            term added to the denominator, finite and {@code >= 0}
     * @param weightDecay    torch's {@code weight_decay}, coupled into the gradient, finite and {@code >= 0}
     * @param schedule       the learning-rate schedule that gives {@code lr_t}
     * @param regularization L1, L2 and decoupled weight decay around the update
     * @throws IllegalArgumentException naming the parameter, the value and the member when a value is out of its
     *                                  range
     */
    public Adamax {
        RuleBuilder.checkLr(lr);
        MomentBuilder.check(beta1, beta2, eps, weightDecay);
    }

    /**
     * A builder with torch's defaults: lr 2e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0,
     * a constant schedule, no regularization.
     *
     * @return a new builder
     */
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

    /** Builds an {@link Adamax}; every setter returns this builder and replaces the value set before. */
    public static final class Builder extends MomentBuilder<Builder> {
        Builder() {
            super(2e-3, 0);
        }

        /**
         * The rule. The builder is not modified and may build again.
         *
         * @return the rule with the values set so far and torch's defaults for the others
         * @throws IllegalArgumentException when a value is out of its range (see {@link Adamax#Adamax})
         */
        public Adamax build() {
            return new Adamax(lr, beta1, beta2, eps, weightDecay, schedule, regularization());
        }
    }
}
