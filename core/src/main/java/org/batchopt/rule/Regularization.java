package org.batchopt.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;

/**
 * Regularization applied around any update rule, in this order within a step:
 * <ol>
 *   <li>L1 subgradient, unless proximal: {@code g += l1 * sign(x)} with {@code sign(0) = 0};</li>
 *   <li>L2, coupled: {@code g += l2 * x};</li>
 *   <li>decoupled weight decay, before the rule moves x: {@code x = x * (1 - lr_t * decoupledWeightDecay)};</li>
 *   <li>the rule's own update (with its own torch {@code weight_decay}, if any);</li>
 *   <li>L1 proximal soft-threshold, after the update, coordinate by coordinate:
 *       {@code x_i = sign(x_i) * max(|x_i| - k_i * l1, 0)}, which gives exact zeros. {@code k_i} is the rule's step
 *       coefficient of the coordinate: where the rule's state is steady it moves {@code x_i} by {@code -k_i * g_i}
 *       ({@code lr_t} for plain SGD, {@code lr_t / (sqrt(vhat)/sqrt(1 - b2t) + eps)} for Adam; each rule's javadoc
 *       gives its own). The threshold is the proximal step of the rule's own diagonal scaling, so the points where
 *       a member can stop are exactly the lasso solutions: {@code 0} in {@code g + l1 * subdifferential(|x|)}.
 *       Centered RMSprop refuses it (its scaling does not settle there).</li>
 * </ol>
 * {@code lr_t} is the scheduled learning rate of the step. All values may differ per member.
 *
 * @param l1                    L1 weight, finite and {@code >= 0}
 * @param l1Proximal            apply L1 as the proximal soft-threshold instead of the subgradient
 * @param l2                    L2 weight, finite and {@code >= 0}
 * @param decoupledWeightDecay  decoupled weight decay, finite and {@code >= 0}
 */
public record Regularization(Param l1, boolean l1Proximal, Param l2, Param decoupledWeightDecay) {

    /** No regularization: every weight 0, L1 not proximal. */
    public static final Regularization NONE = new Regularization(Param.of(0), false, Param.of(0), Param.of(0));

    /**
     * Checks every value (each member's, for a per-member parameter).
     *
     * @param l1                    L1 weight, finite and {@code >= 0}
     * @param l1Proximal            apply L1 as the proximal soft-threshold instead of the subgradient
     * @param l2                    L2 weight, finite and {@code >= 0}
     * @param decoupledWeightDecay  decoupled weight decay, finite and {@code >= 0}
     * @throws IllegalArgumentException naming the parameter, the value and the member when a value is negative
     *                                  or not finite
     */
    public Regularization {
        l1.require("l1", v -> v >= 0 && Double.isFinite(v), "L1 weight must be finite and >= 0");
        l2.require("l2", v -> v >= 0 && Double.isFinite(v), "L2 weight must be finite and >= 0");
        decoupledWeightDecay.require("decoupled weight decay", v -> v >= 0 && Double.isFinite(v),
                "decoupled weight decay must be finite and >= 0");
    }

    /**
     * Whether L1 is in use.
     *
     * @return true when some member's L1 weight is not 0
     */
    public boolean hasL1() {
        return l1.anyNonZero();
    }

    /**
     * Whether L2 is in use.
     *
     * @return true when some member's L2 weight is not 0
     */
    public boolean hasL2() {
        return l2.anyNonZero();
    }

    /**
     * Whether decoupled weight decay is in use.
     *
     * @return true when some member's decoupled weight decay is not 0
     */
    public boolean hasDecoupledWeightDecay() {
        return decoupledWeightDecay.anyNonZero();
    }

    /**
     * The parameters in use (non-zero somewhere), in kernel order: l1, l2, decoupled_weight_decay.
     *
     * @return a new map, name to value; empty for {@link #NONE}
     */
    public Map<Hyperparameter, Param> parameters() {
        Map<Hyperparameter, Param> p = new LinkedHashMap<>();
        if (hasL1()) {
            p.put(Hyperparameter.L1, l1);
        }
        if (hasL2()) {
            p.put(Hyperparameter.L2, l2);
        }
        if (hasDecoupledWeightDecay()) {
            p.put(Hyperparameter.DECOUPLED_WEIGHT_DECAY, decoupledWeightDecay);
        }
        return p;
    }
}
