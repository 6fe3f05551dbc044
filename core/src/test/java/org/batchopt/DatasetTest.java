package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.batchopt.objective.DataException;
import org.batchopt.objective.DataException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading datasets: the CSV format, targets and classes, validation rows, standardization, and every mistake. */
class DatasetTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsHeaderQuotesBlankLinesCrlfAndAByteOrderMark() throws IOException {
        Path p = file("a.csv", "\uFEFF\"a\", b ,\"the \"\"label\"\"\"\r\n1,2.5,x\r\n\r\n  \n-3e-1,.5,\"y,z\"\n4,5,x");
        Dataset d = Dataset.csv(p).build();
        assertEquals(List.of("a", "b"), d.featureNames());
        assertEquals("the \"label\"", d.target());
        assertEquals(3, d.rows());
        assertEquals(-0.3, d.value(1, 0), 0);
        assertEquals(0.5, d.value(1, 1), 0);
        assertEquals(List.of("x", "y,z"), d.labels());
    }

    @Test
    void theTargetAndTheFeaturesMayBeChosenByName() throws IOException {
        Path p = file("a.csv", "a,y,b,c\n1,0,2,3\n4,1,5,6\n");
        Dataset d = Dataset.csv(p).target("y").features("c", "a").build();
        assertEquals(List.of("c", "a"), d.featureNames());
        assertEquals(3, d.value(0, 0), 0);
        assertEquals(4, d.value(1, 1), 0);
        Dataset all = Dataset.csv(p).target("y").build();
        assertEquals(List.of("a", "b", "c"), all.featureNames());
    }

    @Test
    void numbersAreReadCorrectlyRounded() throws IOException {
        Random rnd = new Random(5);
        StringBuilder b = new StringBuilder("x,y\n");
        String[] texts = new String[20_000];
        for (int i = 0; i < texts.length; i++) {
            double v = switch (i % 4) {
                case 0 -> rnd.nextGaussian();
                case 1 -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(80) - 40);
                case 2 -> rnd.nextInt(1000) - 500;
                default -> Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL);
            };
            texts[i] = switch (i % 3) {
                case 0 -> Double.toString(v);
                case 1 -> String.format(java.util.Locale.ROOT, "%.18e", v);
                default -> new java.math.BigDecimal(v).round(new java.math.MathContext(1 + i % 25)).toPlainString();
            };
            b.append(texts[i]).append(",0\n");
        }
        b.append("0.000000000000000000000000000001234,0\n-0,0\n1e-400,0\n.5e+2,0\n7.,0\n");
        Dataset d = Dataset.csv(file("n.csv", b.toString())).build();
        for (int i = 0; i < texts.length; i++) {
            assertEquals(Double.parseDouble(texts[i]), d.value(i, 0), 0, texts[i]);
        }
        int n = texts.length;
        assertEquals(1.234e-30, d.value(n, 0), 0);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(d.value(n + 1, 0)));
        assertEquals(0, d.value(n + 2, 0), 0);
        assertEquals(50, d.value(n + 3, 0), 0);
        assertEquals(7, d.value(n + 4, 0), 0);
    }

    @Test
    void labelsAreTheDistinctTargetsSortedNumericallyOrAsText() throws IOException {
        Dataset numbers = Dataset.csv(file("a.csv", "x,y\n1,10\n2,9\n3,10.0\n4,-1\n")).build();
        assertEquals(List.of("-1", "9", "10"), numbers.labels());
        Dataset text = Dataset.csv(file("b.csv", "x,y\n1,b\n2,a\n3,10\n")).build();
        assertEquals(List.of("10", "a", "b"), text.labels());
        assertEquals(3, Objectives.softmax(text).dimension() / 2);
    }

    @Test
    void theValidationSplitIsKeyedByTheSeedAndKeepsFileOrder() {
        Synthetic.Data s = Synthetic.linear(1, 101, 2, 0.1);
        Dataset a = Dataset.of(s.x(), s.y()).validation(0.3).seed(4).build();
        Dataset b = Dataset.of(s.x(), s.y()).validation(0.3).seed(4).build();
        Dataset c = Dataset.of(s.x(), s.y()).validation(0.3).seed(5).build();
        assertEquals(30, a.validationRows());
        assertEquals(71, a.rows());
        boolean differs = false;
        double previous = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < 30; r++) {
            assertEquals(a.validationValue(r, 0), b.validationValue(r, 0), 0);
            differs |= a.validationValue(r, 0) != c.validationValue(r, 0);
        }
        assertTrue(differs, "another seed, another split");
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int r = 0; r < 71; r++) {
            seen.add(a.value(r, 1));
        }
        for (int r = 0; r < 30; r++) {
            assertTrue(seen.add(a.validationValue(r, 1)), "a row in both parts");
        }
        assertEquals(101, seen.size());
    }

    @Test
    void standardizationUsesTheTrainingRowsAndTheOriginalUnitsComeBack() throws IOException {
        Path train = file("t.csv", "a,b,y\n1,10,1\n2,20,2\n3,60,4\n");
        Path valid = file("v.csv", "b,a,y\n30,5,1\n");
        Dataset d = Dataset.csv(train).validationData(valid).standardize().build();
        assertEquals(2, d.mean(0), 1e-15);
        assertEquals(30, d.mean(1), 1e-15);
        assertEquals(Math.sqrt(2.0 / 3), d.scale(0), 1e-15);
        assertEquals((5 - 2) / Math.sqrt(2.0 / 3), d.validationValue(0, 0), 1e-12);
        assertEquals(0, d.validationValue(0, 1), 1e-12);
        Objective f = Objectives.linear(d);
        Result r = Engine.on(SharedBackends.cpu()).precision(Precision.FP64).stopping(Stopping.maxSteps(4000))
                .run(f, org.batchopt.rule.Sgd.builder().lr(0.3).momentum(0.5).build(),
                        Batch.builder(3).members(1).starts(Starts.point(0, 0, 0)).build());
        Models m = r.models();
        double[] w = m.originalCoefficients(0)[0];
        double b = m.originalIntercepts(0)[0];
        double[][] x = {{1, 10}, {2, 20}, {3, 60}};
        double[] y = {1, 2, 4};
        for (int i = 0; i < 3; i++) {
            assertEquals(y[i], w[0] * x[i][0] + w[1] * x[i][1] + b, 1e-9, "row " + i + " in the original units");
        }
    }

    @Test
    void anFp32DatasetHoldsFloats() {
        Synthetic.Data s = Synthetic.linear(1, 10, 2, 0.1);
        Dataset d = Dataset.of(s.x(), s.y()).precision(Precision.FP32).build();
        assertEquals((float) s.x()[3][1], d.value(3, 1), 0);
        assertEquals(Precision.FP32, d.precision());
    }

    private DataException bad(String text) throws IOException {
        Path p = file("bad.csv", text);
        return assertThrows(DataException.class, () -> Dataset.csv(p).standardize().build());
    }

    private void assertProblem(DataException e, Problem problem, long line, String column, String... words) {
        assertEquals(problem, e.problem(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("bad.csv").toString()), e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), e.getMessage() + " lacks " + w);
        }
    }

    @Test
    void everyMistakeNamesItsFileLineAndColumn() throws IOException {
        assertProblem(bad(""), Problem.EMPTY_FILE, 0, null, "empty");
        assertProblem(bad("\n\n"), Problem.EMPTY_FILE, 0, null);
        assertProblem(bad("a,b\n"), Problem.NO_ROWS, 0, null, "no data rows");
        assertProblem(bad("a,b\n1,2\n3\n"), Problem.RAGGED_ROW, 3, null, "1 fields", "header 2");
        assertProblem(bad("a,b\n1,2\n3,4,5\n"), Problem.RAGGED_ROW, 3, null);
        assertProblem(bad("a,b,y\n1,2,0\n\n1,x2,1\n"), Problem.NOT_A_NUMBER, 4, "b", "column 2 'b'", "'x2'");
        assertProblem(bad("a,b,y\n1,2,0\n1,nan,1\n"), Problem.NOT_FINITE, 3, "b", "'nan'");
        assertProblem(bad("a,b,y\n1,2,0\n1,-Infinity,1\n"), Problem.NOT_FINITE, 3, "b");
        assertProblem(bad("a,b,y\n1,2,0\n1e999,3,1\n"), Problem.NOT_FINITE, 3, "a", "'1e999'");
        assertProblem(bad("a,b,y\n1,2,0\n1,,1\n"), Problem.MISSING_VALUE, 3, "b", "empty");
        assertProblem(bad("a,b,y\n1,2,0\n1,3,inf\n"), Problem.NOT_FINITE, 3, "y");
        assertProblem(bad("a,b,y\n1,2,0\n1,3,\n"), Problem.MISSING_VALUE, 3, "y");
        assertProblem(bad("a,b,y\n1,2,0\n3,2,1\n"), Problem.CONSTANT_COLUMN, 0, "b", "column 2 'b'", "value 2.0");
        assertProblem(bad("a,a,y\n1,2,0\n"), Problem.BAD_HEADER, 1, "a", "twice");
        assertProblem(bad("a,,y\n1,2,0\n"), Problem.BAD_HEADER, 1, null, "empty");
        assertProblem(bad("a,b,y\n1,\"2,0\n"), Problem.BAD_QUOTE, 2, null, "quote");
        Path ok = file("bad.csv", "a,b,y\n1,2,0\n3,4,1\n");
        DataException unknown = assertThrows(DataException.class, () -> Dataset.csv(ok).target("z").build());
        assertEquals(Problem.UNKNOWN_COLUMN, unknown.problem());
        assertTrue(unknown.getMessage().contains("'z'") && unknown.getMessage().contains("a, b, y"));
        assertThrows(DataException.class, () -> Dataset.csv(ok).features("a", "y").target("y").build());
        DataException missing = assertThrows(DataException.class, () -> Dataset.csv(dir.resolve("none.csv")).build());
        assertEquals(Problem.UNREADABLE, missing.problem());
    }

    @Test
    void modelMistakesNameTheFileToo() throws IOException {
        Path one = file("bad.csv", "a,y\n1,0\n2,0\n");
        DataException e = assertThrows(DataException.class, () -> Objectives.logistic(Dataset.csv(one).build()));
        assertProblem(e, Problem.CLASSES, 0, "y", "1 class ('0')");
        Path text = file("bad.csv", "a,y\n1,0.5\n2,yes\n");
        DataException t = assertThrows(DataException.class, () -> Objectives.linear(Dataset.csv(text).build()));
        assertProblem(t, Problem.NOT_A_NUMBER, 3, "y", "'yes'");
        Path train = file("bad.csv", "a,y\n1,cat\n2,dog\n");
        Path valid = file("v.csv", "a,y\n1,cat\n\n2,cow\n");
        DataException u = assertThrows(DataException.class, () -> Objectives.logistic(Dataset.csv(train)
                .validationData(valid).build()));
        assertEquals(Problem.UNKNOWN_CLASS, u.problem());
        assertEquals(4, u.line());
        assertTrue(u.getMessage().startsWith(valid.toString()) && u.getMessage().contains("'cow'"), u.getMessage());
        Path other = file("v2.csv", "b,y\n1,cat\n");
        assertEquals(Problem.UNKNOWN_COLUMN, assertThrows(DataException.class, () -> Dataset.csv(train)
                .validationData(other).build()).problem());
    }

    @Test
    void inMemoryDataIsCheckedToo() {
        assertThrows(DataException.class, () -> Dataset.of(new double[][] {{1}, {Double.NaN}}, new double[] {1, 2})
                .build());
        assertThrows(DataException.class, () -> Dataset.of(new double[][] {{1}, {1, 2}}, new double[] {1, 2})
                .build());
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(new double[][] {{1}}, new double[] {1, 2})
                .build());
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(new double[][] {{1}}, new double[] {1})
                .validation(1.5));
        double[] y = {0, 1, 0, 1};
        Dataset d = Dataset.of(new double[][] {{1}, {2}, {3}, {4}}, y).build();
        assertArrayEquals(new double[] {0, 1, 0, 1}, y, "not modified");
        assertEquals(4, d.rows());
    }
}
