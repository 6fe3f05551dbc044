package org.batchopt.search.chains;

import java.util.stream.IntStream;
import org.batchopt.Box;
import org.batchopt.search.BasinHopping;
import org.batchopt.search.Memetic;
import org.batchopt.search.Multistart;
import org.batchopt.search.Restarts;
import org.batchopt.search.SearchStrategy;

/**
 * The host side of a search: what every member's chain holds between descents (its current point and value) and
 * how its strategy proposes the next start and accepts the next end. Values are what the members minimize (the
 * objective with its penalties, negated when maximizing), +inf for a descent that diverged. Points are member-major
 * ({@code [m*D + k]}). Every member's proposal and acceptance reads only the state at the start of the round and
 * writes only its own slots, so members are processed in parallel slices in any order with the same result.
 */
public abstract class Chains {
    /** Members per parallel slice. */
    private static final int SLICE = 1 << 12;

    protected final int members;
    protected final int dim;
    protected final Box box;
    protected final long seed;
    /** Relative tolerance under which a new value counts as equal to the current one. */
    protected final double eps;
    protected final double[] current;
    protected final double[] value;

    protected Chains(int members, Box box, long seed, double eps) {
        this.members = members;
        this.dim = box.dimension();
        this.box = box;
        this.seed = seed;
        this.eps = eps;
        this.current = new double[Math.multiplyExact(members, dim)];
        this.value = new double[members];
    }

    /**
     * The chains of {@code strategy} for {@code members} members in {@code box}.
     *
     * @param eps relative tolerance under which two values are equal (the precision's resolution of f)
     * @throws IllegalArgumentException when the strategy's parameters do not fit the batch (more coordinates per hop
     *                                  than the dimension, fewer members than an island)
     */
    public static Chains of(SearchStrategy strategy, int members, Box box, long seed, double eps) {
        if (strategy instanceof BasinHopping s) {
            return new HoppingChains(s, members, box, seed, eps);
        }
        if (strategy instanceof Memetic s) {
            return new MemeticChains(s, members, box, seed, eps);
        }
        if (strategy instanceof Restarts || strategy instanceof Multistart) {
            return new RestartChains(members, box, seed, eps);
        }
        throw new IllegalArgumentException("no chains for " + strategy);
    }

    /** Round 0: every chain starts at the end of its first descent. */
    public void start(double[] x, double[] v) {
        System.arraycopy(x, 0, current, 0, current.length);
        System.arraycopy(v, 0, value, 0, members);
    }

    /** The start points of round {@code round >= 1}, member-major into {@code out}. */
    public void propose(int round, double[] out) {
        beforeProposals(round);
        slices(m -> propose(m, round, out));
    }

    /**
     * Takes the ends of round {@code round}'s descents: {@code x} member-major, {@code v} their values; sets
     * {@code accepted[m]} for every member whose chain moved to its new end.
     */
    public void accept(int round, double[] x, double[] v, boolean[] accepted) {
        slices(m -> accepted[m] = accept(m, round, x, v));
    }

    /** Member m's step size as a fraction of the box, NaN where the strategy has none. */
    public double stepSize(int m) {
        return Double.NaN;
    }

    /** Once per round before the proposals, on the calling thread. */
    protected void beforeProposals(int round) {
    }

    /** Member m's start point of round {@code round} into {@code out[m*D ..]}. */
    protected abstract void propose(int m, int round, double[] out);

    /** Whether member m's chain moves to its new end; moves it. */
    protected abstract boolean accept(int m, int round, double[] x, double[] v);

    /** Whether {@code next} is no worse than {@code now}, within the tolerance. */
    protected final boolean noWorse(double next, double now) {
        return next <= now + eps * (1 + Math.abs(now));
    }

    /** Copies member m's point of {@code x} into its current point. */
    protected final void move(int m, double[] x, double[] v) {
        System.arraycopy(x, m * dim, current, m * dim, dim);
        value[m] = v[m];
    }

    /** A fresh start for member m, uniform in the box: coordinate k from draw k of {@code key}. */
    protected final void restart(int m, long key, double[] out) {
        for (int k = 0; k < dim; k++) {
            out[m * dim + k] = box.lo(k) + CounterRandom.unit(key, k) * box.width(k);
        }
    }

    /** Coordinate k reflected into the box (and clamped there, for a move longer than the box). */
    protected final double reflect(int k, double y) {
        double lo = box.lo(k);
        double hi = box.hi(k);
        if (y < lo) {
            y = lo + (lo - y);
        } else if (y > hi) {
            y = hi - (y - hi);
        }
        return Math.min(hi, Math.max(lo, y));
    }

    private void slices(java.util.function.IntConsumer perMember) {
        int slices = (members + SLICE - 1) / SLICE;
        IntStream range = IntStream.range(0, slices);
        (slices > 1 ? range.parallel() : range).forEach(s -> {
            int end = Math.min(members, (s + 1) * SLICE);
            for (int m = s * SLICE; m < end; m++) {
                perMember.accept(m);
            }
        });
    }
}
