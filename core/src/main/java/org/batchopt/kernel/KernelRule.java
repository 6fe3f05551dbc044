package org.batchopt.kernel;

import java.util.List;

/**
 * The update-rule kinds of {@code kernels/rules.cl}, the one source of what Java and the kernels must agree on:
 * the kind's id ({@code BO_RULE_<name>} = its ordinal), its state slots per coordinate ({@code RULE_NS}) and per
 * member ({@code RULE_NMS}), and its step scalars ({@code SC_<scalar>}, {@code RULE_NSC}), stored from
 * {@link StepScalars#SHARED} on. The program assembly emits every one as a {@code #define}; the kernels and the
 * CPU twin ({@code backend/cpu/Rules64}) use them by name.
 */
public enum KernelRule {
    /** s[0] = momentum buffer. */
    SGD(1, 0, "NEG_LR", "WD", "MOMENTUM", "ONE_MINUS_DAMPENING", "FIRST", "STEP"),
    /** s[0] = sum of squared gradients. */
    ADAGRAD(1, 0, "NEG_CLR", "WD", "EPS"),
    /** s[0] = square average, s[1] = gradient average (centered), s[2] = momentum buffer. */
    RMSPROP(3, 0, "NEG_LR", "WD", "ALPHA", "ONE_MINUS_ALPHA", "EPS", "MOMENTUM", "STEP"),
    /**
     * Adam and AdamW: s[0] = first moment, s[1] = second moment, s[2] = max second moment (AMSGrad only);
     * ms[0] = beta1^t, ms[1] = beta2^t.
     */
    ADAM(2, 2, "NEG_STEP", "BC2_SQRT", "ONE_MINUS_BETA1", "BETA2", "ONE_MINUS_BETA2", "EPS", "WD"),
    /** s[0] = first moment, s[1] = second moment; ms[0] = product of mu, ms[1] = beta2^t. */
    NADAM(2, 2, "VALUE1", "VALUE2", "BC2", "ONE_MINUS_BETA1", "BETA2", "ONE_MINUS_BETA2", "EPS", "WD"),
    /** s[0] = first moment, s[1] = infinity norm; ms[0] = beta1^t. */
    ADAMAX(2, 1, "NEG_CLR", "ONE_MINUS_BETA1", "BETA2", "EPS", "WD");

    private final int stateSlots;
    private final int memberStateSlots;
    private final List<String> scalars;

    KernelRule(int stateSlots, int memberStateSlots, String... scalars) {
        this.stateSlots = stateSlots;
        this.memberStateSlots = memberStateSlots;
        this.scalars = List.of(scalars);
    }

    /** {@code BO_RULE_<name>}. */
    public String macro() {
        return "BO_RULE_" + name();
    }

    /** State slots per coordinate, {@code RULE_NS}; AMSGrad adds Adam's running maximum. */
    public int stateSlots(boolean amsgrad) {
        return stateSlots + (this == ADAM && amsgrad ? 1 : 0);
    }

    /** State slots per member, {@code RULE_NMS}. */
    public int memberStateSlots() {
        return memberStateSlots;
    }

    /** The rule's own step scalars in slot order: {@code SC_<name>} is slot {@link #scalar}. */
    public List<String> scalars() {
        return scalars;
    }

    /** Step-scalar slot of {@code name} ({@code SC_<name>}); an {@link IllegalArgumentException} if the rule has none. */
    public int scalar(String name) {
        int k = scalars.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException(this + " has no step scalar " + name + " (it has " + scalars + ")");
        }
        return StepScalars.SHARED + k;
    }

    /** Step scalars per member, shared and the rule's own: {@code BO_NSC}. */
    public int stepScalars() {
        return StepScalars.SHARED + scalars.size();
    }
}
