package org.batchopt;

/**
 * N members sharing one objective and one update rule: how many, and where each starts. In a grid
 * ({@link Grid#batch}), member m uses start point {@code m % S} of the sampler, so that every combination of
 * hyperparameters is tried from the same S start points.
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

    public static Builder builder(int dimension) {
        return new Builder(dimension);
    }

    public int dimension() {
        return dimension;
    }

    public int members() {
        return members;
    }

    public Starts starts() {
        return starts;
    }

    /** Start points per grid combination; equal to {@link #members()} outside a grid. */
    public int startsPerCombination() {
        return startsPerCombination;
    }

    /** Index of member {@code m}'s start point in the sampler. */
    public long startIndex(long m) {
        return m % startsPerCombination;
    }

    /** Start points of members {@code first .. first+count-1}, member-major into {@code out}. */
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

        /** Number of members, at least 1. */
        public Builder members(long n) {
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("members " + n + " must be between 1 and " + Integer.MAX_VALUE);
            }
            members = n;
            return this;
        }

        public Builder starts(Starts starts) {
            this.starts = starts;
            return this;
        }

        /** Member m starts at point {@code m % s}; used by grids. */
        Builder startsPerCombination(int s) {
            startsPerCombination = s;
            return this;
        }

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
