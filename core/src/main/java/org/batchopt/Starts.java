package org.batchopt;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Where members start. Start point {@code j} of a batch depends only on the sampler, its seed and {@code j}
 * (and, for a Latin hypercube, the number of points), never on how the batch is sized, split or run, so a
 * member gets the same start on every backend. Immutable; made by the factories below.
 */
public abstract class Starts {
    private final int dimension;

    Starts(int dimension) {
        this.dimension = dimension;
    }

    /**
     * The number of coordinates of each point.
     *
     * @return D
     */
    public final int dimension() {
        return dimension;
    }

    /**
     * Writes points {@code first .. first+count-1} of a set of {@code total} points, member-major, into
     * {@code out[0 .. count*D)}. Only the Latin hypercube depends on {@code total}.
     *
     * @param first the first point's index, {@code >= 0}
     * @param count how many points
     * @param total how many points the whole set has, {@code >= first + count}
     * @param out   modified: point {@code first + j}'s coordinate i goes to {@code out[j*D + i]}
     */
    public abstract void fill(long first, int count, long total, double[] out);

    /** Checks that this sampler can provide {@code total} points; throws {@link IllegalArgumentException}. */
    void checkTotal(long total) {
    }

    /**
     * Uniform in {@code box}: coordinate i of point j is {@code lo_i + u*(hi_i - lo_i)}, u in [0, 1) taken from
     * a counter-based generator (SplitMix64 finalizer) keyed by (seed, j, i).
     *
     * @param box  where the points lie
     * @param seed any value; the same seed gives the same points
     * @return the sampler
     */
    public static Starts uniform(Box box, long seed) {
        return new Starts(box.dimension()) {
            @Override
            public void fill(long first, int count, long total, double[] out) {
                int d = dimension();
                for (int j = 0; j < count; j++) {
                    long key = mix(mix(seed) + first + j);
                    for (int i = 0; i < d; i++) {
                        out[j * d + i] = scale(box, i, unit(key, i));
                    }
                }
            }
        };
    }

    /**
     * Sobol points 1, 2, 3, ... (the all-zero point 0 is skipped) of the Joe-Kuo sequence (up to 1000
     * dimensions, from Apache Commons Math), each coordinate given a random digital shift keyed by the seed,
     * scaled to {@code box}.
     *
     * @param box  where the points lie, at most 1000 dimensions
     * @param seed any value; the same seed gives the same shift and so the same points
     * @return the sampler; a batch of it has at most {@code Integer.MAX_VALUE - 1} start points
     * @throws IllegalArgumentException when the box has more than 1000 dimensions
     */
    public static Starts sobol(Box box, long seed) {
        int d = box.dimension();
        if (d > 1000) {
            throw new IllegalArgumentException("Sobol points have at most 1000 dimensions, asked for " + d);
        }
        long[] shift = new long[d];
        for (int i = 0; i < d; i++) {
            shift[i] = mix(mix(seed ^ 0x50B0L) + i) >>> 12;
        }
        return new Starts(d) {
            @Override
            public void fill(long first, int count, long total, double[] out) {
                SobolSequenceGenerator gen = new SobolSequenceGenerator(d);
                gen.skipTo(Math.toIntExact(first + 1));
                for (int j = 0; j < count; j++) {
                    double[] p = gen.nextVector();
                    for (int i = 0; i < d; i++) {
                        long bits = (long) (p[i] * 0x1.0p52) ^ shift[i];
                        out[j * d + i] = scale(box, i, bits * 0x1.0p-52);
                    }
                }
            }

            @Override
            void checkTotal(long total) {
                if (total + 1 > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("Sobol points are limited to " + (Integer.MAX_VALUE - 1)
                            + " members, asked for " + total);
                }
            }
        };
    }

