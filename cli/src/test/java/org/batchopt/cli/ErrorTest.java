package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input: exit code 2 and one line "batchopt: ..." naming the bad value, no stack trace; backends that are
 * not available: exit 3 with the reason; a failing run with --out leaves no file behind.
 */
class ErrorTest {
    private static final String RUN = "run --function rastrigin --dim 2 --members 4 --steps 2 ";

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(RUN + "--lrr 0.1", "unknown option '--lrr'; did you mean --lr"),
                Arguments.of(RUN + "--lr abc", "'abc'"),
                Arguments.of(RUN + "--lr 0.1,x", "'x'"),
                Arguments.of(RUN + "--members lots", "'lots'"),
                Arguments.of(RUN + "--lr -0.1", "lr = -0.1"),
                Arguments.of(RUN + "--optimizer sgd --momentum -1", "momentum = -1.0"),
                Arguments.of(RUN + "--betas 0.9,1.5", "beta2 = 1.5"),
                Arguments.of(RUN + "--betas 0.9", "--betas takes two values"),
                Arguments.of("run --function sphere --dim 2 --members 0", "members 0"),
                Arguments.of("run --function sphere --dim 2 --steps -1", "max steps -1"),
                Arguments.of(RUN + "--grad-tol -1", "gradient tolerance -1.0"),
                Arguments.of(RUN + "--optimizer bfgs", "'bfgs'"),
                Arguments.of(RUN + "--precision fp16", "'fp16'"),
                Arguments.of(RUN + "--format xml", "'xml'"),
                Arguments.of(RUN + "--sampler halton", "'halton'"),
                Arguments.of("run --function nope --dim 2", "unknown objective 'nope'"),
                Arguments.of("run --function nope", "unknown function 'nope'"),
                Arguments.of("run --function himmelblau --dim 3", "dimension 3 is not allowed for himmelblau"),
                Arguments.of("run --function rastrigin --dim 0", "dimension 0 is not allowed for rastrigin"),
                Arguments.of("run --function rastrigin", "--dim is required"),
                Arguments.of("run --dim 2", "--function or --expr is required"),
                Arguments.of("run --function sphere --expr x^2 --box -1:1", "--function and --expr cannot be combined"),
                Arguments.of("run --expr x^2+y", "x^2+y has no usual box; give --box or --bounds"),
                Arguments.of("run --expr x^2+foo --box -1:1", "unknown identifier 'foo' at column 5"),
                Arguments.of("run --expr x1+x3 --dim 2 --box -1:1", "x3"),
                Arguments.of(RUN + "--box 5:1", "lo 5.0 > hi 1.0"),
                Arguments.of(RUN + "--box 5", "'5' is not an interval"),
                Arguments.of(RUN + "--box a:1", "'a'"),
                Arguments.of(RUN + "--bounds -1:1,2:0", "lo 2.0 > hi 0.0"),
                Arguments.of(RUN + "--bounds -1:1", "--bounds has 1 intervals, dimension is 2"),
                Arguments.of(RUN + "--box -1:1 --bounds -1:1,-1:1", "--box and --bounds cannot be combined"),
                Arguments.of("run --function rastrigin --dim 3 --start 1,2", "start has 2 values, dimension is 3"),
                Arguments.of(RUN + "--start 1,2 --sampler uniform", "--sampler, --box, --bounds and --seed"),
                Arguments.of(RUN + "--momentum 0.9", "--momentum does not apply to the adam rule"),
                Arguments.of(RUN + "--nesterov", "--nesterov does not apply to the adam rule"),
                Arguments.of(RUN + "--optimizer sgd --nesterov", "Nesterov momentum needs momentum > 0"),
                Arguments.of(RUN + "--l1-proximal", "--l1-proximal needs --l1"),
                Arguments.of(RUN + "--schedule step:10", "schedule 'step:10' has 1 fields"),
                Arguments.of(RUN + "--schedule step:1.5:0.5", "step size = 1.5"),
                Arguments.of(RUN + "--schedule multistep:5/2:0.1", "milestones [5, 2]"),
                Arguments.of(RUN + "--schedule multistep:a/2:0.1", "milestone 'a'"),
                Arguments.of(RUN + "--schedule sawtooth:3", "unknown schedule 'sawtooth:3'"),
                Arguments.of(RUN + "--lr 0.1,0.1", "--lr lists 0.1 twice"),
                Arguments.of(RUN + "--lr 0.1 --lr 0.2", "--lr is given 2 times; give one comma list instead, e.g. "
                        + "--lr 0.1,0.2"),
                Arguments.of(RUN + "--lr=0.1 --lr 0.2,0.3", "--lr is given 2 times"),
                Arguments.of(RUN + "--bounds -1:1 --bounds -2:2", "--bounds is given 2 times"),
                Arguments.of(RUN + "--optimizer sgd --momentum 0.5 --nesterov --nesterov", "'--nesterov' should be "
                        + "specified only once"),
                Arguments.of(RUN + "--lr 0.1,", "--lr '0.1,' has an empty value in its comma list"),
                Arguments.of(RUN + "--lr ,0.1", "an empty value where a number belongs"),
                Arguments.of(RUN + "--box :1", "an empty value in ':1' where a number belongs"),
                Arguments.of(RUN + "--lr 1f", "'1f' is not a number"),
                Arguments.of(RUN + "--lr 1d", "'1d' is not a number"),
                Arguments.of(RUN + "--lr 0x1p-3", "'0x1p-3' is not a number"),
                Arguments.of(RUN + "--lr NaN", "'NaN' is not a number"),
                Arguments.of(RUN + "--grad-tol 1e-3f", "'1e-3f' is not a number"),
                Arguments.of(RUN + "--box -1:1f", "'1f' in '-1:1f' is not a number"),
                Arguments.of(RUN + "--schedule step:5:0.5f", "'0.5f' in 'step:5:0.5f' is not a number"),
                Arguments.of(RUN + "--members 3 --members 4", "--members"),
                Arguments.of(RUN + "--fd-step 0", "--fd-step 0.0"),
                Arguments.of(RUN + "--gradient analytic --fd-step 1e-3", "needs --gradient central"),
                Arguments.of(RUN + "--history 1", "--history needs --format json"),
                Arguments.of("run --function sphere --dim 1000 --members 100000 --steps 100000 --history 1 "
                        + "--format json", "this run needs about"),
                Arguments.of(RUN + "--top -1", "--top -1"),
                Arguments.of(RUN + "--top 3 --all", "--top and --all cannot be combined"),
                Arguments.of(RUN + "--backend floppy", "unknown backend 'floppy'"),
                Arguments.of("frobnicate", "unexpected argument 'frobnicate'"),
                Arguments.of("functions nope", "unknown function 'nope'"),
                Arguments.of("functions himmelblau --dim 5", "dimension 5 is not allowed"),
                Arguments.of("bench --function sphere --dim 2 --repeat 0", "--repeat 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorIsExitTwoWithOneLine(String line, String message) {
        Cli.run(line).failsWith(Main.USAGE, message);
    }

