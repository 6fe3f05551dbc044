package org.batchopt.search.chains;

import org.batchopt.Box;
import org.batchopt.search.BasinHopping;

/**
 * {@link BasinHopping}: perturb, descend, accept by the Metropolis rule, adapt the step size. Draws of member m's
 * hop r, all from stream (seed, m, r): 0 .. k-1 choose the coordinates (Floyd's sampling of k of D), D + i moves
 * coordinate i, 2D is the Metropolis draw.
 */
final class HoppingChains extends Chains {
    private final BasinHopping p;
    private final int moved;
    private final double up;
    private final double down;
    private final double[] step;

    HoppingChains(BasinHopping p, int members, Box box, long seed, double eps) {
        super(members, box, seed, eps);
        if (p.coordinates() > dim) {
            throw new IllegalArgumentException("basin-hopping moves " + p.coordinates() + " coordinates per hop, "
                    + "the dimension is " + dim);
        }
        this.p = p;
        this.moved = p.coordinates() == 0 ? dim : p.coordinates();
        this.up = StrictMath.exp(BasinHopping.ADAPTATION * (1 - p.acceptanceRate()));
        this.down = StrictMath.exp(-BasinHopping.ADAPTATION * p.acceptanceRate());
        this.step = new double[members];
        java.util.Arrays.fill(step, p.stepSize());
    }

    @Override
    public double stepSize(int m) {
        return step[m];
    }

    @Override
    protected void propose(int m, int round, double[] out) {
        long key = CounterRandom.key(seed, m, round);
        int base = m * dim;
        System.arraycopy(current, base, out, base, dim);
        boolean[] chosen = moved == dim ? null : new boolean[dim];
        if (chosen != null) {
            // Floyd: for j = D-k .. D-1 take t uniform in [0, j]; t if new, else j. Every k-subset equally likely.
            for (int j = dim - moved, draw = 0; j < dim; j++, draw++) {
                int t = CounterRandom.below(key, draw, j + 1);
                chosen[chosen[t] ? j : t] = true;
            }
        }
        for (int k = 0; k < dim; k++) {
            if (chosen == null || chosen[k]) {
                double u = CounterRandom.unit(key, dim + k);
                out[base + k] = reflect(k, current[base + k] + step[m] * box.width(k) * (2 * u - 1));
            }
        }
    }

    @Override
    protected boolean accept(int m, int round, double[] x, double[] v) {
        double next = v[m];
        double now = value[m];
        boolean accepted = next != Double.POSITIVE_INFINITY && (noWorse(next, now) || (p.temperature() > 0
                && CounterRandom.unit(CounterRandom.key(seed, m, round), 2L * dim)
                < StrictMath.exp(-(next - now) / p.temperature())));
        step[m] = Math.min(BasinHopping.MAX_STEP, Math.max(BasinHopping.MIN_STEP, step[m] * (accepted ? up : down)));
        if (accepted) {
            move(m, x, v);
        }
        return accepted;
    }
}
