package org.batchopt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchopt.kernel.ObjectiveSource;
import org.batchopt.objective.expression.ExpressionSource;

/**
 * An objective {@code f: R^D -> R} with its source for every backend, its sense, and, for the built-ins, a
 * usual search box and the known global minima. Immutable.
 *
 * <p>Maximizing {@code f} means minimizing {@code -f}; reported values are always {@code f} itself.
 *
 * <p>An objective may carry named parameters ({@link #parameters()}): values, one for the batch or one per member,
 * that its formula and the run's constraints read by name, as {@code mu} in {@code (x - mu)^2}; each is a
 * hyperparameter of the run, reported beside the rule's.
 */
public final class Objective {
    private final String name;
    private final int dimension;
    private final ObjectiveSource source;
    private final boolean maximize;
    private final Box box;
    private final double minimum;
    private final List<double[]> minimizers;
    private final String formula;
    private final Map<String, Param> parameters;

    /**
     * Made by {@link Objectives}.
     *
     * @param source     the kernel source and CPU twins
     * @param box        usual search box, or null
     * @param minimizers known global minimizers (not modified), empty when unknown
     * @param minimum    the global minimum value, NaN when unknown
     */
    Objective(String name, int dimension, ObjectiveSource source, Box box, double minimum,
                     List<double[]> minimizers, String formula) {
        this(name, dimension, source, false, box, minimum, minimizers, formula, Map.of());
    }

    private Objective(String name, int dimension, ObjectiveSource source, boolean maximize, Box box,
                      double minimum, List<double[]> minimizers, String formula, Map<String, Param> parameters) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension " + dimension + " must be at least 1");
        }
        if (box != null && box.dimension() != dimension) {
            throw new IllegalArgumentException("box has dimension " + box.dimension() + ", objective " + dimension);
        }
        this.name = name;
        this.dimension = dimension;
        this.source = source;
        this.maximize = maximize;
        this.box = box;
        this.minimum = minimum;
        this.minimizers = minimizers.stream().map(double[]::clone).toList();
        this.formula = formula;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * The objective's name.
     *
     * @return a built-in's {@link org.batchopt.objective.BuiltIn#id}, or an expression's text
     */
    public String name() {
        return name;
    }

    /**
     * The number of variables.
     *
     * @return D, at least 1
     */
    public int dimension() {
        return dimension;
    }

    /** The kernel source and CPU twins, for the engine. */
    ObjectiveSource source() {
        return source;
    }

    /**
     * Whether the engine maximizes this objective.
     *
     * @return true after {@link #maximize()}, false for a new objective
     */
    public boolean isMaximized() {
        return maximize;
    }

    /**
     * The same function, maximized; this objective is not modified.
     *
     * @return a new objective with the same name, box, minimum and minimizers
     */
    public Objective maximize() {
        return new Objective(name, dimension, source, true, box, minimum, minimizers, formula, parameters);
    }

    /**
     * The same function, minimized; this objective is not modified.
     *
     * @return a new objective with the same name, box, minimum and minimizers
     */
    public Objective minimize() {
        return new Objective(name, dimension, source, false, box, minimum, minimizers, formula, parameters);
    }

    /**
     * The named parameters its formula and the run's constraint formulas may use.
     *
     * @return the parameters by name, in their order (empty for none); not modifiable
     */
    public Map<String, Param> parameters() {
        return parameters;
    }

    /**
     * The same objective with named parameters {@code parameters} (replacing any it had), which its formula and the
     * run's constraint formulas may use by name. Each is one value for the batch or one value per member.
     *
     * @param parameters the parameters by name
     * @return a new objective; this one is not modified
     * @throws IllegalArgumentException for a name that is a variable, a function, a constant or a hyperparameter's,
     *                                  or that is not a name; for a formula that names a parameter it no longer has
     */
    public Objective withParameters(Map<String, Param> parameters) {
        List<String> names = new ArrayList<>(parameters.keySet());
        for (String n : names) {
            String problem = ExpressionSource.parameterNameProblem(n);
            if (problem == null && Hyperparameter.byId(n) != null) {
                problem = "'" + n + "' is a hyperparameter of the rule or the constraints";
            }
            if (problem != null) {
                throw new IllegalArgumentException("parameter name " + problem);
            }
            if (parameters.get(n) == null) {
                throw new IllegalArgumentException("parameter " + n + " has no value");
            }
        }
        ObjectiveSource s = source instanceof ExpressionSource e
                ? ExpressionSource.compile(e.text(), dimension, names) : source;
        return new Objective(name, dimension, s, maximize, box, minimum, minimizers, formula, parameters);
    }

    /**
     * Whether this objective has a usual search box: every built-in does, an expression when given one.
     *
     * @return true when {@link #box()} returns one
     */
    public boolean hasBox() {
        return box != null;
    }

    /**
     * The usual search box, where start points are sampled.
     *
     * @return the box
     * @throws IllegalStateException when there is none ({@link #hasBox()} is false): an expression made without
     *                               a box; give it one with {@link Objectives#expression(String, Box)}
     */
    public Box box() {
        if (box == null) {
            throw new IllegalStateException(name + " has no search box: give one with Objectives.expression(text, "
                    + "box), or sample start points in a Box of your own");
        }
        return box;
    }

    /**
     * The global minimum value of f (of f itself, also when maximized).
     *
     * @return the minimum, NaN when unknown (an expression)
     */
    public double minimum() {
        return minimum;
    }

    /**
     * The known global minimizers of f.
     *
     * @return new copies, D coordinates each; empty when unknown (an expression)
     */
    public List<double[]> minimizers() {
        return minimizers.stream().map(double[]::clone).toList();
    }

    /**
     * The formula as documented.
     *
     * @return a built-in's {@link org.batchopt.objective.BuiltIn#formula()}, or an expression's text
     */
    public String formula() {
        return formula;
    }

    /**
     * f(x) in fp64, by the CPU twin (the same operations as the kernels). Not affected by {@link #maximize()}.
     *
     * @param x the point, D coordinates; not modified
     * @return f(x), possibly non-finite
     * @throws IllegalArgumentException when {@code x} does not have D coordinates
     */
    public double value(double[] x) {
        check(x);
        double[] f = new double[1];
        source.twin64(dimension).value(lanes(x), f, 1);
        return f[0];
    }

    /**
     * f(x) and its analytic gradient in fp64, by the CPU twin. Not affected by {@link #maximize()}.
     *
     * @param x        the point, D coordinates; not modified
     * @param gradient modified: receives the gradient of f at x, D values
     * @return f(x)
     * @throws IllegalArgumentException when {@code x} or {@code gradient} does not have D values
     */
    public double gradient(double[] x, double[] gradient) {
        check(x);
        if (gradient.length != dimension) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " values, dimension is " + dimension);
        }
        double[] f = new double[1];
        double[][] g = new double[dimension][1];
        source.twin64(dimension).valueGradient(lanes(x), g, f, 1);
        for (int i = 0; i < dimension; i++) {
            gradient[i] = g[i][0];
        }
        return f[0];
    }

    /** x as one lane of a twin. */
    private static double[][] lanes(double[] x) {
        double[][] lanes = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            lanes[i][0] = x[i];
        }
        return lanes;
    }

    private void check(double[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException("point has " + x.length + " values, dimension is " + dimension);
        }
    }

    @Override
    public String toString() {
        return (maximize ? "maximize " : "") + name + " (D=" + dimension + ")";
    }
}
