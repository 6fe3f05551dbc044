package org.batchopt;

import java.util.Arrays;

/**
 * A numeric hyperparameter: one value for the whole batch, or one value per member.
 *
 * <p>Immutable: a per-member array is copied on the way in and never handed out.
 */
public final class Param {
    private final double value;
    private final double[] values;

    private Param(double value, double[] values) {
        this.value = value;
        this.values = values;
    }

    /**
     * The same value for every member.
     *
     * @param value the value, in the unit of the hyperparameter it becomes (checked there, not here)
     * @return a uniform parameter
     */
    public static Param of(double value) {
        return new Param(value, null);
    }

    /**
     * One value per member, in member order; the batch that uses it must have exactly {@code values.length}
     * members.
     *
     * @param values the value of each member; not modified (copied)
     * @return a per-member parameter
     * @throws IllegalArgumentException when {@code values} is empty
     */
    public static Param perMember(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a per-member hyperparameter needs at least one value");
        }
        return new Param(Double.NaN, values.clone());
    }

    /**
     * Whether every member shares one value.
     *
     * @return true for a parameter made by {@link #of(double)}, false for one made by {@link #perMember}
     */
    public boolean isUniform() {
        return values == null;
    }

    /**
     * The value of one member.
     *
     * @param member the member's index, 0-based; any index when uniform
     * @return that member's value
     * @throws ArrayIndexOutOfBoundsException when per-member and {@code member} is not in {@code [0, size())}
     */
    public double at(long member) {
        return values == null ? value : values[Math.toIntExact(member)];
    }

    /**
     * The shared value of a uniform parameter.
     *
     * @return the value every member has
     * @throws IllegalStateException when the parameter is per-member
     */
    public double value() {
        if (values != null) {
            throw new IllegalStateException("per-member parameter has no single value");
        }
        return value;
    }

    /**
     * The number of per-member values.
     *
     * @return that number, or 0 when uniform
     */
    public int size() {
        return values == null ? 0 : values.length;
    }

    /**
     * Whether some member has a non-zero value (NaN counts as non-zero).
     *
     * @return true when some value is not {@code 0} or {@code -0}
     */
    public boolean anyNonZero() {
        if (values == null) {
            return value != 0;
        }
        for (double v : values) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks every value against a condition. Not modified.
     *
     * @param name the parameter's name, for the message
     * @param ok   true for an allowed value
     * @param rule what an allowed value is, for the message ({@code "must be finite and >= 0"})
     * @return this parameter
     * @throws IllegalArgumentException naming the parameter, the first offending value and, for a per-member
     *                                  parameter, its member, when some value fails {@code ok}
     */
    public Param require(String name, java.util.function.DoublePredicate ok, String rule) {
        if (values == null) {
            if (!ok.test(value)) {
                throw new IllegalArgumentException(name + " = " + value + " is not allowed: " + rule);
            }
        } else {
            for (int m = 0; m < values.length; m++) {
                if (!ok.test(values[m])) {
                    throw new IllegalArgumentException(
                            name + " = " + values[m] + " (member " + m + ") is not allowed: " + rule);
                }
            }
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Param p && Double.compare(p.value, value) == 0 && Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return values == null ? Double.hashCode(value) : Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return values == null ? Double.toString(value) : "per-member[" + values.length + "]";
    }
}
