package org.batchopt.parity;

import static org.batchopt.parity.Identical.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.batchopt.Backend;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Box;
import org.batchopt.Engine;
import org.batchopt.Gradient;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Param;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.objective.BuiltIn;
import org.batchopt.rule.Adam;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Cosine;
import org.batchopt.schedule.InverseTime;
import org.batchopt.schedule.Schedule;
import org.batchopt.schedule.StepDecay;
import org.batchopt.schedule.Warmup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parity suite: every device backend found at run time against the CPU backend, bit for bit, for every
 * member's final x, f, gradient norm, step count and status. With the portable math of kernels/math.cl,
 * objectives with exp, log, sin and cos are bit-identical too, so no tolerance is needed anywhere.
 * Without a device every case is skipped with the reason.
 */
class ParityTest {
    static final int MEMBERS = 24;
    static final int STEPS = 40;

    /** One comparison: a job, run on the CPU and on a device. */
    record Case(String name, Objective objective, UpdateRule rule, Precision precision, Strategy strategy,
                Gradient gradient, Stopping stopping, int stepsPerLaunch, int members) {

        Result run(Backend backend) {
            return engine(backend).run(objective, rule, batch(objective, members));
        }

        Engine engine(Backend backend) {
            return Engine.on(backend).precision(precision).stopping(stopping).gradient(gradient).strategy(strategy)
                    .stepsPerLaunch(stepsPerLaunch);
        }

        @Override
        public String toString() {
            return name + " " + precision + " " + strategy + (gradient == Gradient.CENTRAL ? " central" : "");
        }
    }

    /** Members uniform in the objective's box, or in [-2, 2]^D when it has none. */
    static Batch batch(Objective f, int members) {
        Box box = f.hasBox() ? f.box() : Box.cube(f.dimension(), -2, 2);
        return Batch.builder(f.dimension()).members(members).starts(Starts.uniform(box, 11)).build();
    }

    static Backend device(String spec) {
        Assumptions.assumeTrue(DevicesUnderTest.reason() == null, DevicesUnderTest.reason());
        return DevicesUnderTest.open(spec);
    }

    static void check(String device, Case c) {
        Backend d = device(device);
        Result expected = c.run(DevicesUnderTest.open("cpu"));
        Result actual = c.run(d);
        assertIdentical(expected, actual, c.toString());
    }

    /** Every (device, case) pair; one placeholder per case when there is no device, to be skipped. */
    static <C> Stream<Arguments> perDevice(List<C> cases) {
        List<String> devices = DevicesUnderTest.specs().isEmpty() ? List.of("none") : DevicesUnderTest.specs();
        List<Arguments> out = new ArrayList<>();
        for (String d : devices) {
            for (C c : cases) {
                out.add(Arguments.of(d, c));
            }
        }
        return out.stream();
    }

    static Stopping stopping(int row) {
        return row % 2 == 0 ? Stopping.maxSteps(STEPS).gradientTolerance(1e-3).valueTolerance(1e-9)
                : Stopping.maxSteps(STEPS);
    }

    /** Rules x schedules x regularizers x objectives x precisions, every pair of levels covered. */
    static List<Case> matrixCases() {
        List<Map.Entry<String, ParityCases.RuleFactory>> rules = List.copyOf(ParityCases.rules().entrySet());
        List<Map.Entry<String, Schedule>> schedules = List.copyOf(ParityCases.schedules().entrySet());
        List<Map.Entry<String, ParityCases.Regularizer>> regs = List.copyOf(ParityCases.regularizers().entrySet());
        Objective[] objectives = {Objectives.rosenbrock(4), Objectives.rastrigin(3)};
        List<Case> cases = new ArrayList<>();
        int row = 0;
        for (int[] r : ParityCases.pairwise(rules.size(), schedules.size(), regs.size(), objectives.length, 2)) {
            String name = rules.get(r[0]).getKey() + "/" + schedules.get(r[1]).getKey() + "/" + regs.get(r[2]).getKey()
                    + "/" + objectives[r[3]].name();
            UpdateRule rule;
            try {
                rule = rules.get(r[0]).getValue().build(schedules.get(r[1]).getValue(), regs.get(r[2]).getValue(), 0);
            } catch (IllegalArgumentException refused) {
                // Centered RMSprop refuses the L1 proximal step (RmsProp's javadoc): the row runs plain RMSprop.
                name = "rmsprop" + name.substring(name.indexOf('/'));
                rule = ParityCases.rules().get("rmsprop").build(schedules.get(r[1]).getValue(),
                        regs.get(r[2]).getValue(), 0);
            }
            cases.add(new Case(name, objectives[r[3]], rule, Precision.values()[r[4]], Strategy.FUSED,
                    Gradient.ANALYTIC, stopping(row), row % 3 == 0 ? 0 : 5, MEMBERS));
            row++;
        }
        return cases;
    }

