package org.batchopt.spark;

import java.util.Objects;
import org.batchopt.Batch;
import org.batchopt.Objective;
import org.batchopt.RunSettings;
import org.batchopt.rule.UpdateRule;

/**
 * One batch as the local engine runs it: objective, update rule, members and engine settings. A {@link JobRecipe}
 * builds it afresh in every Spark task, so that none of it needs to be serializable.
 */
public record BatchJob(Objective objective, UpdateRule rule, Batch batch, RunSettings settings) {
    public BatchJob {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(settings, "settings");
    }
}
