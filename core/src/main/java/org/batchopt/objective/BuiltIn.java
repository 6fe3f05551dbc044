package org.batchopt.objective;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.batchopt.Box;
import org.batchopt.Objective;
import org.batchopt.Objectives;

/**
 * The built-in objectives, each with its formula, the dimensions it allows, its usual search box and its
 * known global minima (all of them where there are several). Kernel source: {@code kernels/objectives/<name>.cl};
 * CPU twins: {@code objective/builtin/<Name>64.java} and the generated {@code <Name>32}, tied to the constant by
 * {@code objective/builtin/BuiltInSources}.
 *
 * <p>Definitions and boxes follow Surjanovic and Bingham's Virtual Library of Simulation Experiments. The
 * minimizers of a built-in are all of its global minimizers in its usual box, each coordinate the double
 * nearest to the exact value (irrational ones refined in 50-digit arithmetic), and its minimum is the exact
 * minimum value rounded to double; f as evaluated, with its constants rounded to the real type, reaches it to
 * within rounding.
 */
public enum BuiltIn {
    /** {@code sum_i x_i^2}, any D; box {@code [-5.12, 5.12]^D}; minimum 0 at the origin. */
    SPHERE("sphere", 1, Integer.MAX_VALUE,
            "f(x) = sum_i x_i^2",
            d -> Box.cube(d, -5.12, 5.12), d -> 0.0, d -> List.of(new double[d])),
    /**
     * {@code sum_{i<D-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2}, D {@code >= 2}; box {@code [-2.048, 2.048]^D};
     * minimum 0 at {@code (1, ..., 1)}.
     */
    ROSENBROCK("rosenbrock", 2, Integer.MAX_VALUE,
            "f(x) = sum_{i<D-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2",
            d -> Box.cube(d, -2.048, 2.048), d -> 0.0, d -> List.of(filled(d, 1.0))),
    /**
     * {@code 10 D + sum_i (x_i^2 - 10 cos(2 pi x_i))}, any D; box {@code [-5.12, 5.12]^D}; minimum 0 at the
     * origin, among about 10^D local minima.
     */
    RASTRIGIN("rastrigin", 1, Integer.MAX_VALUE,
            "f(x) = 10 D + sum_i (x_i^2 - 10 cos(2 pi x_i))",
            d -> Box.cube(d, -5.12, 5.12), d -> 0.0, d -> List.of(new double[d])),
    /**
     * {@code (x^2 + y - 11)^2 + (x + y^2 - 7)^2}, D = 2; box {@code [-5, 5]^2}; minimum 0 at four points,
     * {@code (3, 2)} among them.
     */
    HIMMELBLAU("himmelblau", 2, 2,
            "f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2",
            d -> Box.cube(2, -5, 5), d -> 0.0,
            d -> List.of(new double[] {3, 2},
                    new double[] {-2.805118086952745, 3.131312518250573},
                    new double[] {-3.779310253377747, -3.2831859912861696},
                    new double[] {3.5844283403304917, -1.8481265269644036})),
    /**
     * {@code -20 exp(-0.2 sqrt(sum_i x_i^2 / D)) - exp(sum_i cos(2 pi x_i) / D) + 20 + e}, any D; box
     * {@code [-32.768, 32.768]^D}; minimum 0 at the origin.
     *
     * <p>a = 20, b = 0.2, c = 2 pi; e is computed as exp(1), so that f(0) is exactly 0. f has a cone's tip at
     * x = 0, where the gradient is taken as 0.
     */
    ACKLEY("ackley", 1, Integer.MAX_VALUE,
            "f(x) = -20 exp(-0.2 sqrt(sum_i x_i^2 / D)) - exp(sum_i cos(2 pi x_i) / D) + 20 + e",
            d -> Box.cube(d, -32.768, 32.768), d -> 0.0, d -> List.of(new double[d])),
    /**
     * {@code sum_i x_i^2 / 4000 - prod_i cos(x_i / sqrt(i)) + 1}, any D; box {@code [-600, 600]^D}; minimum 0
     * at the origin.
     */
    GRIEWANK("griewank", 1, Integer.MAX_VALUE,
            "f(x) = sum_i x_i^2 / 4000 - prod_i cos(x_i / sqrt(i)) + 1",
            d -> Box.cube(d, -600, 600), d -> 0.0, d -> List.of(new double[d])),
    /**
     * {@code sum_i (x_i^4 - 16 x_i^2 + 5 x_i) / 2}, any D; box {@code [-5, 5]^D}; minimum
     * {@code -39.16616570377141 D}.
     *
     * <p>Each coordinate of the minimizer is the root of 4 x^3 - 32 x + 5 near -2.9 (the other local minimum, near
     * 2.75, is -25.03 per coordinate).
     */
    STYBLINSKI_TANG("styblinski-tang", 1, Integer.MAX_VALUE,
            "f(x) = sum_i (x_i^4 - 16 x_i^2 + 5 x_i) / 2",
            d -> Box.cube(d, -5, 5), BuiltIn::styblinskiTangMinimum,
            d -> List.of(filled(d, -2.903534027771177))),
    /**
     * Levy's function (see {@link #formula()}), any D; box {@code [-10, 10]^D}; minimum 0 at {@code (1, ..., 1)}.
     *
     * <p>Evaluated in u_i = w_i - 1 (sin^2 has period pi), so that f(1, ..., 1) is exactly 0.
     */
    LEVY("levy", 1, Integer.MAX_VALUE,
            "f(x) = sin^2(pi w_1) + sum_{i<D} (w_i - 1)^2 (1 + 10 sin^2(pi w_i + 1)) + (w_D - 1)^2 (1 + sin^2(2 pi w_D)),"
                    + " w_i = 1 + (x_i - 1)/4",
            d -> Box.cube(d, -10, 10), d -> 0.0, d -> List.of(filled(d, 1.0))),
    /**
     * {@code sum_i x_i^2 + (sum_i i x_i / 2)^2 + (sum_i i x_i / 2)^4}, any D; box {@code [-5, 10]^D}; minimum 0
     * at the origin.
     */
    ZAKHAROV("zakharov", 1, Integer.MAX_VALUE,
            "f(x) = sum_i x_i^2 + (sum_i i x_i / 2)^2 + (sum_i i x_i / 2)^4",
            d -> Box.cube(d, -5, 10), d -> 0.0, d -> List.of(new double[d])),
    /**
     * {@code (x_1 - 1)^2 + sum_{i=2}^D i (2 x_i^2 - x_{i-1})^2}, any D; box {@code [-10, 10]^D}; minimum 0.
     *
     * <p>f = 0 exactly where x_1 = 1 and x_{i-1} = 2 x_i^2 for i = 2..D, so x_1, ..., x_{D-1} are positive and only
     * the sign of x_D is free: x_i = +-2^(2^(1-i) - 1), one minimizer for D = 1 and two for D >= 2, all listed.
     */
    DIXON_PRICE("dixon-price", 1, Integer.MAX_VALUE,
            "f(x) = (x_1 - 1)^2 + sum_{i=2}^D i (2 x_i^2 - x_{i-1})^2",
            d -> Box.cube(d, -10, 10), d -> 0.0, BuiltIn::dixonPriceMinimizers),
    /**
     * {@code 418.9828872724339 D - sum_i x_i sin(sqrt|x_i|)}, any D; box {@code [-500, 500]^D}; minimum
     * {@code 2.0722e-13 D} at {@code (420.96874635998205, ...)}.
     *
     * <p>Schwefel's problem 2.26. The constant, as a double 418.98288727243391349..., exceeds
     * max x sin(sqrt x) = 418.98288727243370627... by 2.0722e-13, so the minimum is 2.0722e-13 D rather than 0
     * (with the decimal constant it would be 1.9373e-13 D); each coordinate of the minimizer solves
     * tan(sqrt x) = -sqrt(x)/2. The gradient, -(sin(s) + s cos(s) / 2) with s = sqrt|x_i|, is continuous and 0
     * at x_i = 0.
     */
    SCHWEFEL("schwefel", 1, Integer.MAX_VALUE,
            "f(x) = 418.9828872724339 D - sum_i x_i sin(sqrt|x_i|)",
            d -> Box.cube(d, -500, 500), d -> d * 2.072199648878189e-13, d -> List.of(filled(d, 420.96874635998205))),
    /**
     * {@code (y - 5.1/(4 pi^2) x^2 + 5/pi x - 6)^2 + 10 (1 - 1/(8 pi)) cos(x) + 10}, D = 2; box
     * {@code [-5, 10] x [0, 15]}; minimum {@code 5/(4 pi)} at {@code (-pi, 12.275)}, {@code (pi, 2.275)} and
     * {@code (3 pi, 2.475)}.
     */
    BRANIN("branin", 2, 2,
            "f(x, y) = (y - 5.1/(4 pi^2) x^2 + 5/pi x - 6)^2 + 10 (1 - 1/(8 pi)) cos(x) + 10",
            d -> Box.of(new double[] {-5, 0}, new double[] {10, 15}), d -> 0.3978873577297383,
            d -> List.of(new double[] {-3.141592653589793, 12.275},
                    new double[] {3.141592653589793, 2.275},
                    new double[] {9.42477796076938, 2.475})),
    /**
     * {@code (4 - 2.1 x^2 + x^4/3) x^2 + x y + (-4 + 4 y^2) y^2}, D = 2; box {@code [-3, 3] x [-2, 2]};
     * minimum -1.0316284534898774 at two points.
     */
    SIX_HUMP_CAMEL("six-hump-camel", 2, 2,
            "f(x, y) = (4 - 2.1 x^2 + x^4/3) x^2 + x y + (-4 + 4 y^2) y^2",
            d -> Box.of(new double[] {-3, -2}, new double[] {3, 2}), d -> -1.0316284534898774,
            d -> List.of(new double[] {0.08984201310031806, -0.7126564030207396},
                    new double[] {-0.08984201310031806, 0.7126564030207396})),
    /** {@code 2 x^2 - 1.05 x^4 + x^6/6 + x y + y^2}, D = 2; box {@code [-5, 5]^2}; minimum 0 at the origin. */
    THREE_HUMP_CAMEL("three-hump-camel", 2, 2,
            "f(x, y) = 2 x^2 - 1.05 x^4 + x^6/6 + x y + y^2",
            d -> Box.cube(2, -5, 5), d -> 0.0, d -> List.of(new double[2])),
    /**
     * {@code (1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2}, D = 2; box {@code [-4.5, 4.5]^2};
     * minimum 0 at {@code (3, 0.5)}.
     */
    BEALE("beale", 2, 2,
            "f(x, y) = (1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2",
            d -> Box.cube(2, -4.5, 4.5), d -> 0.0, d -> List.of(new double[] {3, 0.5})),
    /** {@code (x + 2 y - 7)^2 + (2 x + y - 5)^2}, D = 2; box {@code [-10, 10]^2}; minimum 0 at {@code (1, 3)}. */
    BOOTH("booth", 2, 2,
            "f(x, y) = (x + 2 y - 7)^2 + (2 x + y - 5)^2",
            d -> Box.cube(2, -10, 10), d -> 0.0, d -> List.of(new double[] {1, 3})),
    /** {@code 0.26 (x^2 + y^2) - 0.48 x y}, D = 2; box {@code [-10, 10]^2}; minimum 0 at the origin. */
    MATYAS("matyas", 2, 2,
            "f(x, y) = 0.26 (x^2 + y^2) - 0.48 x y",
            d -> Box.cube(2, -10, 10), d -> 0.0, d -> List.of(new double[2])),
    /**
     * Goldstein-Price's function (see {@link #formula()}), D = 2; box {@code [-2, 2]^2}; minimum 3 at
     * {@code (0, -1)}.
     */
    GOLDSTEIN_PRICE("goldstein-price", 2, 2,
            "f(x, y) = (1 + (x + y + 1)^2 (19 - 14 x + 3 x^2 - 14 y + 6 x y + 3 y^2))"
                    + " (30 + (2 x - 3 y)^2 (18 - 32 x + 12 x^2 + 48 y - 36 x y + 27 y^2))",
            d -> Box.cube(2, -2, 2), d -> 3.0, d -> List.of(new double[] {0, -1})),
    /**
     * {@code -cos(x) cos(y) exp(-((x - pi)^2 + (y - pi)^2))}, D = 2; box {@code [-100, 100]^2}; minimum -1 at
     * {@code (pi, pi)}.
     */
    EASOM("easom", 2, 2,
            "f(x, y) = -cos(x) cos(y) exp(-((x - pi)^2 + (y - pi)^2))",
            d -> Box.cube(2, -100, 100), d -> -1.0,
            d -> List.of(new double[] {3.141592653589793, 3.141592653589793})),
    /**
     * {@code sin(x + y) + (x - y)^2 - 1.5 x + 2.5 y + 1}, D = 2; box {@code [-1.5, 4] x [-3, 4]}.
     *
     * <p>Minimizer (1/2 - pi/3, -1/2 - pi/3), minimum -sqrt(3)/2 - pi/3.
     */
    MCCORMICK("mccormick", 2, 2,
            "f(x, y) = sin(x + y) + (x - y)^2 - 1.5 x + 2.5 y + 1",
            d -> Box.of(new double[] {-1.5, -3}, new double[] {4, 4}), d -> -1.9132229549810364,
            d -> List.of(new double[] {-0.5471975511965977, -1.5471975511965979}));

