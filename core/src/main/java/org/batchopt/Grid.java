package org.batchopt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hyperparameter grid: the Cartesian product of value lists, each combination tried from the same S start
 * points. Member m has combination {@code c = m / S} and start point {@code m % S}; in a combination the
 * first axis varies slowest. Immutable.
 *
 * <pre>
 *   Grid grid = Grid.of("lr", 1e-3, 1e-2, 1e-1).and("momentum", 0, 0.9);
 *   Batch batch = grid.batch(100, Starts.sobol(box, 7));          // 6 combinations x 100 starts
 *   Sgd rule = Sgd.builder().lr(grid.column("lr", 100)).momentum(grid.column("momentum", 100)).build();
 * </pre>
 */
public final class Grid {
    private final List<String> names;
    private final List<double[]> values;

    private Grid(List<String> names, List<double[]> values) {
        this.names = names;
        this.values = values;
    }

    /**
     * A grid of one axis.
     *
     * @param name   the axis, a {@link Hyperparameter#id} such as {@code lr} (not checked here: it is the name
     *               {@link #column} and {@link #values} answer to)
     * @param values the axis's values, at least one; not modified (copied)
     * @return the grid
     * @throws IllegalArgumentException when {@code values} is empty
     */
    public static Grid of(String name, double... values) {
        return new Grid(List.of(), List.of()).and(name, values);
    }

    /**
     * This grid with one more axis, varying fastest; this grid is not modified.
     *
     * @param name   the axis, not already in the grid
     * @param values the axis's values, at least one; not modified (copied)
     * @return a new grid
     * @throws IllegalArgumentException when {@code values} is empty or the grid already has {@code name}
     */
    public Grid and(String name, double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("grid axis " + name + " has no values");
        }
        if (names.contains(name)) {
            throw new IllegalArgumentException("grid axis " + name + " appears twice");
        }
        List<String> n = new ArrayList<>(names);
        List<double[]> v = new ArrayList<>(this.values);
        n.add(name);
        v.add(values.clone());
        return new Grid(List.copyOf(n), List.copyOf(v));
    }

    /**
     * The axes.
     *
     * @return their names, slowest-varying first; unmodifiable
     */
    public List<String> names() {
        return names;
    }

    /**
     * The number of combinations.
     *
     * @return the product of the axes' lengths
     * @throws ArithmeticException when it overflows a long
     */
    public long combinations() {
        long size = 1;
        for (double[] a : values) {
            size = Math.multiplyExact(size, a.length);
        }
        return size;
    }

    /**
     * The value of an axis in a combination.
     *
     * @param name the axis
     * @param c    the combination, in {@code [0, combinations())}
     * @return the axis's value in combination {@code c}
     * @throws IllegalArgumentException when the grid has no axis {@code name}
     */
    public double value(String name, long c) {
        int axis = names.indexOf(name);
        if (axis < 0) {
            throw new IllegalArgumentException("grid has no axis " + name + " (axes: " + names + ")");
        }
        for (int k = values.size() - 1; k > axis; k--) {
            c /= values.get(k).length;
        }
        return values.get(axis)[(int) (c % values.get(axis).length)];
    }

    /**
     * The axis values of a member.
     *
     * @param m      the member, in {@code [0, combinations() * starts)}
     * @param starts start points per combination, {@code >= 1}
     * @return a new map, axis name to the value of member {@code m}'s combination {@code m / starts}, in axis order
     */
    public Map<String, Double> values(long m, int starts) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (String n : names) {
            v.put(n, value(n, m / starts));
        }
        return v;
    }

    /**
     * An axis as a per-member hyperparameter for the batch {@link #batch}{@code (starts, ...)} makes: member m
     * gets the axis's value in combination {@code m / starts}.
     *
     * @param name   the axis
     * @param starts start points per combination, {@code >= 1}
     * @return one value per member, {@code combinations() * starts} of them
     * @throws IllegalArgumentException when the grid has no axis {@code name} or the batch would have more than
     *                                  {@code Integer.MAX_VALUE} members
     */
    public Param column(String name, int starts) {
        long members = Math.multiplyExact(combinations(), starts);
        if (members > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("grid of " + members + " members is too large");
        }
        double[] col = new double[(int) members];
        for (int m = 0; m < col.length; m++) {
            col[m] = value(name, m / starts);
        }
        return Param.perMember(col);
    }

    /**
     * The batch of this grid: every combination from start points {@code 0..starts-1} of {@code sampler}, so
     * member m starts at point {@code m % starts}.
     *
     * @param starts  start points per combination, {@code >= 1}
     * @param sampler where the members start; its dimension is the batch's
     * @return a batch of {@code combinations() * starts} members
     * @throws IllegalArgumentException when {@code starts < 1}, the batch would have more than
     *                                  {@code Integer.MAX_VALUE} members, or {@code sampler} cannot give
     *                                  {@code starts} points (see {@link Batch.Builder#build})
     */
    public Batch batch(int starts, Starts sampler) {
        if (starts < 1) {
            throw new IllegalArgumentException("starts per combination " + starts + " must be at least 1");
        }
        return Batch.builder(sampler.dimension()).members(Math.multiplyExact(combinations(), starts))
                .starts(sampler).startsPerCombination(starts).build();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Grid[");
        for (int k = 0; k < names.size(); k++) {
            s.append(k == 0 ? "" : ", ").append(names.get(k)).append('=').append(Arrays.toString(values.get(k)));
        }
        return s.append(']').toString();
    }
}