    @Test
    void startsFileProblemsAreUsageErrors(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2\n3,x\n");
        Cli.run("run --function sphere --starts " + bad).failsWith(Main.USAGE, "line 2: 'x' is not a number");
        Cli.run("run --function sphere --starts " + dir.resolve("missing.csv"))
                .failsWith(Main.USAGE, "no such file or directory");
        Path two = dir.resolve("two.csv");
        Files.writeString(two, "1,2\n3,4\n");
        Cli.run("run --function sphere --starts " + two + " --members 5")
                .failsWith(Main.USAGE, "2 start points given for 5 members");
    }

    /**
     * Whatever Backends says about a backend that cannot run here, the command says the same with the matching exit
     * code; where the backend runs (OpenCL with POCL, a GPU machine), there is nothing to compare and the case is
     * skipped.
     */
    @ParameterizedTest
    @ValueSource(strings = {"opencl", "cuda:0"})
    void unavailableBackendFollowsBackends(String spec) {
        int expected;
        String message;
        try (Backend b = Backends.open(spec)) {
            Assumptions.abort(spec + " is available here (" + b.device() + ")");
            return;
        } catch (BackendException e) {
            assertEquals(BackendException.Code.UNAVAILABLE, e.code(), e.getMessage());
            expected = Main.UNAVAILABLE;
            message = e.getMessage();
        } catch (IllegalArgumentException e) {
            expected = Main.USAGE;
            message = e.getMessage();
        }
        Cli.run(RUN + "--backend " + spec).failsWith(expected, message.lines().findFirst().orElseThrow());
    }