    private final String name;
    private final int minDimension;
    private final int maxDimension;
    private final String formula;
    private final IntFunction<Box> box;
    private final IntToDoubleFunction minimum;
    private final IntFunction<List<double[]>> minimizers;

    BuiltIn(String name, int minDimension, int maxDimension, String formula, IntFunction<Box> box,
            IntToDoubleFunction minimum, IntFunction<List<double[]>> minimizers) {
        this.name = name;
        this.minDimension = minDimension;
        this.maxDimension = maxDimension;
        this.formula = formula;
        this.box = box;
        this.minimum = minimum;
        this.minimizers = minimizers;
    }

    /**
     * The name as the API and the command line spell it.
     *
     * @return the lower-case, hyphenated name: {@code sphere}, {@code six-hump-camel}
     */
    public String id() {
        return name;
    }

    /**
     * The smallest allowed dimension.
     *
     * @return 1, or 2 for Rosenbrock and the 2-D functions
     */
    public int minDimension() {
        return minDimension;
    }

    /**
     * The largest allowed dimension.
     *
     * @return 2 for the 2-D functions, {@link Integer#MAX_VALUE} for "any"
     */
    public int maxDimension() {
        return maxDimension;
    }

    /**
     * The formula as documented, in plain text.
     *
     * @return {@code "f(x) = sum_i x_i^2"}, ...
     */
    public String formula() {
        return formula;
    }

