package org.batchopt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs the command refuses before it runs anything, with exit 2 and one line naming the value: combinations
 * that have no fixed point where the user expects one; values that fp32 (the default precision) cannot hold, with
 * which every member used to diverge and the command end with exit 0; and jobs too large for the Java heap or for
 * Java's arrays, which used to end as "out of memory" with exit 1 (after 37 s of work for 10^8 members).
 */
class RefusedJobTest {
    private static final String RUN = "run --function sphere --dim 2 --members 4 --steps 5 ";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(RUN + "--optimizer rmsprop --centered --l1 0.1 --l1-proximal",
                        "centered RMSprop cannot take the L1 proximal step"),
                Arguments.of(RUN + "--optimizer sgd --momentum 1 --l1 0.1 --l1-proximal",
                        "momentum = 1.0 is not allowed: the L1 proximal step needs momentum < 1"),
                Arguments.of(RUN + "--lr 1e39", "lr = 1.0E39 is beyond the range of fp32"),
                Arguments.of(RUN + "--lr 1e-3,1e39", "lr of member 4 = 1.0E39 is beyond the range of fp32"),
                Arguments.of(RUN + "--schedule inverse-time:1e39", "kappa = 1.0E39 is beyond the range of fp32"),
                Arguments.of(RUN + "--schedule cosine:1e-300", "t_max = 1.0E-300 is below the smallest fp32 value"),
                Arguments.of(RUN + "--start 1e39,1", "--start coordinate 1 = 1.0E39 is beyond the range of fp32"),
                Arguments.of(RUN + "--box -1e39:1e39",
                        "--box -1.0E39:1.0E39: LO = -1.0E39 is beyond the range of fp32"),
                Arguments.of(RUN + "--bounds -1:1,0:1e39", "--bounds interval 2: HI = 1.0E39 is beyond the range"),
                Arguments.of(RUN + "--grad-tol 1e-50", "gradient tolerance = 1.0E-50 is below the smallest fp32 value"),
                Arguments.of(RUN + "--gradient central --fd-step 1e39", "finite-difference step = 1.0E39"),
                Arguments.of("run --expr x2147483647 --box -1:1",
                        "variable x2147483647 is beyond the 65536 variables a formula may have"),
                Arguments.of("run --expr x99999999999 --box -1:1",
                        "variable x99999999999 is beyond the 65536 variables"),
                Arguments.of("run --expr x1 --dim 70000 --box -1:1",
                        "dimension 70000 is more than the 65536 variables"),
                Arguments.of("run --function sphere --dim 2147483647 --sampler uniform",
                        "dimension 2147483647 is more than a Java array holds"),
                Arguments.of("run --function sphere --dim 2 --history 1 --steps 2147483647 --format json",
                        "2147483648 points per member, more than can be kept"),
                Arguments.of("run --function sphere --dim 10 --members 100000000",
                        "this run needs about"),
                Arguments.of("run --function sphere --dim 2 --members 1 " + axes(9),
                        "(1000000000 members x 2 coordinates)"));
    }

    /** {@code count} grid axes of 10 values each. */
    private static String axes(int count) {
        String[] options = {"--lr", "--beta1", "--beta2", "--eps", "--weight-decay", "--l1", "--l2",
            "--decoupled-weight-decay", "--warmup"};
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < count; k++) {
            s.append(options[k]).append(' ');
            for (int v = 1; v <= 10; v++) {
                s.append(v == 1 ? "" : ",").append(v / 100.0);
            }
            s.append(' ');
        }
        return s.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithExitTwoAndTheValue(String line, String message) {
        Cli.run(line).failsWith(Main.USAGE, message);
    }

    /** The advice names what works for how batchopt was started: JAVA_OPTS only for the launcher. */
    @Test
    void theHeapAdviceFitsHowTheCommandWasStarted() {
        String command = System.getProperty("sun.java.command");
        try {
            String e = Cli.run("run --function sphere --dim 10 --members 100000000").err();
            assertTrue(e.contains("give Java more heap") && !e.contains("JAVA_OPTS"), e);
            System.setProperty("sun.java.command", "target/batchopt.jar run --function sphere");
            assertEquals("give Java more heap: java -Xmx8g -jar target/batchopt.jar ...", Main.heapHint(8e9));
            System.setProperty(Main.LAUNCHER, "1");
            assertEquals("give Java more heap: JAVA_OPTS=-Xmx8g ./batchopt ...", Main.heapHint(8e9));
        } finally {
            System.clearProperty(Main.LAUNCHER);
            if (command != null) {
                System.setProperty("sun.java.command", command);
            }
        }
    }

    @Test
    void startsFromAFileAreCheckedToo(@TempDir Path dir) throws Exception {
        Path starts = dir.resolve("starts.csv");
        Files.writeString(starts, "x1,x2\n1,2\n3,-1e39\n");
        Cli.run("run --function sphere --dim 2 --steps 5 --starts " + starts).failsWith(Main.USAGE,
                "coordinate 1 of the start point of member 1 = -1.0E39 is beyond the range of fp32");
        Cli.run("run --function sphere --dim 2 --steps 5 --precision fp64 --starts " + starts).succeeds();
        Cli.run(RUN + "--lr 1e39 --precision fp64").succeeds();
    }
}
