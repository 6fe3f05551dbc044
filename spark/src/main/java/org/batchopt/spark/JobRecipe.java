package org.batchopt.spark;

import java.io.Serializable;

/**
 * How to build a {@link BatchJob}: shipped to every Spark task, which builds the job itself. It must build the same
 * job wherever and however often it runs (same objective, hyperparameters, start points and settings): that is what
 * makes a task's members, and a retried task's, the same bits as a local run's. A lambda does, when what it
 * captures is serializable:
 *
 * <pre>
 *   JobRecipe recipe = () -> new BatchJob(Objectives.rastrigin(10), Adam.builder().lr(2).build(),
 *           Batch.builder(10).members(10_000_000).starts(Starts.sobol(Box.cube(10, -5.12, 5.12), 1)).build(),
 *           RunSettings.DEFAULTS);
 * </pre>
 */
@FunctionalInterface
public interface JobRecipe extends Serializable {
    BatchJob build();
}
