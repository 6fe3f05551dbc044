package org.batchopt.objective.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchopt.kernel.Math32;
import org.batchopt.kernel.Math64;
import org.batchopt.kernel.ObjectiveTwin32;
import org.batchopt.kernel.ObjectiveTwin64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel source printed for an expression and the CPU twins interpreting it: only portable operations,
 * every literal in {@code R(...)}, and the twins computing exactly what the text says, statement by statement.
 * Bit-identity with the devices is the backend parity suite's to show.
 */
class ExpressionKernelTest {
    /**
     * fp32 against fp64 for the well-conditioned expressions and boxes of {@link #EXPRESSIONS}: a few dozen
     * operations of about 6e-8 relative error each, the portable fp32 functions a few ulp; 1e-4 relative to
     * 1 + |reference| is a margin of over 100.
     */
    static final double TOL_FP32 = 1e-4;

    /** Every operator and function; points are drawn from [0.5, 2]^D, where all of them are defined. */
    static final String[] EXPRESSIONS = {
        "-(x-2)^2 - (y-1)^2 + 10",
        "sin(x)*cos(y) + exp(x/3) - log(2 + y^2)",
        "sqrt(x^2 + y^2 + 1) * abs(z - 1) + x/(1 + y^2) - -z",
        "x^2.5 + y^-3 + 3^x - e^(-y) + x^y + 2^3^2/x^9",
        "x1*x2*x3*x4 / (1 + x4^2) - (x1 - x2)^7 / 100 + cos(pi*x3)^2 + 0.1",
        "exp(-(x^2 + y^2)) * sin(2*pi*x) + log(x^2 + 1)^3 + 1e-3*y",
    };

    static final int[] DIMENSIONS = {2, 2, 3, 2, 4, 2};

    /** What the kernel text may call: its own macros, and the portable functions. */
    static final Set<String> CALLABLE = Set.of("X", "G", "R", "obj_value", "obj_value_grad", "sqrt", "fabs",
            "bo_sin", "bo_cos", "bo_exp", "bo_log", "bo_pow", "bo_pown", "bo_sign");

    static ExpressionSource source(int e) {
        return ExpressionSource.compile(EXPRESSIONS[e], DIMENSIONS[e]);
    }

