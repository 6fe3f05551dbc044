package org.batchopt.backend;

import java.util.Map;
import org.batchopt.Param;
import org.batchopt.kernel.ConstraintSlots;
import org.batchopt.kernel.KernelProjection;
import org.batchopt.kernel.KernelRule;
import org.batchopt.kernel.KernelSchedule;
import org.batchopt.rule.Adagrad;
import org.batchopt.rule.Adam;
import org.batchopt.rule.AdamW;
import org.batchopt.rule.Adamax;
import org.batchopt.rule.NAdam;
import org.batchopt.rule.Regularization;
import org.batchopt.rule.RmsProp;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Constant;
import org.batchopt.schedule.Cosine;
import org.batchopt.schedule.Exponential;
import org.batchopt.schedule.InverseTime;
import org.batchopt.schedule.MultiStep;
import org.batchopt.schedule.Schedule;
import org.batchopt.schedule.StepDecay;
import org.batchopt.schedule.Warmup;

/**
 * The compile-time structure of a run: which rule and flags, which schedule, which regularization terms,
 * how the gradient is computed, which projection and how many general constraints. The kernel program's
 * {@code #define}s and the CPU twin both derive from it, so that the two cannot disagree on what runs. Numeric
 * values are not part of the shape.
 *
 * @param projection  the projection after every step ({@code BO_PROJECT})
 * @param constraints the number of general constraints ({@code BO_NCON})
 */
public record KernelShape(int dimension, KernelRule rule, boolean nesterov, boolean centered, boolean amsgrad,
                          boolean decoupled, KernelSchedule schedule, boolean warmup, int[] milestones,
                          boolean l1Sign, boolean l1Prox, boolean l2, boolean decoupledWeightDecay,
                          boolean central, boolean maximize, ParamLayout params, KernelProjection projection,
                          int constraints) {

    /**
     * The shape of {@code r} over {@code dimension} variables, unconstrained.
     *
     * @param central  central-difference gradients
     * @param maximize the objective is maximized (the kernels minimize -f)
     */
    public static KernelShape of(UpdateRule r, int dimension, boolean central, boolean maximize) {
        return of(r, dimension, central, maximize, KernelProjection.NONE, 0, Map.of());
    }

    /**
     * The shape of {@code r} over {@code dimension} variables with a projection and general constraints.
     *
     * @param others the run's hyperparameters besides the rule's, by id: the augmented Lagrangian's, the named
     *               parameters of the formulas
     */
    public static KernelShape of(UpdateRule r, int dimension, boolean central, boolean maximize,
                                 KernelProjection projection, int constraints, Map<String, Param> others) {
        KernelRule rule;
        boolean nesterov = false;
        boolean centered = false;
        boolean amsgrad = false;
        boolean decoupled = false;
        if (r instanceof Sgd s) {
            rule = KernelRule.SGD;
            nesterov = s.nesterov();
        } else if (r instanceof Adagrad) {
            rule = KernelRule.ADAGRAD;
        } else if (r instanceof RmsProp p) {
            rule = KernelRule.RMSPROP;
            centered = p.centered();
        } else if (r instanceof Adam a) {
            rule = KernelRule.ADAM;
            amsgrad = a.amsgrad();
        } else if (r instanceof AdamW a) {
            rule = KernelRule.ADAM;
            amsgrad = a.amsgrad();
            decoupled = true;
        } else if (r instanceof NAdam) {
            rule = KernelRule.NADAM;
        } else if (r instanceof Adamax) {
            rule = KernelRule.ADAMAX;
        } else {
            throw new IllegalStateException("no kernel for rule " + r.name());
        }
        Schedule schedule = r.schedule();
        int[] milestones = new int[0];
        Schedule base = schedule.base();
        KernelSchedule kind;
        if (base instanceof Constant) {
            kind = KernelSchedule.CONSTANT;
        } else if (base instanceof InverseTime) {
            kind = KernelSchedule.INVERSE_TIME;
        } else if (base instanceof StepDecay) {
            kind = KernelSchedule.STEP;
        } else if (base instanceof MultiStep m) {
            kind = KernelSchedule.MULTISTEP;
            milestones = m.milestones();
        } else if (base instanceof Exponential) {
            kind = KernelSchedule.EXPONENTIAL;
        } else if (base instanceof Cosine) {
            kind = KernelSchedule.COSINE;
        } else {
            throw new IllegalStateException("no kernel for schedule " + base.name());
        }
        Regularization reg = r.regularization();
        return new KernelShape(dimension, rule, nesterov, centered, amsgrad, decoupled, kind,
                schedule instanceof Warmup, milestones, reg.hasL1() && !reg.l1Proximal(),
                reg.hasL1() && reg.l1Proximal(), reg.hasL2(), reg.hasDecoupledWeightDecay(), central, maximize,
                ParamLayout.of(r, others), projection, constraints);
    }

    /** The slots of a member's constraint state. */
    public ConstraintSlots constraintSlots() {
        return new ConstraintSlots(constraints);
    }

    /** Coordinate state slots per coordinate, {@code RULE_NS}. */
    public int stateSlots() {
        return rule.stateSlots(amsgrad);
    }

    /** Per-member state slots, {@code RULE_NMS}. */
    public int memberStateSlots() {
        return rule.memberStateSlots();
    }

    /** Step scalars per member, {@code BO_NSC}. */
    public int stepScalars() {
        return rule.stepScalars();
    }

    /** Reals of state per member: coordinate slots and member slots. */
    public int stateReals() {
        return stateSlots() * dimension + memberStateSlots();
    }
}
