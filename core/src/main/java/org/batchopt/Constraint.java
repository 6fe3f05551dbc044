package org.batchopt;

import java.util.Locale;
import java.util.Objects;

/**
 * What keeps members feasible, passed to {@link Engine#run(Objective, org.batchopt.rule.UpdateRule, Batch,
 * Constraint...)}; made by {@link Constraints}. Immutable. Two kinds:
 * <ul>
 *   <li>a <b>projection</b> ({@link BoxProjection}, {@link SimplexProjection}): after every step, and on the start
 *       point, x is replaced by the nearest point of the set, so every reported f comes from inside it; at most one
 *       per run;</li>
 *   <li>a <b>general constraint</b> {@code left relation bound} ({@link General}), the left side a formula in the
 *       objective's variables and named parameters (the grammar of {@link Objectives#expression(String, int)}),
 *       solved by the augmented Lagrangian method ({@link AugmentedLagrangian}), with its exact gradient.</li>
 * </ul>
 */
public sealed interface Constraint {

    /** How a general constraint's left side relates to its bound. */
    enum Relation {
        /** {@code left = bound}. */
        EQUAL("="),
        /** {@code left <= bound}. */
        AT_MOST("<="),
        /** {@code left >= bound}. */
        AT_LEAST(">=");

        private final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        /**
         * How it is written.
         *
         * @return {@code =}, {@code <=} or {@code >=}
         */
        public String symbol() {
            return symbol;
        }

        /**
         * The relation written {@code symbol}.
         *
         * @param symbol {@code =}, {@code <=} or {@code >=}
         * @return the relation
         * @throws IllegalArgumentException for another symbol
         */
        public static Relation of(String symbol) {
            for (Relation r : values()) {
                if (r.symbol.equals(symbol)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("relation '" + symbol + "' is not one of = <= >=");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * {@code left relation bound}: an equality or an inequality. At a solution the objective's gradient is a
     * combination of the left sides' gradients, {@code grad f = sum_j lambda_j grad left_j}, and {@code lambda_j} is
     * what {@link Result#multipliers(int)} reports (an inequality that is not active has {@code lambda_j = 0}).
     *
     * @param left     a formula, not blank
     * @param relation =, &lt;= or &gt;=
     * @param bound    a finite number
     */
    record General(String left, Relation relation, double bound) implements Constraint {
        /**
         * The constraint as given, the left side stripped of surrounding blanks.
         *
         * @param left     a formula, not blank
         * @param relation =, &lt;= or &gt;=
         * @param bound    a finite number
         * @throws IllegalArgumentException for a blank left side or a bound that is not finite
         * @throws NullPointerException     when {@code relation} is null
         */
        public General {
            Objects.requireNonNull(relation, "relation");
            if (left == null || left.isBlank()) {
                throw new IllegalArgumentException("a constraint needs a left side, got " + (left == null ? "null"
                        : "\"" + left + "\""));
            }
            if (!Double.isFinite(bound)) {
                throw new IllegalArgumentException("constraint " + left.strip() + " " + relation.symbol() + " "
                        + bound + ": the bound must be finite");
            }
            left = left.strip();
        }

        /**
         * Whether it is an inequality.
         *
         * @return true for {@code <=} and {@code >=}
         */
        public boolean isInequality() {
            return relation != Relation.EQUAL;
        }

        /**
         * As written: {@code x - y = 0}.
         *
         * @return the left side, the relation and the bound
         */
        @Override
        public String toString() {
            return left + " " + relation.symbol() + " " + Constraints.number(bound);
        }
    }

    /**
     * Every coordinate kept in a box: {@code lo_i <= x_i <= hi_i}.
     *
     * @param box the box, or null for the objective's own ({@link Objective#box()})
     */
    record BoxProjection(Box box) implements Constraint {
        @Override
        public String toString() {
            return box == null ? "box" : "box " + box;
        }
    }

    /**
     * The simplex {@code x_i >= 0, sum_i x_i = total}: probability vectors for total 1.
     *
     * @param total the sum, finite and &gt; 0
     */
    record SimplexProjection(double total) implements Constraint {
        /**
         * The simplex as given.
         *
         * @param total the sum, finite and &gt; 0
         * @throws IllegalArgumentException for a total that is not finite and &gt; 0
         */
        public SimplexProjection {
            if (!(total > 0) || Double.isInfinite(total)) {
                throw new IllegalArgumentException("simplex sum S = " + total + " must be finite and > 0");
            }
        }

        @Override
        public String toString() {
            return "simplex:" + Constraints.number(total);
        }
    }
}