    static double[] randomPoint(SplittableRandom random, int d) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = 0.5 + 1.5 * random.nextDouble();
        }
        return x;
    }

    static String withoutComments(String kernel) {
        return kernel.replaceAll("(?s)/\\*.*?\\*/", "");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void callsOnlyPortableFunctions(int e) {
        String code = withoutComments(source(e).kernelSource());
        Matcher m = Pattern.compile("([A-Za-z_][A-Za-z_0-9]*)\\s*\\(").matcher(code);
        int calls = 0;
        while (m.find()) {
            assertTrue(CALLABLE.contains(m.group(1)), "kernel calls " + m.group(1) + ":\n" + code);
            calls++;
        }
        assertTrue(calls > 4);
        for (String forbidden : new String[] {"fma", "native_", "half_", "pow(", "exp(", "log(", "sin(", "cos("}) {
            assertFalse(Pattern.compile("(?<![A-Za-z_])" + Pattern.quote(forbidden)).matcher(code).find(),
                    forbidden + " in\n" + code);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void everyLiteralIsWrappedAndReadsBackExactly(int e) {
        String code = withoutComments(source(e).kernelSource());
        Matcher r = Pattern.compile("R\\(([^)]*)\\)").matcher(code);
        int literals = 0;
        while (r.find()) {
            double v = Double.parseDouble(r.group(1));
            assertEquals(Double.toString(v), r.group(1), "literal prints as Double.toString");
            assertTrue(Double.isFinite(v));
            literals++;
        }
        assertTrue(literals > 0);
        String rest = code.replaceAll("R\\([^)]*\\)", "").replaceAll("[XG]\\(\\d+\\)", "")
                .replaceAll("\\bt\\d+\\b", "");
        assertFalse(rest.matches("(?s).*\\d.*"), "a number outside R(...):\n" + rest);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void statementsAreTheProgramInOrder(int e) {
        ExpressionSource s = source(e);
        String kernel = s.kernelSource();
        int split = kernel.indexOf("obj_value_grad");
        assertEquals(s.program().valueOrder().length, count(kernel.substring(0, split), "const real t"));
        assertEquals(s.program().gradientOrder().length, count(kernel.substring(split), "const real t"));
        assertEquals(s.dimension(), count(kernel.substring(split), "G("));
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    /** The twins compute bit for bit what the printed statements say, read independently of the program. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void twinsComputeWhatTheTextSays(int e) {
        ExpressionSource s = source(e);
        int d = s.dimension();
        SplittableRandom random = new SplittableRandom(e);
        for (int p = 0; p < 20; p++) {
            double[] x = randomPoint(random, d);
            double[] g64 = new double[d];
            double[] f64 = new double[1];
            eval64(s.twin64(d), x, g64, f64);
            double[] text64 = TextReader.run64(s.kernelSource(), x);
            assertEquals(text64[0], f64[0], 0.0);
            for (int i = 0; i < d; i++) {
                assertEquals(text64[1 + i], g64[i], 0.0, "fp64 G(" + i + ")");
            }
            float[] x32 = new float[d];
            for (int i = 0; i < d; i++) {
                x32[i] = (float) x[i];
            }
            float[] g32 = new float[d];
            float[] f32 = new float[1];
            eval32(s.twin32(d), x32, g32, f32);
            float[] text32 = TextReader.run32(s.kernelSource(), x32);
            assertEquals(text32[0], f32[0], 0.0f);
            for (int i = 0; i < d; i++) {
                assertEquals(text32[1 + i], g32[i], 0.0f, "fp32 G(" + i + ")");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void fp32AgreesWithFp64(int e) {
        ExpressionSource s = source(e);
        int d = s.dimension();
        SplittableRandom random = new SplittableRandom(100 + e);
        for (int p = 0; p < 50; p++) {
            double[] x = randomPoint(random, d);
            float[] x32 = new float[d];
            double[] xr = new double[d];
            for (int i = 0; i < d; i++) {
                x32[i] = (float) x[i];
                xr[i] = x32[i];
            }
            double[] g64 = new double[d];
            double[] f64 = new double[1];
            eval64(s.twin64(d), xr, g64, f64);
            float[] g32 = new float[d];
            float[] f32 = new float[1];
            eval32(s.twin32(d), x32, g32, f32);
            assertEquals(f64[0], f32[0], TOL_FP32 * (1 + Math.abs(f64[0])), "f at " + Arrays.toString(xr));
            for (int i = 0; i < d; i++) {
                assertEquals(g64[i], g32[i], TOL_FP32 * (1 + Math.abs(g64[i])), "G(" + i + ")");
            }
        }
    }

    /** One point through a twin, as one lane. */
    static void eval64(ObjectiveTwin64 twin, double[] x, double[] g, double[] f) {
        double[][] xl = new double[x.length][1];
        double[][] gl = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            xl[i][0] = x[i];
        }
        twin.valueGradient(xl, gl, f, 1);
        for (int i = 0; i < x.length; i++) {
            g[i] = gl[i][0];
        }
    }

    static void eval32(ObjectiveTwin32 twin, float[] x, float[] g, float[] f) {
        float[][] xl = new float[x.length][1];
        float[][] gl = new float[x.length][1];
        for (int i = 0; i < x.length; i++) {
            xl[i][0] = x[i];
        }
        twin.valueGradient(xl, gl, f, 1);
        for (int i = 0; i < x.length; i++) {
            g[i] = gl[i][0];
        }
    }

    /** Lanes are independent, and the lanes beyond n are left alone. */
    @Test
    void lanesMatchOnePointAtATime() {
        ExpressionSource s = source(4);
        int d = s.dimension();
        int n = 5;
        int capacity = 7;
        SplittableRandom random = new SplittableRandom(7);
        double[][] x = new double[d][capacity];
        double[][] points = new double[n][];
        for (int l = 0; l < n; l++) {
            points[l] = randomPoint(random, d);
            for (int i = 0; i < d; i++) {
                x[i][l] = points[l][i];
            }
        }
        double[][] g = new double[d][capacity];
        for (double[] gi : g) {
            Arrays.fill(gi, -7);
        }
        double[] f = new double[capacity];
        Arrays.fill(f, -7);
        ObjectiveTwin64 twin = s.twin64(d);
        twin.valueGradient(x, g, f, n);
        double[] values = new double[capacity];
        twin.value(x, values, n);
        for (int l = 0; l < n; l++) {
            double[] g1 = new double[d];
            double[] f1 = new double[1];
            eval64(s.twin64(d), points[l], g1, f1);
            assertEquals(f1[0], f[l], 0.0);
            assertEquals(f1[0], values[l], 0.0);
            for (int i = 0; i < d; i++) {
                assertEquals(g1[i], g[i][l], 0.0);
            }
        }
        for (int l = n; l < capacity; l++) {
            assertEquals(-7, f[l], 0.0);
            for (int i = 0; i < d; i++) {
                assertEquals(-7, g[i][l], 0.0);
            }
        }
        double[] one = new double[1];
        double[] g1 = new double[d];
        eval64(twin, points[0], g1, one);
        assertEquals(f[0], one[0], 0.0, "the same twin with fewer lanes");
        int wide = 9;
        double[][] xw = new double[d][wide];
        for (int i = 0; i < d; i++) {
            xw[i][wide - 1] = points[1][i];
        }
        double[] fw = new double[wide];
        twin.value(xw, fw, wide);
        assertEquals(f[1], fw[wide - 1], 0.0, "the same twin with more lanes");
    }

    @Test
    void idsAreStableAndTellProgramsApart() {
        String id = ExpressionSource.compile("x^2 + y", 2).id();
        assertTrue(id.matches("expr:[0-9a-f]{16}"), id);
        assertEquals(id, ExpressionSource.compile("x^2 + y", 2).id());
        assertNotEquals(id, ExpressionSource.compile("x^2 + y", 3).id());
        assertNotEquals(id, ExpressionSource.compile("x^2 - y", 2).id());
    }

    @Test
    void twinsAreForTheirOwnDimension() {
        ExpressionSource s = ExpressionSource.compile("x^2 + y", 2);
        assertThrows(IllegalArgumentException.class, () -> s.twin64(3));
        assertThrows(IllegalArgumentException.class, () -> s.twin32(1));
    }

    @Test
    void commentCannotBeClosedByTheText() {
        String kernel = ExpressionSource.compile("x\n*\n2", 1).kernelSource();
        assertTrue(kernel.startsWith("/* Expression: x * 2 (D=1)."), kernel);
        assertEquals(1, count(kernel, "*/"));
    }

    /**
     * Reads the printed kernel statement by statement, with its own small grammar for the forms the writer may
     * print, and evaluates it with Math64 or Math32: an independent reading of the text the devices compile.
     */
    static final class TextReader {
        private static final Pattern STATEMENT = Pattern.compile("const real (t\\d+) = (.*);");
        private static final Pattern OUTPUT = Pattern.compile("G\\((\\d+)\\) = (t\\d+);");
        private static final Pattern RETURN = Pattern.compile("return (t\\d+);");
        private static final Pattern BINARY = Pattern.compile("(t\\d+) ([-+*/]) (t\\d+)");
        private static final Pattern CALL = Pattern.compile("(\\w+)\\((t\\d+)\\)");

        static double[] run64(String kernel, double[] x) {
            String body = kernel.substring(kernel.indexOf("obj_value_grad"));
            Map<String, Double> t = new HashMap<>();
            double[] out = new double[1 + x.length];
            for (String line : body.split("\n")) {
                line = line.strip();
                Matcher m;
                if ((m = STATEMENT.matcher(line)).matches()) {
                    t.put(m.group(1), eval64(m.group(2), t, x));
                } else if ((m = OUTPUT.matcher(line)).matches()) {
                    out[1 + Integer.parseInt(m.group(1))] = t.get(m.group(2));
                } else if ((m = RETURN.matcher(line)).matches()) {
                    out[0] = t.get(m.group(1));
                }
            }
            return out;
        }

        private static double eval64(String e, Map<String, Double> t, double[] x) {
            Matcher m;
            if (e.startsWith("R(")) {
                return Math64.c(Double.parseDouble(e.substring(2, e.length() - 1)));
            }
            if (e.startsWith("X(")) {
                return x[Integer.parseInt(e.substring(2, e.length() - 1))];
            }
            if (e.matches("-t\\d+")) {
                return -t.get(e.substring(1));
            }
            if ((m = BINARY.matcher(e)).matches()) {
                double a = t.get(m.group(1));
                double b = t.get(m.group(3));
                return switch (m.group(2)) {
                    case "+" -> a + b;
                    case "-" -> a - b;
                    case "*" -> a * b;
                    default -> a / b;
                };
            }
            if ((m = CALL.matcher(e)).matches()) {
                double a = t.get(m.group(2));
                return switch (m.group(1)) {
                    case "sqrt" -> Math64.sqrt(a);
                    case "fabs" -> Math64.abs(a);
                    case "bo_sin" -> Math64.sin(a);
                    case "bo_cos" -> Math64.cos(a);
                    case "bo_exp" -> Math64.exp(a);
                    case "bo_log" -> Math64.log(a);
                    case "bo_sign" -> Math64.sign(a);
                    default -> fail("unknown function in " + e);
                };
            }
            return fail("unreadable statement " + e);
        }

        static float[] run32(String kernel, float[] x) {
            String body = kernel.substring(kernel.indexOf("obj_value_grad"));
            Map<String, Float> t = new HashMap<>();
            float[] out = new float[1 + x.length];
            for (String line : body.split("\n")) {
                line = line.strip();
                Matcher m;
                if ((m = STATEMENT.matcher(line)).matches()) {
                    t.put(m.group(1), eval32(m.group(2), t, x));
                } else if ((m = OUTPUT.matcher(line)).matches()) {
                    out[1 + Integer.parseInt(m.group(1))] = t.get(m.group(2));
                } else if ((m = RETURN.matcher(line)).matches()) {
                    out[0] = t.get(m.group(1));
                }
            }
            return out;
        }

        private static float eval32(String e, Map<String, Float> t, float[] x) {
            Matcher m;
            if (e.startsWith("R(")) {
                return Math32.c(Double.parseDouble(e.substring(2, e.length() - 1)));
            }
            if (e.startsWith("X(")) {
                return x[Integer.parseInt(e.substring(2, e.length() - 1))];
            }
            if (e.matches("-t\\d+")) {
                return -t.get(e.substring(1));
            }
            if ((m = BINARY.matcher(e)).matches()) {
                float a = t.get(m.group(1));
                float b = t.get(m.group(3));
                return switch (m.group(2)) {
                    case "+" -> a + b;
                    case "-" -> a - b;
                    case "*" -> a * b;
                    default -> a / b;
                };
            }
            if ((m = CALL.matcher(e)).matches()) {
                float a = t.get(m.group(2));
                return switch (m.group(1)) {
                    case "sqrt" -> Math32.sqrt(a);
                    case "fabs" -> Math32.abs(a);
                    case "bo_sin" -> Math32.sin(a);
                    case "bo_cos" -> Math32.cos(a);
                    case "bo_exp" -> Math32.exp(a);
                    case "bo_log" -> Math32.log(a);
                    case "bo_sign" -> Math32.sign(a);
                    default -> fail("unknown function in " + e);
                };
            }
            return fail("unreadable statement " + e);
        }
    }
}
