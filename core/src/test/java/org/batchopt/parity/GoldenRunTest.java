package org.batchopt.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.batchopt.Backend;
import org.batchopt.Batch;
import org.batchopt.Engine;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.rule.Adam;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recorded results of a fixed set of runs, kept bit for bit: every case of the parity suite (every rule and
 * switch, schedule, regularizer and built-in objective, both precisions, both strategies, central differences,
 * per-member hyperparameters, expressions) plus a maximized run with history, then every constrained case. For four
 * members of each case the file {@value #RESOURCE} holds status, steps, and the bits of f, the gradient norm and x
 * (and the history points; under general constraints the multipliers, constraint values, violation and KKT
 * residual), written by the CPU backend; the CPU backend and every device found must reproduce it.
 *
 * <p>A change meant to change results rewrites the file, {@code mvn -pl core test -Dtest=GoldenRunTest
 * -D}{@value #WRITE}{@code =$PWD/core/src/test/resources/golden/runs.txt}, and says why in its commit message;
 * any other change keeps it as it is.
 */
class GoldenRunTest {
    static final String RESOURCE = "/golden/runs.txt";
    /** System property: write the CPU's results to this file instead of comparing. */
    static final String WRITE = "batchopt.golden.write";

    static List<ParityTest.Case> cases() {
        List<ParityTest.Case> all = new ArrayList<>();
        all.addAll(ParityTest.matrixCases());
        all.addAll(ParityTest.objectivesCases());
        all.addAll(ParityTest.streamingCases());
        all.addAll(ParityTest.perMemberCases());
        all.addAll(ParityTest.expressionsCases());
        all.add(ParityTest.devicesCase());
        return all;
    }

    /** Members recorded of a result of n members. */
    static int[] recorded(int n) {
        return new int[] {0, 1, n / 2, n - 1};
    }

    static List<String> record(Backend backend) {
        List<String> lines = new ArrayList<>();
        int k = 0;
        for (ParityTest.Case c : cases()) {
            lines.addAll(lines(k++ + " " + c, c.run(backend), false));
        }
        Objective f = Objectives.rastrigin(2).maximize();
        Batch batch = Batch.builder(2).members(32).starts(Starts.uniform(f.box(), 5)).build();
        Result history = Engine.on(backend).precision(Precision.FP64).stopping(Stopping.maxSteps(25)).history(5)
                .run(f, Adam.builder().lr(0.01).build(), batch);
        lines.addAll(lines(k + " maximized rastrigin with history", history, true));
        for (ConstraintParityTest.Case c : ConstraintParityTest.cases()) {
            lines.addAll(lines(++k + " " + c, c.run(backend), false));
        }
        return lines;
    }

    static List<String> lines(String name, Result r, boolean history) {
        List<String> lines = new ArrayList<>();
        for (int m : recorded(r.members())) {
            StringBuilder s = new StringBuilder(name).append(" | member ").append(m).append(" | ").append(r.status(m))
                    .append(" ").append(r.steps(m)).append(" | f ").append(hex(r.f(m))).append(" | gn ")
                    .append(hex(r.gradientNorm(m))).append(" | x");
            for (int i = 0; i < r.dimension(); i++) {
                s.append(' ').append(hex(r.x(m, i)));
            }
            if (!r.constraints().isEmpty()) {
                s.append(" | lambda");
                for (double v : r.multipliers(m)) {
                    s.append(' ').append(hex(v));
                }
                s.append(" | c");
                for (double v : r.constraintValues(m)) {
                    s.append(' ').append(hex(v));
                }
                s.append(" | violation ").append(hex(r.violation(m))).append(" | kkt ").append(hex(r.kktResidual(m)));
            }
            for (int p = 0; history && p < r.historySize(); p++) {
                s.append(" | h").append(p);
                for (double v : r.history(m, p)) {
                    s.append(' ').append(hex(v));
                }
            }
            lines.add(s.toString());
        }
        return lines;
    }

    static String hex(double v) {
        return Long.toHexString(Double.doubleToRawLongBits(v));
    }

    static List<String> golden() throws IOException {
        try (InputStream in = GoldenRunTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    static void assertMatchesTheRecord(List<String> actual, String backend) throws IOException {
        List<String> expected = golden();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail(backend + " differs from " + RESOURCE + " at line " + (i + 1) + ":\n  recorded " + expected.get(i)
                        + "\n  now      " + actual.get(i));
            }
        }
        assertEquals(expected.size(), actual.size(), backend + ": lines in " + RESOURCE);
    }

    @Test
    void cpuReproducesTheRecord() throws IOException {
        List<String> actual = record(DevicesUnderTest.open("cpu"));
        String write = System.getProperty(WRITE, "");
        if (!write.isBlank()) {
            Files.write(Path.of(write), actual, StandardCharsets.UTF_8);
            Assumptions.abort("wrote " + actual.size() + " lines to " + write + "; nothing compared");
        }
        assertMatchesTheRecord(actual, "cpu");
    }

    static Stream<String> devices() {
        return DevicesUnderTest.specs().isEmpty() ? Stream.of("none") : DevicesUnderTest.specs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void everyDeviceReproducesTheRecord(String device) throws IOException {
        assertMatchesTheRecord(record(ParityTest.device(device)), device);
    }
}
