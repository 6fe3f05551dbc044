package org.batchopt.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchopt.Hyperparameter;
import org.batchopt.rule.Adagrad;
import org.batchopt.rule.Adam;
import org.batchopt.rule.AdamW;
import org.batchopt.rule.Adamax;
import org.batchopt.rule.MomentBuilder;
import org.batchopt.rule.NAdam;
import org.batchopt.rule.RmsProp;
import org.batchopt.rule.RuleBuilder;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedule;
import org.batchopt.schedule.Warmup;
import picocli.CommandLine.Option;

/**
 * The update rule, its schedule and its regularization. Every numeric option takes a comma list; lists of
 * more than one value are the axes of a grid. Options a rule has no use for are an error, not ignored.
 */
final class RuleOptions implements HelpSections.Section {

    /** The update rules by command-line name. */
    enum Optimizer {
        SGD, ADAGRAD, RMSPROP, ADAM, ADAMW, NADAM, ADAMAX;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** torch's default betas, for when only one of --beta1 and --beta2 is given. */

    @Option(names = "--optimizer", paramLabel = "RULE",
            description = "sgd | adagrad | rmsprop | adam | adamw | nadam | adamax (default: ${DEFAULT-VALUE}); "
                    + "every default below is torch.optim's")
    Optimizer optimizer = Optimizer.ADAM;

    @Option(names = "--lr", split = ",", paramLabel = "LR", description = "learning rate (default: the rule's)")
    double[] lr;

    @Option(names = "--momentum", split = ",", paramLabel = "V", description = "momentum (sgd, rmsprop)")
    double[] momentum;

    @Option(names = "--dampening", split = ",", paramLabel = "V", description = "momentum dampening (sgd)")
    double[] dampening;

    @Option(names = "--nesterov", description = "Nesterov momentum (sgd)")
    boolean nesterov;

    @Option(names = "--weight-decay", split = ",", paramLabel = "V",
            description = "torch's weight_decay of the rule (decoupled for adamw)")
    double[] weightDecay;

    @Option(names = "--betas", split = ",", paramLabel = "B1,B2", hideParamSyntax = true,
            description = "beta1 and beta2 (adam family)")
    double[] betas;

    @Option(names = "--beta1", split = ",", paramLabel = "B1", description = "beta1 alone, e.g. as a grid axis")
    double[] beta1;

    @Option(names = "--beta2", split = ",", paramLabel = "B2", description = "beta2 alone, e.g. as a grid axis")
    double[] beta2;

    @Option(names = "--eps", split = ",", paramLabel = "V", description = "epsilon (all but sgd)")
    double[] eps;

    @Option(names = "--amsgrad", description = "AMSGrad (adam, adamw)")
    boolean amsgrad;

    @Option(names = "--alpha", split = ",", paramLabel = "V", description = "smoothing constant (rmsprop)")
    double[] alpha;

    @Option(names = "--centered", description = "centered RMSprop (rmsprop)")
    boolean centered;

    @Option(names = "--lr-decay", split = ",", paramLabel = "V", description = "learning-rate decay (adagrad)")
    double[] lrDecay;

    @Option(names = "--initial-accumulator", split = ",", paramLabel = "V",
            description = "initial accumulator value (adagrad)")
    double[] initialAccumulator;

    @Option(names = "--momentum-decay", split = ",", paramLabel = "V", description = "momentum decay (nadam)")
    double[] momentumDecay;

    @Option(names = "--schedule", paramLabel = "SPEC", converter = ScheduleSpec.Converter.class,
            description = "learning-rate schedule: " + ScheduleSpec.FORMS + " (default: constant); each "
                    + "number may be a comma list")
    ScheduleSpec schedule = ScheduleSpec.CONSTANT;

    @Option(names = "--warmup", split = ",", paramLabel = "STEPS", description = "linear warm-up steps in front of "
            + "the schedule")
    double[] warmup;

    @Option(names = "--l1", split = ",", paramLabel = "V", description = "L1 weight (subgradient unless --l1-proximal)")
    double[] l1;

    @Option(names = "--l1-proximal", description = "apply L1 as the proximal soft-threshold (exact zeros)")
    boolean l1Proximal;

    @Option(names = "--l2", split = ",", paramLabel = "V", description = "L2 weight, coupled into the gradient")
    double[] l2;

    @Option(names = "--decoupled-weight-decay", split = ",", paramLabel = "V",
            description = "decoupled weight decay x *= 1 - lr*V, for any rule")
    double[] decoupledWeightDecay;

    @Override
    public String heading() {
        return "Update rule, schedule, regularization (a comma list of values makes a grid):";
    }

