package org.batchopt.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;

/**
 * Cosine annealing, the closed form of torch's {@code CosineAnnealingLR}:
 * {@code lr(s) = etaMin + (lr - etaMin) * (1 + cos(pi * s / tMax)) / 2}, periodic past {@code tMax} as torch's.
 * The cosine is batchopt's portable one (kernels/math.cl), identical on every backend.
 *
 * @param tMax   half period in steps, finite and {@code > 0}
 * @param etaMin floor of the learning rate, finite and {@code >= 0}
 */
public record Cosine(Param tMax, Param etaMin) implements Schedule {
    /**
     * Checks every value (each member's, for a per-member parameter).
     *
     * @param tMax   half period in steps, finite and {@code > 0}
     * @param etaMin floor of the learning rate, finite and {@code >= 0}
     * @throws IllegalArgumentException naming the parameter, the value and the member when a value is out of its
     *                                  range
     */
    public Cosine {
        tMax.require("T_max", v -> v > 0 && Double.isFinite(v), "cosine T_max must be finite and > 0");
        etaMin.require("eta_min", v -> v >= 0 && Double.isFinite(v), "cosine eta_min must be finite and >= 0");
    }

    @Override
    public String name() {
        return "cosine";
    }

    @Override
    public Map<Hyperparameter, Param> parameters() {
        Map<Hyperparameter, Param> p = new LinkedHashMap<>();
        p.put(Hyperparameter.T_MAX, tMax);
        p.put(Hyperparameter.ETA_MIN, etaMin);
        return p;
    }
}