    /**
     * The objective in {@code dimension} variables, as {@link Objectives#byName} makes it.
     *
     * @param dimension D, in {@code [minDimension(), maxDimension()]}
     * @return the objective, minimized, with this function's box, minimum and minimizers
     * @throws IllegalArgumentException for a dimension the function does not allow
     */
    public Objective create(int dimension) {
        return Objectives.byName(name, dimension);
    }

    /**
     * Checks a dimension.
     *
     * @param dimension D
     * @throws IllegalArgumentException naming the function and its allowed dimensions unless it allows
     *                                  {@code dimension}
     */
    public void checkDimension(int dimension) {
        if (dimension < minDimension || dimension > maxDimension) {
            throw new IllegalArgumentException("dimension " + dimension + " is not allowed for " + name + ": "
                    + dimensions());
        }
    }

    /**
     * The usual search box in {@code dimension} variables.
     *
     * @param dimension D, allowed for this function
     * @return the box
     * @throws IllegalArgumentException for a dimension the function does not allow
     */
    public Box box(int dimension) {
        checkDimension(dimension);
        return box.apply(dimension);
    }

    /**
     * The global minimum value in {@code dimension} variables.
     *
     * @param dimension D, allowed for this function
     * @return the exact minimum rounded to double
     * @throws IllegalArgumentException for a dimension the function does not allow
     */
    public double minimum(int dimension) {
        checkDimension(dimension);
        return minimum.applyAsDouble(dimension);
    }

