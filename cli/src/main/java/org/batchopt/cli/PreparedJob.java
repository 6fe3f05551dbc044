package org.batchopt.cli;

import org.batchopt.Backend;
import org.batchopt.Batch;
import org.batchopt.Box;
import org.batchopt.Engine;
import org.batchopt.Grid;
import org.batchopt.Objective;
import org.batchopt.RunSettings;
import org.batchopt.rule.UpdateRule;

/**
 * A job as the command line described it, ready to run on any backend: the same objective, rule, members and
 * engine settings wherever it runs.
 *
 * @param grid     the hyperparameter grid, null when every member shares its hyperparameters
 * @param starts   where the start points came from
 * @param settings the engine's settings
 */
record PreparedJob(Objective objective, UpdateRule rule, Batch batch, Grid grid, StartsInfo starts,
                   RunSettings settings) {

    /**
     * How the start points were chosen.
     *
     * @param sampler the sampler, null for one given point or a file of points
     * @param seed    the sampler's seed
     * @param box     the sampler's box
     * @param file    the file of points, or null
     */
    record StartsInfo(JobOptions.Sampler sampler, long seed, Box box, String file) {
        /** uniform, sobol, lhs, point or file. */
        String kind() {
            return sampler != null ? sampler.toString() : file != null ? "file" : "point";
        }

        String describe() {
            return sampler != null ? sampler + ", seed " + seed + ", box " + box
                    : file != null ? "one per member from " + file : "the same point for every member";
        }
    }

    /** An engine on {@code backend} with this job's settings. */
    Engine engine(Backend backend) {
        return Engine.on(backend).settings(settings);
    }

    /** Start points per grid combination (all members without a grid). */
    int startsPerCombination() {
        return batch.startsPerCombination();
    }
}