    static Stream<Arguments> matrix() {
        return perDevice(matrixCases());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void rulesSchedulesRegularizers(String device, Case c) {
        check(device, c);
    }

    /** Every built-in objective, both precisions, analytic and central-difference gradients. */
    static List<Case> objectivesCases() {
        List<Case> cases = new ArrayList<>();
        for (BuiltIn b : BuiltIn.values()) {
            int d = Math.max(b.minDimension(), Math.min(3, b.maxDimension()));
            Objective f = b.create(d);
            double lr = 0.01 * f.box().width(0);
            for (Precision p : Precision.values()) {
                for (Gradient g : Gradient.values()) {
                    cases.add(new Case(b.id(), f, Adam.builder().lr(lr).build(), p, Strategy.FUSED, g,
                            Stopping.maxSteps(30), 0, 16));
                }
            }
        }
        return cases;
    }

    static Stream<Arguments> objectives() {
        return perDevice(objectivesCases());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("objectives")
    void everyObjective(String device, Case c) {
        check(device, c);
    }

    /** The streaming strategy for every rule variant, alternating precision; central differences too. */
    static List<Case> streamingCases() {
        List<Case> cases = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, ParityCases.RuleFactory> r : ParityCases.rules().entrySet()) {
            // Centered RMSprop refuses the L1 proximal step (RmsProp's javadoc).
            boolean proximal = k % 2 == 0 && !r.getKey().startsWith("rmsprop-centered");
            UpdateRule rule = r.getValue().build(ParityCases.schedules().get("warmup-cosine"),
                    ParityCases.regularizers().get(proximal ? "l1-proximal" : "l2"), 0);
            cases.add(new Case(r.getKey(), Objectives.rosenbrock(5), rule, Precision.values()[k % 2],
                    Strategy.STREAMING, Gradient.ANALYTIC, stopping(k), k % 3 == 0 ? 0 : 4, MEMBERS));
            k++;
        }
        for (Precision p : Precision.values()) {
            cases.add(new Case("rastrigin", Objectives.rastrigin(6), Adam.builder().lr(0.02).build(), p,
                    Strategy.STREAMING, Gradient.CENTRAL, stopping(1), 0, MEMBERS));
        }
        return cases;
    }

    static Stream<Arguments> streaming() {
        return perDevice(streamingCases());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("streaming")
    void streamingStrategy(String device, Case c) {
        check(device, c);
    }

    /** Every rule with each numeric parameter one value per member, and schedules with per-member values. */
    static List<Case> perMemberCases() {
        List<Case> cases = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, ParityCases.RuleFactory> r : ParityCases.rules().entrySet()) {
            UpdateRule rule = r.getValue().build(ParityCases.schedules().get(k % 2 == 0 ? "step" : "cosine"),
                    ParityCases.regularizers().get("none"), MEMBERS);
            cases.add(new Case(r.getKey() + "/per-member", Objectives.rosenbrock(3), rule, Precision.values()[k % 2],
                    Strategy.FUSED, Gradient.ANALYTIC, stopping(k), 0, MEMBERS));
            k++;
        }
        Param n = ParityCases.p(1, MEMBERS);
        Schedule[] schedules = {
            new InverseTime(ParityCases.p(0.05, MEMBERS), ParityCases.p(0.7, MEMBERS)),
            new StepDecay(Param.of(6), ParityCases.p(0.5, MEMBERS)),
            new Cosine(ParityCases.p(20, MEMBERS), ParityCases.p(1e-4, MEMBERS)),
            new Warmup(Param.perMember(stepsFrom(n)), new Cosine(Param.of(30), Param.of(0)))
        };
        for (Schedule s : schedules) {
            for (Precision p : Precision.values()) {
                UpdateRule rule = Adam.builder().lr(ParityCases.p(0.02, MEMBERS)).schedule(s)
                        .l2(ParityCases.p(0.01, MEMBERS)).build();
                cases.add(new Case(s.name() + "/per-member", Objectives.rastrigin(2), rule, p, Strategy.FUSED,
                        Gradient.ANALYTIC, Stopping.maxSteps(STEPS), 0, MEMBERS));
            }
        }
        return cases;
    }

    static Stream<Arguments> perMember() {
        return perDevice(perMemberCases());
    }

    private static double[] stepsFrom(Param spread) {
        double[] steps = new double[MEMBERS];
        for (int m = 0; m < MEMBERS; m++) {
            steps[m] = 1 + Math.round(10 * spread.at(m));
        }
        return steps;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("perMember")
    void perMemberHyperparameters(String device, Case c) {
        check(device, c);
    }

    /** Expression objectives: every operator and function, both precisions, both strategies. */
    static List<Case> expressionsCases() {
        String[] texts = {
            "-(x-2)^2 - (y-1)^2 + 10",
            "sin(x1)*exp(-x2^2/4) + sqrt(abs(x3) + 1) + log(x1^2 + 1) - cos(x2*x3)/(2 + x1^2) + abs(x3)^1.5",
        };
        List<Case> cases = new ArrayList<>();
        int k = 0;
        for (String text : texts) {
            Objective f = Objectives.expression(text, k == 0 ? 2 : 3);
            for (Precision p : Precision.values()) {
                Strategy s = p == Precision.FP32 ? Strategy.FUSED : Strategy.STREAMING;
                cases.add(new Case(text, k == 0 ? f.maximize() : f, Adam.builder().lr(0.05).build(), p, s,
                        Gradient.ANALYTIC, Stopping.maxSteps(STEPS), 0, MEMBERS));
            }
            k++;
        }
        return cases;
    }

    static Stream<Arguments> expressions() {
        return perDevice(expressionsCases());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("expressions")
    void expressionObjectives(String device, Case c) {
        check(device, c);
    }

    static Stream<Arguments> devices() {
        return perDevice(List.of(devicesCase()));
    }

    static Case devicesCase() {
        return new Case("adam-rosenbrock", Objectives.rosenbrock(6), Adam.builder().lr(0.01).l1Proximal(1e-3).build(),
                Precision.FP32, Strategy.FUSED, Gradient.ANALYTIC, Stopping.maxSteps(60).gradientTolerance(1e-2), 0, 100);
    }

    /** Steps per launch, blocks and the number of devices never change a member's result. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void launchGeometryBlocksAndDevicesDoNotMatter(String device, Case c) {
        Backend d = device(device);
        Result reference = c.run(DevicesUnderTest.open("cpu"));
        for (int k : new int[] {1, 3, 61}) {
            Case ck = new Case(c.name() + " K=" + k, c.objective(), c.rule(), c.precision(), c.strategy(), c.gradient(),
                    c.stopping(), k, c.members());
            assertIdentical(reference, ck.run(d), ck.toString());
        }
        Batch batch = batch(c.objective(), c.members());
        assertIdentical(reference, c.engine(d).maxBlockMembers(7).run(c.objective(), c.rule(), batch),
                c + " in blocks of 7");
        try (Backend second = Backends.open(device)) {
            assertIdentical(reference, c.engine(d).run(c.objective(), c.rule(), batch), c + " again");
            Result shared = Engine.on(d, second).precision(c.precision()).stopping(c.stopping())
                    .run(c.objective(), c.rule(), batch);
            assertIdentical(reference, shared, c + " on two device backends");
            assertTrue(shared.backend().contains("+"), shared.backend());
        }
    }

    /** Maximization and kept history agree too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void maximizeAndHistory(String device, Case c) {
        Backend d = device(device);
        Objective f = Objectives.rastrigin(2).maximize();
        Batch batch = Batch.builder(2).members(32).starts(Starts.uniform(f.box(), 5)).build();
        UpdateRule rule = Adam.builder().lr(0.01).build();
        Engine e = Engine.on(DevicesUnderTest.open("cpu")).precision(Precision.FP64).stopping(Stopping.maxSteps(25))
                .history(5);
        Result expected = e.run(f, rule, batch);
        Result actual = Engine.on(d).precision(Precision.FP64).stopping(Stopping.maxSteps(25)).history(5)
                .run(f, rule, batch);
        assertIdentical(expected, actual, "maximized rastrigin");
        for (int m = 0; m < 32; m++) {
            for (int k = 0; k < expected.historySize(); k++) {
                assertTrue(java.util.Arrays.equals(expected.history(m, k), actual.history(m, k)),
                        "history point " + k + " of member " + m);
            }
        }
    }
}
