package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.batchopt.Gradient;
import org.batchopt.Precision;
import org.batchopt.rule.Regularization;
import org.batchopt.rule.UpdateRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every setting that changes a result is in every output format (table, CSV, JSON): the rules' on/off
 * switches, the gradient and its step, the multi-step milestones; JSON has no NaN or infinity, no format a
 * negative zero; --plot writes only what it says.
 */
class SettingsInOutputTest {
    private static final String RUN = "run --function sphere --dim 2 --members 3 --steps 4 -q ";

    /** A switch given (or not) shows in the table, as a JSON boolean and as a CSV column. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "--optimizer sgd --momentum 0.9 --nesterov, nesterov, true",
            "--optimizer sgd, nesterov, false",
            "--optimizer adam --amsgrad, amsgrad, true",
            "--optimizer adamw, amsgrad, false",
            "--optimizer rmsprop --centered, centered, true",
            "--l1 0.01 --l1-proximal, l1_proximal, true",
            "--l1 0.01, l1_proximal, false"})
    void everySwitchIsInEveryFormat(String options, String name, boolean on) {
        String table = Cli.run(RUN + options).succeeds().out();
        assertTrue(table.lines().anyMatch(l -> l.startsWith("rule ") && l.contains(name + (on ? " on" : " off"))),
                table);
        assertEquals(on, Cli.run(RUN + options + " --format json").succeeds().json().get("switches").get(name)
                .asBoolean());
        assertEquals(Boolean.toString(on), csvColumn(Cli.run(RUN + options + " --format csv").succeeds().out(), name));
        assertEquals(Boolean.toString(on), csvColumn(Cli.run(RUN + options + " --format csv --minima").succeeds()
                .out(), name), "the minima's CSV too");
    }

    /** Every boolean of every rule and of the regularization is a switch the outputs show: none can be forgotten. */
    @Test
    void everyBooleanOfARuleIsASwitch() {
        List<String> missing = new ArrayList<>();
        for (Class<?> rule : UpdateRule.class.getPermittedSubclasses()) {
            String optimizer = rule.getSimpleName().toLowerCase(Locale.ROOT);
            JsonNode switches = Cli.run(RUN + "--optimizer " + optimizer + " --l1 0.01 --format json").succeeds()
                    .json().get("switches");
            List<RecordComponent> flags = new ArrayList<>(Arrays.asList(rule.getRecordComponents()));
            flags.addAll(Arrays.asList(Regularization.class.getRecordComponents()));
            for (RecordComponent c : flags) {
                if (c.getType() == boolean.class && !switches.has(snake(c.getName()))) {
                    missing.add(optimizer + "." + c.getName());
                }
            }
        }
        assertEquals(List.of(), missing, "booleans that no output shows");
    }

    @Test
    void milestonesAreInEveryFormat() {
        String spec = "--optimizer sgd --schedule multistep:2/3:0.5";
        assertTrue(Cli.run(RUN + spec).succeeds().out().contains("schedule multistep at steps 2/3"));
        JsonNode json = Cli.run(RUN + spec + " --format json").succeeds().json();
        assertEquals("[2,3]", json.get("milestones").toString());
        assertEquals("2/3", csvColumn(Cli.run(RUN + spec + " --format csv").succeeds().out(), "milestones"));
        assertFalse(Cli.run(RUN + "--format json").succeeds().json().has("milestones"), "only for multistep");
    }

