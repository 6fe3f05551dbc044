package org.batchopt;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * The greedy clustering behind {@link Result#minima}: members are taken best first; a member joins the first
 * minimum (in the order minima were founded) whose founder lies within {@code xTol} of its final point in every
 * coordinate and whose founder's value lies within {@code fTol * max(1, |value|)} of its own; otherwise it founds a
 * new minimum. Equal values always match, infinite ones too (infeasible members rank with the worst value there is).
 *
 * <p>Scanning every minimum of a value level is quadratic where thousands of minima share one value (Rastrigin in
 * 10 dimensions has that many points at f = 1.98991), so founders are hashed by the cells, of width {@code 2 xTol},
 * of their first {@value #HASHED} coordinates: a founder within {@code xTol} of a point lies in one of the two
 * nearest cells along each of them (three where the point sits in the middle of a cell, against rounding), so a
 * few cells are looked at, and the answer is the same as a scan's.
 */
final class Clustering {
    /** Coordinates that key the hash of founders. */
    private static final int HASHED = 4;

    /** Per member in {@code order}, the index of its minimum; founders are numbered in the order they came. */
    final int[] assignment;
    /** Per minimum, its founder: the best member in it. */
    final int[] founders;
    /** Per minimum, its members, best first. */
    final int[][] members;

    /** Coordinate i of member m's final point. */
    @FunctionalInterface
    interface Points {
        double get(int m, int i);
    }

    private final int dimension;
    private final double xTol;
    private final double fTol;
    private final int hashed;
    private double[] centers = new double[64];
    private double[] values = new double[16];
    private int[] founder = new int[16];
    private int count;
    private long[] keys = new long[64];
    private int[] heads = new int[64];
    private int[] next = new int[16];
    private int used;
    private final long[] cell;
    /** Per hashed coordinate, the cells to look at (the point's own first) and how many. */
    private final long[][] options;
    private final int[] optionCount;
    private final long[] probe;

    /**
     * Clusters the members {@code order} (best first, none diverged) of points {@code x} with values {@code value}.
     *
     * @param order not modified
     */
    Clustering(int dimension, Points x, IntToDoubleFunction value, int[] order, double xTol,
               double fTol) {
        this.dimension = dimension;
        this.xTol = xTol;
        this.fTol = fTol;
        int d = dimension;
        this.hashed = Math.min(d, HASHED);
        this.cell = new long[hashed];
        this.options = new long[hashed][3];
        this.optionCount = new int[hashed];
        this.probe = new long[hashed];
        Arrays.fill(heads, -1);
        this.assignment = new int[order.length];
        double[] point = new double[d];
        for (int k = 0; k < order.length; k++) {
            int m = order[k];
            for (int i = 0; i < d; i++) {
                point[i] = x.get(m, i);
            }
            double v = value.applyAsDouble(m);
            int found = nearest(point, v);
            if (found < 0) {
                found = found(m, point, v);
            }
            assignment[k] = found;
        }
        this.founders = Arrays.copyOf(founder, count);
        int[] sizes = new int[count];
        for (int a : assignment) {
            sizes[a]++;
        }
        this.members = new int[count][];
        for (int c = 0; c < count; c++) {
            members[c] = new int[sizes[c]];
        }
        Arrays.fill(sizes, 0);
        for (int k = 0; k < order.length; k++) {
            int a = assignment[k];
            members[a][sizes[a]++] = order[k];
        }
    }

    /** The first minimum that {@code x} with value {@code v} joins, or -1. */
    private int nearest(double[] x, double v) {
        double tol = fTol * Math.max(1, Math.abs(v));
        int probes = 1;
        for (int i = 0; i < hashed; i++) {
            long k = cellOf(x[i]);
            options[i][0] = k;
            optionCount[i] = 1;
            if (xTol > 0) {
                // The cell's fraction left of x; a margin for rounding keeps both neighbours near the middle.
                double scaled = x[i] / (2 * xTol);
                double p = scaled - Math.floor(scaled);
                double margin = 1e-7 + Math.abs(scaled) * 1e-12;
                if (p < 0.5 + margin) {
                    options[i][optionCount[i]++] = k - 1;
                }
                if (p > 0.5 - margin) {
                    options[i][optionCount[i]++] = k + 1;
                }
            }
            probes *= optionCount[i];
        }
        int best = Integer.MAX_VALUE;
        for (int p = 0; p < probes; p++) {
            int rest = p;
            for (int i = 0; i < hashed; i++) {
                probe[i] = options[i][rest % optionCount[i]];
                rest /= optionCount[i];
            }
            int slot = slot(key(probe));
            if (slot < 0) {
                continue;
            }
            for (int c = heads[slot]; c >= 0; c = next[c]) {
                if (c < best && (values[c] == v || Math.abs(values[c] - v) <= tol) && near(c, x)) {
                    best = c;
                }
            }
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    private boolean near(int c, double[] x) {
        int d = x.length;
        for (int i = 0; i < d; i++) {
            if (!(Math.abs(centers[c * d + i] - x[i]) <= xTol)) {
                return false;
            }
        }
        return true;
    }

    /** Member {@code m} founds a new minimum; returns its index. */
    private int found(int m, double[] x, double v) {
        int d = x.length;
        if (count == values.length) {
            values = Arrays.copyOf(values, 2 * count);
            founder = Arrays.copyOf(founder, 2 * count);
            next = Arrays.copyOf(next, 2 * count);
        }
        if ((long) (count + 1) * d > centers.length) {
            centers = Arrays.copyOf(centers, Math.max(2 * centers.length, (count + 1) * d));
        }
        System.arraycopy(x, 0, centers, count * d, d);
        values[count] = v;
        founder[count] = m;
        for (int i = 0; i < hashed; i++) {
            cell[i] = cellOf(x[i]);
        }
        long key = key(cell);
        int slot = slot(key);
        if (slot < 0) {
            slot = insert(key);
        }
        // Chains run newest first; nearest() takes the lowest index it meets, so the order does not matter.
        next[count] = heads[slot];
        heads[slot] = count;
        return count++;
    }

    private long cellOf(double xi) {
        return xTol > 0 ? (long) Math.floor(xi / (2 * xTol)) : Double.doubleToLongBits(xi + 0.0);
    }

    /** Cells that share a key share a chain; the distance test sorts them out, so collisions cost time only. */
    private static long key(long[] cells) {
        long h = 0x243F6A8885A308D3L;
        for (long c : cells) {
            h = (h ^ c) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        return h;
    }

    /** The slot of {@code key} in the open-addressing table, or -1. */
    private int slot(long key) {
        int mask = keys.length - 1;
        for (int s = (int) (key ^ (key >>> 32)) & mask; ; s = (s + 1) & mask) {
            if (heads[s] < 0) {
                return -1;
            }
            if (keys[s] == key) {
                return s;
            }
        }
    }

    private int insert(long key) {
        if (2 * (used + 1) > keys.length) {
            long[] oldKeys = keys;
            int[] oldHeads = heads;
            keys = new long[2 * oldKeys.length];
            heads = new int[2 * oldKeys.length];
            Arrays.fill(heads, -1);
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldHeads[s] >= 0) {
                    int t = free(oldKeys[s]);
                    heads[t] = oldHeads[s];
                    keys[t] = oldKeys[s];
                }
            }
        }
        int s = free(key);
        keys[s] = key;
        used++;
        return s;
    }

    /** The slot where {@code key} would go: its own or the first empty one on its probe path. */
    private int free(long key) {
        int mask = keys.length - 1;
        int s = (int) (key ^ (key >>> 32)) & mask;
        while (heads[s] >= 0 && keys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    /** The founding point of minimum {@code c} (a copy). */
    double[] center(int c) {
        int d = dimension;
        return Arrays.copyOfRange(centers, c * d, (c + 1) * d);
    }
}
