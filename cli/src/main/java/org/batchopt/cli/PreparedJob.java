package org.batchopt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchopt.AugmentedLagrangian;
import org.batchopt.Backend;
import org.batchopt.Batch;
import org.batchopt.Box;
import org.batchopt.Constraint;
import org.batchopt.Engine;
import org.batchopt.Gradient;
import org.batchopt.Grid;
import org.batchopt.Objective;
import org.batchopt.RunSettings;
import org.batchopt.rule.Adam;
import org.batchopt.rule.AdamW;
import org.batchopt.rule.RmsProp;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.MultiStep;

/**
 * A job as the command line described it, ready to run on any backend: the same objective, rule, members and
 * engine settings wherever it runs.
 *
 * @param grid        the hyperparameter grid, null when every member shares its hyperparameters
 * @param starts      where the start points came from
 * @param settings    the engine's settings
 * @param constraints the projection and the general constraints, in order
 * @param lagrangian  how the general constraints are solved
 */
public record PreparedJob(Objective objective, UpdateRule rule, Batch batch, Grid grid, StartsInfo starts,
                          RunSettings settings, List<Constraint> constraints, AugmentedLagrangian lagrangian) {

    /**
     * How the start points were chosen.
     *
     * @param sampler the sampler, null for one given point or a file of points
     * @param seed    the sampler's seed
     * @param box     the sampler's box
     * @param file    the file of points, or null
     */
    public record StartsInfo(JobOptions.Sampler sampler, long seed, Box box, String file) {
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
        return Engine.on(backend).settings(settings).augmentedLagrangian(lagrangian);
    }

    /** The general constraints ({@code --subject-to}), in order. */
    List<Constraint.General> general() {
        return constraints.stream().filter(c -> c instanceof Constraint.General).map(c -> (Constraint.General) c)
                .toList();
    }

    /** The projection ({@code --constrain}), or null. */
    Constraint projection() {
        return constraints.stream().filter(c -> !(c instanceof Constraint.General)).findFirst().orElse(null);
    }

    /**
     * The on/off switches of the rule, by name, as every output format shows them: the rule's own
     * ({@code nesterov}, {@code amsgrad}, {@code centered}), then {@code l1_proximal} when L1 is on.
     */
    Map<String, Boolean> switches() {
        Map<String, Boolean> s = new LinkedHashMap<>();
        if (rule instanceof Sgd r) {
            s.put("nesterov", r.nesterov());
        } else if (rule instanceof Adam r) {
            s.put("amsgrad", r.amsgrad());
        } else if (rule instanceof AdamW r) {
            s.put("amsgrad", r.amsgrad());
        } else if (rule instanceof RmsProp r) {
            s.put("centered", r.centered());
        }
        if (rule.regularization().hasL1()) {
            s.put("l1_proximal", rule.regularization().l1Proximal());
        }
        return s;
    }

    /** The multi-step milestones, null for other schedules. */
    int[] milestones() {
        return rule.schedule().base() instanceof MultiStep m ? m.milestones() : null;
    }

    /** The central-difference step the engine uses (the precision's default unless given), NaN when analytic. */
    double fdStepUsed() {
        return settings.gradient() != Gradient.CENTRAL ? Double.NaN : settings.centralDifferenceStep();
    }

    /** Start points per grid combination (all members without a grid). */
    int startsPerCombination() {
        return batch.startsPerCombination();
    }
}
