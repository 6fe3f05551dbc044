package org.batchopt.schedule;

import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;

/**
 * Exponential decay, torch's {@code ExponentialLR}: {@code lr(s) = lr * gamma^s}, the integer power taken
 * by repeated squaring.
 *
 * @param gamma factor per step, finite and {@code > 0}
 */
public record Exponential(Param gamma) implements Schedule {
    /**
     * Checks every value (each member's, for a per-member parameter).
     *
     * @param gamma factor per step, finite and {@code > 0}
     * @throws IllegalArgumentException naming the parameter, the value and the member when a value is out of its
     *                                  range
     */
    public Exponential {
        gamma.require("gamma", v -> v > 0 && Double.isFinite(v), "gamma must be finite and > 0");
    }

    @Override
    public String name() {
        return "exponential";
    }

    @Override
    public Map<Hyperparameter, Param> parameters() {
        return Map.of(Hyperparameter.GAMMA, gamma);
    }
}
