package org.batchopt.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.batchopt.AugmentedLagrangian;
import org.batchopt.Batch;
import org.batchopt.Box;
import org.batchopt.Constraint;
import org.batchopt.Engine;
import org.batchopt.Gradient;
import org.batchopt.Grid;
import org.batchopt.MathMode;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Param;
import org.batchopt.Precision;
import org.batchopt.RunSettings;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.objective.BuiltIn;
import org.batchopt.rule.UpdateRule;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What a job is: objective, members and start points, update rule, gradient, stopping, precision. */
final class JobOptions {
    /** A sum(...) or prod(...) over every coordinate, which leaves the dimension to --dim. */
    private static final Pattern REDUCTION = Pattern.compile("(?<![A-Za-z0-9_])(sum|prod)\\s*\\(");

    /** Start points per combination when they are sampled and --members is not given. */
    static final int DEFAULT_MEMBERS = 1000;
    static final long DEFAULT_SEED = 1;

    /** How start points are sampled in the box. */
    public enum Sampler {
        UNIFORM, SOBOL, LHS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        Starts starts(Box box, long seed) {
            return switch (this) {
                case UNIFORM -> Starts.uniform(box, seed);
                case SOBOL -> Starts.sobol(box, seed);
                case LHS -> Starts.latinHypercube(box, seed);
            };
        }
    }

    @Mixin
    Members members;

    @Mixin
    RuleOptions rule;

    @Mixin
    Computation computation;

    @Mixin
    ConstraintOptions constraints;

    static final class Members implements HelpSections.Section {
        @Override
        public String heading() {
            return "Objective and members:";
        }

        @Option(names = "--function", paramLabel = "NAME",
                description = "built-in objective (see 'batchopt functions')")
        String function;

        @Option(names = "--expr", paramLabel = "FORMULA", description = "an objective written as a formula in x1..xD "
                + "(x, y, z when D <= 3) with + - * / ^, sin cos exp log sqrt abs, pi, e; needs --box or --bounds")
        String expression;

        @Option(names = "--dim", paramLabel = "D", description = "dimension; may be left out when the function, "
                + "--start, --starts or --bounds fix it (for --expr: the highest variable it names)")
        Integer dimension;

        @Option(names = "--maximize", description = "maximize instead of minimize")
        boolean maximize;

        @Option(names = "--members", paramLabel = "N", description = "members; in a grid, start points per "
                + "combination, so the batch has combinations x N members (default: " + DEFAULT_MEMBERS
                + "; 1 with --start; the rows of --starts)")
        Long members;

        @Option(names = "--sampler", paramLabel = "KIND", description = "uniform | sobol | lhs (default: sobol)")
        Sampler sampler;

        @Option(names = "--box", paramLabel = "LO:HI", converter = Interval.Converter.class,
                description = "the same interval for every coordinate (default: the function's usual box)")
        Interval box;

        @Option(names = "--bounds", paramLabel = "LO1:HI1,LO2:HI2,...", split = ",", hideParamSyntax = true,
                converter = Interval.Converter.class,
                description = "one interval per coordinate")
        Interval[] bounds;

        @Option(names = "--seed", paramLabel = "S", description = "sampler seed (default: " + DEFAULT_SEED + ")")
        Long seed;

        @Option(names = "--start", paramLabel = "X1,X2,...", split = ",", hideParamSyntax = true,
                description = "the same start point for every member")
        double[] start;

        @Option(names = "--starts", paramLabel = "FILE.csv", description = "one start point per row (per "
                + "combination in a grid): UTF-8, comma-separated numbers; blank and '#' lines skipped, and a first "
                + "line of names only (x1,x2) as a header")
        Path startsFile;
    }

    static final class Computation implements HelpSections.Section {
        @Override
        public String heading() {
            return "Gradient, stopping, precision:";
        }

        @Option(names = "--gradient", paramLabel = "KIND", description = "analytic | central (default: analytic)")
        Gradient gradient;

        @Option(names = "--fd-step", paramLabel = "H", description = "central-difference step (implies --gradient "
                + "central; default: cube root of the precision's epsilon)")
        Double fdStep;

        @Option(names = "--steps", paramLabel = "T", description = "most steps per member (default: ${DEFAULT-VALUE})")
        int steps = 1000;

        @Option(names = "--grad-tol", paramLabel = "V", description = "stop a member when the norm of the gradient "
                + "of what it minimizes (weight decay and L1 included) is <= V (default: off)")
        double gradTol;

        @Option(names = "--f-tol", paramLabel = "V", description = "stop a member when |f_t - f_t-1| <= V (1 + |f_t|) "
                + "(default: off)")
        double fTol;

        @Option(names = "--precision", paramLabel = "P", description = "fp32 | fp64 (default: fp32)")
        Precision precision = Precision.FP32;

