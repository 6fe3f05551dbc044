package org.batchopt;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchopt.kernel.KernelModel;
import org.batchopt.objective.BuiltIn;
import org.batchopt.objective.DataException;
import org.batchopt.objective.data.ModelSource;
import org.batchopt.objective.builtin.BuiltInSources;
import org.batchopt.objective.expression.ExpressionSource;

/**
 * Factories for the built-in objectives ({@link BuiltIn} documents each one: formula, dimensions, box, minimum),
 * for expressions, and for models fitted to a {@link Dataset} ({@link #linear}, {@link #logistic}, {@link #softmax}).
 * Every objective made here is minimized; {@link Objective#maximize()} turns a function round (not a model's loss).
 */
public final class Objectives {
    private Objectives() {
    }

    /**
     * The built-in called {@code name} in {@code dimension} variables.
     *
     * @param name      a {@link BuiltIn#id}: {@code sphere}, {@code rosenbrock}, {@code six-hump-camel}, ...
     *                  (case matters)
     * @param dimension D, one the function allows ({@link BuiltIn#dimensions()})
     * @return the objective, minimized, with its box, minimum and minimizers
     * @throws IllegalArgumentException for an unknown name (the message lists the built-ins) or a dimension the
     *                                  function does not allow
     */
    public static Objective byName(String name, int dimension) {
        BuiltIn b = BuiltIn.byName(name);
        if (b == null) {
            throw new IllegalArgumentException("unknown objective '" + name + "' (built-ins: " + names() + ")");
        }
        return builtIn(b, dimension);
    }

    private static Objective builtIn(BuiltIn b, int dimension) {
        b.checkDimension(dimension);
        return new Objective(b.id(), dimension, BuiltInSources.of(b), b.box(dimension), b.minimum(dimension),
                b.minimizers(dimension), b.formula());
    }

    /**
     * The built-ins' names.
     *
     * @return every {@link BuiltIn#id} in declaration order, separated by {@code ", "}
     */
    public static String names() {
        return Arrays.stream(BuiltIn.values()).map(BuiltIn::id).collect(Collectors.joining(", "));
    }

    /**
     * {@link BuiltIn#SPHERE} in {@code dimension} variables, minimized, with its box, minimum and minimizers.
     *
     * @param dimension D, at least 1
     * @return the objective
     * @throws IllegalArgumentException when {@code dimension < 1}
     */
    public static Objective sphere(int dimension) {
        return builtIn(BuiltIn.SPHERE, dimension);
    }

    /**
     * {@link BuiltIn#ROSENBROCK} in {@code dimension} variables, minimized, with its box, minimum and minimizers.
     *
     * @param dimension D, at least 2
     * @return the objective
     * @throws IllegalArgumentException when {@code dimension < 2}
     */
    public static Objective rosenbrock(int dimension) {
        return builtIn(BuiltIn.ROSENBROCK, dimension);
    }

    /**
     * {@link BuiltIn#RASTRIGIN} in {@code dimension} variables, minimized, with its box, minimum and minimizers.
     *
     * @param dimension D, at least 1
     * @return the objective
     * @throws IllegalArgumentException when {@code dimension < 1}
     */
    public static Objective rastrigin(int dimension) {
        return builtIn(BuiltIn.RASTRIGIN, dimension);
    }

    /**
     * {@link BuiltIn#HIMMELBLAU}, a function of two variables, minimized, with its box, minimum and minimizers.
     *
     * @return the objective
     */
    public static Objective himmelblau() {
        return builtIn(BuiltIn.HIMMELBLAU, 2);
    }

    /**
     * {@link BuiltIn#ACKLEY} in {@code dimension} variables, minimized, with its box, minimum and minimizers.
     *
     * @param dimension D, at least 1
     * @return the objective
     * @throws IllegalArgumentException when {@code dimension < 1}
     */
    public static Objective ackley(int dimension) {
        return builtIn(BuiltIn.ACKLEY, dimension);
    }

