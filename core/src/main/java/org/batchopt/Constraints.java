package org.batchopt;

import java.util.List;
import java.util.regex.Pattern;
import org.batchopt.objective.expression.ExpressionConstraints;

/**
 * Factories for {@link Constraint}s:
 *
 * <pre>
 *   Engine.on(backend).run(f, rule, batch, Constraints.equality("x - y", 0));
 *   Engine.on(backend).run(entropy, rule, batch, Constraints.simplex(1));
 *   Engine.on(backend).run(f, rule, batch, Constraints.parse("x + y &gt;= 1"), Constraints.box());
 * </pre>
 *
 * <p>The multipliers' sign convention: at a solution, {@code grad f = sum_j lambda_j grad left_j}, with f the
 * objective itself (whether it is minimized or maximized) and {@code left_j} the j-th constraint's left side as
 * written. So "maximize -(x-2)^2 - (y-1)^2 + 10 subject to x - y = 0" has {@code lambda = 1} at (1.5, 1.5), and
 * "minimize x^2 + y^2 subject to x + y &gt;= 1" has {@code lambda = 1} at (0.5, 0.5).
 */
public final class Constraints {
    /** A decimal number, the right side of a constraint's text. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private Constraints() {
    }

    /**
     * {@code left = value}.
     *
     * @param left  the left side, a formula
     * @param value the right side, finite
     * @return the constraint
     * @throws IllegalArgumentException for a blank left side or a value that is not finite
     */
    public static Constraint equality(String left, double value) {
        return new Constraint.General(left, Constraint.Relation.EQUAL, value);
    }

    /**
     * {@code left relation bound}, the relation {@code "<="} or {@code ">="}.
     *
     * @param left     the left side, a formula
     * @param relation {@code "<="} or {@code ">="}
     * @param bound    the right side, finite
     * @return the constraint
     * @throws IllegalArgumentException for another relation, a blank left side or a bound that is not finite
     */
    public static Constraint inequality(String left, String relation, double bound) {
        Constraint.Relation r = Constraint.Relation.of(relation);
        if (r == Constraint.Relation.EQUAL) {
            throw new IllegalArgumentException("relation '=' makes an equality: use Constraints.equality");
        }
        return new Constraint.General(left, r, bound);
    }

    /**
     * {@code left <= bound}.
     *
     * @param left  the left side, a formula
     * @param bound the right side, finite
     * @return the constraint
     * @throws IllegalArgumentException for a blank left side or a bound that is not finite
     */
    public static Constraint atMost(String left, double bound) {
        return new Constraint.General(left, Constraint.Relation.AT_MOST, bound);
    }

    /**
     * {@code left >= bound}.
     *
     * @param left  the left side, a formula
     * @param bound the right side, finite
     * @return the constraint
     * @throws IllegalArgumentException for a blank left side or a bound that is not finite
     */
    public static Constraint atLeast(String left, double bound) {
        return new Constraint.General(left, Constraint.Relation.AT_LEAST, bound);
    }

    /**
     * Every member kept in the objective's box ({@link Objective#box()}).
     *
     * @return the projection
     */
    public static Constraint box() {
        return new Constraint.BoxProjection(null);
    }

    /**
     * Every member kept in {@code box}.
     *
     * @param box the box, of the objective's dimension
     * @return the projection
     * @throws IllegalArgumentException when {@code box} is null
     */
    public static Constraint box(Box box) {
        if (box == null) {
            throw new IllegalArgumentException("box is null: Constraints.box() keeps members in the objective's box");
        }
        return new Constraint.BoxProjection(box);
    }

    /**
     * Every member kept on the probability simplex {@code x >= 0, sum x = 1}.
     *
     * @return the projection
     */
    public static Constraint simplex() {
        return simplex(1);
    }

    /**
     * Every member kept on the simplex {@code x >= 0, sum x = total}.
     *
     * @param total the sum, finite and &gt; 0
     * @return the projection
     * @throws IllegalArgumentException for a total that is not finite and &gt; 0
     */
    public static Constraint simplex(double total) {
        return new Constraint.SimplexProjection(total);
    }

    /**
     * A general constraint written {@code "LEFT = C"}, {@code "LEFT <= C"} or {@code "LEFT >= C"}, C a decimal
     * number.
     *
     * @param text the constraint as written
     * @return the constraint
     * @throws IllegalArgumentException naming the text: without a relation, with another relation ({@code ==},
     *                                  {@code <}, {@code !=}, ...), with two, with a right side that is not a number
     */
    public static Constraint parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("constraint text is null");
        }
        int at = -1;
        for (int i = 0; i < text.length() && at < 0; i++) {
            if ("<>=!".indexOf(text.charAt(i)) >= 0) {
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("constraint \"" + text + "\" has no relation: write LEFT = C, LEFT <= C "
                    + "or LEFT >= C");
        }
        int end = at;
        while (end < text.length() && "<>=!".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        String relation = text.substring(at, end);
        if (!relation.equals("=") && !relation.equals("<=") && !relation.equals(">=")) {
            throw new IllegalArgumentException("relation '" + relation + "' in constraint \"" + text
                    + "\" is not one of = <= >=");
        }
        String rest = text.substring(end);
        for (int i = 0; i < rest.length(); i++) {
            if ("<>=!".indexOf(rest.charAt(i)) >= 0) {
                throw new IllegalArgumentException("constraint \"" + text + "\" has more than one relation");
            }
        }
        String left = text.substring(0, at);
        String right = rest.strip();
        if (left.isBlank()) {
            throw new IllegalArgumentException("constraint \"" + text + "\" has no left side");
        }
        if (!NUMBER.matcher(right).matches()) {
            throw new IllegalArgumentException("the right side of constraint \"" + text + "\" must be a number, not '"
                    + right + "'");
        }
        return new Constraint.General(left, Constraint.Relation.of(relation), Double.parseDouble(right));
    }

    /**
     * Checks that {@code constraint}, if it is a general one, is a formula in {@code objective}'s variables and named
     * parameters: what {@link Engine#run(Objective, org.batchopt.rule.UpdateRule, Batch, Constraint...)} would
     * otherwise find when it starts.
     *
     * @param constraint the constraint; projections pass
     * @param objective  the objective it constrains
     * @throws IllegalArgumentException an {@link org.batchopt.objective.ExpressionSyntaxException} naming the column of
     *                                  the mistake in the left side
     */
    public static void check(Constraint constraint, Objective objective) {
        if (constraint instanceof Constraint.General g) {
            ExpressionConstraints.compile(List.of(spec(g)), objective.dimension(),
                    List.copyOf(objective.parameters().keySet()));
        }
    }

    /** What the expression compiler needs of a general constraint. */
    static ExpressionConstraints.Spec spec(Constraint.General g) {
        return new ExpressionConstraints.Spec(g.left(), g.isInequality(), g.relation() == Constraint.Relation.AT_LEAST,
                g.bound(), g.toString());
    }

    /** A bound as people write it: 0, 1, 0.5, 1e-3. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
