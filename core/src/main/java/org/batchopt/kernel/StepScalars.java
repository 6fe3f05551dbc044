package org.batchopt.kernel;

/**
 * The step scalars every rule shares, slots {@code 0 .. SHARED-1} of a member's step scalars ({@code BO_SC_<name>}
 * in the kernels): the scheduled learning rate, the decoupled weight-decay factor and the L1 weight.
 * A rule's own scalars follow ({@link KernelRule#scalar}).
 */
public final class StepScalars {
    /** lr_t, {@code BO_SC_LR}. */
    public static final int LR = 0;
    /** 1 - lr_t * decoupled_weight_decay, {@code BO_SC_DECAY}. */
    public static final int DECAY = 1;
    /** l1, {@code BO_SC_L1}; the proximal threshold is the rule's step coefficient times it (kernels/rules.cl). */
    public static final int L1 = 2;
    /** Shared slots, and the first slot of a rule's own: {@code BO_SC_RULE}. */
    public static final int SHARED = 3;

    private StepScalars() {
    }
}
