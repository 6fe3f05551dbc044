package org.batchopt.kernel;

/**
 * The schedule kinds of {@code kernels/schedule.cl}: {@code BO_SCHEDULE_<name>} is the kind's ordinal, emitted by
 * the program assembly; the CPU twin ({@code backend/cpu/Schedule64}) switches over the same constants.
 */
public enum KernelSchedule {
    CONSTANT, INVERSE_TIME, STEP, MULTISTEP, EXPONENTIAL, COSINE;

    /** {@code BO_SCHEDULE_<name>}. */
    public String macro() {
        return "BO_SCHEDULE_" + name();
    }
}