    /**
     * {@link BuiltIn#GRIEWANK} in {@code dimension} variables, minimized, with its box, minimum and minimizers.
     *
     * @param dimension D, at least 1
     * @return the objective
     * @throws IllegalArgumentException when {@code dimension < 1}
     */
    public static Objective griewank(int dimension) {
        return builtIn(BuiltIn.GRIEWANK, dimension);
    }

    /**
     * {@link BuiltIn#STYBLINSKI_TANG} in {@code dimension} variables, minimized, with its box, minimum and minimizers.
     *
     * @param dimension D, at least 1
     * @return the objective
     * @throws IllegalArgumentException when {@code dimension < 1}
     */
    public static Objective styblinskiTang(int dimension) {
        return builtIn(BuiltIn.STYBLINSKI_TANG, dimension);
    }

    /**
     * {@link BuiltIn#LEVY} in {@code dimension} variables, minimized, with its box, minimum and minimizers.
     *
     * @param dimension D, at least 1
     * @return the objective
     * @throws IllegalArgumentException when {@code dimension < 1}
     */
    public static Objective levy(int dimension) {
        return builtIn(BuiltIn.LEVY, dimension);
    }

    /**
     * {@link BuiltIn#ZAKHAROV} in {@code dimension} variables, minimized, with its box, minimum and minimizers.
     *
     * @param dimension D, at least 1
     * @return the objective
     * @throws IllegalArgumentException when {@code dimension < 1}
     */
    public static Objective zakharov(int dimension) {
        return builtIn(BuiltIn.ZAKHAROV, dimension);
    }

    /**
     * {@link BuiltIn#DIXON_PRICE} in {@code dimension} variables, minimized, with its box, minimum and minimizers.
     *
     * @param dimension D, at least 1
     * @return the objective
     * @throws IllegalArgumentException when {@code dimension < 1}
     */
    public static Objective dixonPrice(int dimension) {
        return builtIn(BuiltIn.DIXON_PRICE, dimension);
    }

    /**
     * {@link BuiltIn#SCHWEFEL} in {@code dimension} variables, minimized, with its box, minimum and minimizers.
     *
     * @param dimension D, at least 1
     * @return the objective
     * @throws IllegalArgumentException when {@code dimension < 1}
     */
    public static Objective schwefel(int dimension) {
        return builtIn(BuiltIn.SCHWEFEL, dimension);
    }

    /**
     * {@link BuiltIn#BRANIN}, a function of two variables, minimized, with its box, minimum and minimizers.
     *
     * @return the objective
     */
    public static Objective branin() {
        return builtIn(BuiltIn.BRANIN, 2);
    }

    /**
     * {@link BuiltIn#SIX_HUMP_CAMEL}, a function of two variables, minimized, with its box, minimum and minimizers.
     *
     * @return the objective
     */
    public static Objective sixHumpCamel() {
        return builtIn(BuiltIn.SIX_HUMP_CAMEL, 2);
    }

    /**
     * {@link BuiltIn#THREE_HUMP_CAMEL}, a function of two variables, minimized, with its box, minimum and minimizers.
     *
     * @return the objective
     */
    public static Objective threeHumpCamel() {
        return builtIn(BuiltIn.THREE_HUMP_CAMEL, 2);
    }

    /**
     * {@link BuiltIn#BEALE}, a function of two variables, minimized, with its box, minimum and minimizers.
     *
     * @return the objective
     */
    public static Objective beale() {
        return builtIn(BuiltIn.BEALE, 2);
    }

    /**
     * {@link BuiltIn#BOOTH}, a function of two variables, minimized, with its box, minimum and minimizers.
     *
     * @return the objective
     */
    public static Objective booth() {
        return builtIn(BuiltIn.BOOTH, 2);
    }

    /**
     * {@link BuiltIn#MATYAS}, a function of two variables, minimized, with its box, minimum and minimizers.
     *
     * @return the objective
     */
    public static Objective matyas() {
        return builtIn(BuiltIn.MATYAS, 2);
    }

    /**
     * {@link BuiltIn#GOLDSTEIN_PRICE}, a function of two variables, minimized, with its box, minimum and minimizers.
     *
     * @return the objective
     */
    public static Objective goldsteinPrice() {
        return builtIn(BuiltIn.GOLDSTEIN_PRICE, 2);
    }

