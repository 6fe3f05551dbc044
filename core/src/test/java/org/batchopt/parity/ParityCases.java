package org.batchopt.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchopt.Param;
import org.batchopt.rule.Adagrad;
import org.batchopt.rule.Adam;
import org.batchopt.rule.AdamW;
import org.batchopt.rule.Adamax;
import org.batchopt.rule.NAdam;
import org.batchopt.rule.RmsProp;
import org.batchopt.rule.RuleBuilder;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedule;
import org.batchopt.schedule.Schedules;

/**
 * The levels of the parity matrix: every update rule with each of its switches, every schedule, every
 * regularization term. {@link ParityTest} covers every pair of levels (and of objective and precision) with
 * one program each, rather than the full product, which would take thousands of kernel builds.
 */
final class ParityCases {
    private ParityCases() {
    }

    /** A regularization level applied to a rule builder. */
    interface Regularizer {
        <B extends RuleBuilder<B>> B apply(B builder);
    }

    /**
     * Rule variants by name: each builds the rule for a schedule and a regularizer; {@code perMember} gives
     * every numeric rule parameter one value per member (spread around the uniform value).
     */
    static Map<String, RuleFactory> rules() {
        Map<String, RuleFactory> r = new LinkedHashMap<>();
        r.put("sgd", (s, g, n) -> g.apply(Sgd.builder().lr(p(1e-3, n)).schedule(s)).build());
        r.put("sgd-momentum-dampening", (s, g, n) -> g.apply(Sgd.builder().lr(p(1e-3, n)).momentum(b(0.9, n))
                .dampening(p(0.1, n)).schedule(s)).build());
        r.put("sgd-nesterov-weight-decay", (s, g, n) -> g.apply(Sgd.builder().lr(p(1e-3, n)).momentum(b(0.9, n))
                .nesterov(true).weightDecay(p(0.05, n)).schedule(s)).build());
        r.put("adagrad", (s, g, n) -> g.apply(Adagrad.builder().lr(p(0.1, n)).schedule(s)).build());
        r.put("adagrad-decay-accumulator-weight-decay", (s, g, n) -> g.apply(Adagrad.builder().lr(p(0.1, n))
                .lrDecay(p(0.01, n)).initialAccumulator(p(0.1, n)).weightDecay(p(0.01, n)).schedule(s)).build());
        r.put("rmsprop", (s, g, n) -> g.apply(RmsProp.builder().lr(p(1e-3, n)).schedule(s)).build());
        r.put("rmsprop-centered-momentum-weight-decay", (s, g, n) -> g.apply(RmsProp.builder().lr(p(1e-3, n))
                .centered(true).momentum(b(0.9, n)).weightDecay(p(0.01, n)).alpha(b(0.95, n)).schedule(s)).build());
        r.put("adam", (s, g, n) -> g.apply(Adam.builder().lr(p(1e-2, n)).schedule(s)).build());
        r.put("adam-amsgrad-weight-decay", (s, g, n) -> g.apply(Adam.builder().lr(p(1e-2, n)).amsgrad(true)
                .weightDecay(p(0.01, n)).betas(b(0.8, n), b(0.99, n)).schedule(s)).build());
        r.put("adamw", (s, g, n) -> g.apply(AdamW.builder().lr(p(1e-2, n)).weightDecay(p(0.02, n))
                .eps(p(1e-6, n)).schedule(s)).build());
        r.put("adamw-amsgrad", (s, g, n) -> g.apply(AdamW.builder().lr(p(1e-2, n)).amsgrad(true).schedule(s))
                .build());
        r.put("nadam", (s, g, n) -> g.apply(NAdam.builder().lr(p(1e-2, n)).momentumDecay(p(4e-3, n))
                .weightDecay(p(0.01, n)).schedule(s)).build());
        r.put("adamax", (s, g, n) -> g.apply(Adamax.builder().lr(p(1e-2, n)).weightDecay(p(0.01, n))
                .betas(b(0.85, n), b(0.99, n)).schedule(s)).build());
        return r;
    }

    /** Builds a rule for a schedule, a regularizer and a member count (0: uniform parameters). */
    interface RuleFactory {
        UpdateRule build(Schedule schedule, Regularizer regularizer, int perMember);
    }

