package org.batchopt.backend;

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
 * The compile-time structure of a job: which rule and flags, which schedule, which regularization terms,
 * how the gradient is computed. The kernel program's {@code #define}s and the CPU twin both derive from
 * it, so that the two cannot disagree on what runs. Numeric values are not part of the shape.
 */
public record KernelShape(int dimension, Rule rule, boolean nesterov, boolean centered, boolean amsgrad,
                          boolean decoupled, ScheduleKind schedule, boolean warmup, int[] milestones,
                          boolean l1Sign, boolean l1Prox, boolean l2, boolean decoupledWeightDecay,
                          boolean central, boolean maximize, ParamLayout params) {

    /** Kernel rule kinds, {@code BO_RULE_*} in kernels/rules.cl. */
    public enum Rule {
        SGD(1), ADAGRAD(1), RMSPROP(3), ADAM(2), NADAM(2), ADAMAX(2);

        private final int baseStateSlots;

        Rule(int baseStateSlots) {
            this.baseStateSlots = baseStateSlots;
        }
    }

    /** Kernel schedule kinds, {@code BO_SCHEDULE_*} in kernels/schedule.cl. */
    public enum ScheduleKind { CONSTANT, INVERSE_TIME, STEP, MULTISTEP, EXPONENTIAL, COSINE }

    /**
     * The shape of {@code r} over {@code dimension} variables.
     *
     * @param central  central-difference gradients
     * @param maximize the objective is maximized (the kernels minimize -f)
     */
    public static KernelShape of(UpdateRule r, int dimension, boolean central, boolean maximize) {
        Rule rule;
        boolean nesterov = false;
        boolean centered = false;
        boolean amsgrad = false;
        boolean decoupled = false;
        if (r instanceof Sgd s) {
            rule = Rule.SGD;
            nesterov = s.nesterov();
        } else if (r instanceof Adagrad) {
            rule = Rule.ADAGRAD;
        } else if (r instanceof RmsProp p) {
            rule = Rule.RMSPROP;
            centered = p.centered();
        } else if (r instanceof Adam a) {
            rule = Rule.ADAM;
            amsgrad = a.amsgrad();
        } else if (r instanceof AdamW a) {
            rule = Rule.ADAM;
            amsgrad = a.amsgrad();
            decoupled = true;
        } else if (r instanceof NAdam) {
            rule = Rule.NADAM;
        } else if (r instanceof Adamax) {
            rule = Rule.ADAMAX;
        } else {
            throw new IllegalStateException("no kernel for rule " + r.name());
        }
        Schedule schedule = r.schedule();
        int[] milestones = new int[0];
        Schedule base = schedule.base();
        ScheduleKind kind;
        if (base instanceof Constant) {
            kind = ScheduleKind.CONSTANT;
        } else if (base instanceof InverseTime) {
            kind = ScheduleKind.INVERSE_TIME;
        } else if (base instanceof StepDecay) {
            kind = ScheduleKind.STEP;
        } else if (base instanceof MultiStep m) {
            kind = ScheduleKind.MULTISTEP;
            milestones = m.milestones();
        } else if (base instanceof Exponential) {
            kind = ScheduleKind.EXPONENTIAL;
        } else if (base instanceof Cosine) {
            kind = ScheduleKind.COSINE;
        } else {
            throw new IllegalStateException("no kernel for schedule " + base.name());
        }
        Regularization reg = r.regularization();
        return new KernelShape(dimension, rule, nesterov, centered, amsgrad, decoupled, kind,
                schedule instanceof Warmup, milestones, reg.hasL1() && !reg.l1Proximal(),
                reg.hasL1() && reg.l1Proximal(), reg.hasL2(), reg.hasDecoupledWeightDecay(), central, maximize,
                ParamLayout.of(r));
    }

    /** Coordinate state slots per coordinate, {@code RULE_NS}. */
    public int stateSlots() {
        return rule.baseStateSlots + (rule == Rule.ADAM && amsgrad ? 1 : 0);
    }

    /** Per-member state slots, {@code RULE_NMS}. */
    public int memberStateSlots() {
        switch (rule) {
            case ADAM:
            case NADAM:
                return 2;
            case ADAMAX:
                return 1;
            default:
                return 0;
        }
    }

    /** Reals of state per member: coordinate slots and member slots. */
    public int stateReals() {
        return stateSlots() * dimension + memberStateSlots();
    }
}