    /**
     * {@link BuiltIn#EASOM}, a function of two variables, minimized, with its box, minimum and minimizers.
     *
     * @return the objective
     */
    public static Objective easom() {
        return builtIn(BuiltIn.EASOM, 2);
    }

    /**
     * {@link BuiltIn#MCCORMICK}, a function of two variables, minimized, with its box, minimum and minimizers.
     *
     * @return the objective
     */
    public static Objective mccormick() {
        return builtIn(BuiltIn.MCCORMICK, 2);
    }

    /**
     * The smallest dimension the formula {@code text} of {@link #expression} compiles for: the number of its
     * highest variable ({@code x1..xN}, or {@code x, y, z} as 1, 2, 3), at least 1.
     *
     * @param text the formula
     * @return that dimension; the text is not parsed further, so it may still fail to compile
     * @throws org.batchopt.objective.ExpressionSyntaxException for a character no token of the grammar starts with
     */
    public static int expressionDimension(String text) {
        return ExpressionSource.dimensionOf(text);
    }

    /**
     * The objective given by {@code text}, a formula in {@code dimension} variables, minimized (call
     * {@link Objective#maximize()} to maximize it), with its exact analytic gradient. It runs on every backend:
     * the devices compile kernel source printed from the formula and the CPU interprets the same operations in
     * the same order, so every backend computes the same bits, with the portable exp, log, sin and cos of
     * {@code kernels/math.cl}. Its name and formula are the text; it has no
     * known minimum, and no search box ({@link Objective#box()} throws): {@link #expression(String, Box)} gives
     * it one.
     *
     * <p>Grammar (blanks are ignored):
     * <pre>
     *   expression = term { ("+" | "-") term }
     *   term       = unary { ("*" | "/") unary }
     *   unary      = ("-" | "+") unary | power
     *   power      = primary [ "^" unary ]
     *   primary    = number | variable | "pi" | "e" | function "(" expression ")" | "(" expression ")"
     *   function   = "sin" | "cos" | "exp" | "log" | "sqrt" | "abs"
     *   number     = digits ["." [digits]] [exponent] | "." digits [exponent]
     *   exponent   = ("e" | "E") ["+" | "-"] digits
     *   variable   = "x1" .. "xD", and for D &lt;= 3 also "x", "y", "z" for x1, x2, x3
     * </pre>
     * Meaning:
     * <ul>
     *   <li>{@code + - * /} associate to the left, {@code ^} to the right and binds tighter than a sign, as in
     *       mathematics: {@code 2^3^2 = 2^(3^2) = 512}, {@code -2^2 = -(2^2) = -4}, {@code 2^-1 = 0.5};
     *       {@code 1 - 2 - 3 = (1 - 2) - 3}.</li>
     *   <li>{@code a^n}, for an exponent n that is an integer constant ({@code 3}, {@code -2}, {@code 3^2},
     *       {@code (2*3-1)}: integers, signs, {@code + - * ^}) with {@code |n| <= 64}, is computed by
     *       multiplications (repeated squaring, as {@code bo_pown}; negative n as {@code 1 / a^|n|}) and is
     *       defined for every a; {@code e^u} is {@code exp(u)}; any other {@code a^u} is
     *       {@code exp(u * log(a))}, as {@code bo_pow}: NaN for {@code a < 0}, and so a DIVERGED member.</li>
     *   <li>{@code pi} and {@code e} are the doubles nearest to pi and e, rounded to float in fp32.</li>
     *   <li>{@code sqrt} and {@code log} outside their domain give NaN. The derivative of {@code abs} at 0 is 0;
     *       that of {@code sqrt} at 0 is infinite, which the engine reports as DIVERGED.</li>
     *   <li>Nothing is simplified except in ways exact in both precisions ({@code 1*a = a}, {@code -(v) = R(-v)},
     *       equal subexpressions computed once): {@code 2*pi} is a multiplication at run time.</li>
     * </ul>
     *
     * @param text      the formula, not null
     * @param dimension D, from 1 to 65536
     * @return the objective, minimized, without a box
     * @throws IllegalArgumentException for a dimension out of that range, and an
     *                                  {@link org.batchopt.objective.ExpressionSyntaxException} naming
     *                                  the column for a mistake in the text: an unknown name, a variable beyond
     *                                  D, unbalanced parentheses, text after a complete expression, an empty text
     */
    public static Objective expression(String text, int dimension) {
        return expression(text, dimension, null, Map.of());
    }

