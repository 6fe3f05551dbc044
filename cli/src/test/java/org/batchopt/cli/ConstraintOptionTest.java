package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --constrain}, {@code --subject-to}, the augmented Lagrangian's options and {@code --param}: the seed's
 * examples through the command line, the per-member output in every format, grids, and every kind of bad input as a
 * usage error naming it.
 */
class ConstraintOptionTest {
    static final String SEED = "run --expr -(x-2)^2-(y-1)^2+10 --maximize --box -5:5 --optimizer sgd --lr 0.02 "
            + "--steps 2000 --precision fp64 --members 20";

    @Test
    void theSeedsMaximumWithItsMultiplierInJson() {
        JsonNode json = seed("--format", "json", "--top", "3").succeeds().json();
        assertEquals(List.of("x - y = 0"), List.of(json.get("subject_to").get(0).asText()));
        JsonNode best = json.get("best");
        assertEquals(9.5, best.get("f").asDouble(), 1e-12);
        assertEquals(1.5, best.get("x").get(0).asDouble(), 1e-12);
        assertEquals(1.0, best.get("multipliers").get(0).asDouble(), 1e-12);
        assertEquals(0.0, best.get("constraints").get(0).asDouble(), 1e-12);
        assertTrue(best.get("violation").asDouble() <= 1e-12);
        assertTrue(best.get("kkt_residual").asDouble() <= 1e-10);
        assertEquals(10, best.get("hyperparameters").get("rho").asDouble(), 0);
        assertEquals(0, json.get("status_counts").get("infeasible").asInt());
        assertEquals(1e-4, json.get("feasibility_tol").asDouble(), 0);
    }

    static Cli.Outcome seed(String... more) {
        String[] base = (SEED.substring(4) + " --subject-to").split(" ");
        String[] args = new String[1 + base.length + 1 + more.length];
        args[0] = "run";
        System.arraycopy(base, 0, args, 1, base.length);
        args[base.length + 1] = "x - y = 0";
        System.arraycopy(more, 0, args, base.length + 2, more.length);
        return Cli.run(args);
    }

    @Test
    void theTableShowsViolationAndMultipliers() {
        String out = seed("--top", "2").succeeds().out();
        assertTrue(out.contains("subject to x - y = 0 (augmented Lagrangian"), out);
        assertTrue(out.contains("multipliers: grad f = sum_j multiplier_j grad LEFT_j"), out);
        // rank, member, f; status, violation, KKT residual, multipliers, constraint values, x
        assertTrue(out.lines().anyMatch(l -> l.matches("1\\s+\\d+\\s+9\\.5\\s+.*max_steps\\s+0\\s+\\S+\\s+"
                + "\\(1\\)\\s+\\(\\S+\\)\\s+\\(1\\.5, 1\\.5\\)")), out);
    }

    @Test
    void csvRowsCarryMultipliersConstraintsAndTheSettings() {
        String csv = seed("--format", "csv", "--top", "1", "--rho", "1,10").succeeds().out();
        for (String column : new String[] {"violation", "kkt_residual", "constraint0", "rho", "rho_growth",
            "inner_steps"}) {
            assertTrue(Double.isFinite(Double.parseDouble(SettingsInOutputTest.csvColumn(csv, column))), column);
        }
        assertEquals(1.0, Double.parseDouble(SettingsInOutputTest.csvColumn(csv, "multiplier0")), 1e-12);
        assertEquals("x - y = 0", SettingsInOutputTest.csvColumn(csv, "subject_to"));
        assertEquals("1.0E-4", SettingsInOutputTest.csvColumn(csv, "feasibility_tol"));
    }

