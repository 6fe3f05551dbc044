package org.batchopt.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchopt.Box;
import org.batchopt.Constraint;
import org.batchopt.Constraints;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Param;
import org.batchopt.Precision;
import org.batchopt.RunSettings;
import org.batchopt.Status;
import org.batchopt.Strategy;
import org.batchopt.TestAccess;
import org.batchopt.kernel.KernelRule;
import org.batchopt.kernel.KernelSources;
import org.batchopt.kernel.ObjectiveSource;
import org.batchopt.objective.BuiltIn;
import org.batchopt.objective.builtin.BuiltInSources;
import org.batchopt.rule.Adagrad;
import org.batchopt.rule.Adam;
import org.batchopt.rule.AdamW;
import org.batchopt.rule.Adamax;
import org.batchopt.rule.NAdam;
import org.batchopt.rule.RmsProp;
import org.batchopt.rule.RuleBuilder;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedule;
import org.batchopt.schedule.Schedules;
import org.junit.jupiter.api.Test;

/**
 * The kernel&lt;-&gt;Java contract, without a device: every program the planner can make (every rule and switch,
 * schedule, regularization term, strategy, precision, gradient kind and sense) is run through a C preprocessor, and
 * then Java must have defined every contract name the live kernel code uses ({@code BO_*}, {@code SC_*},
 * {@code RULE_*}, {@code HP_*}, {@code DIM}), no kernel file may define one of them again, no {@code #error} may be
 * live, and every step scalar and hyperparameter Java hands over must be read by the kernels.
 */
class KernelContractTest {
    static final Pattern CONTRACT_NAME = Pattern.compile("\\b(?:BO|SC|RULE|HP)_\\w+\\b|\\bDIM\\b");

    static Map<String, UnaryOperator<RuleBuilder<?>>> regularizers() {
        Map<String, UnaryOperator<RuleBuilder<?>>> r = new LinkedHashMap<>();
        r.put("none", b -> b);
        r.put("l1", b -> b.l1(0.1));
        r.put("l1-proximal", b -> b.l1Proximal(0.1));
        r.put("l2", b -> b.l2(0.1));
        r.put("all", b -> b.l1(0.1).l2(0.1).decoupledWeightDecay(0.1));
        return r;
    }

    /** Every rule with each of its switches, built with {@code schedule} and a regularizer. */
    static List<UpdateRule> rules(Schedule schedule, UnaryOperator<RuleBuilder<?>> reg) {
        List<UpdateRule> rules = new ArrayList<>();
        rules.add(((Sgd.Builder) reg.apply(Sgd.builder().schedule(schedule))).build());
        rules.add(((Sgd.Builder) reg.apply(Sgd.builder().momentum(0.9).nesterov(true).schedule(schedule))).build());
        rules.add(((Adagrad.Builder) reg.apply(Adagrad.builder().schedule(schedule))).build());
        rules.add(((RmsProp.Builder) reg.apply(RmsProp.builder().schedule(schedule))).build());
        RmsProp.Builder centered = (RmsProp.Builder) reg.apply(RmsProp.builder().centered(true).momentum(0.5)
                .schedule(schedule));
        try {
            rules.add(centered.build());
        } catch (IllegalArgumentException refused) {
            // Centered RMSprop refuses the L1 proximal step (RmsProp's javadoc).
        }
        rules.add(((Adam.Builder) reg.apply(Adam.builder().schedule(schedule))).build());
        rules.add(((Adam.Builder) reg.apply(Adam.builder().amsgrad(true).schedule(schedule))).build());
        rules.add(((AdamW.Builder) reg.apply(AdamW.builder().schedule(schedule))).build());
        rules.add(((AdamW.Builder) reg.apply(AdamW.builder().amsgrad(true).schedule(schedule))).build());
        rules.add(((NAdam.Builder) reg.apply(NAdam.builder().schedule(schedule))).build());
        rules.add(((Adamax.Builder) reg.apply(Adamax.builder().schedule(schedule))).build());
        return rules;
    }

    static List<Schedule> schedules() {
        return List.of(Schedules.constant(), Schedules.inverseTime(0.1, 0.5), Schedules.step(5, 0.5),
                Schedules.multiStep(new int[] {3, 9}, 0.5), Schedules.exponential(0.9), Schedules.cosine(20, 0),
                Schedules.warmup(4, Schedules.cosine(20, 0)));
    }

    /** Whatever the preprocessed program gets wrong against the contract; empty when it keeps it. */
    static List<String> problems(String text) {
        Preprocessor.Output out = Preprocessor.run(text);
        List<String> problems = new ArrayList<>(out.problems());
        Set<String> used = new TreeSet<>();
        Matcher m = CONTRACT_NAME.matcher(out.code());
        while (m.find()) {
            used.add(m.group());
        }
        for (String name : used) {
            if (!out.macros().containsKey(name)) {
                problems.add(name + " is used but never defined");
            }
        }
        for (String name : out.macros().keySet()) {
            if ((name.startsWith("SC_") || name.startsWith("HP_")) && !used.contains(name)) {
                problems.add(name + " is handed to the kernels but never read");
            }
        }
        return problems;
    }

