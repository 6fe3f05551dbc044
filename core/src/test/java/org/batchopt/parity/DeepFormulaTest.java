package org.batchopt.parity;

import static org.batchopt.parity.Identical.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.batchopt.Backend;
import org.batchopt.Gradient;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.objective.ExpressionSyntaxException;
import org.batchopt.rule.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both sides of the expression nesting limit (256): the deepest formula the parser accepts builds on every device
 * and matches the CPU bit for bit (POCL's compiler used to overflow the 1 MiB stack of the calling Java thread at
 * about 220 nested calls, killing the JVM; programs are now built on a thread with a large stack), and one level
 * more is refused as a syntax error.
 */
class DeepFormulaTest {
    /** Nesting of the parser's grammar: n nested calls around x are n + 1 levels. */
    private static final int LIMIT = 256;
    private static final String[] CYCLE = {"log(exp(", "sqrt(abs(", "sin("};

    /** {@code calls} nested calls cycling through every function, outermost first, around x; plus y^2. */
    static String nested(int calls) {
        StringBuilder open = new StringBuilder();
        int opened = 0;
        for (int k = 0; opened < calls; k++) {
            String c = CYCLE[k % CYCLE.length];
            int n = c.length() - c.replace("(", "").length();
            if (opened + n > calls) {
                c = "sin(";
                n = 1;
            }
            open.append(c);
            opened += n;
        }
        return open + "x" + ")".repeat(calls) + " + y^2";
    }

    /**
     * The constant term differs from run to run, so that the program text is new and the device compiles it
     * (POCL's disk cache would otherwise hand back a program built before).
     */
    static Stream<Arguments> deepest() {
        Objective f = Objectives.expression(nested(LIMIT - 1) + " + " + System.nanoTime() % 1_000_000, 2);
        return ParityTest.perDevice(List.of(new ParityTest.Case((LIMIT - 1) + " nested calls", f,
                Adam.builder().lr(0.05).build(), Precision.FP32, Strategy.FUSED, Gradient.ANALYTIC,
                Stopping.maxSteps(20), 0, 16)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deepest")
    void theDeepestAcceptedFormulaBuildsOnTheDeviceAndMatchesTheCpu(String device, ParityTest.Case c) {
        Backend d = ParityTest.device(device);
        assertIdentical(c.run(DevicesUnderTest.open("cpu")), c.run(d), c.toString());
    }

    @Test
    void oneLevelDeeperIsASyntaxError() {
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class,
                () -> Objectives.expression(nested(LIMIT), 2));
        assertTrue(e.getMessage().contains("nested more than " + LIMIT), e.getMessage());
    }
}