    @Test
    void aGridOverRhoAndANamedParameter() {
        JsonNode json = Cli.run("run", "--expr", "(x - mu)^2 + (y - mu)^2", "--box", "-3:3", "--subject-to",
                "x + y = 1", "--param", "mu=0,1,2", "--rho", "1,10", "--optimizer", "sgd", "--lr", "0.02",
                "--steps", "2000", "--precision", "fp64", "--members", "4", "--format", "json", "--all")
                .succeeds().json();
        assertEquals(List.of("rho", "mu"), Cli.fieldNames(json.get("grid").get("axes")));
        assertEquals(24, json.get("member_count").asInt());
        for (JsonNode m : json.get("members")) {
            double mu = m.get("hyperparameters").get("mu").asDouble();
            assertEquals(0.5, m.get("x").get(0).asDouble(), 1e-9);
            assertEquals(1 - 2 * mu, m.get("multipliers").get(0).asDouble(), 1e-9);
        }
    }

    /**
     * A built-in objective under a constraint in its variables x1..xD: the sphere on x1 + x2 = 1 is least at (0.5,
     * 0.5), where grad f = (1, 1) = lambda (1, 1).
     */
    @Test
    void aBuiltInObjectiveTakesConstraints() {
        JsonNode best = Cli.run("run", "--function", "sphere", "--dim", "2", "--subject-to", "x1 + x2 = 1",
                "--optimizer", "sgd", "--lr", "0.05", "--steps", "1000", "--precision", "fp64", "--members", "4",
                "--format", "json", "--top", "1").succeeds().json().get("best");
        assertEquals(0.5, best.get("x").get(0).asDouble(), 1e-9);
        assertEquals(0.5, best.get("x").get(1).asDouble(), 1e-9);
        assertEquals(1.0, best.get("multipliers").get(0).asDouble(), 1e-9);
    }

    /** bench runs the constraints too and says so in its title. */
    @Test
    void benchNamesTheConstraints() {
        String out = Cli.run("bench", "--expr", "x^2 + y^2", "--box", "-1:1", "--constrain", "box", "--subject-to",
                "x + y >= 1", "--members", "64", "--steps", "20", "--repeat", "1", "--backends", "cpu").succeeds().out();
        assertTrue(out.contains(", in the box [-1.0, 1.0]^2, subject to x + y >= 1; reference: cpu"), out);
    }

    @Test
    void boxAndSimplexProjections() {
        JsonNode box = Cli.run("run", "--function", "mccormick", "--constrain", "box", "--lr", "0.2", "--schedule",
                "cosine:1500", "--steps", "1500", "--members", "400", "--precision", "fp64", "--format", "json",
                "--top", "1").succeeds().json();
        assertEquals("box [-1.5, 4.0] x [-3.0, 4.0]", box.get("constrain").asText(), "McCormick's own box");
        assertEquals(-1.9132229549810364, box.get("best").get("f").asDouble(), 1e-9);
        JsonNode simplex = Cli.run("run", "--expr", "(x-0.7)^2 + (y-0.5)^2 + (z+0.2)^2", "--box", "-1:2",
                "--constrain", "simplex:1", "--optimizer", "sgd", "--lr", "0.1", "--steps", "800", "--precision",
                "fp64", "--members", "10", "--format", "json", "--top", "1").succeeds().json();
        assertEquals("simplex:1", simplex.get("constrain").asText());
        assertEquals(0.6, simplex.get("best").get("x").get(0).asDouble(), 1e-9);
        assertEquals(0.0, simplex.get("best").get("x").get(2).asDouble(), 0);
        JsonNode point = Cli.run("run", "--expr", "-x - y", "--start", "5,-5", "--constrain", "box", "--box", "-1:1",
                "--optimizer", "sgd", "--lr", "0.1", "--steps", "50", "--format", "json").succeeds().json();
        assertEquals(1.0, point.get("best").get("x").get(0).asDouble(), 0);
        assertEquals(1.0, point.get("best").get("x").get(1).asDouble(), 0);
    }