    /**
     * The objective given by {@code text}, as {@link #expression(String, int)}, in {@code box.dimension()}
     * variables, with {@code box} as its search box, so that {@code Starts.sobol(f.box(), seed)} samples it.
     *
     * @param text the formula, not null
     * @param box  the search box, not null
     * @return the objective, minimized, with {@code box}
     * @throws IllegalArgumentException as {@link #expression(String, int)}
     */
    public static Objective expression(String text, Box box) {
        return expression(text, box.dimension(), box);
    }

    /**
     * The objective given by {@code text}, as {@link #expression(String, Box)}, whose formula may also use the named
     * {@code parameters} (see {@link Objective#withParameters}): {@code expression("(x - mu)^2 + y^2", box,
     * Map.of("mu", grid.column("mu", starts)))}.
     *
     * @param text       the formula
     * @param box        the search box, which also gives the dimension
     * @param parameters the named parameters by name, each one value or one per member
     * @return a new objective, minimized
     * @throws IllegalArgumentException as {@link #expression(String, int)} and {@link Objective#withParameters}
     */
    public static Objective expression(String text, Box box, Map<String, Param> parameters) {
        return expression(text, box.dimension(), box, parameters);
    }

    /**
     * The objective given by {@code text} in {@code dimension} variables, as {@link #expression(String, int)}, whose
     * formula may also use the named {@code parameters} (see {@link Objective#withParameters}).
     *
     * @param text       the formula
     * @param dimension  the number of variables, {@code >= 1}
     * @param parameters the named parameters by name, each one value or one per member
     * @return a new objective, minimized, without a box
     * @throws IllegalArgumentException as {@link #expression(String, int)} and {@link Objective#withParameters}
     */
    public static Objective expression(String text, int dimension, Map<String, Param> parameters) {
        return expression(text, dimension, null, parameters);
    }

    private static Objective expression(String text, int dimension, Box box) {
        return expression(text, dimension, box, Map.of());
    }

    private static Objective expression(String text, int dimension, Box box, Map<String, Param> parameters) {
        ExpressionSource source = ExpressionSource.compile(text, dimension, List.copyOf(parameters.keySet()));
        Objective f = new Objective(source.text(), dimension, source, box, Double.NaN, List.of(), source.text());
        return parameters.isEmpty() ? f : f.withParameters(parameters);
    }

    /**
     * Least squares on {@code data}, full batch: {@code (1/(2n)) sum_i (y_i - x_i.w - b)^2} over the n training
     * rows, w the coefficients (coordinates 0..F-1) and b the intercept (coordinate F).
     *
     * @param data the dataset, read once and kept for every run over it
     * @return the objective, of dimension {@code (F + 1) * outputs} ({@code F * outputs} without an intercept)
     */
    public static Objective linear(Dataset data) {
        return linear(data, Training.fullBatch());
    }

    /**
     * Least squares on {@code data}: {@code (1/(2n)) sum_i (y_i - x_i.w - b)^2} over the n rows of a step (every
     * training row, or a minibatch), w the coefficients (coordinates 0..F-1) and b the intercept (coordinate F, absent
     * without one). The rule's L1, L2 and weight decay penalize w only, never b.
     *
     * @param data     the dataset, read once and kept for every run over it
     * @param training how members see the rows: intercept, minibatches, evaluations
     * @return the objective, of dimension {@code (F + 1) * outputs} ({@code F * outputs} without an intercept)
     * @throws DataException when a target is not a number
     */
    public static Objective linear(Dataset data, Training training) {
        return model(KernelModel.LINEAR, 1, data, training, "(1/(2n)) sum_i (y_i - x_i.w - b)^2");
    }

