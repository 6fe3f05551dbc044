package org.batchopt;

/** Receives progress while a batch runs, at most a few times a second, from a backend thread. */
@FunctionalInterface
public interface Progress {

    /**
     * Called with the state of the run so far; must return quickly and not throw.
     *
     * @param memberSteps  member-steps done so far
     * @param budget       member-steps if every member used its whole step budget
     * @param finished     members finished so far
     * @param members      members in the batch
     * @param seconds      seconds since the run started
     */
    void update(long memberSteps, long budget, long finished, int members, double seconds);

    /**
     * A search's best f so far (of the best member, f itself), after each of its rounds ({@link Search}); nothing by
     * default.
     *
     * @param f     the best f after the round
     * @param round the round just done, 0 for the first
     */
    default void best(double f, int round) {
    }
}
