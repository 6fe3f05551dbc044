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

    /** The same value for every member. */
    public static Param of(double value) {
        return new Param(value, null);
    }

    /** One value per member, in member order. Not modified. */
    public static Param perMember(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a per-member hyperparameter needs at least one value");
        }
        return new Param(Double.NaN, values.clone());
    }

    /** True when every member shares one value. */
    public boolean isUniform() {
        return values == null;
    }

    /** The value of member {@code member} (any index when uniform). */
    public double at(long member) {
        return values == null ? value : values[Math.toIntExact(member)];
    }

    /** The shared value; only for a uniform parameter. */
    public double value() {
        if (values != null) {
            throw new IllegalStateException("per-member parameter has no single value");
        }
        return value;
    }

    /** Number of per-member values, or 0 when uniform. */
    public int size() {
        return values == null ? 0 : values.length;
    }

    /** True when some member has a non-zero value. */
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
     * Checks every value against {@code ok}; throws {@link IllegalArgumentException} naming the parameter,
     * the offending value and, for a per-member parameter, the member.
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
