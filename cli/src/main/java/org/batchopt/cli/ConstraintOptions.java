package org.batchopt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.batchopt.AugmentedLagrangian;
import org.batchopt.Box;
import org.batchopt.Constraint;
import org.batchopt.Constraints;
import org.batchopt.Hyperparameter;
import org.batchopt.Objective;
import org.batchopt.Param;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The constraints of a job: a projection ({@code --constrain}), general constraints ({@code --subject-to}, any
 * number, solved by the augmented Lagrangian method with {@code --rho}, {@code --rho-growth}, {@code --inner-steps}
 * and {@code --feasibility-tol}), and the formulas' named parameters ({@code --param}). Every numeric value may be a
 * comma list, a grid axis.
 */
final class ConstraintOptions implements HelpSections.Section {
    /** A --param value: a name, '=', a comma list. */
    private static final Pattern PARAM = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)", Pattern.DOTALL);

    @Option(names = "--constrain", paramLabel = "SET", description = "keep every member in a set, projecting after "
            + "every step (and the start point): box (the --box or --bounds, else the function's box) | simplex[:S] "
            + "(x >= 0 with sum x = S, default 1)")
    String constrain;

    @Option(names = "--subject-to", paramLabel = "CONSTRAINT", description = "a constraint \"LEFT = C\", \"LEFT <= "
            + "C\" or \"LEFT >= C\", LEFT a formula in the objective's variables and --param names (as --expr), C a "
            + "number; repeatable. Solved by the augmented Lagrangian method; output adds per member its multipliers "
            + "(at a solution grad f = sum_j multiplier_j grad LEFT_j), constraint values, violation and KKT residual")
    List<String> subjectTo;

    @Option(names = "--feasibility-tol", paramLabel = "V", description = "a member whose largest violation is above V "
            + "never converges and ends INFEASIBLE (default: " + "1e-4)")
    Double feasibilityTol;

    @Option(names = "--rho", split = ",", paramLabel = "RHO", description = "initial penalty of the augmented "
            + "Lagrangian (default: 10)")
    double[] rho;

    @Option(names = "--rho-growth", split = ",", paramLabel = "G", description = "multiply a constraint's penalty by G "
            + "when its violation did not halve between multiplier updates (default: 1, no growth)")
    double[] rhoGrowth;

    @Option(names = "--inner-steps", split = ",", paramLabel = "K", description = "steps of the rule between "
            + "multiplier updates (default: 50)")
    double[] innerSteps;

    @Option(names = "--param", paramLabel = "NAME=V1,V2,...", description = "a named parameter of --expr and "
            + "--subject-to, one value or a comma list (a grid axis); repeatable")
    List<String> params;

    @Override
    public String heading() {
        return "Constraints and named parameters (a comma list of values makes a grid):";
    }

    /** The named parameters as given, by name, in order; their values are grid axes ({@link #addAxes}). */
    Map<String, double[]> parameters() {
        Map<String, double[]> p = new LinkedHashMap<>();
        if (params == null) {
            return p;
        }
        for (String given : params) {
            var m = PARAM.matcher(given);
            if (!m.matches()) {
                throw new IllegalArgumentException("--param '" + given + "' is not NAME=V1,V2,...");
            }
            String name = m.group(1);
            if (p.containsKey(name)) {
                throw new IllegalArgumentException("--param " + name + " is given twice");
            }
            if (Hyperparameter.byId(name) != null) {
                throw new IllegalArgumentException("--param " + name + " is the name of a hyperparameter ("
                        + Hyperparameter.byId(name).option() + ")");
            }
            try {
                p.put(name, Numbers.parseList(m.group(2), given));
            } catch (TypeConversionException e) {
                throw new IllegalArgumentException("--param " + e.getMessage(), e);
            }
        }
        return p;
    }

    /** Adds the augmented Lagrangian's values and the named parameters to the grid's axes, after the rule's. */
    void addAxes(GridAxes axes) {
        String given = rho != null ? "--rho" : rhoGrowth != null ? "--rho-growth" : innerSteps != null
                ? "--inner-steps" : feasibilityTol != null ? "--feasibility-tol" : null;
        if (given != null && (subjectTo == null || subjectTo.isEmpty())) {
            throw new IllegalArgumentException(given + " applies to --subject-to constraints, and there are none");
        }
        axes.put(Hyperparameter.RHO, rho);
        axes.put(Hyperparameter.RHO_GROWTH, rhoGrowth);
        axes.put(Hyperparameter.INNER_STEPS, innerSteps);
        parameters().forEach((name, values) -> axes.put(name, "--param " + name, values));
    }

    /**
     * The named parameters' values from {@code axes} (after {@link GridAxes#startsPerCombination}), checking that the
     * formulas use each one.
     */
    Map<String, Param> parameterValues(GridAxes axes, String expression) {
        Map<String, Param> p = new LinkedHashMap<>();
        for (String name : parameters().keySet()) {
            Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
            boolean used = expression != null && word.matcher(expression).find();
            for (String c : subjectTo == null ? List.<String>of() : subjectTo) {
                used |= word.matcher(c).find();
            }
            if (!used) {
                throw new IllegalArgumentException("--param " + name + " is used by no formula (--expr or "
                        + "--subject-to)");
            }
            p.put(name, axes.param(name));
        }
        return p;
    }

    /** The augmented Lagrangian's settings, its values taken from {@code axes}. */
    AugmentedLagrangian lagrangian(GridAxes axes) {
        AugmentedLagrangian a = AugmentedLagrangian.DEFAULTS;
        if (axes.has(Hyperparameter.RHO)) {
            a = a.withRho(axes.param(Hyperparameter.RHO));
        }
        if (axes.has(Hyperparameter.RHO_GROWTH)) {
            a = a.withRhoGrowth(axes.param(Hyperparameter.RHO_GROWTH));
        }
        if (axes.has(Hyperparameter.INNER_STEPS)) {
            a = a.withInnerSteps(axes.param(Hyperparameter.INNER_STEPS));
        }
        if (feasibilityTol != null) {
            a = a.withFeasibilityTolerance(feasibilityTol);
        }
        return a;
    }

    /** The first of --constrain, --subject-to and --param given, or null for none. */
    String given() {
        return constrain != null ? "--constrain" : subjectTo != null && !subjectTo.isEmpty() ? "--subject-to"
                : params != null && !params.isEmpty() ? "--param" : null;
    }

    /** Whether {@code --constrain box} was given: --box and --bounds then also bound the members. */
    boolean box() {
        return constrain != null && constrain.trim().toLowerCase(Locale.ROOT).equals("box");
    }

    /**
     * The constraints of the job on {@code objective}: the projection (a box projection in {@code box}), then the
     * general constraints in order, each checked against the objective's variables and parameters.
     */
    List<Constraint> constraints(Objective objective, Box box) {
        List<Constraint> list = new ArrayList<>();
        if (constrain != null) {
            list.add(projection(box));
        }
        for (String text : subjectTo == null ? List.<String>of() : subjectTo) {
            Constraint c;
            try {
                c = Constraints.parse(text);
                Constraints.check(c, objective);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--subject-to \"" + text + "\": " + e.getMessage(), e);
            }
            list.add(c);
        }
        return list;
    }

    private Constraint projection(Box box) {
        String value = constrain.trim();
        String kind = value.toLowerCase(Locale.ROOT);
        if (kind.equals("box")) {
            return Constraints.box(box);
        }
        if (kind.equals("simplex")) {
            return Constraints.simplex();
        }
        if (kind.startsWith("simplex:")) {
            double s;
            try {
                s = Numbers.parse(value.substring("simplex:".length()), value);
            } catch (TypeConversionException e) {
                throw new IllegalArgumentException("--constrain " + e.getMessage(), e);
            }
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("--constrain " + value + ": the simplex's sum S must be finite and > 0");
            }
            return Constraints.simplex(s);
        }
        throw new IllegalArgumentException("--constrain '" + value + "' is not box or simplex[:S]");
    }
}
