package org.batchopt.schedule;

import java.util.Arrays;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;

/**
 * Multi-step decay, torch's {@code MultiStepLR}: {@code lr(s) = lr * gamma^k} where k is the number of
 * milestones {@code <= s}. The milestones are shared by the whole batch; gamma may differ per member.
 *
 * @param milestones strictly increasing step counts {@code >= 1}; not modified
 * @param gamma      factor per milestone, finite and {@code > 0}
 */
public record MultiStep(int[] milestones, Param gamma) implements Schedule {
    /**
     * Checks the milestones and every gamma; keeps a copy of {@code milestones}.
     *
     * @param milestones strictly increasing step counts {@code >= 1}; not modified
     * @param gamma      factor per milestone, finite and {@code > 0}
     * @throws IllegalArgumentException when there is no milestone, the milestones are not strictly increasing
     *                                  and {@code >= 1}, or a gamma is out of its range
     */
    public MultiStep {
        if (milestones.length == 0) {
            throw new IllegalArgumentException("multi-step schedule needs at least one milestone");
        }
        milestones = milestones.clone();
        for (int i = 0; i < milestones.length; i++) {
            if (milestones[i] < 1 || (i > 0 && milestones[i] <= milestones[i - 1])) {
                throw new IllegalArgumentException("milestones " + Arrays.toString(milestones)
                        + " must be strictly increasing and >= 1");
            }
        }
        gamma.require("gamma", v -> v > 0 && Double.isFinite(v), "gamma must be finite and > 0");
    }

    /**
     * The milestones.
     *
     * @return a copy, strictly increasing; modifying it changes nothing here
     */
    @Override
    public int[] milestones() {
        return milestones.clone();
    }

    @Override
    public String name() {
        return "multistep";
    }

    @Override
    public Map<Hyperparameter, Param> parameters() {
        return Map.of(Hyperparameter.GAMMA, gamma);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiStep m && Arrays.equals(m.milestones, milestones) && m.gamma.equals(gamma);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(milestones) + gamma.hashCode();
    }

    @Override
    public String toString() {
        return "MultiStep[milestones=" + Arrays.toString(milestones) + ", gamma=" + gamma + "]";
    }
}