    /**
     * Binary logistic regression on {@code data}, full batch; see {@link #logistic(Dataset, Training)}.
     *
     * @param data the dataset, read once and kept for every run over it
     * @return the objective, of dimension {@code (F + 1) * outputs} ({@code F * outputs} without an intercept)
     */
    public static Objective logistic(Dataset data) {
        return logistic(data, Training.fullBatch());
    }

    /**
     * Binary logistic regression on {@code data}: {@code (1/n) sum_i [log(1 + exp(z_i)) - y_i z_i]},
     * {@code z_i = x_i.w + b}, computed stably as {@code max(z, 0) + log(1 + exp(-|z|)) - y z}; the two labels
     * ({@link Dataset#labels()}, in sorted order) are y = 0 and y = 1. Coordinates as {@link #linear}.
     *
     * @param data     the dataset, read once and kept for every run over it
     * @param training how members see the rows: intercept, minibatches, evaluations
     * @return the objective, of dimension {@code (F + 1) * outputs} ({@code F * outputs} without an intercept)
     * @throws DataException when the target does not have exactly two values
     */
    public static Objective logistic(Dataset data, Training training) {
        return model(KernelModel.LOGISTIC, 1, data, training, "(1/n) sum_i [log(1 + exp(z_i)) - y_i z_i], "
                + "z_i = x_i.w + b");
    }

    /**
     * Multinomial logistic regression on {@code data}, full batch; see {@link #softmax(Dataset, Training)}.
     *
     * @param data the dataset, read once and kept for every run over it
     * @return the objective, of dimension {@code (F + 1) * outputs} ({@code F * outputs} without an intercept)
     */
    public static Objective softmax(Dataset data) {
        return softmax(data, Training.fullBatch());
    }

    /**
     * Multinomial logistic regression over the C classes of {@code data} ({@link Dataset#labels()}, class c the c-th
     * in sorted order): {@code (1/n) sum_i [logsumexp(z_i) - z_{i,y_i}]}, {@code z_i = W x_i + b}, the logsumexp
     * shifted by {@code max_c z_ic}. Coordinates: class c's coefficients then its intercept, class after class
     * ({@code c*(F+1) + k}).
     *
     * @param data     the dataset, read once and kept for every run over it
     * @param training how members see the rows: intercept, minibatches, evaluations
     * @return the objective, of dimension {@code (F + 1) * outputs} ({@code F * outputs} without an intercept)
     * @throws DataException when the target has fewer than two values
     */
    public static Objective softmax(Dataset data, Training training) {
        return model(KernelModel.SOFTMAX, data.labels().size(), data, training,
                "(1/n) sum_i [logsumexp(z_i) - z_{i,y_i}], z_i = W x_i + b");
    }

    private static Objective model(KernelModel model, int outputs, Dataset data, Training training, String formula) {
        boolean byClass = model.classifies();
        if (byClass) {
            int classes = data.labels().size();
            if (classes < 2 || (model == KernelModel.LOGISTIC && classes != 2)) {
                throw new DataException(DataException.Problem.CLASSES, data.source(), 0, data.target(),
                        data.targetColumn(), "the target has " + classes + (classes == 1 ? " class ('"
                        + data.labels().get(0) + "')" : " classes") + "; " + (model == KernelModel.LOGISTIC
                        ? "logistic regression needs exactly 2 (softmax takes more)" : "softmax needs at least 2"));
            }
        }
        if (training.patience() > 0 && data.validationRows() == 0) {
            throw new IllegalArgumentException("patience " + training.patience() + " watches the validation loss: "
                    + "the dataset needs validation rows");
        }
        ModelSource source = new ModelSource(model, outputs, training.intercept(), data.trainingRows(byClass),
                data.validationRows(byClass), training.batchSize(), training.seed(), training.evaluateEvery(),
                training.patience());
        int dimension = outputs * source.stride();
        return new Objective(model.name().toLowerCase(java.util.Locale.ROOT), dimension, source, formula, data);
    }
}