    /** The gradient's kind and the step actually used: the precision's default, or the one given. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"--gradient central, 0", "--fd-step 1e-3, 1e-3", "--gradient central --precision fp64, 0"})
    void theGradientAndItsStepAreInEveryFormat(String options, double given) {
        Precision p = options.contains("fp64") ? Precision.FP64 : Precision.FP32;
        double h = given > 0 ? given : Gradient.defaultStep(p);
        String table = Cli.run(RUN + options).succeeds().out();
        assertTrue(table.contains("central gradient, step h = " + Numbers.brief(h)), table);
        JsonNode stopping = Cli.run(RUN + options + " --format json").succeeds().json().get("stopping");
        assertEquals("central", stopping.get("gradient").asText());
        assertEquals(h, stopping.get("fd_step").asDouble());
        String csv = Cli.run(RUN + options + " --format csv").succeeds().out();
        assertEquals("central", csvColumn(csv, "gradient"));
        assertEquals(h, Double.parseDouble(csvColumn(csv, "fd_step")));
        assertFalse(Cli.run(RUN + "--format json").succeeds().json().get("stopping").has("fd_step"),
                "no step for the analytic gradient");
    }

    /** CSV rows describe their run alone: every result-changing setting is a column. */
    @Test
    void csvRowsCarryTheRunSettings() {
        String csv = Cli.run("run --function rosenbrock --dim 2 --members 3 --steps 5 --precision fp64 --grad-tol 1e-9 "
                + "--f-tol 1e-12 --maximize --seed 7 --format csv -q").succeeds().out();
        Map<String, String> expected = Map.of("function", "rosenbrock", "maximize", "true", "optimizer", "adam",
                "schedule", "constant", "gradient", "analytic", "precision", "fp64", "max_steps", "5", "grad_tol",
                "1.0E-9", "f_tol", "1.0E-12", "backend", "cpu");
        expected.forEach((k, v) -> assertEquals(v, csvColumn(csv, k), k));
        assertTrue(csvColumn(csv, "starts").contains("seed 7"), csv);
    }

    @Test
    void jsonHasNoNonFiniteNumberAnywhere() {
        String diverging = "run --function sphere --dim 2 --members 3 --steps 5 --optimizer sgd --lr 1e30 "
                + "--minima --cluster-x-tol 1e999 --format json --all -q";
        Cli.Outcome o = Cli.run(diverging).succeeds();
        JsonNode json = o.json();
        assertTrue(json.get("clustering").get("x_tol").isNull(), "an infinite tolerance is null");
        assertTrue(json.get("members").get(0).get("f").isNull());
        for (String bad : List.of("NaN", "Infinity")) {
            assertFalse(o.out().contains(bad), bad + " in\n" + o.out());
        }
    }

    /** A negative zero prints as 0 in every format; here the start (-0, 0) after no step. */
    @Test
    void noNegativeZeroInAnyFormat() {
        String start = "run --function sphere --dim 2 --start -0.0,0 --steps 0 -q ";
        Pattern negativeZero = Pattern.compile("(?<![\\w.])-0(\\.0*)?(?![\\w.])");
        for (String format : List.of("table", "csv", "json")) {
            String out = Cli.run(start + "--format " + format).succeeds().out();
            assertFalse(negativeZero.matcher(out).find(), format + ":\n" + out);
        }
        assertEquals("0.0", csvColumn(Cli.run(start + "--format csv").succeeds().out(), "x0"));
    }

    @Test
    void plotWritesOnlyPngOrSvg(@TempDir Path dir) throws Exception {
        String bench = "bench --function sphere --dim 2 --members 4 --steps 2 --backends cpu -q --plot ";
        Cli.run(bench + dir.resolve("chart.jpg")).failsWith(Main.USAGE, "the picture is PNG or SVG");
        assertEquals(0, dir.toFile().list().length, "no file written");
        org.junit.jupiter.api.Assumptions.assumeFalse(Plots.fontsMissing(), "Java finds no fonts here: no picture");
        Path png = dir.resolve("chart.png");
        Cli.run(bench + png).succeeds();
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertEquals("[-119, 80, 78, 71, 13, 10, 26, 10]", Arrays.toString(head), "the PNG signature");
    }

    /** The value of column {@code name} in the first data row. */
    static String csvColumn(String csv, String name) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int k = header.indexOf(name);
        assertTrue(k >= 0, name + " not in " + header);
        return splitCsv(lines.get(1)).get(k);
    }

    /** One CSV line's cells, quotes removed. */
    private static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
