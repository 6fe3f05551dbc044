package org.batchopt;

import java.util.Arrays;

/** An axis-aligned box {@code lo[i] <= x[i] <= hi[i]}: a search region for start points. */
public final class Box {
    private final double[] lo;
    private final double[] hi;

    private Box(double[] lo, double[] hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /** The same interval {@code [lo, hi]} in each of {@code dimension} coordinates. */
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

    /** Per-coordinate bounds. Not modified. */
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

    public int dimension() {
        return lo.length;
    }

    public double lo(int i) {
        return lo[i];
    }

    public double hi(int i) {
        return hi[i];
    }

    /** Width of coordinate {@code i}. */
    public double width(int i) {
        return hi[i] - lo[i];
    }

    /** True when every coordinate shares one interval. */
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
