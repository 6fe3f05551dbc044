package org.batchopt;

import java.util.Locale;

/**
 * Every numeric hyperparameter of the update rules, schedules and regularization, each named once: its
 * {@link #id} is the name in results ({@link Result#hyperparameters}, JSON and CSV), in grids ({@link Grid}) and,
 * as {@code HP_<id>}, in the kernels; {@link #builderName} is the builder method and record component that set
 * it; {@link #option} is how the command line gives it.
 */
public enum Hyperparameter {
    LR("lr", "--lr", "learning rate"),
    MOMENTUM("momentum", "--momentum", "momentum"),
    DAMPENING("dampening", "--dampening", "momentum dampening"),
    WEIGHT_DECAY("weight_decay", "--weight-decay", "torch's weight_decay of the rule"),
    ALPHA("alpha", "--alpha", "smoothing constant"),
    BETA1("beta1", "--beta1", "decay of the first moment"),
    BETA2("beta2", "--beta2", "decay of the second moment"),
    EPS("eps", "--eps", "epsilon"),
    LR_DECAY("lr_decay", "--lr-decay", "learning-rate decay"),
    INITIAL_ACCUMULATOR("initial_accumulator", "--initial-accumulator", "initial accumulator value"),
    MOMENTUM_DECAY("momentum_decay", "--momentum-decay", "momentum decay"),
    KAPPA("kappa", "--schedule", "inverse-time decay rate"),
    POWER("power", "--schedule", "inverse-time exponent"),
    STEP_SIZE("step_size", "--schedule", "steps between step decays"),
    GAMMA("gamma", "--schedule", "decay factor"),
    T_MAX("t_max", "--schedule", "cosine half period in steps"),
    ETA_MIN("eta_min", "--schedule", "cosine floor of the learning rate"),
    WARMUP("warmup", "--warmup", "linear warm-up steps"),
    L1("l1", "--l1", "L1 weight"),
    L2("l2", "--l2", "L2 weight, coupled into the gradient"),
    DECOUPLED_WEIGHT_DECAY("decoupled_weight_decay", "--decoupled-weight-decay", "decoupled weight decay");

    private final String id;
    private final String option;
    private final String description;

    Hyperparameter(String id, String option, String description) {
        this.id = id;
        this.option = option;
        this.description = description;
    }

    /** The name in results, JSON, CSV and grids, in snake_case: {@code lr}, {@code t_max}. */
    public String id() {
        return id;
    }

    /** The kernels' index macro, {@code HP_<id>}. */
    public String kernelName() {
        return "HP_" + id;
    }

    /** The builder method and record component in camelCase: {@code lr}, {@code tMax}, {@code stepSize}. */
    public String builderName() {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("_")) {
            b.append(b.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.toString();
    }

    /** The command-line option that gives it: {@code --lr}, or {@code --schedule} for the schedules' fields. */
    public String option() {
        return option;
    }

    /** What it is, in a few words. */
    public String description() {
        return description;
    }

    /** The hyperparameter whose {@link #id} is {@code id}, or null. */
    public static Hyperparameter byId(String id) {
        for (Hyperparameter h : values()) {
            if (h.id.equals(id.toLowerCase(Locale.ROOT))) {
                return h;
            }
        }
        return null;
    }
}
