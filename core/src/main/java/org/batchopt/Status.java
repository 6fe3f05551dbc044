package org.batchopt;

/** How a member's optimization ended. Numerical outcomes are data, never exceptions. */
public enum Status {
    /** Still stepping; never appears in a finished {@link Result}. */
    RUNNING,
    /** The gradient norm fell to the tolerance. */
    CONVERGED_GRADIENT,
    /** The change of f between two steps fell to the tolerance. */
    CONVERGED_VALUE,
    /** The step budget ran out. */
    MAX_STEPS,
    /**
     * f, a coordinate of x or a component of the gradient became non-finite. (A gradient whose norm exceeds the
     * precision's range while every component is finite is not divergence; its norm is reported as it is.)
     */
    DIVERGED,
    /**
     * A constrained member whose largest constraint violation was still above the feasibility tolerance when its
     * step budget ran out ({@link AugmentedLagrangian}); such a member never converges.
     */
    INFEASIBLE;

    private static final Status[] VALUES = values();

    /**
     * The code of this status in the kernels ({@code BO_<name>}, emitted from here).
     *
     * @return its ordinal
     */
    public int code() {
        return ordinal();
    }

    /**
     * The status with a kernel code.
     *
     * @param code a code as {@link #code()} gives it
     * @return the status
     * @throws ArrayIndexOutOfBoundsException when {@code code} is not in {@code [0, values().length)}
     */
    public static Status ofCode(int code) {
        return VALUES[code];
    }
}
