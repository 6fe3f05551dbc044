package org.batchopt.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.schedule.Constant;
import org.batchopt.schedule.Cosine;
import org.batchopt.schedule.Exponential;
import org.batchopt.schedule.InverseTime;
import org.batchopt.schedule.MultiStep;
import org.batchopt.schedule.Schedule;
import org.batchopt.schedule.StepDecay;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --schedule} value: the kind, the multi-step milestones, and each numeric field as a list of values
 * (a comma list makes it a grid axis).
 *
 * @param kind       constant, inverse-time, step, multistep, exponential or cosine
 * @param milestones the multi-step milestones, empty for other kinds
 * @param values     each field's values, defaults filled in
 */
record ScheduleSpec(String kind, int[] milestones, Map<Hyperparameter, double[]> values) {

    /** The forms {@code --schedule} accepts, as its help shows them. */
    static final String FORMS = "constant | inverse-time:KAPPA[:POWER] | step:SIZE:GAMMA | "
            + "multistep:M1/M2/...:GAMMA | exponential:GAMMA | cosine:TMAX[:ETA_MIN]";

    static final ScheduleSpec CONSTANT = new ScheduleSpec("constant", new int[0], Map.of());

    /** The schedule, each parameter taken from {@code param}. */
    Schedule build(Function<Hyperparameter, Param> param) {
        return switch (kind) {
            case "inverse-time" -> new InverseTime(param.apply(Hyperparameter.KAPPA), param.apply(Hyperparameter.POWER));
            case "step" -> new StepDecay(param.apply(Hyperparameter.STEP_SIZE), param.apply(Hyperparameter.GAMMA));
            case "multistep" -> new MultiStep(milestones, param.apply(Hyperparameter.GAMMA));
            case "exponential" -> new Exponential(param.apply(Hyperparameter.GAMMA));
            case "cosine" -> new Cosine(param.apply(Hyperparameter.T_MAX), param.apply(Hyperparameter.ETA_MIN));
            default -> new Constant();
        };
    }

    static final class Converter implements ITypeConverter<ScheduleSpec> {
        @Override
        public ScheduleSpec convert(String value) {
            String[] parts = value.split(":", -1);
            String kind = parts[0].trim().toLowerCase(Locale.ROOT);
            return switch (kind) {
                case "constant" -> fields(value, kind, parts, 1, new int[0], new Hyperparameter[0], 0, null);
                case "inverse-time" -> fields(value, kind, parts, 1, new int[0],
                        new Hyperparameter[] {Hyperparameter.KAPPA, Hyperparameter.POWER}, 1, 1.0);
                case "step" -> fields(value, kind, parts, 1, new int[0],
                        new Hyperparameter[] {Hyperparameter.STEP_SIZE, Hyperparameter.GAMMA}, 2, null);
                case "multistep" -> fields(value, kind, parts, 2, milestones(parts, value),
                        new Hyperparameter[] {Hyperparameter.GAMMA}, 1, null);
                case "exponential" -> fields(value, kind, parts, 1, new int[0],
                        new Hyperparameter[] {Hyperparameter.GAMMA}, 1, null);
                case "cosine" -> fields(value, kind, parts, 1, new int[0],
                        new Hyperparameter[] {Hyperparameter.T_MAX, Hyperparameter.ETA_MIN}, 1, 0.0);
                default -> throw new TypeConversionException("unknown schedule '" + value + "' (expected " + FORMS
                        + ")");
            };
        }

        /**
         * Fields {@code parts[first..]} as {@code names}, of which the first {@code required} must be there;
         * a missing last optional field takes {@code fallback}.
         */
        private static ScheduleSpec fields(String value, String kind, String[] parts, int first, int[] milestones,
                                           Hyperparameter[] names, int required, Double fallback) {
            int given = parts.length - first;
            if (given < required || given > names.length) {
                throw new TypeConversionException("schedule '" + value + "' has " + given + " fields (expected "
                        + FORMS + ")");
            }
            Map<Hyperparameter, double[]> values = new LinkedHashMap<>();
            for (int k = 0; k < names.length; k++) {
                values.put(names[k], k < given ? Numbers.parseList(parts[first + k], value) : new double[] {fallback});
            }
            return new ScheduleSpec(kind, milestones, values);
        }

        private static int[] milestones(String[] parts, String value) {
            if (parts.length < 2) {
                throw new TypeConversionException("schedule '" + value + "' has no milestones (expected "
                        + "multistep:M1/M2/...:GAMMA)");
            }
            String[] m = parts[1].split("/", -1);
            int[] steps = new int[m.length];
            for (int i = 0; i < m.length; i++) {
                try {
                    steps[i] = Integer.parseInt(m[i].trim());
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("milestone '" + m[i] + "' in '" + value
                            + "' is not a whole number");
                }
            }
            return steps;
        }
    }
}
