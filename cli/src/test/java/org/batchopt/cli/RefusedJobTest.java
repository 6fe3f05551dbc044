package org.batchopt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs the command refuses before it runs anything, with exit 2 and one line naming the value: combinations
 * that have no fixed point where the user expects one, and values that fp32 (the default precision) cannot hold,
 * with which every member used to diverge and the command end with exit 0.
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
                Arguments.of(RUN + "--box -1e39:1e39", "--box -1.0E39:1.0E39: LO = -1.0E39 is beyond the range of fp32"),
                Arguments.of(RUN + "--bounds -1:1,0:1e39", "--bounds interval 2: HI = 1.0E39 is beyond the range"),
                Arguments.of(RUN + "--grad-tol 1e-50", "gradient tolerance = 1.0E-50 is below the smallest fp32 value"),
                Arguments.of(RUN + "--gradient central --fd-step 1e39", "finite-difference step = 1.0E39"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithExitTwoAndTheValue(String line, String message) {
        Cli.run(line).failsWith(Main.USAGE, message);
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
