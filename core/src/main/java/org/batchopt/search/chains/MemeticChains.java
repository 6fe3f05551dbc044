package org.batchopt.search.chains;

import org.batchopt.Box;
import org.batchopt.search.Memetic;

/**
 * {@link Memetic}: DE/best/1/bin over islands, offspring polished by the descents, greedy selection. Draws of member
 * m in round r, all from stream (seed, m, r): 0 and 1 pick the two other members, 2 the coordinate that always
 * crosses over, 3 + k the crossover of coordinate k.
 */
final class MemeticChains extends Chains {
    private final Memetic p;
    private final int islands;
    /** Every island's best member at the start of the round. */
    private final int[] best;
    /** Whether the island starts afresh this round: every member's value within the tolerance of the best. */
    private final boolean[] fresh;

    MemeticChains(Memetic p, int members, Box box, long seed, double eps) {
        super(members, box, seed, eps);
        if (members < Memetic.MIN_ISLAND) {
            throw new IllegalArgumentException("memetic search needs at least " + Memetic.MIN_ISLAND
                    + " members, the batch has " + members);
        }
        this.p = p;
        int full = members / p.islandSize();
        int rest = members % p.islandSize();
        this.islands = full == 0 ? 1 : rest >= Memetic.MIN_ISLAND ? full + 1 : full;
        this.best = new int[islands];
        this.fresh = new boolean[islands];
    }

    private int island(int m) {
        return Math.min(m / p.islandSize(), islands - 1);
    }

    private int first(int island) {
        return island * p.islandSize();
    }

    private int end(int island) {
        return island == islands - 1 ? members : (island + 1) * p.islandSize();
    }

    @Override
    protected void beforeProposals(int round) {
        for (int i = 0; i < islands; i++) {
            int b = first(i);
            for (int m = b + 1; m < end(i); m++) {
                if (value[m] < value[b]) {
                    b = m;
                }
            }
            best[i] = b;
            boolean collapsed = true;
            for (int m = first(i); m < end(i) && collapsed; m++) {
                collapsed = noWorse(value[m], value[b]);
            }
            fresh[i] = collapsed;
        }
    }

    @Override
    protected void propose(int m, int round, double[] out) {
        long key = CounterRandom.key(seed, m, round);
        int i = island(m);
        if (fresh[i]) {
            restart(m, key, out);
            return;
        }
        int lo = first(i);
        int size = end(i) - lo;
        int self = m - lo;
        // a uniform among the others, b uniform among the others but a: skip the excluded positions in order.
        int a = CounterRandom.below(key, 0, size - 1);
        if (a >= self) {
            a++;
        }
        int b = CounterRandom.below(key, 1, size - 2);
        int low = Math.min(self, a);
        int high = Math.max(self, a);
        if (b >= low) {
            b++;
        }
        if (b >= high) {
            b++;
        }
        int pa = (lo + a) * dim;
        int pb = (lo + b) * dim;
        int pbest = best[i] * dim;
        int always = CounterRandom.below(key, 2, dim);
        int base = m * dim;
        for (int k = 0; k < dim; k++) {
            if (k == always || CounterRandom.unit(key, 3 + k) < p.crossover()) {
                out[base + k] = reflect(k, current[pbest + k] + p.weight() * (current[pa + k] - current[pb + k]));
            } else {
                out[base + k] = current[base + k];
            }
        }
    }

    @Override
    protected boolean accept(int m, int round, double[] x, double[] v) {
        boolean accepted = fresh[island(m)] || (v[m] != Double.POSITIVE_INFINITY && noWorse(v[m], value[m]));
        if (accepted) {
            move(m, x, v);
        }
        return accepted;
    }
}
