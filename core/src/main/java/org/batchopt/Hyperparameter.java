package org.batchopt;

import java.util.Locale;

/**
 * Every numeric hyperparameter of the update rules, schedules, regularization and the augmented Lagrangian of general
 * constraints ({@link AugmentedLagrangian}), each named once: its
 * {@link #id} is the name in results ({@link Result#hyperparameters}, JSON and CSV), in grids ({@link Grid}) and,
 * as {@code HP_<id>}, in the kernels; {@link #builderName} is the builder method and record component that set
 * it; {@link #option} is how the command line gives it.
 */
public enum Hyperparameter {
    /** The learning rate {@code lr} of every rule, before the schedule; finite and {@code >= 0}. */
    LR("lr", "--lr", "learning rate"),
    /** Momentum of {@link org.batchopt.rule.Sgd} and {@link org.batchopt.rule.RmsProp}; finite and {@code >= 0}. */
    MOMENTUM("momentum", "--momentum", "momentum"),
    /** Dampening of {@link org.batchopt.rule.Sgd}'s momentum; finite and {@code >= 0}. */
    DAMPENING("dampening", "--dampening", "momentum dampening"),
    /** torch's {@code weight_decay} of every rule (decoupled in AdamW); finite and {@code >= 0}. */
    WEIGHT_DECAY("weight_decay", "--weight-decay", "torch's weight_decay of the rule"),
    /** Smoothing constant of {@link org.batchopt.rule.RmsProp}; finite and {@code >= 0}. */
    ALPHA("alpha", "--alpha", "smoothing constant"),
    /** First-moment decay of the Adam family; in {@code [0, 1)}. */
    BETA1("beta1", "--beta1", "decay of the first moment"),
    /** Second-moment (Adamax: infinity-norm) decay of the Adam family; in {@code [0, 1)}. */
    BETA2("beta2", "--beta2", "decay of the second moment"),
    /** Denominator term of Adagrad, RMSprop and the Adam family; finite and {@code >= 0}. */
    EPS("eps", "--eps", "epsilon"),
    /** Learning-rate decay of {@link org.batchopt.rule.Adagrad}; finite and {@code >= 0}. */
    LR_DECAY("lr_decay", "--lr-decay", "learning-rate decay"),
    /** Starting squared-gradient sum of {@link org.batchopt.rule.Adagrad}; finite and {@code >= 0}. */
    INITIAL_ACCUMULATOR("initial_accumulator", "--initial-accumulator", "initial accumulator value"),
    /** Momentum decay of {@link org.batchopt.rule.NAdam}; finite and {@code >= 0}. */
    MOMENTUM_DECAY("momentum_decay", "--momentum-decay", "momentum decay"),
    /** Decay rate of {@link org.batchopt.schedule.InverseTime}; finite and {@code >= 0}. */
    KAPPA("kappa", "--schedule", "inverse-time decay rate"),
    /** Exponent of {@link org.batchopt.schedule.InverseTime}; finite and {@code >= 0}. */
    POWER("power", "--schedule", "inverse-time exponent"),
    /** Steps between decays of {@link org.batchopt.schedule.StepDecay}; a whole number {@code >= 1}. */
    STEP_SIZE("step_size", "--schedule", "steps between step decays"),
    /** Decay factor of the step, multi-step and exponential schedules; finite and {@code > 0}. */
    GAMMA("gamma", "--schedule", "decay factor"),
    /** Half period in steps of {@link org.batchopt.schedule.Cosine}; finite and {@code > 0}. */
    T_MAX("t_max", "--schedule", "cosine half period in steps"),
    /** Learning rate {@link org.batchopt.schedule.Cosine} reaches at {@code t_max}; finite and {@code >= 0}. */
    ETA_MIN("eta_min", "--schedule", "cosine floor of the learning rate"),
    /** Length in steps of a {@link org.batchopt.schedule.Warmup}; a whole number {@code >= 1}. */
    WARMUP("warmup", "--warmup", "linear warm-up steps"),
    /** L1 weight of the {@link org.batchopt.rule.Regularization}; finite and {@code >= 0}. */
    L1("l1", "--l1", "L1 weight"),
    /** L2 weight of the {@link org.batchopt.rule.Regularization}; finite and {@code >= 0}. */
    L2("l2", "--l2", "L2 weight, coupled into the gradient"),
    /** Decoupled weight decay of the {@link org.batchopt.rule.Regularization}; finite and {@code >= 0}. */
    DECOUPLED_WEIGHT_DECAY("decoupled_weight_decay", "--decoupled-weight-decay", "decoupled weight decay"),
    /** Initial penalty rho_0 of the {@link AugmentedLagrangian}; finite and {@code > 0}. */
    RHO("rho", "--rho", "initial penalty of the augmented Lagrangian"),
    /** Penalty growth factor of the {@link AugmentedLagrangian}; finite and {@code >= 1}. */
    RHO_GROWTH("rho_growth", "--rho-growth", "penalty growth when a violation does not halve"),
    /** Steps between the {@link AugmentedLagrangian}'s multiplier updates; a whole number {@code >= 1}. */
    INNER_STEPS("inner_steps", "--inner-steps", "steps between multiplier updates");

    private final String id;
    private final String option;
    private final String description;

    Hyperparameter(String id, String option, String description) {
        this.id = id;
        this.option = option;
        this.description = description;
    }

    /**
     * The name in results, JSON, CSV and grids.
     *
     * @return the name in snake_case: {@code lr}, {@code t_max}
     */
    public String id() {
        return id;
    }

    /**
     * The kernels' index macro.
     *
     * @return {@code HP_<id>}
     */
    public String kernelName() {
        return "HP_" + id;
    }

    /**
     * The builder method and record component that set it.
     *
     * @return the {@link #id} in camelCase: {@code lr}, {@code tMax}, {@code stepSize}
     */
    public String builderName() {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("_")) {
            b.append(b.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.toString();
    }

    /**
     * The command-line option that gives it.
     *
     * @return {@code --lr}, ...; {@code --schedule} for the schedules' fields
     */
    public String option() {
        return option;
    }

    /**
     * What it is, in a few words.
     *
     * @return a short description ({@code "learning rate"})
     */
    public String description() {
        return description;
    }

    /**
     * The hyperparameter with a given {@link #id}.
     *
     * @param id the name, in any case ({@code LR} finds {@link #LR})
     * @return the hyperparameter, or null when there is none of that name
     */
    public static Hyperparameter byId(String id) {
        for (Hyperparameter h : values()) {
            if (h.id.equals(id.toLowerCase(Locale.ROOT))) {
                return h;
            }
        }
        return null;
    }
}
