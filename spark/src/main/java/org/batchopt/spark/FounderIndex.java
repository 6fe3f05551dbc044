package org.batchopt.spark;

import java.util.Arrays;

/**
 * The founders of distinct minima, numbered in the order they were founded (best first), with a hash on cells of
 * their first coordinates, so that the first founder near a point is found by looking at a few cells.
 *
 * <p>Near is the rule of {@link org.batchopt.Result#minima}: a founder is near a member when it lies within
 * {@code xTol} of the member's final point in every coordinate and its objective within {@code fTol * max(1,
 * |objective|)} of the member's. The cells are {@code 2 xTol} wide, so a founder within {@code xTol} lies in the
 * point's cell or in the neighbour on the point's side (both neighbours near a cell's middle, against rounding); the
 * answer is the scan's, exactly.
 */
final class FounderIndex {
    /** Coordinates that key the hash. */
    private static final int HASHED = 4;

    private final int dimension;
    private final int hashed;
    private final double xTol;
    private final double fTol;
    private final boolean maximized;
    private double[] x;
    private double[] value = new double[16];
    private int[] member = new int[16];
    private int[] next = new int[16];
    private int count;
    private long[] keys = new long[64];
    private int[] heads = new int[64];
    private boolean[] used = new boolean[64];
    private int cells;
    private final long[][] options;
    private final int[] optionCount;

    FounderIndex(int dimension, double xTol, double fTol, boolean maximized) {
        this.dimension = dimension;
        this.hashed = Math.min(dimension, HASHED);
        this.xTol = xTol;
        this.fTol = fTol;
        this.maximized = maximized;
        this.x = new double[value.length * dimension];
        this.options = new long[hashed][3];
        this.optionCount = new int[hashed];
    }

    int size() {
        return count;
    }

    /** The member index of founder {@code id}. */
    int member(int id) {
        return member[id];
    }

    /** Adds a founder, ranked after every founder before it; returns its number. */
    int add(int index, double[] point, double objective) {
        if (count == value.length) {
            int n = 2 * count;
            value = Arrays.copyOf(value, n);
            member = Arrays.copyOf(member, n);
            next = Arrays.copyOf(next, n);
            x = Arrays.copyOf(x, n * dimension);
        }
        System.arraycopy(point, 0, x, count * dimension, dimension);
        value[count] = objective;
        member[count] = index;
        long key = 17;
        for (int i = 0; i < hashed; i++) {
            key = key * 1_000_003 + cell(point[i]);
        }
        int slot = slot(key);
        if (!used[slot]) {
            used[slot] = true;
            keys[slot] = key;
            heads[slot] = -1;
            cells++;
        }
        next[count] = heads[slot];
        heads[slot] = count;
        count++;
        if (2 * cells > keys.length) {
            rehash();
        }
        return count - 1;
    }

    /**
     * The first founder (lowest number) near member {@code index} at {@code point} with {@code objective} that ranks
     * before it, or -1.
     */
    int firstNear(int index, double[] point, double objective) {
        int probes = 1;
        for (int i = 0; i < hashed; i++) {
            long k = cell(point[i]);
            options[i][0] = k;
            optionCount[i] = 1;
            if (xTol > 0) {
                double scaled = point[i] / (2 * xTol);
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
        double tol = fTol * Math.max(1, Math.abs(objective));
        int best = -1;
        for (int p = 0; p < probes; p++) {
            int rest = p;
            long key = 17;
            for (int i = 0; i < hashed; i++) {
                key = key * 1_000_003 + options[i][rest % optionCount[i]];
                rest /= optionCount[i];
            }
            int slot = slot(key);
            if (!used[slot]) {
                continue;
            }
            for (int id = heads[slot]; id >= 0; id = next[id]) {
                if ((best < 0 || id < best) && member[id] != index
                        && Ranking.compare(value[id], member[id], objective, index, maximized) < 0
                        && Math.abs(value[id] - objective) <= tol && near(id, point)) {
                    best = id;
                }
            }
        }
        return best;
    }

    private boolean near(int id, double[] point) {
        int o = id * dimension;
        for (int i = 0; i < dimension; i++) {
            if (!(Math.abs(x[o + i] - point[i]) <= xTol)) {
                return false;
            }
        }
        return true;
    }

    /** The cell of a coordinate: {@code 2 xTol} wide; with xTol = 0 the value itself (one zero). */
    private long cell(double v) {
        if (xTol > 0) {
            return (long) Math.floor(v / (2 * xTol));
        }
        return Double.doubleToLongBits(v + 0.0);
    }

    /** The slot of {@code key}: its own, or the empty one it would take. */
    private int slot(long key) {
        int mask = keys.length - 1;
        int s = (int) (mix(key) & mask);
        while (used[s] && keys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        heads = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldUsed[s]) {
                int t = slot(oldKeys[s]);
                used[t] = true;
                keys[t] = oldKeys[s];
                heads[t] = oldHeads[s];
            }
        }
    }
}