    @Test
    void everyProgramKeepsTheContract() {
        ObjectiveSource rosenbrock = BuiltInSources.of(BuiltIn.ROSENBROCK);
        String prelude = KernelSources.read("prelude_opencl.h");
        Map<String, List<String>> failures = new LinkedHashMap<>();
        int k = 0;
        for (Schedule schedule : schedules()) {
            for (Map.Entry<String, UnaryOperator<RuleBuilder<?>>> reg : regularizers().entrySet()) {
                for (UpdateRule rule : rules(schedule, reg.getValue())) {
                    for (Strategy strategy : new Strategy[] {Strategy.FUSED, Strategy.STREAMING}) {
                        KernelShape shape = KernelShape.of(rule, 3, k % 3 == 0, k % 4 == 1);
                        Precision precision = Precision.values()[k % 2];
                        String text = KernelProgram.of(rosenbrock, shape, precision, strategy).text(prelude);
                        List<String> p = problems(text);
                        if (!p.isEmpty()) {
                            failures.put(rule.name() + " " + shape.rule() + " " + schedule.name() + " " + reg.getKey()
                                    + " " + strategy + " " + precision, p);
                        }
                        k++;
                    }
                }
            }
        }
        assertEquals(Map.of(), failures);
        assertTrue(k >= 700, k + " programs");
    }

    /**
     * Every projection with and without general constraints (and none), every strategy and precision, a formula with
     * a named parameter, sums and min: what the constraints add keeps the contract too, and every hyperparameter of
     * the augmented Lagrangian and every named parameter is read.
     */
    @Test
    void everyConstrainedProgramKeepsTheContract() {
        String prelude = KernelSources.read("prelude_opencl.h");
        Objective f = Objectives.expression("sum((x[i] - mu)^2) + min(x1, x2)", Box.cube(3, -1, 1),
                Map.of("mu", Param.of(0.5)));
        Constraint[][] sets = {{}, {Constraints.box()}, {Constraints.simplex(2)},
            {Constraints.equality("x1 - mu*x2", 0), Constraints.atLeast("prod(x[i])", -1)},
            {Constraints.box(), Constraints.atMost("sum(x[i])", 1)},
            {Constraints.simplex(), Constraints.atLeast("max(x1, x3)", 0.2)}};
        Map<String, List<String>> failures = new LinkedHashMap<>();
        int k = 0;
        for (Constraint[] set : sets) {
            for (Strategy strategy : new Strategy[] {Strategy.FUSED, Strategy.STREAMING}) {
                for (Precision precision : Precision.values()) {
                    RunSettings settings = RunSettings.DEFAULTS.withPrecision(precision).withStrategy(strategy);
                    String text = TestAccess.plan(f, Adam.builder().build(), settings, set).program().text(prelude);
                    List<String> p = problems(text);
                    if (!p.isEmpty()) {
                        failures.put(java.util.Arrays.toString(set) + " " + strategy + " " + precision, p);
                    }
                    k++;
                }
            }
        }
        assertEquals(Map.of(), failures);
        assertEquals(24, k);
    }

    @Test
    void theCheckFindsAStrayDefineAnUnknownNameAndAnUnreadScalar() {
        String prelude = KernelSources.read("prelude_opencl.h");
        KernelShape shape = KernelShape.of(Adam.builder().build(), 2, false, false);
        String text = KernelProgram.of(BuiltInSources.of(BuiltIn.SPHERE), shape, Precision.FP32, Strategy.FUSED)
                .text(prelude);
        assertEquals(List.of(), problems(text));
        assertTrue(problems(text + "\n#define RULE_NS 3\n").stream().anyMatch(p -> p.contains("RULE_NS is defined twice")));
        assertTrue(problems(text + "\nreal y = sc[SC_BOGUS];\n").contains("SC_BOGUS is used but never defined"));
        assertTrue(problems(text.replace("sc[SC_EPS]", "R(1e-8)")).contains("SC_EPS is handed to the kernels but never read"));
        assertTrue(problems(text.replace("#define BO_RULE " + KernelRule.ADAM.ordinal(), "#define BO_RULE 99"))
                .stream().anyMatch(p -> p.contains("#error")));
    }

    @Test
    void statusCodesAreTheEnumsAndStepScalarsAreDistinct() {
        String defines = KernelProgram.defines(KernelShape.of(Sgd.builder().build(), 1, false, false), Strategy.FUSED);
        for (Status s : Status.values()) {
            assertTrue(defines.contains("#define BO_" + s.name() + " " + s.code() + "\n"), s.toString());
            assertEquals(s, Status.ofCode(s.code()));
        }
        for (KernelRule r : KernelRule.values()) {
            assertEquals(r.scalars().size(), Set.copyOf(r.scalars()).size(), r + " names a step scalar twice");
            assertEquals(r.stepScalars(), r.scalar(r.scalars().get(r.scalars().size() - 1)) + 1, r.toString());
        }
    }
}
