package org.batchopt.cli;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.batchopt.Grid;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;

/**
 * The numeric hyperparameters given on the command line, each a list of values, by id: the {@link Hyperparameter}s
 * and the formulas' named parameters. A list of one value is that value for every member; longer lists are the axes
 * of a {@link Grid}, in the order they were added. Tracks which values were taken, so that an option nothing has a
 * use for is an error instead of being ignored.
 */
final class GridAxes {
    private record Axis(String option, double[] values) {
    }

    private final Map<String, Axis> axes = new LinkedHashMap<>();
    private final Set<String> taken = new LinkedHashSet<>();
    private Grid grid;
    private int starts;

    /** Adds {@code values} of {@code h}, given by its option; null means not given. */
    void put(Hyperparameter h, double[] values) {
        put(h, h.option(), values);
    }

    /** Adds {@code values} of {@code h}, given by {@code option}; null means not given. */
    void put(Hyperparameter h, String option, double[] values) {
        put(h.id(), option, values);
    }

    /** Adds {@code values} of the hyperparameter or named parameter {@code id}, given by {@code option}. */
    void put(String id, String option, double[] values) {
        if (values == null) {
            return;
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(option + " has no values");
        }
        for (int i = 1; i < values.length; i++) {
            for (int k = 0; k < i; k++) {
                if (Double.compare(values[i], values[k]) == 0) {
                    throw new IllegalArgumentException(option + " lists " + values[i] + " twice");
                }
            }
        }
        axes.put(id, new Axis(option, values.clone()));
        grid = null;
    }

    boolean has(Hyperparameter h) {
        return axes.containsKey(h.id());
    }

    /** The grid of every list longer than one value, or null when every hyperparameter has one value. */
    Grid grid() {
        if (grid == null) {
            for (Map.Entry<String, Axis> e : axes.entrySet()) {
                double[] v = e.getValue().values();
                if (v.length > 1) {
                    String name = e.getKey();
                    grid = grid == null ? Grid.of(name, v) : grid.and(name, v);
                }
            }
        }
        return grid;
    }

    /** Number of combinations of the grid, 1 without one. */
    long combinations() {
        Grid g = grid();
        return g == null ? 1 : g.combinations();
    }

    /** Fixes the number of start points per combination; needed before {@link #param}. */
    void startsPerCombination(int s) {
        starts = s;
    }

    /** The values of {@code h}, uniform or per member; marks it taken. */
    Param param(Hyperparameter h) {
        return param(h.id());
    }

    /** The values of the hyperparameter or named parameter {@code id}, uniform or per member; marks it taken. */
    Param param(String id) {
        Axis a = axes.get(id);
        if (a == null) {
            throw new IllegalStateException("no values for " + id);
        }
        taken.add(id);
        if (a.values().length == 1) {
            return Param.of(a.values()[0]);
        }
        if (starts < 1) {
            throw new IllegalStateException("starts per combination not set");
        }
        return grid().column(id, starts);
    }

    /** Hands {@code h} to {@code setter} when it was given. */
    void apply(Hyperparameter h, Consumer<Param> setter) {
        if (has(h)) {
            setter.accept(param(h));
        }
    }

    /** Throws when some given hyperparameter was not taken by rule {@code rule}. */
    void requireAllTaken(String rule) {
        for (Map.Entry<String, Axis> e : axes.entrySet()) {
            if (!taken.contains(e.getKey())) {
                throw new IllegalArgumentException(e.getValue().option() + " does not apply to the " + rule + " rule");
            }
        }
    }
}
