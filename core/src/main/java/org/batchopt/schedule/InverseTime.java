package org.batchopt.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;

/**
 * Inverse-time decay {@code lr(s) = lr / (1 + kappa*s)^power}; with {@code power == 1} exactly this is the
 * classic {@code eps0/(1 + kappa t)} and is computed with one division, no power function.
 *
 * @param kappa decay rate, finite and {@code >= 0}
 * @param power exponent, finite and {@code >= 0}
 */
public record InverseTime(Param kappa, Param power) implements Schedule {
    /**
     * Checks every value (each member's, for a per-member parameter).
     *
     * @param kappa decay rate, finite and {@code >= 0}
     * @param power exponent, finite and {@code >= 0}
     * @throws IllegalArgumentException naming the parameter, the value and the member when a value is out of its
     *                                  range
     */
    public InverseTime {
        kappa.require("kappa", v -> v >= 0 && Double.isFinite(v), "inverse-time kappa must be finite and >= 0");
        power.require("power", v -> v >= 0 && Double.isFinite(v), "inverse-time power must be finite and >= 0");
    }

    @Override
    public String name() {
        return "inverse-time";
    }

    @Override
    public Map<Hyperparameter, Param> parameters() {
        Map<Hyperparameter, Param> p = new LinkedHashMap<>();
        p.put(Hyperparameter.KAPPA, kappa);
        p.put(Hyperparameter.POWER, power);
        return p;
    }
}
