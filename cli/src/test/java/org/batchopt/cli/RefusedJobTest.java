package org.batchopt.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jobs the command refuses before it runs anything, with exit 2 and one line naming the value: combinations
 * that have no fixed point where the user expects one.
 */
class RefusedJobTest {
    private static final String RUN = "run --function sphere --dim 2 --members 4 --steps 5 ";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(RUN + "--optimizer rmsprop --centered --l1 0.1 --l1-proximal",
                        "centered RMSprop cannot take the L1 proximal step"),
                Arguments.of(RUN + "--optimizer sgd --momentum 1 --l1 0.1 --l1-proximal",
                        "momentum = 1.0 is not allowed: the L1 proximal step needs momentum < 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithExitTwoAndTheValue(String line, String message) {
        Cli.run(line).failsWith(Main.USAGE, message);
    }
}
