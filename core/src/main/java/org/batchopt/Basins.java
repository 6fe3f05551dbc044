package org.batchopt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The distinct minima of a batch with their shares, the value levels they lie on, and whether the search is
 * saturated; made by {@link Result#basins}.
 *
 * <p>A <em>level</em> is a run of minima, best first, whose values lie within the f tolerance of the level's first:
 * minima of one level are different points with the same value (Rastrigin in D dimensions has 2D points at
 * f = 0.995, 4 C(D, 2) at 1.99 and so on), which a table of minima alone would show as repeats.
 *
 * @param basins     every minimum with its share and mean steps, best first
 * @param levels     the value levels, best first
 * @param saturation the Good-Turing estimate of what more starts would find
 * @param members    every member of the batch
 * @param diverged   members left out because they diverged
 * @param xTol       the clustering's x tolerance
 * @param fTol       the clustering's relative f tolerance
 */
public record Basins(List<Basin> basins, List<Level> levels, Saturation saturation, long members, long diverged,
                     double xTol, double fTol) {

    /**
     * Minima that share one value up to the f tolerance.
     *
     * @param f       the value of the level's best minimum
     * @param minima  how many distinct minima lie on it
     * @param members how many members reached one of them
     */
    public record Level(double f, int minima, long members) {
    }

    /**
     * The figures as given; the lists are copied.
     *
     * @param basins     every minimum with its share and mean steps, best first
     * @param levels     the value levels, best first
     * @param saturation the Good-Turing estimate of what more starts would find
     * @param members    every member of the batch
     * @param diverged   members left out because they diverged
     * @param xTol       the clustering's x tolerance
     * @param fTol       the clustering's relative f tolerance
     */
    public Basins {
        basins = List.copyOf(basins);
        levels = List.copyOf(levels);
    }

    /**
     * @param minima  best first, as {@link Result#minima} makes them
     * @param steps   each member's steps
     * @param n       every member of the batch
     */
    static Basins of(List<Minimum> minima, IntUnaryOperator steps, long n, long diverged,
                     double xTol, double fTol) {
        long[] stepSums = new long[minima.size()];
        for (int k = 0; k < stepSums.length; k++) {
            for (int m : minima.get(k).members()) {
                stepSums[k] += steps.applyAsInt(m);
            }
        }
        return of(minima, stepSums, n, diverged, xTol, fTol);
    }

    /**
     * The figures of minima whose members are not all at hand (a run merged from parts, whose minima list only their
     * best members): {@code stepSums[k]} is the sum of the steps of every member of minimum k.
     *
     * @param minima   best first, as {@link Result#minima} makes them; {@link Minimum#count} counts every member
     * @param stepSums per minimum, the steps of all its members added up
     * @param n        every member of the batch
     * @param diverged members of the batch that diverged
     * @param xTol     the clustering's x tolerance
     * @param fTol     the clustering's relative f tolerance
     * @return the basins, levels and saturation of the minima
     */
    public static Basins of(List<Minimum> minima, long[] stepSums, long n, long diverged, double xTol, double fTol) {
        List<Basin> basins = new ArrayList<>(minima.size());
        long singletons = 0;
        long clustered = 0;
        for (int k = 0; k < minima.size(); k++) {
            Minimum mn = minima.get(k);
            basins.add(new Basin(mn, (double) mn.count() / n, (double) stepSums[k] / mn.count()));
            singletons += mn.count() == 1 ? 1 : 0;
            clustered += mn.count();
        }
        List<Level> levels = new ArrayList<>();
        int first = 0;
        for (int k = 1; k <= minima.size(); k++) {
            double v = k < minima.size() ? minima.get(k).objective() : Double.NaN;
            double v0 = minima.get(first).objective();
            if (!(Math.abs(v - v0) <= fTol * Math.max(1, Math.abs(v0)))) {
                long members = 0;
                for (int j = first; j < k; j++) {
                    members += minima.get(j).count();
                }
                levels.add(new Level(minima.get(first).f(), k - first, members));
                first = k;
            }
        }
        return new Basins(basins, levels, new Saturation(minima.size(), singletons, clustered), n, diverged, xTol,
                fTol);
    }

    /**
     * The minima alone, best first.
     *
     * @return each basin's minimum, in the order of {@link #basins()}
     */
    public List<Minimum> minima() {
        return basins.stream().map(Basin::minimum).toList();
    }
}