    @Test
    void maximumEntropyOverAThousandStates() {
        JsonNode json = Cli.run("run", "--expr", "-sum(x[i]*log(x[i]))", "--dim", "1000", "--maximize",
                "--subject-to", "sum(x[i]) = 1", "--constrain", "box", "--box", "1e-12:1", "--lr", "0.02",
                "--schedule", "cosine:4000", "--steps", "4000", "--members", "2", "--precision", "fp64",
                "--format", "json", "--top", "1").succeeds().json();
        JsonNode best = json.get("best");
        assertEquals(Math.log(1000), best.get("f").asDouble(), 1e-9);
        assertEquals(1e-3, best.get("x").get(517).asDouble(), 1e-12);
        assertEquals(Math.log(1000) - 1, best.get("multipliers").get(0).asDouble(), 1e-6);
    }

    @Test
    void anInfeasibleProblemIsReportedSo() {
        JsonNode json = Cli.run("run", "--expr", "x^2", "--box", "-2:2", "--subject-to", "x >= 1", "--subject-to",
                "x <= 0", "--members", "8", "--steps", "300", "--lr", "0.05", "--grad-tol", "1e-6", "--format", "json",
                "--all").succeeds().json();
        assertEquals(8, json.get("status_counts").get("infeasible").asInt());
        for (JsonNode m : json.get("members")) {
            assertEquals("infeasible", m.get("status").asText());
            assertTrue(m.get("violation").asDouble() >= 0.5 - 1e-4, m.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "--subject-to;x - y =;the right side of constraint \"x - y =\" must be a number",
        "--subject-to;x + w = 1;unknown identifier 'w'",
        "--subject-to;x + y == 1;relation '==' in constraint",
        "--subject-to;x + y < 1;relation '<' in constraint",
        "--subject-to;x != 1;relation '!=' in constraint",
        "--subject-to;x + y;has no relation",
        "--subject-to;x <= 1 <= 2;more than one relation",
        "--subject-to;(x + 1 = 0;'(' is never closed",
        "--constrain;simplex:0;the simplex's sum S must be finite and > 0",
        "--constrain;simplex:-1;the simplex's sum S must be finite and > 0",
        "--constrain;simplex:abc;'abc' in 'simplex:abc' is not a number",
        "--constrain;ball;'ball' is not box or simplex[:S]",
        "--rho;10;--rho applies to --subject-to constraints, and there are none",
        "--param;mu=1,2;--param mu is used by no formula",
        "--param;mu;--param 'mu' is not NAME=V1,V2,...",
        "--param;lr=1;--param lr is the name of a hyperparameter",
    })
    void badInputIsAUsageErrorNamingIt(String option, String value, String message) {
        Cli.run("run", "--expr", "x^2 + y^2", "--box", "-1:1", "--members", "2", "--steps", "2", option, value)
                .failsWith(2, message);
    }

    @Test
    void moreBadInput() {
        Cli.run("run", "--expr", "sum(x[i]^2)", "--box", "-1:1", "--members", "2").failsWith(2, "--dim is required");
        Cli.run("run", "--expr", "x^2", "--box", "-1:1", "--subject-to", "x >= 0", "--rho", "0").failsWith(2,
                "rho = 0.0 is not allowed");
        Cli.run("run", "--expr", "x^2", "--box", "-1:1", "--subject-to", "x >= 0", "--inner-steps", "2.5")
                .failsWith(2, "inner_steps = 2.5 is not allowed");
        Cli.run("run", "--expr", "x^2", "--box", "-1:1", "--subject-to", "x >= 0", "--feasibility-tol", "0")
                .failsWith(2, "feasibility tolerance 0.0 must be finite and > 0");
        Cli.run("run", "--expr", "x^2", "--box", "-1:1", "--constrain", "box", "--constrain", "simplex")
                .failsWith(2, "option '--constrain' (SET) should be specified only once");
        Cli.run("run", "--expr", "x^2", "--box", "-1:1", "--param", "mu=1", "--param", "mu=2", "--subject-to",
                "x >= mu").failsWith(2, "--param mu is given twice");
        Cli.run("run", "--expr", "x^2", "--box", "-1:1", "--subject-to", "x >= 0", "--spark", "local[2]")
                .failsWith(2, "--subject-to cannot be combined with --spark yet");
    }
}
