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

    /** Short name as the command line spells it. */
    String name();

    /** Numeric parameters in kernel order. */
    Map<Hyperparameter, Param> parameters();

    /** The schedule without a warm-up wrapper. */
    default Schedule base() {
        return this;
    }
}
