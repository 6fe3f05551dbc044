package org.batchopt.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchopt.Minimum;
import org.batchopt.Status;

/**
 * The distinct minima of a batch whose members lie in many tasks, exactly as {@link org.batchopt.Result#minima} finds
 * them in one run: members best first, each joining the first earlier founder near it or founding a minimum.
 *
 * <p>A founder is a member that no earlier founder is near. Each task offers the founders of its own members
 * ({@link #founders}); the driver takes them best first and keeps those that no kept one before them is near
 * ({@link #greedy}). Every task then places each of its members with the first kept founder near it that ranks
 * before it ({@link Placement#of}). Where every member is placed (or is a kept founder), the kept founders are the
 * batch's founders: by induction along the ranking, a member founds a minimum in the single run exactly when it is
 * kept. A member that no kept founder covers (its own task's founder was absorbed by a better one elsewhere that is
 * not near it) is offered as a founder too and the round repeats; each round settles at least one more founder of the
 * ranking, and usually the first round settles all.
 */
final class MinimaMerge {
    private MinimaMerge() {
    }

    /** The tolerances of the clustering and the ranking direction. */
    record Rule(int dimension, double xTol, double fTol, boolean maximized) implements Serializable {
        FounderIndex index() {
            return new FounderIndex(dimension, xTol, fTol, maximized);
        }
    }

    /** The founders among one task's members, best first. */
    static List<MemberRecord> founders(RangeData data, Rule rule) {
        FounderIndex index = rule.index();
        List<MemberRecord> out = new ArrayList<>();
        for (int j : ranked(data, rule.maximized())) {
            double[] x = data.x(j);
            int m = data.first + j;
            if (index.firstNear(m, x, data.objective[j]) < 0) {
                index.add(m, x, data.objective[j]);
                out.add(data.record(j));
            }
        }
        return out;
    }

    /** The candidates (any order) that no better kept candidate is near, best first. */
    static List<MemberRecord> greedy(List<MemberRecord> candidates, Rule rule) {
        List<MemberRecord> sorted = new ArrayList<>(candidates);
        sorted.sort((a, b) -> Ranking.compare(a, b, rule.maximized()));
        FounderIndex index = rule.index();
        List<MemberRecord> kept = new ArrayList<>();
        for (MemberRecord c : sorted) {
            if (index.firstNear(c.index(), c.x(), c.objective()) < 0) {
                index.add(c.index(), c.x(), c.objective());
                kept.add(c);
            }
        }
        return kept;
    }

    /** Positions of the members of {@code data} that did not diverge, best first. */
    private static int[] ranked(RangeData data, boolean maximized) {
        int[] order = new int[data.count];
        int n = 0;
        for (int j = 0; j < data.count; j++) {
            if (data.status(j) != Status.DIVERGED) {
                order[n++] = j;
            }
        }
        order = Arrays.copyOf(order, n);
        Ranking.sort(order, data.objective, data.first, maximized);
        return order;
    }

    /**
     * Where one task's members go, given the founders (best first): per founder the members it gets from this task
     * (how many, the sum of their steps, and the best {@code keep} with their objectives, best first), and the
     * members no founder covers.
     */
    record Placement(int[] founder, long[] count, long[] steps, int[][] best, double[][] bestObjective,
                     List<MemberRecord> uncovered) implements Serializable {

        static Placement of(RangeData data, List<MemberRecord> founders, Rule rule, int keep) {
            FounderIndex index = rule.index();
            Map<Integer, Integer> own = new HashMap<>();
            for (MemberRecord f : founders) {
                int id = index.add(f.index(), f.x(), f.objective());
                if (f.index() >= data.first && f.index() < data.first + data.count) {
                    own.put(f.index(), id);
                }
            }
            Map<Integer, Integer> slot = new HashMap<>();
            List<Integer> ids = new ArrayList<>();
            List<long[]> counts = new ArrayList<>();
            List<int[]> kept = new ArrayList<>();
            List<double[]> keptObjective = new ArrayList<>();
            List<MemberRecord> uncovered = new ArrayList<>();
            for (int j : ranked(data, rule.maximized())) {
                int m = data.first + j;
                Integer self = own.get(m);
                int id = self != null ? self : index.firstNear(m, data.x(j), data.objective[j]);
                if (id < 0) {
                    uncovered.add(data.record(j));
                    continue;
                }
                Integer s = slot.get(id);
                if (s == null) {
                    s = ids.size();
                    slot.put(id, s);
                    ids.add(id);
                    counts.add(new long[2]);
                    kept.add(new int[0]);
                    keptObjective.add(new double[0]);
                }
                long c = counts.get(s)[0]++;
                counts.get(s)[1] += data.steps[j];
                if (c < keep) {
                    kept.set(s, append(kept.get(s), m));
                    keptObjective.set(s, append(keptObjective.get(s), data.objective[j]));
                }
            }
            int n = ids.size();
            return new Placement(ids.stream().mapToInt(Integer::intValue).toArray(),
                    counts.stream().mapToLong(c -> c[0]).toArray(), counts.stream().mapToLong(c -> c[1]).toArray(),
                    kept.toArray(new int[n][]),
                    keptObjective.toArray(new double[n][]), uncovered);
        }
    }

    /**
     * The minima of the founders (best first) from every task's placement: the founder's point and values, all its
     * members counted, its best {@code keep} members best first.
     */
    static List<Minimum> minima(List<MemberRecord> founders, List<Placement> placements, Rule rule, int keep) {
        int n = founders.size();
        long[] count = new long[n];
        List<List<double[]>> best = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            best.add(new ArrayList<>());
        }
        for (Placement p : placements) {
            for (int s = 0; s < p.founder().length; s++) {
                int id = p.founder()[s];
                count[id] += p.count()[s];
                for (int q = 0; q < p.best()[s].length; q++) {
                    best.get(id).add(new double[] {p.bestObjective()[s][q], p.best()[s][q]});
                }
            }
        }
        List<Minimum> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            List<double[]> b = best.get(k);
            b.sort((u, v) -> Ranking.compare(u[0], (int) u[1], v[0], (int) v[1], rule.maximized()));
            int[] members = b.stream().limit(keep).mapToInt(u -> (int) u[1]).toArray();
            MemberRecord f = founders.get(k);
            out.add(new Minimum(f.x(), f.f(), f.objective(), Math.toIntExact(count[k]), members));
        }
        return out;
    }

    /** Per founder, the sum of the steps of all its members, from every task's placement. */
    static long[] stepSums(int founders, List<Placement> placements) {
        long[] sums = new long[founders];
        for (Placement p : placements) {
            for (int s = 0; s < p.founder().length; s++) {
                sums[p.founder()[s]] += p.steps()[s];
            }
        }
        return sums;
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    private static double[] append(double[] a, double v) {
        double[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