    /** Uniform {@code v}, or {@code n} values spread over [v/2, 3v/2] (0 stays 0 for half the members). */
    static Param p(double v, int n) {
        if (n == 0) {
            return Param.of(v);
        }
        double[] values = new double[n];
        for (int m = 0; m < n; m++) {
            values[m] = v * (0.5 + (double) m / Math.max(1, n - 1));
        }
        return Param.perMember(values);
    }

    /** Uniform {@code v} in (0, 1), or {@code n} values whose distance to 1 is spread over [(1-v)/2, 3(1-v)/2]. */
    static Param b(double v, int n) {
        if (n == 0) {
            return Param.of(v);
        }
        double[] values = new double[n];
        for (int m = 0; m < n; m++) {
            values[m] = 1 - (1 - v) * (0.5 + (double) m / Math.max(1, n - 1));
        }
        return Param.perMember(values);
    }

    static Map<String, Schedule> schedules() {
        Map<String, Schedule> s = new LinkedHashMap<>();
        s.put("constant", Schedules.constant());
        s.put("inverse-time", Schedules.inverseTime(0.05));
        s.put("inverse-time-power", Schedules.inverseTime(0.05, 0.6));
        s.put("step", Schedules.step(7, 0.5));
        s.put("multistep", Schedules.multiStep(new int[] {5, 12, 30}, 0.4));
        s.put("exponential", Schedules.exponential(0.97));
        s.put("cosine", Schedules.cosine(25, 1e-4));
        s.put("warmup-cosine", Schedules.warmup(6, Schedules.cosine(25, 1e-4)));
        return s;
    }

    static Map<String, Regularizer> regularizers() {
        Map<String, Regularizer> g = new LinkedHashMap<>();
        g.put("none", new Regularizer() {
            public <B extends RuleBuilder<B>> B apply(B b) {
                return b;
            }
        });
        g.put("l1", new Regularizer() {
            public <B extends RuleBuilder<B>> B apply(B b) {
                return b.l1(0.05);
            }
        });
        g.put("l1-proximal", new Regularizer() {
            public <B extends RuleBuilder<B>> B apply(B b) {
                return b.l1Proximal(0.05);
            }
        });
        g.put("l2", new Regularizer() {
            public <B extends RuleBuilder<B>> B apply(B b) {
                return b.l2(0.02);
            }
        });
        g.put("decoupled-weight-decay", new Regularizer() {
            public <B extends RuleBuilder<B>> B apply(B b) {
                return b.decoupledWeightDecay(0.05);
            }
        });
        return g;
    }

    /**
     * Rows of a pairwise covering array over factors of the given sizes: every pair of levels of every two
     * factors appears in some row. Greedy and deterministic: one row per combination of the first two
     * factors, the other levels chosen to cover the most pairs not yet covered.
     */
    static List<int[]> pairwise(int... sizes) {
        int k = sizes.length;
        boolean[][][][] covered = new boolean[k][k][][];
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                covered[a][b] = new boolean[sizes[a]][sizes[b]];
            }
        }
        List<int[]> rows = new ArrayList<>();
        for (int l0 = 0; l0 < sizes[0]; l0++) {
            for (int l1 = 0; l1 < sizes[1]; l1++) {
                int[] row = new int[k];
                row[0] = l0;
                row[1] = l1;
                for (int f = 2; f < k; f++) {
                    int best = 0;
                    int bestGain = -1;
                    for (int v = 0; v < sizes[f]; v++) {
                        row[f] = v;
                        int gain = 0;
                        for (int a = 0; a < f; a++) {
                            gain += covered[a][f][row[a]][v] ? 0 : 1;
                        }
                        if (gain > bestGain) {
                            bestGain = gain;
                            best = v;
                        }
                    }
                    row[f] = best;
                }
                for (int a = 0; a < k; a++) {
                    for (int b = a + 1; b < k; b++) {
                        covered[a][b][row[a]][row[b]] = true;
                    }
                }
                rows.add(row);
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                for (int x = 0; x < sizes[a]; x++) {
                    for (int y = 0; y < sizes[b]; y++) {
                        if (!covered[a][b][x][y]) {
                            rows.add(fill(sizes, a, x, b, y));
                            covered[a][b][x][y] = true;
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static int[] fill(int[] sizes, int a, int x, int b, int y) {
        int[] row = new int[sizes.length];
        row[a] = x;
        row[b] = y;
        return row;
    }
}