        @Option(names = "--strategy", paramLabel = "S", description = "auto | fused | streaming (default: auto)")
        Strategy strategy = Strategy.AUTO;

        @Option(names = "--steps-per-launch", paramLabel = "K", description = "steps per fused device launch "
                + "(default: the planner's)")
        int stepsPerLaunch;

        @Option(names = "--math", paramLabel = "M", description = "strict, the only math of closed-form objectives "
                + "(--math fast is for the matrix products of batchopt fit)")
        Math math = Math.STRICT;
    }

    /** {@code --math}: how a model fitted to a dataset computes its matrix products. */
    enum Math {
        /** The same bits on every backend. */
        STRICT,
        /** cuBLAS on CUDA; not bit-identical to the CPU. */
        FAST;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The rows of the --starts file, once {@link #prepare} read them; null without one. */
    double[][] startRows;

    /** Builds the job; throws {@link IllegalArgumentException} naming the bad value. */
    PreparedJob prepare() {
        return prepare(null);
    }

    /** Builds the job with the rows of the --starts file given, read before, rather than read now. */
    PreparedJob prepare(double[][] givenRows) {
        Members m = members;
        if ((m.function == null) == (m.expression == null)) {
            throw new IllegalArgumentException(m.function == null
                    ? "--function or --expr is required (built-ins: " + Objectives.names() + ")"
                    : "--function and --expr cannot be combined");
        }
        double[][] rows = m.startsFile == null ? null : givenRows != null ? givenRows : StartsCsv.read(m.startsFile);
        startRows = rows;
        int d = dimension(rows);
        // The objective and its box hold D values; a dimension no run can hold is refused before they are made.
        requireMemory(1, d, computation.precision, 0, computation.steps, 0);
        // The formula knows the named parameters' names now; their values, grid columns, come with the batch.
        Map<String, Param> names = new LinkedHashMap<>();
        constraints.parameters().keySet().forEach(k -> names.put(k, Param.of(0)));
        Objective objective = m.expression != null ? Objectives.expression(m.expression, d, names)
                : Objectives.byName(m.function, d).withParameters(names);
        if (m.maximize) {
            objective = objective.maximize();
        }
        GridAxes axes = rule.axes();
        constraints.addAxes(axes);
        Grid grid = axes.grid();
        PreparedJob.StartsInfo info = startsInfo(objective);
        Starts starts = rows != null ? Starts.points(rows)
                : m.start != null ? Starts.point(m.start)
                : info.sampler().starts(info.box(), info.seed());
        long perCombination = m.members != null ? m.members
                : rows != null ? rows.length : m.start != null ? 1 : DEFAULT_MEMBERS;
        Batch batch = batch(objective.dimension(), perCombination, grid, starts);
        Computation c = computation;
        requireMemory(batch.members(), objective.dimension(), c.precision, 0, c.steps,
                grid == null ? 0 : grid.names().size());
        axes.startsPerCombination(batch.startsPerCombination());
        objective = objective.withParameters(constraints.parameterValues(axes, m.expression));
        AugmentedLagrangian lagrangian = constraints.lagrangian(axes);
        List<Constraint> constraintList = constraints.constraints(objective,
                constraints.box() ? box(objective) : null);
        UpdateRule r = rule.build(axes);
        if (c.fdStep != null && c.gradient == Gradient.ANALYTIC) {
            throw new IllegalArgumentException("--fd-step " + c.fdStep + " needs --gradient central");
        }
        Gradient gradient = c.fdStep != null ? Gradient.CENTRAL : c.gradient != null ? c.gradient : Gradient.ANALYTIC;
        if (c.fdStep != null && !(c.fdStep > 0 && Double.isFinite(c.fdStep))) {
            throw new IllegalArgumentException("--fd-step " + c.fdStep + " must be finite and > 0");
        }
        if (c.math == Math.FAST) {
            throw new IllegalArgumentException("--math fast computes the matrix products of models fitted to a "
                    + "dataset (batchopt fit) through cuBLAS; " + objective.name() + " has none and runs strict math");
        }
        RunSettings settings = new RunSettings(c.precision, new Stopping(c.steps, c.gradTol, c.fTol), gradient,
                c.fdStep == null ? 0 : c.fdStep, c.strategy, c.stepsPerLaunch, 0, MathMode.STRICT);
        return new PreparedJob(objective, r, batch, grid, info, settings, constraintList, lagrangian);
    }

    private static Batch batch(int dimension, long perCombination, Grid grid, Starts starts) {
        if (grid == null) {
            return Batch.builder(dimension).members(perCombination).starts(starts).build();
        }
        if (perCombination < 1 || perCombination > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("members " + perCombination + " must be between 1 and "
                    + Integer.MAX_VALUE);
        }
        return grid.batch((int) perCombination, starts);
    }

    /**
     * {@link Engine#requireMemory}, checked before the grid's per-member hyperparameters are built, with how to give
     * Java more heap the way this command was started.
     */
    static void requireMemory(long members, int dimension, Precision p, int historyEvery, int steps, int perMember) {
        Engine.requireHoldable(dimension, historyEvery, steps);
        try {
            Engine.requireMemory(members, dimension, p, historyEvery, steps, perMember, 0);
        } catch (IllegalArgumentException e) {
            double need = Engine.heapBytes(members, dimension, p, historyEvery, steps, perMember, 0);
            throw new IllegalArgumentException(e.getMessage() + "; run fewer members or " + Main.heapHint(need / 0.8),
                    e);
        }
    }

    /** --dim, else what the function, --start, --bounds or the start file fix. */
    private int dimension(double[][] rows) {
        Members m = members;
        if (m.dimension != null) {
            return m.dimension;
        }
        BuiltIn b = m.function == null ? null : builtIn(m.function);
        if (b != null && b.minDimension() == b.maxDimension()) {
            return b.minDimension();
        }
        if (m.start != null) {
            return m.start.length;
        }
        if (m.bounds != null) {
            return m.bounds.length;
        }
        if (rows != null) {
            return rows[0].length;
        }
        if (b == null) {
            if (REDUCTION.matcher(m.expression).find()) {
                throw new IllegalArgumentException("--dim is required: sum(...) and prod(...) run over every coordinate");
            }
            return Objectives.expressionDimension(m.expression);
        }
        throw new IllegalArgumentException("--dim is required: " + m.function + " allows " + b.dimensions());
    }

    /** The built-in called {@code name}; an unknown name is a usage error listing the built-ins. */
    static BuiltIn builtIn(String name) {
        BuiltIn b = BuiltIn.byName(name);
        if (b == null) {
            throw new IllegalArgumentException("unknown function '" + name + "' (built-ins: " + Objectives.names()
                    + ")");
        }
        return b;
    }

    private PreparedJob.StartsInfo startsInfo(Objective objective) {
        Members m = members;
        // With --constrain box, --box and --bounds bound the members, also when --start or --starts places them.
        boolean bounds = (m.box != null || m.bounds != null) && !constraints.box();
        boolean sampled = m.sampler != null || bounds || m.seed != null;
        if (m.start != null && m.startsFile != null) {
            throw new IllegalArgumentException("--start and --starts cannot be combined");
        }
        if (sampled && (m.start != null || m.startsFile != null)) {
            throw new IllegalArgumentException((m.start != null ? "--start" : "--starts")
                    + " gives the start points; --sampler, --box, --bounds and --seed do not apply (--box and --bounds "
                    + "only with --constrain box)");
        }
        if (m.start != null) {
            for (int i = 0; i < m.start.length; i++) {
                computation.precision.requireRepresentable("--start coordinate " + (i + 1), m.start[i]);
            }
            return new PreparedJob.StartsInfo(null, 0, null, null);
        }
        if (m.startsFile != null) {
            return new PreparedJob.StartsInfo(null, 0, null, m.startsFile.toString());
        }
        return new PreparedJob.StartsInfo(m.sampler != null ? m.sampler : Sampler.SOBOL,
                m.seed != null ? m.seed : DEFAULT_SEED, box(objective), null);
    }

    private Box box(Objective objective) {
        Members m = members;
        int d = objective.dimension();
        if (m.box != null && m.bounds != null) {
            throw new IllegalArgumentException("--box and --bounds cannot be combined");
        }
        Precision p = computation.precision;
        if (m.box != null) {
            p.requireRepresentable("--box " + m.box.lo() + ":" + m.box.hi() + ": LO", m.box.lo());
            p.requireRepresentable("--box " + m.box.lo() + ":" + m.box.hi() + ": HI", m.box.hi());
            return Box.cube(d, m.box.lo(), m.box.hi());
        }
        if (m.bounds != null) {
            if (m.bounds.length != d) {
                throw new IllegalArgumentException("--bounds has " + m.bounds.length + " intervals, dimension is " + d);
            }
            double[] lo = new double[d];
            double[] hi = new double[d];
            for (int i = 0; i < d; i++) {
                lo[i] = m.bounds[i].lo();
                hi[i] = m.bounds[i].hi();
                p.requireRepresentable("--bounds interval " + (i + 1) + ": LO", lo[i]);
                p.requireRepresentable("--bounds interval " + (i + 1) + ": HI", hi[i]);
            }
            return Box.of(lo, hi);
        }
        if (!objective.hasBox()) {
            throw new IllegalArgumentException(objective.name() + " has no usual box; give --box or --bounds");
        }
        return objective.box();
    }
}
