package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code batchopt run} says about a batch beyond its best members: the known optimum (gap, success share,
 * minimizers reached), basins and saturation, grid statistics ranked by --rank-by, and progress for logs.
 */
class JudgingTest {
    private static final String HIMMELBLAU = "run --function himmelblau --members 400 --lr 0.1 --schedule cosine:500 "
            + "--steps 500 -q ";

    @Test
    void himmelblausFourMinimaAreReportedFourOfFour() {
        JsonNode json = Cli.run(HIMMELBLAU + "--minima --format json").succeeds().json();
        JsonNode known = json.get("known");
        assertEquals(0, known.get("f_star").asDouble());
        assertEquals(4, known.get("minimizers_known").asInt());
        assertEquals(4, known.get("minimizers_found").asInt());
        assertTrue(known.get("success_share").asDouble() > 0.95, known.toString());
        assertTrue(known.get("gap").asDouble() < 1e-6, known.toString());
        long reached = 0;
        for (JsonNode z : known.get("minimizers")) {
            assertTrue(z.get("members").asLong() > 40, z.toString());
            reached += z.get("members").asLong();
        }
        assertEquals(known.get("successes").asLong(), reached);
        JsonNode saturation = json.get("saturation");
        assertEquals(4, saturation.get("minima").asInt());
        assertEquals(0, saturation.get("singletons").asInt());
        assertEquals(0.0, saturation.get("new_minimum_probability").asDouble());
        assertFalse(saturation.get("clearly_unsaturated").asBoolean());
        assertEquals(1, json.get("clustering").get("level_count").asInt());
        double shares = 0;
        for (JsonNode m : json.get("minima")) {
            shares += m.get("share").asDouble();
            assertEquals(500.0, m.get("mean_steps").asDouble());
            assertEquals(m.get("members").get(0).asInt(), m.get("best_member").asInt());
        }
        assertEquals(1.0, shares, 1e-12);

        String table = Cli.run(HIMMELBLAU + "--minima").succeeds().out();
        assertTrue(table.contains("minimizers reached  4 of 4"), table);
        assertTrue(table.contains("4 distinct minima on 1 f level"), table);
        assertTrue(table.contains("saturation: every minimum was reached by more than one member"), table);
        String csv = Cli.run(HIMMELBLAU + "--minima --format csv").succeeds().out();
        assertTrue(csv.startsWith("rank,f,objective,members,best_member,share,mean_steps,x0,x1,"), csv);
    }

    @Test
    void aSphereHasOneMinimumAndNothingLeftToFind() {
        JsonNode json = Cli.run("run --function sphere --dim 3 --members 50 --lr 0.05 --steps 2000 --grad-tol 1e-6 "
                + "--minima --format json -q").succeeds().json();
        assertEquals(1, json.get("clustering").get("minima_count").asInt());
        assertEquals(0.0, json.get("saturation").get("new_minimum_probability").asDouble());
        assertEquals(1, json.get("known").get("minimizers_found").asInt());
        assertEquals(1.0, json.get("known").get("success_share").asDouble());
    }

    /** Zero steps from Sobol points: every member its own minimum, the Good-Turing estimate 1, said in words. */
    @Test
    void aSearchWhereEveryStartFindsItsOwnMinimumIsClearlyNotSaturated() {
        String line = "run --function rastrigin --dim 5 --members 200 --steps 0 --minima -q ";
        JsonNode s = Cli.run(line + "--format json").succeeds().json().get("saturation");
        assertEquals(200, s.get("singletons").asInt());
        assertEquals(1.0, s.get("new_minimum_probability").asDouble());
        assertTrue(s.get("clearly_unsaturated").asBoolean());
        String table = Cli.run(line).succeeds().out();
        assertTrue(table.contains("The search is not saturated: more starts will keep finding new minima"), table);
    }

