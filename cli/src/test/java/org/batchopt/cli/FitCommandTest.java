package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.batchopt.BackendInfo;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Dataset;
import org.batchopt.Engine;
import org.batchopt.Grid;
import org.batchopt.Models;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.rule.Adam;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code batchopt fit}: a ridge grid against the closed form, the command against the API (whose models are checked
 * against Newton references in core), the JSON and CSV contract, learning curves and patience, bad data (exit 2, the
 * file, line and column, nothing written to --out), and the OpenCL backend against the CPU.
 */
class FitCommandTest {
    @TempDir
    Path dir;

    /** A CSV of n rows: F standard normal features x1..xF, then the target column {@code y}. */
    private Path csv(String name, double[][] x, String[] y) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < x[0].length; k++) {
            b.append('x').append(k + 1).append(',');
        }
        b.append("y\n");
        for (int r = 0; r < x.length; r++) {
            for (double v : x[r]) {
                b.append(v).append(',');
            }
            b.append(y[r]).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, b);
        return p;
    }

    private static double[][] features(Random rnd, int n, int f) {
        double[][] x = new double[n][f];
        for (double[] row : x) {
            for (int k = 0; k < f; k++) {
                row[k] = rnd.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void aRidgeGridEqualsTheClosedForm() throws IOException {
        Random rnd = new Random(7);
        int n = 200;
        double[][] x = features(rnd, n, 3);
        double[] w = {1.5, -2.0, 0.5};
        String[] y = new String[n];
        double[] yv = new double[n];
        for (int r = 0; r < n; r++) {
            yv[r] = 3 + w[0] * x[r][0] + w[1] * x[r][1] + w[2] * x[r][2] + 0.3 * rnd.nextGaussian();
            y[r] = Double.toString(yv[r]);
        }
        Path data = csv("ridge.csv", x, y);
        double[] l2 = {0, 0.1, 1};
        JsonNode j = Cli.run("fit --data " + data + " --model linear --precision fp64 --optimizer sgd --lr 0.5 "
                + "--l2 0,0.1,1 --steps 20000 --grad-tol 1e-12 --format json --all").succeeds().json();
        assertEquals(3, j.get("members").size());
        for (int m = 0; m < 3; m++) {
            JsonNode member = j.get("members").get(m);
            assertEquals(l2[m], member.get("hyperparameters").get("l2").asDouble());
            assertEquals("converged_gradient", member.get("status").asText());
            double[][] ref = ridge(x, yv, l2[m]);
            double[] got = Cli.doubles(member.get("coefficients"));
            for (int k = 0; k < 3; k++) {
                assertEquals(ref[0][k], got[k], 1e-8 * Math.abs(ref[0][k]), "l2 " + l2[m] + " w" + (k + 1));
            }
            assertEquals(ref[1][0], member.get("intercept").asDouble(), 1e-8 * Math.abs(ref[1][0]), "intercept");
        }
    }

    /** w = (Xc^T Xc + n l2 I)^-1 Xc^T yc and b = mean(y) - mean(x).w, by Gaussian elimination; {w, {b}}. */
    private static double[][] ridge(double[][] x, double[] y, double l2) {
        int n = x.length;
        int f = x[0].length;
        double[] mx = new double[f];
        double my = 0;
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < f; k++) {
                mx[k] += x[r][k] / n;
            }
            my += y[r] / n;
        }
        double[][] a = new double[f][f + 1];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < f; i++) {
                for (int k = 0; k < f; k++) {
                    a[i][k] += (x[r][i] - mx[i]) * (x[r][k] - mx[k]);
                }
                a[i][f] += (x[r][i] - mx[i]) * (y[r] - my);
            }
        }
        for (int i = 0; i < f; i++) {
            a[i][i] += n * l2;
        }
        for (int c = 0; c < f; c++) {
            for (int r = c + 1; r < f; r++) {
                double q = a[r][c] / a[c][c];
                for (int k = c; k <= f; k++) {
                    a[r][k] -= q * a[c][k];
                }
            }
        }
        double[] w = new double[f];
        for (int i = f - 1; i >= 0; i--) {
            double s = a[i][f];
            for (int k = i + 1; k < f; k++) {
                s -= a[i][k] * w[k];
            }
            w[i] = s / a[i][i];
        }
        double b = my;
        for (int k = 0; k < f; k++) {
            b -= mx[k] * w[k];
        }
        return new double[][] {w, {b}};
    }

    private Path classes(String name, int n, long seed) throws IOException {
        Random rnd = new Random(seed);
        double[][] x = features(rnd, n, 2);
        String[] y = new String[n];
        for (int r = 0; r < n; r++) {
            double z0 = 2 * x[r][0];
            double z1 = -x[r][0] + 2 * x[r][1];
            double z2 = 0.5;
            int c = z0 > z1 && z0 > z2 ? 0 : z1 > z2 ? 1 : 2;
            if (rnd.nextDouble() < 0.1) {
                c = rnd.nextInt(3);
            }
            y[r] = new String[] {"cat", "dog", "emu"}[c];
        }
        return csv(name, x, y);
    }

    @Test
    void theCommandFitsWhatTheApiFitsBitForBit() throws IOException {
        Path data = classes("three.csv", 300, 11);
        JsonNode j = Cli.run("fit --data " + data + " --model softmax --precision fp64 --lr 0.05,0.2 --l2 0,0.01 "
                + "--steps 150 --validation 0.2 --seed 5 --format json --all").succeeds().json();
        Dataset d = Dataset.csv(data).validation(0.2).seed(5).build();
        Objective f = Objectives.softmax(d);
        Grid grid = Grid.of("lr", 0.05, 0.2).and("l2", 0, 0.01);
        Batch batch = grid.batch(1, Starts.point(new double[f.dimension()]));
        try (var cpu = Backends.open("cpu")) {
            Result r = Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(150))
                    .run(f, Adam.builder().lr(grid.column("lr", 1)).l2(grid.column("l2", 1)).build(), batch);
            Models models = r.models();
            for (int m = 0; m < 4; m++) {
                JsonNode member = j.get("members").get(m);
                double[][] w = models.coefficients(m);
                for (int c = 0; c < 3; c++) {
                    assertEquals(List.of(box(w[c])), List.of(box(Cli.doubles(member.get("coefficients").get(c)))));
                }
                assertEquals(List.of(box(models.intercepts(m))), List.of(box(Cli.doubles(member.get("intercept")))));
                assertEquals(models.validationLoss(m), member.get("validation_loss").asDouble());
                assertEquals(models.validationAccuracy(m), member.get("validation_accuracy").asDouble());
                assertEquals(models.trainLoss(m), member.get("train_loss").asDouble());
                assertEquals(models.objective(m), member.get("objective").asDouble());
            }
            assertEquals(models.best(1)[0], j.get("best").get("index").asInt());
        }
    }

    private static Double[] box(double[] v) {
        return java.util.Arrays.stream(v).boxed().toArray(Double[]::new);
    }

    @Test
    void jsonAndCsvHaveTheContractsFields() throws IOException {
        Path data = classes("fields.csv", 120, 3);
        JsonNode j = Cli.run("fit --data " + data + " --model softmax --standardize --validation 0.25 "
                + "--lr 0.1,0.3 --steps 20 --history 5 --format json --all").succeeds().json();
        assertEquals("softmax", j.get("model").asText());
        JsonNode d = j.get("data");
        assertEquals(90, d.get("rows").asInt());
        assertEquals(30, d.get("validation_rows").asInt());
        assertEquals(2, d.get("features").asInt());
        assertEquals("[\"cat\",\"dog\",\"emu\"]", d.get("classes").toString());
        assertTrue(j.get("grid").get("lr").isArray());
        assertTrue(j.get("best").isObject());
        for (JsonNode m : j.get("members")) {
            for (String field : List.of("index", "hyperparameters", "combination", "coefficients", "intercept",
                    "train_loss", "objective", "validation_loss", "validation_accuracy", "steps", "status",
                    "original_coefficients", "original_intercept")) {
                assertTrue(m.has(field), field + " in " + Cli.fieldNames(m));
            }
            assertEquals(3, m.get("coefficients").size());
            assertEquals(2, m.get("coefficients").get(0).size());
            assertEquals(3, m.get("intercept").size());
            JsonNode h = m.get("history");
            assertEquals(5, h.size(), "evaluations at steps 0, 5, 10, 15, 20");
            assertEquals(15, h.get(3).get("step").asInt());
        }
        String csv = Cli.run("fit --data " + data + " --model softmax --lr 0.1,0.3 --steps 20 --format csv --all")
                .succeeds().out();
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("index,combination,lr,"), lines.get(0));
        assertTrue(lines.get(0).endsWith(",coefficient:emu:x1,coefficient:emu:x2,intercept:emu"), lines.get(0));
        String table = Cli.run("fit --data " + data + " --model softmax --validation 0.25 --lr 0.1,0.3 --steps 5")
                .succeeds().out();
        assertTrue(table.contains("validation  30 rows from " + data), table);
        assertTrue(table.contains("rank  member  combination  lr   train_loss  objective  validation_loss  "
                + "validation_accuracy  steps  status"), table);
        assertTrue(table.contains("class emu: intercept"), table);
    }

    @Test
    void patienceStopsAModelAndReportsItsBestPoint() throws IOException {
        Path data = classes("patience.csv", 200, 4);
        JsonNode j = Cli.run("fit --data " + data + " --model softmax --optimizer sgd --lr 5 --steps 400 "
                + "--history 10 --patience 2 --validation 0.3 --format json --all").succeeds().json();
        JsonNode m = j.get("members").get(0);
        assertEquals("stopped_early", m.get("status").asText());
        double best = Double.POSITIVE_INFINITY;
        for (JsonNode e : m.get("history")) {
            best = Math.min(best, e.get("validation_loss").asDouble());
        }
        assertEquals(best, m.get("validation_loss").asDouble(), 1e-6 * best);
    }

    @Test
    void epochsOfMinibatchesAreStepsOverEveryTrainingRow() throws IOException {
        Path data = classes("epochs.csv", 100, 6);
        JsonNode j = Cli.run("fit --data " + data + " --model softmax --optimizer sgd --lr 0.1 --batch-size 16 "
                + "--epochs 3 --validation 0.2 --format json").succeeds().json();
        assertEquals(16, j.get("batch_size").asInt());
        assertEquals(3 * 5, j.get("max_steps").asInt(), "80 training rows: 5 minibatches an epoch");
        assertEquals(15, j.get("best").get("steps").asInt());
    }

    static Stream<Arguments> badData() {
        return Stream.of(
                Arguments.of("text.csv", "a,b,y\n1,2,3\n4,x,6\n", "linear", "text.csv:3: column 2 'b': 'x' is not a "
                        + "number"),
                Arguments.of("ragged.csv", "a,b,y\n1,2,3\n4,5\n", "linear", "ragged.csv:3: the row has 2 fields, "
                        + "the header 3"),
                Arguments.of("empty.csv", "", "linear", "empty.csv: the file is empty"),
                Arguments.of("const.csv", "a,b,y\n1,2,3\n1,5,6\n1,7,8\n", "linear --standardize",
                        "const.csv: column 1 'a': every training row has the value 1.0, which cannot be standardized"),
                Arguments.of("one.csv", "a,b,y\n1,2,0\n3,5,0\n4,7,0\n", "logistic", "one.csv: column 3 'y': the "
                        + "target has 1 class ('0')"),
                Arguments.of("nan.csv", "a,b,y\n1,2,3\n4,NaN,6\n", "linear", "nan.csv:3: column 2 'b': 'NaN' is not "
                        + "a finite number"),
                Arguments.of("inf.csv", "a,b,y\n1,2,3\n4,-Infinity,6\n", "linear", "inf.csv:3: column 2 'b': "
                        + "'-Infinity' is not a finite number"));
    }

    @ParameterizedTest
    @MethodSource("badData")
    void badDataExitsTwoNamingFileLineAndColumnAndWritesNothing(String name, String text, String model,
                                                                 String message) throws IOException {
        Path data = dir.resolve(name);
        Files.writeString(data, text);
        Path out = dir.resolve("out.json");
        Cli.run("fit --data " + data + " --model " + model + " --format json --out " + out).failsWith(2, message);
        assertFalse(Files.exists(out), "nothing written to --out");
    }

    @Test
    void optionsThatCannotWorkAreRefused() throws IOException {
        Path data = classes("opts.csv", 50, 1);
        String fit = "fit --data " + data + " --model softmax ";
        Cli.run(fit + "--patience 3").failsWith(2, "--patience 3 counts evaluations: add --history EVERY");
        Cli.run(fit + "--patience 3 --history 5").failsWith(2, "--patience watches the validation loss");
        Cli.run(fit + "--steps 5 --epochs 2").failsWith(2, "--steps and --epochs cannot be combined");
        Cli.run(fit + "--members 3").failsWith(2, "give --box LO:HI");
        Cli.run(fit + "--target z").failsWith(2, "--target names 'z', which the header does not have");
        Cli.run("fit --data " + dir.resolve("none.csv") + " --model linear").failsWith(2, "none.csv: no such file");
    }

    /**
     * --plot draws the best models' learning curves, one colour per model, as PNG or SVG; without --history, or with
     * a name that is neither .png nor .svg, it is a usage error before anything runs.
     */
    @Test
    void plotDrawsTheLearningCurvesOfTheBestModels() throws IOException {
        Assumptions.assumeFalse(Plots.fontsMissing(), "Java finds no fonts here: pictures cannot be drawn");
        Path data = classes("curves.csv", 200, 3);
        String fit = "fit --data " + data + " --model softmax --validation 0.25 --lr 0.03,0.1,0.3 --steps 60 -q ";
        Path png = dir.resolve("curves.png");
        Cli.run(fit + "--plot " + png).failsWith(2, "add --history EVERY");
        Cli.run(fit + "--history 5 --plot " + dir.resolve("curves.jpg")).failsWith(2, "the picture is PNG or SVG");
        assertFalse(Files.exists(png));
        Cli.run(fit + "--history 5 --plot " + png).succeeds();
        java.util.Set<Integer> seen = PlotTest.colours(PlotTest.png(png));
        PlotTest.notBlank(seen);
        for (int k = 0; k < 3; k++) {
            assertTrue(seen.contains(Plots.CATEGORY[k].getRGB() & 0xFFFFFF), "model " + k + "'s colour");
        }
        Path svg = dir.resolve("curves.svg");
        Cli.run(fit + "--history 5 --plot " + svg).succeeds();
        String text = PlotTest.svg(svg);
        assertTrue(text.contains("validation") && text.contains("training"), "both losses named");
        assertTrue(text.contains("lr 0.3"), "each model named by its grid axis");
    }

    /**
     * The OpenCL backend fits as the CPU does: the same JSON for every member (coefficients, losses, accuracy,
     * steps, status, learning curves) and the same best model, full batch and minibatch, in both precisions.
     */
    @Test
    void theOpenClBackendFitsAsTheCpuDoes() throws IOException {
        BackendInfo device = Backends.available().stream().filter(b -> b.spec().startsWith("opencl") && b.available())
                .findFirst().orElse(null);
        Assumptions.assumeTrue(device != null, "no OpenCL device here");
        Path three = classes("opencl.csv", 400, 2);
        Random rnd = new Random(5);
        double[][] x = features(rnd, 300, 3);
        String[] y = new String[x.length];
        for (int r = 0; r < x.length; r++) {
            y[r] = x[r][0] - 0.5 * x[r][2] + 0.5 * rnd.nextGaussian() > 0 ? "1" : "0";
        }
        Path two = csv("binary.csv", x, y);
        for (String run : new String[] {
            three + " --model softmax --precision fp64 --lr 0.05,0.5 --l2 0,0.01 --steps 60 --history 5 --patience 3",
            two + " --model logistic --optimizer sgd --momentum 0.9 --lr 0.1,0.3 --l1 0.01 --batch-size 64 "
                    + "--epochs 4 --history 3",
            two + " --model linear --target x2 --precision fp64 --optimizer rmsprop --lr 0.01 --l2 0,0.1 "
                    + "--batch-size 100 --steps 30 --standardize --grad-tol 1e-3"}) {
            String common = "fit --data " + run + " --validation 0.25 --seed 3 --format json --all";
            JsonNode cpu = Cli.run(common + " --backend cpu").succeeds().json();
            JsonNode cl = Cli.run(common + " --backend " + device.spec()).succeeds().json();
            assertEquals(cpu.get("members"), cl.get("members"), run);
            assertEquals(cpu.get("best"), cl.get("best"), run);
        }
    }
}
