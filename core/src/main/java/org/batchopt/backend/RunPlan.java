package org.batchopt.backend;

import java.util.Map;
import org.batchopt.MathMode;
import org.batchopt.Param;
import org.batchopt.Precision;
import org.batchopt.RunSettings;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.kernel.DataObjectiveSource;
import org.batchopt.kernel.ObjectiveSource;
import org.batchopt.rule.UpdateRule;

/**
 * How one {@code Engine.run} executes, derived once from its objective, rule and settings and handed to every
 * backend and every block: what runs ({@link #objective}, {@link #shape}), in which precision and strategy, with
 * which kernel program and device layout, how many steps per device launch, when members stop, and how often
 * their points are kept. Immutable. {@link #of} is the planner.
 *
 * @param objective      the objective's kernel source and CPU twins
 * @param shape          the compile-time structure: dimension, rule and switches, schedule, regularization terms,
 *                       gradient kind, sense, hyperparameter layout
 * @param strategy       FUSED or STREAMING, never AUTO
 * @param program        the kernel program (without a backend's prelude)
 * @param layout         the members' reals and integers in device memory
 * @param stepsPerLaunch iterations per fused launch, or per host check of the streaming loop
 * @param fdStep         the central-difference step h, 0 for analytic gradients
 * @param historyEvery   keep every member's point every this many steps, 0 for none
 * @param constraints    the projection and the general constraints
 * @param math           how a model fitted to a dataset computes its matrix products (the engine refuses a fast
 *                       mode for any other objective)
 */
public record RunPlan(ObjectiveSource objective, KernelShape shape, Precision precision, Strategy strategy,
                      KernelProgram program, DeviceLayout layout, int stepsPerLaunch, Stopping stopping,
                      double fdStep, int historyEvery, ConstraintPlan constraints, MathMode math) {

    /** Steps per launch when members can stop early or history is kept. */
    static final int DEFAULT_CHUNK = 64;
    /** The fused strategy while (2 + state slots) * D reals fit this register budget per work-item. */
    static final int FUSED_REALS = 128;

    /**
     * The planner: the plan of running {@code rule} on {@code objective} (over {@code dimension} variables,
     * maximized or not) with {@code settings}.
     */
    public static RunPlan of(ObjectiveSource objective, int dimension, boolean maximize, UpdateRule rule,
                             RunSettings settings) {
        return of(objective, dimension, maximize, rule, settings, ConstraintPlan.NONE, Map.of());
    }

    /**
     * The planner, for a constrained run: as {@link #of(ObjectiveSource, int, boolean, UpdateRule, RunSettings)},
     * with {@code constraints} and the run's hyperparameters besides the rule's ({@code others}, by id: the
     * augmented Lagrangian's and the named parameters of the formulas).
     */
    public static RunPlan of(ObjectiveSource objective, int dimension, boolean maximize, UpdateRule rule,
                             RunSettings settings, ConstraintPlan constraints, Map<String, Param> others) {
        double h = settings.centralDifferenceStep();
        boolean data = objective instanceof DataObjectiveSource;
        if (data && h > 0) {
            throw new IllegalArgumentException("a model fitted to a dataset has an exact gradient; central "
                    + "differences do not apply");
        }
        KernelShape shape = KernelShape.of(rule, dimension, h > 0, maximize, constraints.projection(),
                constraints.count(), others);
        Strategy strategy = data ? batched(settings.strategy()) : strategy(settings.strategy(), shape);
        return new RunPlan(objective, shape, settings.precision(), strategy,
                KernelProgram.of(objective, constraints.source(), shape, settings.precision(), strategy,
                        settings.math()),
                DeviceLayout.of(objective, shape, strategy, settings.precision()), stepsPerLaunch(settings),
                settings.stopping(), h, settings.historyEvery(), constraints, settings.math());
    }

    /** A model fitted to a dataset runs BATCHED, whatever else is asked. */
    private static Strategy batched(Strategy asked) {
        if (asked != Strategy.AUTO && asked != Strategy.BATCHED) {
            throw new IllegalArgumentException("a model fitted to a dataset runs as the strategy batched, not "
                    + asked.name().toLowerCase(java.util.Locale.ROOT));
        }
        return Strategy.BATCHED;
    }

    /** The strategy asked for, or for AUTO the fused one while a member's x, gradient and state fit registers. */
    static Strategy strategy(Strategy asked, KernelShape shape) {
        if (asked == Strategy.BATCHED) {
            throw new IllegalArgumentException("the strategy batched is for models fitted to a dataset");
        }
        if (asked != Strategy.AUTO) {
            return asked;
        }
        return (2 + shape.stateSlots()) * shape.dimension() <= FUSED_REALS ? Strategy.FUSED : Strategy.STREAMING;
    }

    /** The steps per launch asked for, else all of them when nobody can stop early, else a chunk. */
    static int stepsPerLaunch(RunSettings s) {
        if (s.stepsPerLaunch() > 0) {
            return s.stepsPerLaunch();
        }
        Stopping stop = s.stopping();
        boolean early = stop.gradientTolerance() > 0 || stop.valueTolerance() > 0 || s.historyEvery() > 0;
        return early ? DEFAULT_CHUNK : stop.maxSteps() + 1;
    }

    public int dimension() {
        return shape.dimension();
    }

    /** The hyperparameters in kernel order. */
    public ParamLayout params() {
        return shape.params();
    }

    /** True when the objective is maximized: the kernels minimize -f and report f. */
    public boolean maximize() {
        return shape.maximize();
    }
}
