package org.batchopt;

import java.util.Arrays;

/** An axis-aligned box {@code lo[i] <= x[i] <= hi[i]}: a search region for start points. Immutable. */
public final class Box {
    private final double[] lo;
    private final double[] hi;

    private Box(double[] lo, double[] hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * The same interval {@code [lo, hi]} in each of {@code dimension} coordinates.
     *
     * @param dimension D, at least 1
     * @param lo        lower bound, finite
     * @param hi        upper bound, finite and {@code >= lo}
     * @return the box
     * @throws IllegalArgumentException when {@code dimension < 1}, a bound is not finite or {@code lo > hi}
     */
    public static Box cube(int dimension, double lo, double hi) {
        if (dimension < 1) {
            throw new IllegalArgumentException("box dimension " + dimension + " must be at least 1");
        }
        double[] l = new double[dimension];
        double[] h = new double[dimension];
        Arrays.fill(l, lo);
        Arrays.fill(h, hi);
        return of(l, h);
    }

    /**
     * Per-coordinate bounds.
     *
     * @param lo lower bounds, finite; not modified (copied)
     * @param hi upper bounds, finite, {@code hi[i] >= lo[i]}, as many as {@code lo}; not modified (copied)
     * @return the box
     * @throws IllegalArgumentException naming the coordinate when the lengths differ or are 0, a bound is not
     *                                  finite or {@code lo[i] > hi[i]}
     */
    public static Box of(double[] lo, double[] hi) {
        if (lo.length != hi.length) {
            throw new IllegalArgumentException("box has " + lo.length + " lower and " + hi.length + " upper bounds");
        }
        if (lo.length == 0) {
            throw new IllegalArgumentException("box needs at least one coordinate");
        }
        for (int i = 0; i < lo.length; i++) {
            if (!Double.isFinite(lo[i]) || !Double.isFinite(hi[i])) {
                throw new IllegalArgumentException("box coordinate " + i + " has a non-finite bound [" + lo[i] + ", " + hi[i] + "]");
            }
            if (lo[i] > hi[i]) {
                throw new IllegalArgumentException("box coordinate " + i + " has lo " + lo[i] + " > hi " + hi[i]);
            }
        }
        return new Box(lo.clone(), hi.clone());
    }

    /**
     * The number of coordinates.
     *
     * @return D, at least 1
     */
    public int dimension() {
        return lo.length;
    }

    /**
     * A lower bound.
     *
     * @param i the coordinate, in {@code [0, dimension())}
     * @return {@code lo[i]}
     */
    public double lo(int i) {
        return lo[i];
    }

    /**
     * An upper bound.
     *
     * @param i the coordinate, in {@code [0, dimension())}
     * @return {@code hi[i]}
     */
    public double hi(int i) {
        return hi[i];
    }

    /**
     * The width of a coordinate's interval.
     *
     * @param i the coordinate, in {@code [0, dimension())}
     * @return {@code hi[i] - lo[i]}, {@code >= 0} (infinite when it overflows)
     */
    public double width(int i) {
        return hi[i] - lo[i];
    }

    /**
     * Whether every coordinate shares one interval.
     *
     * @return true for a cube
     */
    public boolean isCube() {
        for (int i = 1; i < lo.length; i++) {
            if (lo[i] != lo[0] || hi[i] != hi[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(b.lo, lo) && Arrays.equals(b.hi, hi);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lo) + Arrays.hashCode(hi);
    }

    @Override
    public String toString() {
        if (isCube()) {
            return "[" + lo[0] + ", " + hi[0] + "]^" + lo.length;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lo.length; i++) {
            s.append(i == 0 ? "" : " x ").append('[').append(lo[i]).append(", ").append(hi[i]).append(']');
        }
        return s.toString();
    }
}
