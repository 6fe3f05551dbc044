package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;
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
import org.batchopt.SharedBackends;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.rule.Adagrad;
import org.batchopt.rule.Adam;
import org.batchopt.rule.AdamW;
import org.batchopt.rule.Adamax;
import org.batchopt.rule.NAdam;
import org.batchopt.rule.RmsProp;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedules;
import org.batchopt.schedule.Warmup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option of {@code batchopt run} reaches the engine: each case runs a command line and the same job built
 * with the Java API, in fp64 on the CPU, and requires the same final x and f (bit for bit), steps and status
 * for every member. A dropped or misrouted option changes the trajectory and fails the case.
 */
class RunOptionsTest {
    /** Options every case has, unless it gives them itself. */
    private static final String[][] DEFAULTS = {{"--function", "rosenbrock"}, {"--dim", "2"}, {"--members", "5"},
            {"--steps", "20"}, {"--precision", "fp64"}};
    private final Backend cpu = SharedBackends.cpu();

    /** The API side of a case: objective, rule, batch and engine settings (on top of fp64 and 20 steps). */
    private record Job(Objective objective, UpdateRule rule, Batch batch, UnaryOperator<Engine> settings) {
        static Job rule(UpdateRule rule) {
            return new Job(rosenbrock(), rule, sobol(5), e -> e);
        }
    }

    private static Objective rosenbrock() {
        return Objectives.rosenbrock(2);
    }

