package org.batchopt;

/**
 * N members sharing one objective and one update rule: how many, and where each starts. In a grid
 * ({@link Grid#batch}), member m uses start point {@code m % S} of the sampler, so that every combination of
 * hyperparameters is tried from the same S start points. Immutable.
 */
public final class Batch {
    private final int dimension;
    private final int members;
    private final Starts starts;
    private final int startsPerCombination;

    private Batch(int dimension, int members, Starts starts, int startsPerCombination) {
        this.dimension = dimension;
        this.members = members;
        this.starts = starts;
        this.startsPerCombination = startsPerCombination;
    }

    /**
     * A builder of a batch in {@code dimension} variables; set the members and the start points.
     *
     * @param dimension D, the objective's dimension, at least 1
     * @return a new builder
     * @throws IllegalArgumentException when {@code dimension < 1}
     */
    public static Builder builder(int dimension) {
        return new Builder(dimension);
    }

    /**
     * The dimension of every start point.
     *
     * @return D
     */
    public int dimension() {
        return dimension;
    }

    /**
     * The number of members N.
     *
     * @return N, in {@code [1, Integer.MAX_VALUE]}
     */
    public int members() {
        return members;
    }

    /**
     * Where the members start.
     *
     * @return the sampler or points given to the builder
     */
    public Starts starts() {
        return starts;
    }

    /**
     * The start points per grid combination.
     *
     * @return S; equal to {@link #members()} outside a grid
     */
    public int startsPerCombination() {
        return startsPerCombination;
    }

    /**
     * The index of a member's start point in the sampler.
     *
     * @param m the member's index, in {@code [0, members())}
     * @return {@code m % startsPerCombination()}
     */
    public long startIndex(long m) {
        return m % startsPerCombination;
    }

    /**
     * The start points of consecutive members.
     *
     * @param first the first member, {@code >= 0}
     * @param count how many members, with {@code first + count <= members()}
     * @param out   modified: receives the points member-major, member {@code first + j}'s coordinate i at
     *              {@code out[j*D + i]}; at least {@code count*D} long
     */
    public void startPoints(long first, int count, double[] out) {
        int done = 0;
        while (done < count) {
            long index = startIndex(first + done);
            int run = (int) Math.min(count - done, startsPerCombination - index);
            double[] part = done == 0 && run == count ? out : new double[run * dimension];
            starts.fill(index, run, startsPerCombination, part);
            if (part != out) {
                System.arraycopy(part, 0, out, done * dimension, run * dimension);
            }
            done += run;
        }
    }

    /** Builds a {@link Batch}; members and start points must be set. */
    public static final class Builder {
        private final int dimension;
        private long members = -1;
        private Starts starts;
        private int startsPerCombination;

        Builder(int dimension) {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension " + dimension + " must be at least 1");
            }
            this.dimension = dimension;
        }

        /**
         * The number of members.
         *
         * @param n N, in {@code [1, Integer.MAX_VALUE]}
         * @return this builder
         * @throws IllegalArgumentException when {@code n} is out of that range
         */
        public Builder members(long n) {
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("members " + n + " must be between 1 and " + Integer.MAX_VALUE);
            }
            members = n;
            return this;
        }

        /**
         * Where the members start: member m at point {@code m} of {@code starts} (in a grid, {@code m % S}).
         *
         * @param starts a sampler ({@link Starts#sobol}, ...) or given points, of the batch's dimension
         * @return this builder
         */
        public Builder starts(Starts starts) {
            this.starts = starts;
            return this;
        }

        /** Member m starts at point {@code m % s}; used by grids. */
        Builder startsPerCombination(int s) {
            startsPerCombination = s;
            return this;
        }

        /**
         * The batch. The builder is not modified.
         *
         * @return the batch
         * @throws IllegalArgumentException when the members or the start points are not set, the start points'
         *                                  dimension is not the batch's, given points are not one per member, or
         *                                  Sobol points would number more than {@code Integer.MAX_VALUE - 1}
         */
        public Batch build() {
            if (members < 0) {
                throw new IllegalArgumentException("the number of members is not set");
            }
            if (starts == null) {
                throw new IllegalArgumentException("no start points: give a sampler or points");
            }
            if (starts.dimension() != dimension) {
                throw new IllegalArgumentException("start has " + starts.dimension() + " values, dimension is " + dimension);
            }
            int s = startsPerCombination > 0 ? startsPerCombination : (int) members;
            if (members % s != 0) {
                throw new IllegalArgumentException(members + " members are not a whole number of grid combinations of "
                        + s + " starts");
            }
            starts.checkTotal(s);
            return new Batch(dimension, (int) members, starts, s);
        }
    }
}
