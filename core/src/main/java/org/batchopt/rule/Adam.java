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
 * error is at most {@code t} units in the last place of the precision. {@code m}, {@code v} and {@code vmax} start
 * at 0, {@code b1t} and {@code b2t} at 1.
 *
 * @param lr             learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
 * @param beta1          decay of the first moment {@code m}, in {@code [0, 1)}
 * @param beta2          decay of the second moment {@code v}, in {@code [0, 1)}
 * @param eps            term added to the denominator, finite and {@code >= 0}
 * @param weightDecay    torch's {@code weight_decay}, coupled into the gradient, finite and {@code >= 0}
 * @param amsgrad        use the running maximum {@code vmax} of {@code v} (AMSGrad)
 * @param schedule       the learning-rate schedule that gives {@code lr_t}
 * @param regularization L1, L2 and decoupled weight decay around the update
 */
public record Adam(Param lr, Param beta1, Param beta2, Param eps, Param weightDecay, boolean amsgrad,
                   Schedule schedule, Regularization regularization) implements UpdateRule {

    /**
     * Checks every value (each member's, for a per-member parameter). {@link #builder()} gives torch's defaults.
     *
     * @param lr             learning rate, finite and {@code >= 0}; the schedule scales it into {@code lr_t}
     * @param beta1          decay of the first moment {@code m}, in {@code [0, 1)}
     * @param beta2          decay of the second moment {@code v}, in {@code [0, 1)}
     * @param eps            term added to the denominator, finite and {@code >= 0}
     * @param weightDecay    torch's {@code weight_decay}, coupled into the gradient, finite and {@code >= 0}
     * @param amsgrad        use the running maximum {@code vmax} of {@code v} (AMSGrad)
     * @param schedule       the learning-rate schedule that gives {@code lr_t}
     * @param regularization L1, L2 and decoupled weight decay around the update
     * @throws IllegalArgumentException naming the parameter, the value and the member when a value is out of its
     *                                  range
     */
    public Adam {
        RuleBuilder.checkLr(lr);
        MomentBuilder.check(beta1, beta2, eps, weightDecay);
    }

    /**
     * A builder with torch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0, no AMSGrad,
     * a constant schedule, no regularization.
     *
     * @return a new builder
     */
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

    /** Builds an {@link Adam}; every setter returns this builder and replaces the value set before. */
    public static final class Builder extends MomentBuilder<Builder> {
        private boolean amsgrad;

        Builder() {
            super(1e-3, 0);
        }

        /**
         * AMSGrad.
         *
         * @param v true to divide by the running maximum of the second moment (default false)
         * @return this builder
         */
        public Builder amsgrad(boolean v) {
            amsgrad = v;
            return this;
        }

        /**
         * The rule. The builder is not modified and may build again.
         *
         * @return the rule with the values set so far and torch's defaults for the others
         * @throws IllegalArgumentException when a value is out of its range (see {@link Adam#Adam})
         */
        public Adam build() {
            return new Adam(lr, beta1, beta2, eps, weightDecay, amsgrad, schedule, regularization());
        }
    }
}
