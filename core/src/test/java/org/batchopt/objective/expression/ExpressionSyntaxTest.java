package org.batchopt.objective.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.objective.ExpressionSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar of {@link Objectives#expression}: precedence, associativity, literals, names and errors. */
class ExpressionSyntaxTest {

    static double value(String text, double... x) {
        return Objectives.expression(text, x.length).value(x);
    }

    /** Results are exact in binary floating point, so they are compared exactly. */
    @ParameterizedTest(name = "{0} = {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "2^3^2;          0; 512",
        "-2^2;           0; -4",
        "(-2)^2;         0; 4",
        "2*3+4;          0; 10",
        "2+3*4;          0; 14",
        "8/4/2;          0; 1",
        "10-4-3;         0; 3",
        "2^-1;           0; 0.5",
        "2*-3;           0; -6",
        "--3;            0; 3",
        "+3;             0; 3",
        "-x^2;           3; -9",
        "x^-2;           -2; 0.25",
        "-x^-1;          -4; 0.25",
        "x^0;            3; 1",
        "0^0;            0; 1",
        "x^64;           2; 18446744073709551616",
        "(x+1)^3;        3; 64",
        "x^3^2 / x^9;    2; 1",
        "x^(2*3-1);      2; 32",
        "(-x)^-(1+2);    2; -0.125",
        "1e2 + .5 + 2.E1; 0; 120.5",
        "2.5E-1 * 4;     0; 1",
        "x/2*4;          3; 6",
        "x - -x;         3; 6",
        "pi;             0; 3.141592653589793",
        "e;              0; 2.718281828459045",
    })
    void evaluatesAsDocumented(String text, double x, double expected) {
        assertEquals(expected, value(text, x), 0.0, text);
    }

    @Test
    void theSmallestDimensionIsTheHighestVariable() {
        assertEquals(1, Objectives.expressionDimension("exp(x) + sin(pi*e)"));
        assertEquals(1, Objectives.expressionDimension("2"));
        assertEquals(3, Objectives.expressionDimension("x + z^2"));
        assertEquals(12, Objectives.expressionDimension("x1*x12 - abs(x3)"));
        assertEquals(2, Objectives.expressionDimension("y + x0 + exp2 + xy + x1y"), "names that are no variable");
        ExpressionSyntaxException tooMany = assertThrows(ExpressionSyntaxException.class,
                () -> Objectives.expressionDimension("x12345678901234567890"));
        assertTrue(tooMany.getMessage().contains("beyond the 65536 variables a formula may have"),
                tooMany.getMessage());
        for (String text : new String[] {"x + y", "x1*x12 - abs(x3)", "sin(z)"}) {
            Objectives.expression(text, Objectives.expressionDimension(text));
        }
        assertThrows(ExpressionSyntaxException.class, () -> Objectives.expressionDimension("x # y"));
    }

    @Test
    void aliasesNameTheFirstThreeCoordinates() {
        assertEquals(321.0, value("x + 10*y + 100*z", 1, 2, 3), 0.0);
        assertEquals(321.0, value("x1 + 10*x2 + 100*x3", 1, 2, 3), 0.0);
        assertEquals(21.0, value("x1 + 10 * y", 1, 2), 0.0);
        assertEquals(1234.0, value("x1+10*x2+100*x3+1000*x4", 4, 3, 2, 1), 0.0);
    }

    @Test
    void blanksAndLineBreaksAreIgnored() {
        assertEquals(7.0, value(" \t1 +\n  2 *\r\n3 ", 0), 0.0);
        assertEquals(1.0, value("sin (x) ^ 2 + cos ( x )^2", 0), 0.0);
    }

    @Test
    void realExponentsGoThroughExpAndLog() {
        assertEquals(Math.sqrt(2), value("2^0.5", 0), 1e-15);
        assertEquals(Math.pow(4, 2.5), value("x^2.5", 4), 1e-12);
        assertEquals(Double.NaN, value("x^0.5", -4));
        assertEquals(Math.exp(1.5), value("e^x", 1.5), 1e-15 * Math.exp(1.5));
    }

    @Test
    void largeIntegerExponentsGoThroughExpAndLog() {
        assertEquals(Math.pow(1.1, 65), value("x^65", 1.1), 1e-13 * Math.pow(1.1, 65));
        assertEquals(Double.NaN, value("x^65", -1.1));
        assertEquals(-Math.pow(1.1, 63), value("x^63", -1.1), 1e-13 * Math.pow(1.1, 63));
    }

    @ParameterizedTest(name = "{0} (D={1}): column {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "x + foo;    2; 5; unknown identifier 'foo'",
        "x7 + 1;     3; 1; x7 is beyond dimension 3",
        "x + y + z;  2; 9; z is x3, beyond dimension 2",
        "y;          4; 1; write x2",
        "x0;         1; 1; x0 does not exist",
        "(x + 1;     1; 1; '(' is never closed",
        "sin(x;      1; 4; '(' is never closed",
        "((x);       1; 1; '(' is never closed",
        "x + 1);     1; 6; ')' has no matching '('",
        "();         1; 2; found ')'",
        "(x 1);      1; 4; expected ')' for the '(' at column 1 but found '1'",
        "x 2;        1; 3; unexpected '2' after a complete expression",
        "2e;         1; 2; unexpected 'e' after a complete expression",
        "x +;        1; 4; ends where an operand is expected",
        "x^;         1; 3; ends where an operand is expected",
        "x * * 2;    1; 5; found '*'",
        "sin x;      1; 5; function sin needs its argument in parentheses",
        "Sin(x);     1; 1; unknown identifier 'Sin'",
        "x # 2;      1; 3; unexpected character '#'",
        "1e400;      1; 1; number 1e400 is too large",
    })
    void mistakesNameTheirColumn(String text, int dimension, int column, String problem) {
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class,
                () -> Objectives.expression(text, dimension));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains("at column " + column + " of \"" + text + "\""), e.getMessage());
    }

    @Test
    void emptyTextIsAMistakeAtColumnOne() {
        for (String text : new String[] {"", "   ", "\n"}) {
            ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class,
                    () -> Objectives.expression(text, 1));
            assertEquals(1, e.column());
            assertTrue(e.getMessage().startsWith("empty expression"), e.getMessage());
        }
    }

    @Test
    void dimensionBelowOneAndNullTextAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Objectives.expression("1", 0));
        assertTrue(e.getMessage().contains("dimension 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Objectives.expression(null, 1));
    }

    @Test
    void nestingIsBoundedWithAnErrorNotAStackOverflow() {
        assertEquals(1.0, value("(".repeat(200) + "x" + ")".repeat(200), 1), 0.0);
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class,
                () -> Objectives.expression("(".repeat(300) + "x" + ")".repeat(300), 1));
        assertTrue(e.getMessage().contains("nested more than " + Parser.MAX_DEPTH), e.getMessage());
    }

    @Test
    void longSumsNeedNoDeepRecursion() {
        int d = 20_000;
        String text = IntStream.rangeClosed(1, d).mapToObj(i -> "x" + i).collect(Collectors.joining(" + "));
        Objective f = Objectives.expression(text, d);
        double[] x = new double[d];
        java.util.Arrays.fill(x, 0.5);
        double[] g = new double[d];
        assertEquals(d / 2.0, f.gradient(x, g), 0.0);
        for (double gi : g) {
            assertEquals(1.0, gi, 0.0);
        }
    }

    @Test
    void nameAndFormulaAreTheText() {
        Objective f = Objectives.expression("  x^2 + y ", 2);
        assertEquals("x^2 + y", f.name());
        assertEquals("x^2 + y", f.formula());
        assertTrue(f.maximize().isMaximized());
        assertEquals(f.value(new double[] {1, 2}), f.maximize().value(new double[] {1, 2}), 0.0);
    }
}