    /** The given numeric hyperparameters, in kernel order: rule, schedule, regularization. */
    GridAxes axes() {
        if (betas != null && (beta1 != null || beta2 != null)) {
            throw new IllegalArgumentException("--betas cannot be combined with --beta1 or --beta2");
        }
        if (betas != null && betas.length != 2) {
            throw new IllegalArgumentException("--betas takes two values B1,B2, got " + betas.length + ": "
                    + Arrays.toString(betas));
        }
        GridAxes a = new GridAxes();
        a.put(Hyperparameter.LR, lr);
        a.put(Hyperparameter.MOMENTUM, momentum);
        a.put(Hyperparameter.DAMPENING, dampening);
        a.put(Hyperparameter.WEIGHT_DECAY, weightDecay);
        a.put(Hyperparameter.ALPHA, alpha);
        if (betas != null) {
            a.put(Hyperparameter.BETA1, "--betas", new double[] {betas[0]});
            a.put(Hyperparameter.BETA2, "--betas", new double[] {betas[1]});
        } else {
            a.put(Hyperparameter.BETA1, beta1);
            a.put(Hyperparameter.BETA2, beta2);
        }
        a.put(Hyperparameter.EPS, eps);
        a.put(Hyperparameter.LR_DECAY, lrDecay);
        a.put(Hyperparameter.INITIAL_ACCUMULATOR, initialAccumulator);
        a.put(Hyperparameter.MOMENTUM_DECAY, momentumDecay);
        for (Map.Entry<Hyperparameter, double[]> e : schedule.values().entrySet()) {
            a.put(e.getKey(), e.getValue());
        }
        a.put(Hyperparameter.WARMUP, warmup);
        a.put(Hyperparameter.L1, l1);
        a.put(Hyperparameter.L2, l2);
        a.put(Hyperparameter.DECOUPLED_WEIGHT_DECAY, decoupledWeightDecay);
        return a;
    }

    /** The rule, taking its hyperparameters from {@code axes} (see {@link #axes()}). */
    UpdateRule build(GridAxes axes) {
        requireFlag(nesterov, "--nesterov", Optimizer.SGD);
        requireFlag(amsgrad, "--amsgrad", Optimizer.ADAM, Optimizer.ADAMW);
        requireFlag(centered, "--centered", Optimizer.RMSPROP);
        if (l1Proximal && l1 == null) {
            throw new IllegalArgumentException("--l1-proximal needs --l1");
        }
        UpdateRule rule = switch (optimizer) {
            case SGD -> {
                Sgd.Builder b = common(Sgd.builder(), axes);
                axes.apply(Hyperparameter.MOMENTUM, b::momentum);
                axes.apply(Hyperparameter.DAMPENING, b::dampening);
                yield b.nesterov(nesterov).build();
            }
            case ADAGRAD -> {
                Adagrad.Builder b = common(Adagrad.builder(), axes);
                axes.apply(Hyperparameter.LR_DECAY, b::lrDecay);
                axes.apply(Hyperparameter.INITIAL_ACCUMULATOR, b::initialAccumulator);
                axes.apply(Hyperparameter.EPS, b::eps);
                yield b.build();
            }
            case RMSPROP -> {
                RmsProp.Builder b = common(RmsProp.builder(), axes);
                axes.apply(Hyperparameter.ALPHA, b::alpha);
                axes.apply(Hyperparameter.EPS, b::eps);
                axes.apply(Hyperparameter.MOMENTUM, b::momentum);
                yield b.centered(centered).build();
            }
            case ADAM -> moments(Adam.builder(), axes).amsgrad(amsgrad).build();
            case ADAMW -> moments(AdamW.builder(), axes).amsgrad(amsgrad).build();
            case NADAM -> {
                NAdam.Builder b = moments(NAdam.builder(), axes);
                axes.apply(Hyperparameter.MOMENTUM_DECAY, b::momentumDecay);
                yield b.build();
            }
            case ADAMAX -> moments(Adamax.builder(), axes).build();
        };
        axes.requireAllTaken(optimizer.toString());
        return rule;
    }

    /** Learning rate, torch's weight decay, schedule and regularization: what every rule takes. */
    private <B extends RuleBuilder<B>> B common(B b, GridAxes axes) {
        axes.apply(Hyperparameter.LR, b::lr);
        axes.apply(Hyperparameter.WEIGHT_DECAY, b::weightDecay);
        Schedule s = schedule.build(axes::param);
        b.schedule(axes.has(Hyperparameter.WARMUP) ? new Warmup(axes.param(Hyperparameter.WARMUP), s) : s);
        axes.apply(Hyperparameter.L1, p -> b.l1(p, l1Proximal));
        axes.apply(Hyperparameter.L2, b::l2);
        axes.apply(Hyperparameter.DECOUPLED_WEIGHT_DECAY, b::decoupledWeightDecay);
        return b;
    }

    /** What the Adam family takes besides {@link #common}. */
    private <B extends MomentBuilder<B>> B moments(B b, GridAxes axes) {
        common(b, axes);
        axes.apply(Hyperparameter.BETA1, b::beta1);
        axes.apply(Hyperparameter.BETA2, b::beta2);
        axes.apply(Hyperparameter.EPS, b::eps);
        return b;
    }

    private void requireFlag(boolean given, String option, Optimizer... rules) {
        if (given && !Arrays.asList(rules).contains(optimizer)) {
            throw new IllegalArgumentException(option + " does not apply to the " + optimizer + " rule (only to "
                    + Arrays.stream(rules).map(Optimizer::toString).collect(Collectors.joining(", ")) + ")");
        }
    }
}
