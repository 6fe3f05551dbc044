package org.batchopt.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;

/**
 * Step decay, torch's {@code StepLR}: {@code lr(s) = lr * gamma^floor(s / stepSize)}; the integer power is
 * taken by repeated squaring, the same multiplications on every backend.
 *
 * @param stepSize steps between decays, a whole number {@code >= 1}
 * @param gamma    factor per decay, finite and {@code > 0}
 */
public record StepDecay(Param stepSize, Param gamma) implements Schedule {
    /**
     * Checks every value (each member's, for a per-member parameter).
     *
     * @param stepSize steps between decays, a whole number {@code >= 1}
     * @param gamma    factor per decay, finite and {@code > 0}
     * @throws IllegalArgumentException naming the parameter, the value and the member when a value is out of its
     *                                  range
     */
    public StepDecay {
        stepSize.require("step size", v -> v >= 1 && v == Math.rint(v) && v <= Integer.MAX_VALUE,
                "step size must be a whole number >= 1");
        gamma.require("gamma", v -> v > 0 && Double.isFinite(v), "gamma must be finite and > 0");
    }

    @Override
    public String name() {
        return "step";
    }

    @Override
    public Map<Hyperparameter, Param> parameters() {
        Map<Hyperparameter, Param> p = new LinkedHashMap<>();
        p.put(Hyperparameter.STEP_SIZE, stepSize);
        p.put(Hyperparameter.GAMMA, gamma);
        return p;
    }
}