    @Test
    void exitCodesByKindOfFailure() {
        assertEquals(Main.UNAVAILABLE, Main.exitCode(new BackendException(BackendException.Code.UNAVAILABLE, "x")));
        assertEquals(Main.UNAVAILABLE,
                Main.exitCode(new BackendException(BackendException.Code.UNSUPPORTED_PRECISION, "x")));
        assertEquals(Main.FAILED, Main.exitCode(new BackendException(BackendException.Code.BUILD_FAILED, "x")));
        assertEquals(Main.FAILED, Main.exitCode(new BackendException(BackendException.Code.OUT_OF_MEMORY, "x")));
        assertEquals(Main.USAGE, Main.exitCode(new IllegalArgumentException("x")));
        assertEquals(Main.FAILED, Main.exitCode(new IllegalStateException("x")));
    }

    @Test
    void failureMessageIsOneLineAndTheTraceOnlyWithDebug() {
        StringWriter err = new StringWriter();
        BackendException e = new BackendException(BackendException.Code.BUILD_FAILED, "kernel did not build\nline 2",
                "the log", null);
        assertEquals(Main.FAILED, Main.error(e, new PrintWriter(err), false));
        assertEquals("batchopt: kernel did not build\n", err.toString().replace(System.lineSeparator(), "\n"));
        StringWriter debug = new StringWriter();
        Main.error(e, new PrintWriter(debug), true);
        assertTrue(debug.toString().contains("the log") && debug.toString().contains("\tat "), debug.toString());
        Cli.Outcome r = Cli.run(RUN + "--lr -1 --debug");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().startsWith("batchopt: lr = -1.0") && r.err().contains("\tat "), r.err());
    }

    /** A 100 000-character formula with a mistake at its end: the line shows the start, the end, and the size. */
    @Test
    void anErrorLineIsBoundedWhateverItQuotes() {
        String formula = "x+".repeat(50_000) + "foo";
        Cli.Outcome r = Cli.run("run", "--expr", formula, "--box", "-1:1");
        r.failsWith(Main.USAGE, "unknown identifier 'foo' at column 100001 of \"x+x+");
        assertTrue(r.err().strip().length() <= "batchopt: ".length() + Main.MAX_MESSAGE, r.err().length() + "");
        assertTrue(r.err().contains("x+x+foo\" (100003 characters)"), r.err());
        assertTrue(Main.oneLine("v " + "a".repeat(5000)).length() <= Main.MAX_MESSAGE, "unquoted text is cut too");
    }

    @Test
    void noSubcommandIsOneLineWithTheCommandsAndAHint() {
        Cli.run(new String[0]).failsWith(Main.USAGE,
                "batchopt: no command given: run, functions, devices, bench, help (see 'batchopt --help')");
    }

    @Test
    void failedRunLeavesNoFileBehind(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("result.json");
        Cli.run(RUN + "--format json --out " + out + " --backend floppy").failsWith(Main.USAGE, "floppy");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no partial or temporary file");
        }
        Files.writeString(out, "previous");
        Cli.run(RUN + "--format json --out " + out + " --backend floppy").failsWith(Main.USAGE, "floppy");
        assertEquals("previous", Files.readString(out), "an existing file is left as it was");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void successfulRunWritesTheFileAndNothingToStdout(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("result.csv");
        Cli.Outcome r = Cli.run(RUN + "--format csv --out " + out).succeeds();
        assertEquals("", r.out());
        assertTrue(Files.readString(out).startsWith("member,f,"), Files.readString(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void unwritableOutputFailsBeforeRunning(@TempDir Path dir) {
        Cli.run(RUN + "--out " + dir.resolve("no/such/dir/x.json")).failsWith(Main.FAILED,
                "no such file or directory");
    }

    @Test
    void benchRejectsAnUnavailableReferenceAndListsOtherUnavailableBackends() {
        String bench = "bench --function sphere --dim 2 --members 8 --steps 3 -q --format json --backends ";
        String spec = "opencl";
        try (Backend b = Backends.open(spec)) {
            Assumptions.abort(spec + " is available here");
        } catch (IllegalArgumentException e) {
            Cli.run(bench + "cpu," + spec).failsWith(Main.USAGE, "unknown backend");
            return;
        } catch (BackendException e) {
            Cli.run(bench + spec + ",cpu").failsWith(Main.UNAVAILABLE, e.getMessage().lines().findFirst().get());
            var json = Cli.run(bench + "cpu," + spec).succeeds().json();
            assertTrue(json.get("backends").get(1).get("reason").asText().contains(e.getMessage().lines()
                    .findFirst().get()));
        }
    }
}
