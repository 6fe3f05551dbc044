package org.batchopt.kernel;

/**
 * The slots of a member's constraint state for J general constraints ({@code BO_CON_<name>} in the kernels,
 * kernels/constraints.cl): per constraint its multiplier, penalty, violation at the last multiplier update, left
 * side and weight at the last evaluation; then the member's largest violation and its KKT residual.
 */
public final class ConstraintSlots {
    /** The largest penalty rho, {@code BO_RHO_MAX}: growth stops here, far from overflow in fp32. */
    public static final double RHO_MAX = 1e8;

    private final int count;

    public ConstraintSlots(int constraints) {
        if (constraints < 0) {
            throw new IllegalArgumentException(constraints + " constraints");
        }
        this.count = constraints;
    }

    /** J. */
    public int count() {
        return count;
    }

    /** Multiplier lambda_j at {@code lambda() + j}, {@code BO_CON_LAM}. */
    public int lambda() {
        return 0;
    }

    /** Penalty rho_j, {@code BO_CON_RHO}. */
    public int rho() {
        return count;
    }

    /** Violation at the last multiplier update, {@code BO_CON_VPREV}. */
    public int previousViolation() {
        return 2 * count;
    }

    /** Left side at the last evaluation, {@code BO_CON_VALUE}. */
    public int value() {
        return 3 * count;
    }

    /** Weight w_j (the multiplier's estimate) at the last evaluation, {@code BO_CON_WEIGHT}. */
    public int weight() {
        return 4 * count;
    }

    /** The largest violation at the last evaluation, {@code BO_CON_VIOLATION}. */
    public int violation() {
        return 5 * count;
    }

    /** The KKT residual at the last evaluation, {@code BO_CON_KKT}. */
    public int kkt() {
        return 5 * count + 1;
    }

    /** Reals per member, {@code BO_CON_REALS}; 0 without constraints. */
    public int reals() {
        return count == 0 ? 0 : 5 * count + 2;
    }
}