    /**
     * Latin hypercube in {@code box}: each coordinate's range is cut into {@code total} equal strata; point j
     * lies in stratum {@code perm_i(j)} of coordinate i, at a uniform offset inside it, where {@code perm_i} is
     * a pseudo-random permutation keyed by (seed, i). Depends on the total number of points by definition.
     *
     * @param box  where the points lie
     * @param seed any value; the same seed and total give the same points
     * @return the sampler
     */
    public static Starts latinHypercube(Box box, long seed) {
        return new Starts(box.dimension()) {
            @Override
            public void fill(long first, int count, long total, double[] out) {
                int d = dimension();
                for (int j = 0; j < count; j++) {
                    long index = first + j;
                    long key = mix(mix(seed ^ 0x1A7EL) + index);
                    for (int i = 0; i < d; i++) {
                        long stratum = permute(index, total, mix(seed + 31L * i + 7));
                        double u = (stratum + unit(key, i)) / total;
                        out[j * d + i] = scale(box, i, Math.min(u, Math.nextDown(1.0)));
                    }
                }
            }
        };
    }

    /**
     * The same point for every member.
     *
     * @param x the point, finite coordinates; not modified (copied)
     * @return the start points
     * @throws IllegalArgumentException naming the coordinate when one is not finite
     */
    public static Starts point(double... x) {
        double[] p = x.clone();
        checkFinite(p, "start point");
        return new Starts(p.length) {
            @Override
            public void fill(long first, int count, long total, double[] out) {
                for (int j = 0; j < count; j++) {
                    System.arraycopy(p, 0, out, j * p.length, p.length);
                }
            }
        };
    }

    /**
     * One point per member, in member order; a batch of them must have exactly {@code perMember.length} start
     * points.
     *
     * @param perMember the points, each with as many finite coordinates as the first; not modified (copied)
     * @return the start points
     * @throws IllegalArgumentException when there is no point, a point has another length than the first, or a
     *                                  coordinate is not finite
     */
    public static Starts points(double[][] perMember) {
        if (perMember.length == 0) {
            throw new IllegalArgumentException("no start points given");
        }
        int d = perMember[0].length;
        double[][] rows = new double[perMember.length][];
        for (int j = 0; j < rows.length; j++) {
            if (perMember[j].length != d) {
                throw new IllegalArgumentException("start point " + j + " has " + perMember[j].length
                        + " values, start point 0 has " + d);
            }
            rows[j] = perMember[j].clone();
            checkFinite(rows[j], "start point " + j);
        }
        return new Starts(d) {
            @Override
            public void fill(long first, int count, long total, double[] out) {
                for (int j = 0; j < count; j++) {
                    System.arraycopy(rows[Math.toIntExact(first + j)], 0, out, j * d, d);
                }
            }

            @Override
            void checkTotal(long total) {
                if (total != rows.length) {
                    throw new IllegalArgumentException(rows.length + " start points given for " + total + " members");
                }
            }
        };
    }

    private static void checkFinite(double[] p, String what) {
        for (int i = 0; i < p.length; i++) {
            if (!Double.isFinite(p[i])) {
                throw new IllegalArgumentException(what + " has non-finite coordinate " + i + " = " + p[i]);
            }
        }
    }

    private static double scale(Box box, int i, double u) {
        return box.lo(i) + u * box.width(i);
    }

    /** A uniform double in [0, 1) from (key, coordinate). */
    static double unit(long key, int coordinate) {
        return (mix(key + 0x9E3779B97F4A7C15L * (coordinate + 1)) >>> 11) * 0x1.0p-53;
    }

    /** The SplitMix64 finalizer: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A pseudo-random permutation of [0, n) evaluated at {@code index}: a Feistel network with cycle walking. */
    static long permute(long index, long n, long key) {
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
        if ((bits & 1) != 0) {
            bits++;
        }
        int half = bits / 2;
        long mask = (1L << half) - 1;
        long v = index;
        do {
            long left = v >>> half;
            long right = v & mask;
            for (int round = 0; round < 4; round++) {
                long next = left ^ (mix(right + key + round * 0x632BE59BD9B4E019L) & mask);
                left = right;
                right = next;
            }
            v = (left << half) | right;
        } while (v >= n);
        return v;
    }
}