    /**
     * Every global minimizer in the usual box, in {@code dimension} variables.
     *
     * @param dimension D, allowed for this function
     * @return new arrays of D coordinates each, at least one
     * @throws IllegalArgumentException for a dimension the function does not allow
     */
    public List<double[]> minimizers(int dimension) {
        checkDimension(dimension);
        return minimizers.apply(dimension);
    }

    /**
     * The allowed dimensions in words.
     *
     * @return {@code "D = 2"} or {@code "any D >= 1"} (or {@code >= 2})
     */
    public String dimensions() {
        if (minDimension == maxDimension) {
            return "D = " + minDimension;
        }
        return "any D >= " + minDimension;
    }

    /**
     * The built-in with a given {@link #id}.
     *
     * @param name the name, exactly as {@link #id} spells it (case matters)
     * @return the built-in, or null when there is none of that name
     */
    public static BuiltIn byName(String name) {
        for (BuiltIn b : values()) {
            if (b.name.equals(name)) {
                return b;
            }
        }
        return null;
    }

    /**
     * Styblinski-Tang's minimum: D times -39.166165703771415464 (the minimum per coordinate, held as the sum of
     * two doubles so that the product is rounded once).
     */
    static double styblinskiTangMinimum(int d) {
        return Math.fma(d, -39.16616570377141, d * -3.3095827868368547e-15);
    }

    /**
     * Dixon-Price's global minimizers: x_1 = 1, x_i = sqrt(x_{i-1} / 2), with x_D of either sign for D >= 2.
     * The recurrence runs in double-double (a Newton step on the correctly rounded square root) so that each
     * coordinate is 2^(2^(1-i) - 1) correctly rounded.
     */
    static List<double[]> dixonPriceMinimizers(int d) {
        double[] x = new double[d];
        x[0] = 1;
        double hi = 1;
        double lo = 0;
        for (int i = 1; i < d; i++) {
            final double ahi = 0.5 * hi;
            final double alo = 0.5 * lo;
            final double s = Math.sqrt(ahi);
            final double c = (Math.fma(-s, s, ahi) + alo) / (2 * s);
            hi = s + c;
            lo = c - (hi - s);
            x[i] = hi;
        }
        if (d == 1) {
            return List.of(x);
        }
        double[] y = x.clone();
        y[d - 1] = -y[d - 1];
        return List.of(x, y);
    }

    static double[] filled(int d, double v) {
        double[] x = new double[d];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
