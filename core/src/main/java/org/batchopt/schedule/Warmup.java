package org.batchopt.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;

/**
 * Linear warm-up composed with another schedule: {@code lr(s) = then(s) * ((s + 1) / steps)} while
 * {@code s < steps}, then {@code then(s)}. The first update uses {@code 1/steps} of the rate, update number
 * {@code steps} the full rate; the wrapped schedule is not shifted.
 *
 * @param steps warm-up length, a whole number {@code >= 1}
 * @param then  the schedule being warmed up; not itself a warm-up
 */
public record Warmup(Param steps, Schedule then) implements Schedule {
    /**
     * Checks the warm-up length (each member's, for a per-member parameter).
     *
     * @param steps warm-up length, a whole number {@code >= 1}
     * @param then  the schedule being warmed up; not itself a warm-up
     * @throws IllegalArgumentException naming the value and the member when a length is not a whole number
     *                                  {@code >= 1}, or when {@code then} is a warm-up
     */
    public Warmup {
        steps.require("warm-up steps", v -> v >= 1 && v == Math.rint(v) && v <= Integer.MAX_VALUE,
                "warm-up steps must be a whole number >= 1");
        if (then instanceof Warmup) {
            throw new IllegalArgumentException("a warm-up cannot wrap another warm-up");
        }
    }

    @Override
    public String name() {
        return "warmup+" + then.name();
    }

    @Override
    public Map<Hyperparameter, Param> parameters() {
        Map<Hyperparameter, Param> p = new LinkedHashMap<>(then.parameters());
        p.put(Hyperparameter.WARMUP, steps);
        return p;
    }

    @Override
    public Schedule base() {
        return then;
    }
}