    private static Batch sobol(int members) {
        return Batch.builder(2).members(members).starts(Starts.sobol(rosenbrock().box(), JobOptions.DEFAULT_SEED))
                .build();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("--optimizer sgd --lr 0.001 --momentum 0.9 --dampening 0.1 --weight-decay 0.01",
                        Job.rule(Sgd.builder().lr(0.001).momentum(0.9).dampening(0.1).weightDecay(0.01).build())),
                Arguments.of("--optimizer SGD --lr 0.001 --momentum 0.9 --nesterov",
                        Job.rule(Sgd.builder().lr(0.001).momentum(0.9).nesterov(true).build())),
                Arguments.of("--optimizer adagrad --lr 0.1 --lr-decay 0.01 --initial-accumulator 0.1 --eps 1e-6 "
                                + "--weight-decay 0.001",
                        Job.rule(Adagrad.builder().lr(0.1).lrDecay(0.01).initialAccumulator(0.1).eps(1e-6)
                                .weightDecay(0.001).build())),
                Arguments.of("--optimizer rmsprop --lr 0.001 --alpha 0.9 --eps 1e-6 --momentum 0.5 --centered "
                                + "--weight-decay 0.01",
                        Job.rule(RmsProp.builder().lr(0.001).alpha(0.9).eps(1e-6).momentum(0.5).centered(true)
                                .weightDecay(0.01).build())),
                Arguments.of("--optimizer adam --lr 0.01 --betas 0.8,0.99 --eps 1e-6 --amsgrad --weight-decay 0.01",
                        Job.rule(Adam.builder().lr(0.01).betas(0.8, 0.99).eps(1e-6).amsgrad(true).weightDecay(0.01)
                                .build())),
                Arguments.of("--optimizer adamw --lr 0.01 --weight-decay 0.1 --amsgrad",
                        Job.rule(AdamW.builder().lr(0.01).weightDecay(0.1).amsgrad(true).build())),
                Arguments.of("--optimizer nadam --lr 0.01 --momentum-decay 0.01 --beta1 0.85",
                        Job.rule(NAdam.builder().lr(0.01).momentumDecay(0.01).betas(0.85, 0.999).build())),
                Arguments.of("--optimizer adamax --lr 0.01 --beta2 0.99",
                        Job.rule(Adamax.builder().lr(0.01).betas(0.9, 0.99).build())),
                Arguments.of("--lr 0.05 --schedule inverse-time:0.1:0.5",
                        Job.rule(Adam.builder().lr(0.05).schedule(Schedules.inverseTime(0.1, 0.5)).build())),
                Arguments.of("--lr 0.05 --schedule inverse-time:0.1",
                        Job.rule(Adam.builder().lr(0.05).schedule(Schedules.inverseTime(0.1)).build())),
                Arguments.of("--lr 0.05 --schedule step:3:0.5",
                        Job.rule(Adam.builder().lr(0.05).schedule(Schedules.step(3, 0.5)).build())),
                Arguments.of("--lr 0.05 --schedule multistep:2/5/9:0.1",
                        Job.rule(Adam.builder().lr(0.05).schedule(Schedules.multiStep(new int[] {2, 5, 9}, 0.1))
                                .build())),
                Arguments.of("--lr 0.05 --schedule exponential:0.9",
                        Job.rule(Adam.builder().lr(0.05).schedule(Schedules.exponential(0.9)).build())),
                Arguments.of("--lr 0.05 --schedule cosine:10:0.001",
                        Job.rule(Adam.builder().lr(0.05).schedule(Schedules.cosine(10, 0.001)).build())),
                Arguments.of("--lr 0.05 --schedule cosine:10",
                        Job.rule(Adam.builder().lr(0.05).schedule(Schedules.cosine(10, 0)).build())),
                Arguments.of("--lr 0.05 --warmup 4 --schedule exponential:0.9",
                        Job.rule(Adam.builder().lr(0.05).schedule(Schedules.warmup(4, Schedules.exponential(0.9)))
                                .build())),
                Arguments.of("--lr 0.05 --warmup 4",
                        Job.rule(Adam.builder().lr(0.05).schedule(new Warmup(Param.of(4), Schedules.constant()))
                                .build())),
                Arguments.of("--lr 0.05 --l1 0.5", Job.rule(Adam.builder().lr(0.05).l1(0.5).build())),
                Arguments.of("--lr 0.05 --l1 0.5 --l1-proximal",
                        Job.rule(Adam.builder().lr(0.05).l1Proximal(0.5).build())),
                Arguments.of("--lr 0.05 --l2 0.2", Job.rule(Adam.builder().lr(0.05).l2(0.2).build())),
                Arguments.of("--optimizer sgd --lr 0.001 --decoupled-weight-decay 0.1",
                        Job.rule(Sgd.builder().lr(0.001).decoupledWeightDecay(0.1).build())),
                Arguments.of("--lr 0.05 --gradient central",
                        new Job(rosenbrock(), Adam.builder().lr(0.05).build(), sobol(5),
                                e -> e.gradient(Gradient.CENTRAL))),
                Arguments.of("--lr 0.05 --fd-step 1e-4",
                        new Job(rosenbrock(), Adam.builder().lr(0.05).build(), sobol(5),
                                e -> e.centralDifferences(1e-4))),
                Arguments.of("--lr 0.05 --steps 200 --grad-tol 1 --f-tol 1e-4",
                        new Job(rosenbrock(), Adam.builder().lr(0.05).build(), sobol(5),
                                e -> e.stopping(Stopping.maxSteps(200).gradientTolerance(1).valueTolerance(1e-4)))),
                Arguments.of("--lr 0.01 --maximize --function himmelblau",
                        new Job(Objectives.himmelblau().maximize(), Adam.builder().lr(0.01).build(),
                                Batch.builder(2).members(5).starts(Starts.sobol(Objectives.himmelblau().box(),
                                        JobOptions.DEFAULT_SEED)).build(), e -> e)),
                Arguments.of("--sampler uniform --seed 7 --box -1:1 --members 9",
                        new Job(rosenbrock(), Adam.builder().build(),
                                Batch.builder(2).members(9).starts(Starts.uniform(Box.cube(2, -1, 1), 7)).build(),
                                e -> e)),
                Arguments.of("--sampler lhs --bounds -1:1,0:3 --seed 3",
                        new Job(rosenbrock(), Adam.builder().build(), Batch.builder(2).members(5)
                                .starts(Starts.latinHypercube(Box.of(new double[] {-1, 0}, new double[] {1, 3}), 3))
                                .build(), e -> e)),
                Arguments.of("--sampler sobol --seed 11",
                        new Job(rosenbrock(), Adam.builder().build(), Batch.builder(2).members(5)
                                .starts(Starts.sobol(rosenbrock().box(), 11)).build(), e -> e)),
                Arguments.of("--start 0.5,-0.25 --members 3 --lr 0.02",
                        new Job(rosenbrock(), Adam.builder().lr(0.02).build(),
                                Batch.builder(2).members(3).starts(Starts.point(0.5, -0.25)).build(), e -> e)),
                Arguments.of("--strategy fused --steps-per-launch 7 --backend cpu",
                        new Job(rosenbrock(), Adam.builder().build(), sobol(5), e -> e)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void optionReachesTheEngine(String options, Job job) {
        JsonNode json = Cli.run(command(options)).succeeds().json();
        Engine engine = job.settings().apply(Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(20)));
        Result expected = engine.run(job.objective(), job.rule(), job.batch());
        assertSame(expected, json);
    }

    @Test
    void startsFileGivesOneStartPerRow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("starts.csv");
        Files.writeString(file, "x0,x1\n0.5,1.5\n# a comment\n\n-1,2\n1.25,0.75\n");
        JsonNode json = Cli.run(command("--lr 0.01 --members 3 --starts " + file)).succeeds().json();
        Batch batch = Batch.builder(2).members(3)
                .starts(Starts.points(new double[][] {{0.5, 1.5}, {-1, 2}, {1.25, 0.75}})).build();
        Result expected = Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(20))
                .run(rosenbrock(), Adam.builder().lr(0.01).build(), batch);
        assertSame(expected, json);
        assertEquals("file", json.get("starts").get("sampler").asText());
    }

    @Test
    void precisionAndBackendAreReported() {
        JsonNode json = Cli.run("run --function sphere --dim 3 --members 4 --steps 3 --format json -q").succeeds()
                .json();
        assertEquals("fp32", json.get("precision").asText());
        assertEquals(Backends.open("auto").id(), json.get("backend").asText());
        JsonNode cpuJson = Cli.run("run --function sphere --dim 3 --members 4 --steps 3 --format json --backend cpu "
                + "--precision FP64").succeeds().json();
        assertEquals("fp64", cpuJson.get("precision").asText());
        assertEquals("cpu", cpuJson.get("backend").asText());
        assertEquals(cpu.device(), cpuJson.get("device").asText());
    }

    @Test
    void fp32ResultsPrintAsTheFloatsTheyAre() {
        JsonNode json = Cli.run("run --function rosenbrock --dim 2 --members 3 --steps 5 --format json --all")
                .succeeds().json();
        Result expected = Engine.on(cpu).stopping(Stopping.maxSteps(5)).run(rosenbrock(), Adam.builder().build(),
                Batch.builder(2).members(3).starts(Starts.sobol(rosenbrock().box(), 1)).build());
        for (int m = 0; m < 3; m++) {
            JsonNode row = json.get("members").get(m);
            assertEquals((float) expected.f(m), (float) row.get("f").asDouble());
            assertEquals(Float.toString((float) expected.f(m)), row.get("f").asText());
        }
    }

    /** {@code run} with {@code options}, the defaults it does not override, all members as JSON. */
    private static String command(String options) {
        StringBuilder line = new StringBuilder("run --format json --all -q ").append(options);
        for (String[] d : DEFAULTS) {
            if (!(" " + options + " ").contains(" " + d[0] + " ")) {
                line.append(' ').append(d[0]).append(' ').append(d[1]);
            }
        }
        return line.toString();
    }

    /** Every member of {@code json} (shown with --all) equals the API's result bit for bit. */
    private static void assertSame(Result expected, JsonNode json) {
        JsonNode members = json.get("members");
        assertEquals(expected.members(), members.size(), "members");
        assertEquals(expected.members(), json.get("member_count").asInt());
        for (int m = 0; m < expected.members(); m++) {
            JsonNode row = members.get(m);
            final int member = m;
            assertEquals(m, row.get("index").asInt());
            assertEquals(Arrays.toString(expected.x(m)), Arrays.toString(Cli.doubles(row.get("x"))),
                    () -> "x of member " + member);
            if (row.get("f").isNull()) {
                assertFalse(Double.isFinite(expected.f(m)), () -> "f of member " + member + " is null");
            } else {
                assertEquals(expected.f(m), row.get("f").asDouble(), 0.0, () -> "f of member " + member);
            }
            assertEquals(expected.steps(m), row.get("steps").asInt(), () -> "steps of member " + member);
            assertEquals(expected.status(m).name().toLowerCase(Locale.ROOT), row.get("status").asText());
            assertEquals(expected.hyperparameters(m).toString(), hyperparameters(row).toString());
        }
    }

    private static java.util.Map<String, Double> hyperparameters(JsonNode row) {
        java.util.Map<String, Double> h = new java.util.LinkedHashMap<>();
        row.get("hyperparameters").fields().forEachRemaining(e -> h.put(e.getKey(), e.getValue().asDouble()));
        return h;
    }
}
