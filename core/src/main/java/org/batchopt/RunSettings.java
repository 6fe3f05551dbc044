package org.batchopt;

import java.util.Objects;

/**
 * How an {@link Engine} runs a batch, apart from where: precision, stopping, gradient, strategy and history.
 * Immutable; each {@code with} method returns a changed copy. {@link #DEFAULTS}: fp32, 1000 steps and no
 * tolerance, analytic gradients, the planner's strategy and steps per launch, no history.
 *
 * @param precision      fp32 or fp64
 * @param stopping       when a member stops
 * @param gradient       analytic, or central differences
 * @param fdStep         the central-difference step h of {@link Gradient#CENTRAL}, 0 for the precision's default
 *                       ({@link Gradient#defaultStep}); 0 for analytic gradients
 * @param strategy       how a device runs the steps; {@link Strategy#AUTO} lets the planner choose
 * @param stepsPerLaunch iterations per fused device launch, 0 for the planner's choice
 * @param historyEvery   keep every member's point every this many steps, 0 for none
 */
public record RunSettings(Precision precision, Stopping stopping, Gradient gradient, double fdStep, Strategy strategy,
                          int stepsPerLaunch, int historyEvery) {

    /** fp32, 1000 steps and no tolerance, analytic gradients, the planner's strategy, no history. */
    public static final RunSettings DEFAULTS = new RunSettings(Precision.FP32, Stopping.maxSteps(1000),
            Gradient.ANALYTIC, 0, Strategy.AUTO, 0, 0);

    public RunSettings {
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(stopping, "stopping");
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(strategy, "strategy");
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

    public RunSettings withPrecision(Precision p) {
        return new RunSettings(p, stopping, gradient, fdStep, strategy, stepsPerLaunch, historyEvery);
    }

    public RunSettings withStopping(Stopping s) {
        return new RunSettings(precision, s, gradient, fdStep, strategy, stepsPerLaunch, historyEvery);
    }

    /** Analytic gradients, or central differences with the default step. */
    public RunSettings withGradient(Gradient g) {
        return new RunSettings(precision, stopping, g, 0, strategy, stepsPerLaunch, historyEvery);
    }

    /** Central differences with step {@code h} (see {@link Gradient#CENTRAL}). */
    public RunSettings withCentralDifferences(double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("finite-difference step " + h + " must be finite and > 0");
        }
        return new RunSettings(precision, stopping, Gradient.CENTRAL, h, strategy, stepsPerLaunch, historyEvery);
    }

    public RunSettings withStrategy(Strategy s) {
        return new RunSettings(precision, stopping, gradient, fdStep, s, stepsPerLaunch, historyEvery);
    }

    public RunSettings withStepsPerLaunch(int k) {
        return new RunSettings(precision, stopping, gradient, fdStep, strategy, k, historyEvery);
    }

    public RunSettings withHistory(int every) {
        return new RunSettings(precision, stopping, gradient, fdStep, strategy, stepsPerLaunch, every);
    }

    /** The central-difference step in use: {@link #fdStep}, else the precision's default; 0 for analytic gradients. */
    public double centralDifferenceStep() {
        if (gradient != Gradient.CENTRAL) {
            return 0;
        }
        return fdStep > 0 ? fdStep : Gradient.defaultStep(precision);
    }
}
