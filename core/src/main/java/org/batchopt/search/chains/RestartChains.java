package org.batchopt.search.chains;

import org.batchopt.Box;

/** {@link org.batchopt.search.Restarts}: start r of member m is uniform in the box, keyed by (seed, m, r). */
final class RestartChains extends Chains {
    RestartChains(int members, Box box, long seed, double eps) {
        super(members, box, seed, eps);
    }

    @Override
    protected void propose(int m, int round, double[] out) {
        restart(m, CounterRandom.key(seed, m, round), out);
    }

    @Override
    protected boolean accept(int m, int round, double[] x, double[] v) {
        move(m, x, v);
        return true;
    }
}
