package org.batchopt.schedule;

import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;

/**
 * A learning rate as a function of the step. {@code s} counts the updates already taken: 0 for the first
 * update, as torch's schedulers count {@code scheduler.step()} calls made before {@code optimizer.step()}.
 * Every numeric parameter may differ per member. Formulas are in each record; the kernel
 * {@code kernels/schedule.cl} and the CPU twin {@code Schedule64} compute them term by term.
 */
public sealed interface Schedule permits Constant, InverseTime, StepDecay, MultiStep, Exponential, Cosine, Warmup {

    /**
     * The short name, as the command line spells it.
     *
     * @return {@code constant}, {@code inverse-time}, {@code step}, {@code multistep}, {@code exponential},
     *         {@code cosine}; {@code warmup+<name>} for a warm-up
     */
    String name();

    /**
     * The numeric parameters in kernel order (a warm-up's: the wrapped schedule's, then {@code warmup}).
     *
     * @return name to value, empty for {@link Constant}; the milestones of {@link MultiStep} are not among them
     */
    Map<Hyperparameter, Param> parameters();

    /**
     * The schedule without a warm-up wrapper.
     *
     * @return {@link Warmup#then()} for a warm-up, otherwise this schedule
     */
    default Schedule base() {
        return this;
    }
}
