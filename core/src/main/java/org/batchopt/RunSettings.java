package org.batchopt;

import java.util.Objects;

/**
 * How an {@link Engine} runs a batch, apart from where: precision, stopping, gradient, strategy, history and
 * the math of a dataset's matrix products. Immutable; each {@code with} method returns a changed copy.
 * {@link #DEFAULTS}: fp32, 1000 steps and no tolerance, analytic gradients, the planner's strategy and steps per
 * launch, no history, strict math.
 *
 * @param precision      fp32 or fp64
 * @param stopping       when a member stops
 * @param gradient       analytic, or central differences
 * @param fdStep         the central-difference step h of {@link Gradient#CENTRAL}, 0 for the precision's default
 *                       ({@link Gradient#defaultStep}); 0 for analytic gradients
 * @param strategy       how a device runs the steps; {@link Strategy#AUTO} lets the planner choose
 * @param stepsPerLaunch iterations per fused device launch, 0 for the planner's choice
 * @param historyEvery   keep every member's point every this many steps, 0 for none
 * @param math           how a model fitted to a dataset computes its matrix products ({@link MathMode#STRICT}
 *                       for the same bits on every backend)
 */
public record RunSettings(Precision precision, Stopping stopping, Gradient gradient, double fdStep, Strategy strategy,
                          int stepsPerLaunch, int historyEvery, MathMode math) {

    /** fp32, 1000 steps and no tolerance, analytic gradients, the planner's strategy, no history, strict math. */
    public static final RunSettings DEFAULTS = new RunSettings(Precision.FP32, Stopping.maxSteps(1000),
            Gradient.ANALYTIC, 0, Strategy.AUTO, 0, 0, MathMode.STRICT);

    /**
     * Checks the settings.
     *
     * @param precision      fp32 or fp64
     * @param stopping       when a member stops
     * @param gradient       analytic, or central differences
     * @param fdStep         the central-difference step h of {@link Gradient#CENTRAL}, 0 for the precision's default
     *                       ({@link Gradient#defaultStep}); 0 for analytic gradients
     * @param strategy       how a device runs the steps; {@link Strategy#AUTO} lets the planner choose
     * @param stepsPerLaunch iterations per fused device launch, 0 for the planner's choice
     * @param historyEvery   keep every member's point every this many steps, 0 for none
     * @param math           how a model fitted to a dataset computes its matrix products
     * @throws NullPointerException     when {@code precision}, {@code stopping}, {@code gradient},
     *                                  {@code strategy} or {@code math} is null
     * @throws IllegalArgumentException when {@code fdStep} is negative, NaN or infinite, or non-zero without
     *                                  {@link Gradient#CENTRAL}; when {@code stepsPerLaunch} or
     *                                  {@code historyEvery} is negative; when {@code math} is
     *                                  {@link MathMode#FAST_TF32} in fp64
     */
    public RunSettings {
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(stopping, "stopping");
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(math, "math");
        if (math == MathMode.FAST_TF32 && precision != Precision.FP32) {
            throw new IllegalArgumentException("TF32 products are fp32; the run is "
                    + precision.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!(fdStep >= 0) || Double.isInfinite(fdStep)) {
            throw new IllegalArgumentException("finite-difference step " + fdStep + " must be finite and > 0");
        }
        if (fdStep > 0 && gradient != Gradient.CENTRAL) {
            throw new IllegalArgumentException("finite-difference step " + fdStep + " needs central differences");
        }
        if (stepsPerLaunch < 0) {
            throw new IllegalArgumentException("steps per launch " + stepsPerLaunch + " must be >= 0");
        }
        if (historyEvery < 0) {
            throw new IllegalArgumentException("history interval " + historyEvery + " must be >= 0");
        }
    }

    /**
     * These settings with another precision; this object is not modified.
     *
     * @param p fp32 or fp64
     * @return a changed copy
     * @throws NullPointerException     when {@code p} is null
     * @throws IllegalArgumentException when {@code p} is fp64 and the math is {@link MathMode#FAST_TF32}
     */
    public RunSettings withPrecision(Precision p) {
        return new RunSettings(p, stopping, gradient, fdStep, strategy, stepsPerLaunch, historyEvery, math);
    }

    /**
     * These settings with another stopping rule; this object is not modified.
     *
     * @param s when a member stops
     * @return a changed copy
     * @throws NullPointerException when {@code s} is null
     */
    public RunSettings withStopping(Stopping s) {
        return new RunSettings(precision, s, gradient, fdStep, strategy, stepsPerLaunch, historyEvery, math);
    }

    /**
     * These settings with analytic gradients, or central differences with the default step
     * ({@link Gradient#defaultStep}); a step set before is dropped. This object is not modified.
     *
     * @param g how the gradient is computed
     * @return a changed copy
     * @throws NullPointerException when {@code g} is null
     */
    public RunSettings withGradient(Gradient g) {
        return new RunSettings(precision, stopping, g, 0, strategy, stepsPerLaunch, historyEvery, math);
    }

    /**
     * These settings with central differences of step {@code h} (see {@link Gradient#CENTRAL}); this object is
     * not modified.
     *
     * @param h the relative step, finite and {@code > 0}
     * @return a changed copy
     * @throws IllegalArgumentException when {@code h} is not finite and {@code > 0}
     */
    public RunSettings withCentralDifferences(double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("finite-difference step " + h + " must be finite and > 0");
        }
        return new RunSettings(precision, stopping, Gradient.CENTRAL, h, strategy, stepsPerLaunch, historyEvery,
                math);
    }

    /**
     * These settings with another device strategy; results do not depend on it. This object is not modified.
     *
     * @param s the strategy, {@link Strategy#AUTO} for the planner's choice
     * @return a changed copy
     * @throws NullPointerException when {@code s} is null
     */
    public RunSettings withStrategy(Strategy s) {
        return new RunSettings(precision, stopping, gradient, fdStep, s, stepsPerLaunch, historyEvery, math);
    }

    /**
     * These settings with another number of iterations per fused device launch; results do not depend on it.
     * This object is not modified.
     *
     * @param k iterations per launch, {@code >= 1}, or 0 for the planner's choice
     * @return a changed copy
     * @throws IllegalArgumentException when {@code k < 0}
     */
    public RunSettings withStepsPerLaunch(int k) {
        return new RunSettings(precision, stopping, gradient, fdStep, strategy, k, historyEvery, math);
    }

    /**
     * These settings keeping every member's point every {@code every} steps ({@link Result#history}); this
     * object is not modified.
     *
     * @param every steps between recorded points, 0 for none
     * @return a changed copy
     * @throws IllegalArgumentException when {@code every < 0}
     */
    public RunSettings withHistory(int every) {
        return new RunSettings(precision, stopping, gradient, fdStep, strategy, stepsPerLaunch, every, math);
    }

    /**
     * These settings computing a dataset's matrix products in {@code m} (see {@link MathMode}); this object is not
     * modified.
     *
     * @param m {@link MathMode#STRICT} (the default) for the same bits on every backend, or a fast mode (CUDA only)
     * @return a changed copy
     * @throws NullPointerException     when {@code m} is null
     * @throws IllegalArgumentException when {@code m} is {@link MathMode#FAST_TF32} in fp64
     */
    public RunSettings withMath(MathMode m) {
        return new RunSettings(precision, stopping, gradient, fdStep, strategy, stepsPerLaunch, historyEvery, m);
    }

    /**
     * The central-difference step in use.
     *
     * @return {@link #fdStep} when set, else the precision's {@link Gradient#defaultStep}; 0 for analytic
     *         gradients
     */
    public double centralDifferenceStep() {
        if (gradient != Gradient.CENTRAL) {
            return 0;
        }
        return fdStep > 0 ? fdStep : Gradient.defaultStep(precision);
    }
}
