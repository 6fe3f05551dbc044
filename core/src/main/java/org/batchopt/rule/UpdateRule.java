package org.batchopt.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.schedule.Schedule;

/**
 * An update rule with its schedule and regularization. Every rule follows PyTorch's {@code torch.optim}
 * definition term by term, with torch's defaults; each record's javadoc states its exact formula, where
 * {@code t} is the 1-based step, {@code lr_t} the scheduled learning rate and {@code g} the gradient after
 * regularization. {@code fma(a, b, c)} is {@code a*b + c} rounded once, which is how torch's CPU kernels
 * compute add-with-alpha, addcmul and lerp; {@code addcdiv(x, a, b, v)} is {@code x + (v*a)/b} as torch
 * computes it, and {@code lerp(a, b, w)} is {@code |w| < 0.5 ? fma(w, b-a, a) : fma(w-1, b-a, b)}.
 *
 * <p>Sealed, so that a switch over rules is exhaustive and no backend can forget one.
 */
public sealed interface UpdateRule permits Sgd, Adagrad, RmsProp, Adam, AdamW, NAdam, Adamax {

    /**
     * The rule's name, as the command line spells it.
     *
     * @return sgd, adagrad, rmsprop, adam, adamw, nadam or adamax
     */
    String name();

    /**
     * The base learning rate, before the schedule.
     *
     * @return one value or one per member, finite and {@code >= 0}
     */
    Param lr();

    /**
     * The learning-rate schedule: {@code lr_t} is this schedule applied to {@link #lr()}.
     *
     * @return the schedule, {@link org.batchopt.schedule.Schedules#constant()} unless set
     */
    Schedule schedule();

    /**
     * The regularization around the update.
     *
     * @return L1, L2 and decoupled weight decay, all 0 unless set
     */
    Regularization regularization();

    /**
     * The rule's own numeric hyperparameters in kernel order, lr first.
     *
     * @return a new map, name to value, with every one of the rule's parameters (zeros included)
     */
    Map<Hyperparameter, Param> ruleParameters();

    /**
     * Every numeric hyperparameter in kernel order: rule, schedule and regularization (the last only where
     * non-zero somewhere), the names {@link org.batchopt.Result#hyperparameters} reports.
     *
     * @return a new map, name to value
     */
    default Map<Hyperparameter, Param> parameters() {
        Map<Hyperparameter, Param> p = new LinkedHashMap<>(ruleParameters());
        p.putAll(schedule().parameters());
        p.putAll(regularization().parameters());
        return p;
    }
}
