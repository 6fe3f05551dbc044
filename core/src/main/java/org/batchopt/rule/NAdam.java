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
 * {@code m} and {@code v} start at 0, {@code b2t} at 1.
 *
 * @param lr             learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
 * @param beta1          decay of the first moment {@code m}, in {@code [0, 1)}
 * @param beta2          decay of the second moment {@code v}, in {@code [0, 1)}
 * @param eps            term added to the denominator, finite and {@code >= 0}
 * @param weightDecay    torch's {@code weight_decay}, coupled into the gradient, finite and {@code >= 0}
 * @param momentumDecay  torch's {@code momentum_decay} ({@code psi}), finite and {@code >= 0}
 * @param schedule       the learning-rate schedule that gives {@code lr_t}
 * @param regularization L1, L2 and decoupled weight decay around the update
 */
public record NAdam(Param lr, Param beta1, Param beta2, Param eps, Param weightDecay, Param momentumDecay,
                    Schedule schedule, Regularization regularization) implements UpdateRule {

    /**
     * Checks every value (each member's, for a per-member parameter). {@link #builder()} gives torch's defaults.
     *
     * @param lr             learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
     * @param beta1          decay of the first moment {@code m}, in {@code [0, 1)}
     * @param beta2          decay of the second moment {@code v}, in {@code [0, 1)}
     * @param eps            term added to the denominator, finite and {@code >= 0}
     * @param weightDecay    torch's {@code weight_decay}, coupled into the gradient, finite and {@code >= 0}
     * @param momentumDecay  torch's {@code momentum_decay} ({@code psi}), finite and {@code >= 0}
     * @param schedule       the learning-rate schedule that gives {@code lr_t}
     * @param regularization L1, L2 and decoupled weight decay around the update
     * @throws IllegalArgumentException naming the parameter, the value and the member when a value is out of its
     *                                  range
     */
    public NAdam {
        RuleBuilder.checkLr(lr);
        MomentBuilder.check(beta1, beta2, eps, weightDecay);
        RuleBuilder.checkNonNegative(momentumDecay, "momentum decay");
    }

    /**
     * A builder with torch's defaults: lr 2e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0, momentum decay 4e-3,
     * a constant schedule, no regularization.
     *
     * @return a new builder
     */
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

    /** Builds an {@link NAdam}; every setter returns this builder and replaces the value set before. */
    public static final class Builder extends MomentBuilder<Builder> {
        private Param momentumDecay = Param.of(4e-3);

        Builder() {
            super(2e-3, 0);
        }

        /**
         * The momentum decay, one value for the batch.
         *
         * @param v momentum decay, finite and {@code >= 0} (default 4e-3)
         * @return this builder
         */
        public Builder momentumDecay(double v) {
            return momentumDecay(Param.of(v));
        }

        /**
         * The momentum decay, one value or one per member.
         *
         * @param v momentum decay, finite and {@code >= 0} (default 4e-3)
         * @return this builder
         */
        public Builder momentumDecay(Param v) {
            momentumDecay = v;
            return this;
        }

        /**
         * The rule. The builder is not modified and may build again.
         *
         * @return the rule with the values set so far and torch's defaults for the others
         * @throws IllegalArgumentException when a value is out of its range (see {@link NAdam#NAdam})
         */
        public NAdam build() {
            return new NAdam(lr, beta1, beta2, eps, weightDecay, momentumDecay, schedule, regularization());
        }
    }
}
