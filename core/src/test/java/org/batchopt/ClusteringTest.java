package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.batchopt.rule.Sgd;
import org.junit.jupiter.api.Test;

/**
 * The hashed clustering behind {@link Result#minima} gives exactly what the plain greedy scan gives: each member,
 * best first, joins the first minimum within the tolerances, or founds one. Checked where the hash matters: many
 * minima of one value (lattice points of a sphere), points jittered across cell borders, huge and zero tolerances.
 */
class ClusteringTest {

    static Result lattice(int d, int n, double jitter, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] starts = new double[n][d];
        for (int m = 0; m < n; m++) {
            for (int i = 0; i < d; i++) {
                starts[m][i] = rnd.nextInt(-2, 3) * 0.5 + (jitter > 0 ? rnd.nextDouble(-jitter, jitter) : 0);
            }
        }
        try (Backend cpu = Backends.open("cpu")) {
            return Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(0)).run(Objectives.sphere(d),
                    Sgd.builder().build(), Batch.builder(d).members(n).starts(Starts.points(starts)).build());
        }
    }

    /** The greedy scan as Result.minima documents it, with no index: the reference. */
    static List<int[]> scan(Result r, double xTol, double fTol) {
        int[] order = r.best(r.members());
        List<Integer> founders = new ArrayList<>();
        List<List<Integer>> groups = new ArrayList<>();
        for (int m : order) {
            int found = -1;
            for (int c = 0; c < founders.size() && found < 0; c++) {
                int f = founders.get(c);
                boolean near = Math.abs(r.f(f) - r.f(m)) <= fTol * Math.max(1, Math.abs(r.f(m)));
                for (int i = 0; i < r.dimension() && near; i++) {
                    near = Math.abs(r.x(f, i) - r.x(m, i)) <= xTol;
                }
                found = near ? c : -1;
            }
            if (found < 0) {
                founders.add(m);
                groups.add(new ArrayList<>(List.of(m)));
            } else {
                groups.get(found).add(m);
            }
        }
        return groups.stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    @Test
    void theHashedClusteringIsTheGreedyScan() {
        double[][] tolerances = {{1e-2, 1e-3}, {0.3, 1e-3}, {0.6, 0.5}, {0, 0}, {1e-9, 0}, {1e6, 1e6}, {0.25, 1e-12}};
        for (int d : new int[] {1, 3, 6}) {
            for (double jitter : new double[] {0, 0.004, 0.2}) {
                Result r = lattice(d, 1500, jitter, 7 + d);
                for (double[] t : tolerances) {
                    List<int[]> expected = scan(r, t[0], t[1]);
                    List<Minimum> minima = r.minima(t[0], t[1]);
                    String where = "D " + d + ", jitter " + jitter + ", tolerances " + t[0] + ", " + t[1];
                    assertEquals(expected.size(), minima.size(), where);
                    for (int k = 0; k < expected.size(); k++) {
                        assertArrayEquals(expected.get(k), minima.get(k).members(), where + ", minimum " + k);
                        assertArrayEquals(r.x(expected.get(k)[0]), minima.get(k).x(), where);
                    }
                }
            }
        }
    }
}
