package org.batchopt.objective.expression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.kernel.Math64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values and analytic gradients of expressions: against hand-computed values and central differences. */
class ExpressionGradientTest {
    /**
     * The portable fp64 exp, log, sin and cos against java.lang.Math: a few ulp (kernels/math.cl), so 1e-14
     * relative leaves a margin of about 20.
     */
    static final double TOL_MATH = 1e-14;
    /**
     * Central differences with step h = 1e-5 (1 + |x_i|): truncation about h^2 |f'''| ~ 1e-10, cancellation about
     * 1e-16 |f| / h ~ 1e-11, for the moderate functions and boxes below; 1e-6 relative to 1 + |g_i| is far above
     * both and far below any wrong derivative.
     */
    static final double TOL_CENTRAL = 1e-6;

    static double[] gradient(Objective f, double... x) {
        double[] g = new double[x.length];
        f.gradient(x, g);
        return g;
    }

    @Test
    void concaveQuadraticByHand() {
        Objective f = Objectives.expression("-(x-2)^2 - (y-1)^2 + 10", 2);
        double[][] points = {{2, 1}, {0, 0}, {3, -1}, {-1.5, 2.5}};
        double[] values = {10, 5, 5, -4.5};
        double[][] gradients = {{0, 0}, {4, 2}, {-2, 4}, {7, -3}};
        for (int p = 0; p < points.length; p++) {
            double[] g = new double[2];
            assertEquals(values[p], f.gradient(points[p], g), 0.0);
            assertEquals(values[p], f.value(points[p]), 0.0);
            assertArrayEquals(gradients[p], g, 0.0);
        }
        assertTrue(f.maximize().isMaximized());
        assertArrayEquals(new double[] {4, 2}, gradient(f.maximize(), 0, 0), 0.0);
    }

    @Test
    void arithmeticGradientsAreExact() {
        assertArrayEquals(new double[] {3, 2}, gradient(Objectives.expression("x*y", 2), 2, 3), 0.0);
        assertArrayEquals(new double[] {0.25, -0.0625}, gradient(Objectives.expression("x/y", 2), 1, 4), 0.0);
        assertArrayEquals(new double[] {12}, gradient(Objectives.expression("x^3", 1), 2), 0.0);
        assertArrayEquals(new double[] {-0.25}, gradient(Objectives.expression("x^-1", 1), 2), 0.0);
        assertArrayEquals(new double[] {0.25}, gradient(Objectives.expression("sqrt(x)", 1), 4), 0.0);
        assertArrayEquals(new double[] {-1}, gradient(Objectives.expression("abs(x)", 1), -3), 0.0);
        assertArrayEquals(new double[] {1, -1}, gradient(Objectives.expression("x - y + 7", 2), 5, 6), 0.0);
        assertArrayEquals(new double[] {6, 0, 0}, gradient(Objectives.expression("x^2", 3), 3, 1, 1), 0.0);
        assertArrayEquals(new double[] {0, 0}, gradient(Objectives.expression("5", 2), 3, 1), 0.0);
    }

    @Test
    void kinksAndPoles() {
        assertArrayEquals(new double[] {0}, gradient(Objectives.expression("abs(x)", 1), 0), 0.0);
        assertArrayEquals(new double[] {0}, gradient(Objectives.expression("abs(x)", 1), -0.0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, gradient(Objectives.expression("sqrt(x)", 1), 0)[0]);
        assertEquals(Double.POSITIVE_INFINITY, gradient(Objectives.expression("log(x)", 1), 0)[0], 0.0);
        assertEquals(Double.NaN, gradient(Objectives.expression("x^0.5", 1), -1)[0]);
    }

    @Test
    void functionsAgreeWithJavaMath() {
        double x = 0.7;
        check("sin(x)", x, Math.sin(x), Math.cos(x));
        check("cos(x)", x, Math.cos(x), -Math.sin(x));
        check("exp(x)", x, Math.exp(x), Math.exp(x));
        check("log(x)", x, Math.log(x), 1 / x);
        check("sqrt(x)", x, Math.sqrt(x), 0.5 / Math.sqrt(x));
        check("abs(x)", -x, x, -1);
        check("x^2.5", x, Math.pow(x, 2.5), 2.5 * Math.pow(x, 1.5));
        check("2^x", x, Math.pow(2, x), Math.pow(2, x) * Math.log(2));
        check("e^x", x, Math.exp(x), Math.exp(x));
        check("sin(pi*x)", x, Math.sin(Math.PI * x), Math.PI * Math.cos(Math.PI * x));
        check("log(e)", x, 1, 0);
    }

    @Test
    void expOfXIsItsOwnDerivativeToTheBit() {
        Objective f = Objectives.expression("exp(x)", 1);
        double[] g = new double[1];
        assertEquals(Math64.exp(1.25), f.gradient(new double[] {1.25}, g), 0.0);
        assertEquals(Math64.exp(1.25), g[0], 0.0);
    }

    private static void check(String text, double x, double value, double derivative) {
        Objective f = Objectives.expression(text, 1);
        double[] g = new double[1];
        assertEquals(value, f.gradient(new double[] {x}, g), TOL_MATH * Math.max(1, Math.abs(value)), text);
        assertEquals(derivative, g[0], TOL_MATH * Math.max(1, Math.abs(derivative)), text);
    }

    /** Every operator and function, at 25 random points of each box. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "sin(x)*cos(y) + exp(x/3) - log(2 + y^2);                          2; -3; 3",
        "sqrt(x^2 + y^2 + 1) * abs(z) + x/(1 + y^2) - -z;                  3; -2; 2",
        "x^2.5 + y^-3 + 3^x - e^(-y) + x^y;                                2; 0.5; 2",
        "x1*x2*x3*x4*x5 / (1 + x5^2) - (x1 - x2)^7 / 100 + cos(pi*x3)^2;   5; -1.5; 1.5",
        "exp(-(x^2 + y^2)) * sin(2*pi*x) + log(x^2 + 1)^3;                 2; -2; 2",
        "x^64 / 1e5 + x^-5 - x^13;                                         1; 0.8; 1.2",
        "abs(x1) - sqrt(x2^2 + 0.5) * x3^x4 + 1/(x1*x2 + 10);              4; 0.5; 2",
        "sin(x)/x + cos(x^2)/(2 + sin(x)) - log(abs(x) + 1);               1; -4; 4",
    })
    void gradientMatchesCentralDifferences(String text, int d, double lo, double hi) {
        Objective f = Objectives.expression(text, d);
        SplittableRandom random = new SplittableRandom(text.hashCode());
        for (int p = 0; p < 25; p++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = lo + (hi - lo) * random.nextDouble();
            }
            double[] g = new double[d];
            assertEquals(f.value(x), f.gradient(x, g), 0.0, "value by obj_value and obj_value_grad");
            for (int i = 0; i < d; i++) {
                double h = 1e-5 * (1 + Math.abs(x[i]));
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[i] += h;
                xm[i] -= h;
                double fd = (f.value(xp) - f.value(xm)) / (xp[i] - xm[i]);
                assertEquals(fd, g[i], TOL_CENTRAL * (1 + Math.abs(g[i])),
                        text + ": df/dx" + (i + 1) + " at " + java.util.Arrays.toString(x));
            }
        }
    }
}
