package org.batchopt.schedule;

import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;

/** {@code lr(s) = lr}. */
public record Constant() implements Schedule {
    @Override
    public String name() {
        return "constant";
    }

    @Override
    public Map<Hyperparameter, Param> parameters() {
        return Map.of();
    }
}
