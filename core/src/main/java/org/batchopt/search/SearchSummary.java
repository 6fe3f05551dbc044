package org.batchopt.search;

/**
 * How a search went: its strategy and budget, the rounds it ran and why it stopped, and per member the round in
 * which its chain found its best point, the hops it accepted, the member-steps it spent and, where the optimum is
 * known (or a target is set), how many of its descents reached it. Made by {@code Search}; read through
 * {@code Result.search()}. Against a known optimum, {@link #membersAtReference()} equals the successes of
 * {@code Result.known} with the same f* and tolerance: a member's best point is its best descent.
 */
public final class SearchSummary {

    /** Why a search ended. */
    public enum Stop {
        /** {@link Multistart}: one round. */
        SINGLE_ROUND,
        /** The rounds of the budget were done. */
        ROUNDS,
        /** Another round might have passed the member-step budget. */
        MEMBER_STEPS,
        /** Another round would likely have passed the time limit. */
        TIME_LIMIT,
        /** A member reached the target. */
        TARGET
    }

    private final SearchStrategy strategy;
    private final Budget budget;
    private final long seed;
    private final int rounds;
    private final long memberSteps;
    private final double seconds;
    private final Stop stop;
    private final double reference;
    private final boolean target;
    private final double tolerance;
    private final int[] foundAt;
    private final int[] accepted;
    private final long[] steps;
    private final int[] firstAtReference;
    private final long[] atReference;
    private final double[] stepSize;

    /**
     * Made by {@code Search}, which hands over its arrays (one value per member).
     *
     * @param strategy         the strategy that ran
     * @param budget           the budget it was given
     * @param seed             the seed of its random streams
     * @param rounds           the rounds run, round 0 included
     * @param memberSteps      the member-steps of every descent together
     * @param seconds          the seconds the search took
     * @param stop             why it ended
     * @param reference        the value descents are counted against: the known optimum f*, else the target, else
     *                         NaN (none counted)
     * @param target           whether the reference is the target (no f* known)
     * @param tolerance        a descent reaches the reference when its value is within {@code tolerance*max(1, |ref|)}
     *                         of it, or better (0 for the target: the target or better)
     * @param foundAt          per member, the round of the descent that ended at its best point
     * @param accepted         per member, the rounds after round 0 in which its chain moved to the new end
     * @param steps            per member, the steps of all its descents
     * @param firstAtReference per member, the first round whose descent reached the reference, -1 for none
     * @param atReference      per member, its descents that reached the reference
     * @param stepSize         per member, its final step size (fraction of the box), null where the strategy has none
     */
    public SearchSummary(SearchStrategy strategy, Budget budget, long seed, int rounds, long memberSteps,
                         double seconds, Stop stop, double reference, boolean target, double tolerance, int[] foundAt,
                         int[] accepted, long[] steps, int[] firstAtReference, long[] atReference,
                         double[] stepSize) {
        this.strategy = strategy;
        this.budget = budget;
        this.seed = seed;
        this.rounds = rounds;
        this.memberSteps = memberSteps;
        this.seconds = seconds;
        this.stop = stop;
        this.reference = reference;
        this.target = target;
        this.tolerance = tolerance;
        this.foundAt = foundAt;
        this.accepted = accepted;
        this.steps = steps;
        this.firstAtReference = firstAtReference;
        this.atReference = atReference;
        this.stepSize = stepSize;
    }

    /**
     * The strategy that ran.
     *
     * @return the strategy with its parameters
     */
    public SearchStrategy strategy() {
        return strategy;
    }

    /**
     * The budget the search was given.
     *
     * @return its limits and target
     */
    public Budget budget() {
        return budget;
    }

    /**
     * The seed of the search's random streams.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The rounds run, round 0 included: every member descended this many times.
     *
     * @return the rounds
     */
    public int rounds() {
        return rounds;
    }

    /**
     * The member-steps spent by every descent of every round.
     *
     * @return the member-steps
     */
    public long memberSteps() {
        return memberSteps;
    }

    /**
     * The seconds the whole search took.
     *
     * @return the seconds
     */
    public double seconds() {
        return seconds;
    }

    /**
     * Why the search ended.
     *
     * @return the reason
     */
    public Stop stop() {
        return stop;
    }

    /**
     * The number of members (chains).
     *
     * @return the members
     */
    public int members() {
        return foundAt.length;
    }

    /**
     * The round in which member m's chain reached its best point.
     *
     * @param m the member
     * @return the round, 0 for its first descent
     */
    public int foundAt(int m) {
        return foundAt[m];
    }

    /**
     * The rounds after round 0 in which member m's chain moved to its new end: accepted hops for basin
     * hopping, replacements for memetic, every round for restarts.
     *
     * @param m the member
     * @return those rounds
     */
    public int accepted(int m) {
        return accepted[m];
    }

    /**
     * The steps of every descent of member m.
     *
     * @param m the member
     * @return the steps
     */
    public long memberSteps(int m) {
        return steps[m];
    }

    /**
     * Member m's final step size as a fraction of the box (basin hopping).
     *
     * @param m the member
     * @return the step size, NaN for other strategies
     */
    public double stepSize(int m) {
        return stepSize == null ? Double.NaN : stepSize[m];
    }

    /**
     * The value descents are counted against: the known optimum, else the target.
     *
     * @return the value, NaN when there is none
     */
    public double reference() {
        return reference;
    }

    /**
     * Whether {@link #reference()} is the budget's target, no optimum f* being known.
     *
     * @return true for the target
     */
    public boolean referenceIsTarget() {
        return target;
    }

    /**
     * The tolerance of {@link #reference()}, relative to {@code max(1, |reference|)}.
     *
     * @return the tolerance, 0 for the target
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * The first round in which a descent of member m reached the reference.
     *
     * @param m the member
     * @return the round, -1 when none did
     */
    public int firstAtReference(int m) {
        return firstAtReference[m];
    }

    /**
     * Member m's descents that reached the reference.
     *
     * @param m the member
     * @return how many
     */
    public long atReference(int m) {
        return atReference[m];
    }

    /**
     * The descents of every member that reached the reference.
     *
     * @return how many
     */
    public long descentsAtReference() {
        long n = 0;
        for (long a : atReference) {
            n += a;
        }
        return n;
    }

    /**
     * The members at least one of whose descents reached the reference.
     *
     * @return how many
     */
    public long membersAtReference() {
        long n = 0;
        for (int r : firstAtReference) {
            n += r >= 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The first round in which any member reached the reference.
     *
     * @return the round, -1 when none did
     */
    public int firstRoundAtReference() {
        int first = -1;
        for (int r : firstAtReference) {
            if (r >= 0 && (first < 0 || r < first)) {
                first = r;
            }
        }
        return first;
    }

    /**
     * The descents of every member: rounds times members.
     *
     * @return how many
     */
    public long descents() {
        return (long) rounds * members();
    }
}