    @Test
    void fStarAndSuccessTolJudgeAnyObjective() {
        String line = "run --expr (x-1)^2+(y+2)^2+3 --box -5:5 --members 30 --lr 0.1 --steps 400 -q "
                + "--format json ";
        JsonNode none = Cli.run(line).succeeds().json();
        assertTrue(none.get("known").isNull(), "no optimum is known for a formula");
        assertTrue(none.get("saturation").isNull(), "no clustering without --minima");
        JsonNode k = Cli.run(line + "--f-star 3 --success-tol 1e-3").succeeds().json().get("known");
        assertEquals(3, k.get("f_star").asDouble());
        assertEquals(1e-3, k.get("success_tol").asDouble());
        assertEquals(1.0, k.get("success_share").asDouble());
        assertEquals(0, k.get("minimizers_known").asInt());
        JsonNode wrong = Cli.run(line + "--f-star 4").succeeds().json().get("known");
        assertTrue(wrong.get("gap").asDouble() < -0.99, "a best member below f* shows as a negative gap");
        Cli.run(line + "--f-star nan").failsWith(Main.USAGE, "--f-star");
        Cli.run(line + "--success-tol -1").failsWith(Main.USAGE, "--success-tol -1");
    }

    /**
     * SGD on Rosenbrock with lr 1e-2 diverges everywhere, 1e-3 with momentum 0.9 half the time: --rank-by orders
     * combinations by the median (diverged members count as worst), the success share or the best member.
     */
    @Test
    void gridCombinationsAreRankedByMedianSuccessOrBest() {
        String line = "run --function rosenbrock --dim 2 --optimizer sgd --lr 1e-3,1e-2 --momentum 0,0.9 "
                + "--members 40 --steps 300 --format json -q ";
        for (String by : List.of("median", "success", "best")) {
            JsonNode grid = Cli.run(line + "--rank-by " + by).succeeds().json().get("grid");
            assertEquals(by, grid.get("rank_by").asText());
            assertEquals(0.0, grid.get("success_target").asDouble());
            List<Double> keys = new ArrayList<>();
            for (JsonNode c : grid.get("best_per_combination")) {
                assertEquals(40, c.get("members").asInt());
                double diverged = c.get("diverged").asDouble();
                assertEquals(diverged / 40, c.get("diverged_share").asDouble());
                assertEquals(c.get("successes").asDouble() / 40, c.get("success_share").asDouble());
                if (c.get("hyperparameters").get("lr").asDouble() == 1e-2) {
                    assertEquals(40, c.get("diverged").asInt(), "lr 1e-2 diverges: " + c);
                    assertTrue(c.get("median_f").isNull());
                    continue;
                }
                assertTrue(c.get("best_f").asDouble() <= c.get("worst_f").asDouble());
                keys.add(switch (by) {
                    case "median" -> c.get("median_f").isNull() ? Double.POSITIVE_INFINITY
                            : c.get("median_f").asDouble();
                    case "success" -> -c.get("success_share").asDouble();
                    default -> c.get("best_f").asDouble();
                });
            }
            assertEquals(keys.stream().sorted().toList(), keys, by + " orders the combinations");
        }
        String table = Cli.run(line.replace("--format json", "--rank-by success")).succeeds().out();
        assertTrue(table.contains("4 grid combinations, the 4 best by success share"), table);
        assertTrue(table.contains("median f"), table);
        Cli.run(line + "--rank-by mean").failsWith(Main.USAGE, "--rank-by");
    }

    @Test
    void progressAlwaysWritesLinesForALog() {
        String line = "run --function rastrigin --dim 10 --members 40000 --steps 400 --top 1 ";
        Cli.Outcome always = Cli.run(line + "--progress always").succeeds();
        assertTrue(always.err().lines().anyMatch(l -> l.startsWith("progress: ") && l.contains("member-steps")
                && !l.contains("\r")), always.err());
        assertEquals("", Cli.run(line + "--progress auto").succeeds().err(), "auto: nothing where stderr is no "
                + "terminal");
        assertEquals("", Cli.run(line + "--progress never").succeeds().err());
        Cli.run(line + "-q --progress always").failsWith(Main.USAGE, "--quiet and --progress always");
    }
}
