package org.batchopt.search;

/**
 * When a search ends: after a number of rounds, when its member-steps would pass a budget, when its time is up, or
 * as soon as a member reaches a target value, whichever comes first. Every round every member descends once (see
 * {@link SearchStrategy}); the limits are checked between rounds, so a search always ends with complete rounds.
 *
 * <ul>
 *   <li>{@code rounds}: at most this many rounds (round 0 included); 0 for no limit.</li>
 *   <li>{@code memberSteps}: a round starts only while it fits in what is left even if every member takes its whole
 *       step budget ({@code members * maxSteps}), so the steps spent never pass the budget; 0 for no limit. The steps
 *       each descent takes are the same on every backend, so a member-step budget ends a search after the same
 *       rounds everywhere: it is the reproducible budget.</li>
 *   <li>{@code seconds}: a round starts only while the time spent plus the time the last round took stays within
 *       the limit; 0 for no limit. How many rounds fit depends on the machine: a time-limited search is reproducible
 *       only in what it did, and the result says how many rounds it ran ({@code rounds} reproduces it).</li>
 *   <li>{@code target}: the search ends after the first round in which a member's value (the objective it
 *       minimizes, f with its penalties) reached the target: {@code <= target} when minimizing, {@code >= target}
 *       when maximizing; NaN for none.</li>
 * </ul>
 * Round 0 always runs; a member-step budget smaller than round 0 is refused. At least one of rounds, member-steps and
 * seconds must be a limit: a target alone might never end.
 *
 * @param rounds      the most rounds, 0 for no limit
 * @param memberSteps the most member-steps, 0 for no limit
 * @param seconds     the time limit in seconds, 0 for none
 * @param target      the value that ends the search once reached, NaN for none
 */
public record Budget(int rounds, long memberSteps, double seconds, double target) {

    /** Ten rounds: every member descends ten times. */
    public static final Budget DEFAULT = new Budget(10, 0, 0, Double.NaN);

    /**
     * Checks the limits: none negative, the seconds and the target finite, at least one limit of the three.
     *
     * @param rounds      the most rounds, 0 for no limit
     * @param memberSteps the most member-steps, 0 for no limit
     * @param seconds     the time limit in seconds, 0 for none
     * @param target      the value that ends the search once reached, NaN for none
     */
    public Budget {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds " + rounds + " must be >= 0 (0 for no limit)");
        }
        if (memberSteps < 0) {
            throw new IllegalArgumentException("budget " + memberSteps + " member-steps must be >= 0 (0 for no limit)");
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("time limit " + seconds + " s must be finite and >= 0 (0 for none)");
        }
        if (Double.isInfinite(target)) {
            throw new IllegalArgumentException("target " + target + " must be finite (NaN for none)");
        }
        if (rounds == 0 && memberSteps == 0 && seconds == 0) {
            throw new IllegalArgumentException("a search needs a limit: rounds, member-steps or seconds");
        }
    }

    /**
     * A budget of rounds.
     *
     * @param r the rounds, round 0 included
     * @return at most {@code r} rounds, no other limit
     */
    public static Budget ofRounds(int r) {
        return new Budget(r, 0, 0, Double.NaN);
    }

    /**
     * A budget of member-steps.
     *
     * @param n the member-steps of every descent of every member together
     * @return at most {@code n} member-steps, no other limit
     */
    public static Budget ofMemberSteps(long n) {
        return new Budget(0, n, 0, Double.NaN);
    }

    /**
     * A time limit.
     *
     * @param s the seconds
     * @return at most {@code s} seconds, no other limit
     */
    public static Budget ofSeconds(double s) {
        return new Budget(0, 0, s, Double.NaN);
    }

    /**
     * These limits with another limit on the rounds.
     *
     * @param r the rounds, 0 for no limit
     * @return the budget with that limit
     */
    public Budget withRounds(int r) {
        return new Budget(r, memberSteps, seconds, target);
    }

    /**
     * These limits with another limit on the member-steps.
     *
     * @param n the member-steps, 0 for no limit
     * @return the budget with that limit
     */
    public Budget withMemberSteps(long n) {
        return new Budget(rounds, n, seconds, target);
    }

    /**
     * These limits with another time limit.
     *
     * @param s the seconds, 0 for none
     * @return the budget with that limit
     */
    public Budget withSeconds(double s) {
        return new Budget(rounds, memberSteps, s, target);
    }

    /**
     * These limits and a target.
     *
     * @param f the target, NaN for none
     * @return the budget ending after the first round in which a member reaches {@code f}
     */
    public Budget withTarget(double f) {
        return new Budget(rounds, memberSteps, seconds, f);
    }

    /**
     * Whether a target is set.
     *
     * @return true when {@link #target()} is not NaN
     */
    public boolean hasTarget() {
        return !Double.isNaN(target);
    }

    /**
     * The limits in words.
     *
     * @return for instance {@code 10 rounds, target 1e-6}
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (rounds > 0) {
            s.append(rounds).append(" rounds");
        }
        if (memberSteps > 0) {
            s.append(s.length() > 0 ? ", " : "").append(memberSteps).append(" member-steps");
        }
        if (seconds > 0) {
            s.append(s.length() > 0 ? ", " : "").append(Text.number(seconds)).append(" s");
        }
        if (hasTarget()) {
            s.append(", target ").append(Text.number(target));
        }
        return s.toString();
    }
}
