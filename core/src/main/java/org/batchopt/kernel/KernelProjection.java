package org.batchopt.kernel;

/**
 * The projections of {@code kernels/constraints.cl}: {@code BO_PROJECT_<name>} is the kind's ordinal and
 * {@code BO_PROJECT} the run's, emitted by the program assembly; the CPU twin ({@code backend/cpu/Projection64})
 * switches over the same constants. NONE is 0, so that {@code #if BO_PROJECT} asks whether there is one.
 */
public enum KernelProjection {
    NONE, BOX, SIMPLEX;

    /** {@code BO_PROJECT_<name>}. */
    public String macro() {
        return "BO_PROJECT_" + name();
    }
}
