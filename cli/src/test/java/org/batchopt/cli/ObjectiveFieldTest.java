package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format shows f and the objective (f with the penalties), and ranks by the objective: (x-1)^2 from x = 1
 * (f 0, objective 1 with --l1 1) and x = 0.2 (f 0.64, objective 0.84), no steps taken.
 */
class ObjectiveFieldTest {

    private static String job(Path dir, String format) throws Exception {
        Path starts = dir.resolve("starts.csv");
        Files.writeString(starts, "x1\n1\n0.2\n");
        return "run --expr (x-1)^2 --starts " + starts + " --optimizer sgd --lr 0 --l1 1 --steps 0 --precision fp64 "
                + "--minima --format " + format;
    }

    @Test
    void jsonHasBothAndRanksByTheObjective(@TempDir Path dir) throws Exception {
        JsonNode json = Cli.run(job(dir, "json")).succeeds().json();
        JsonNode first = json.get("members").get(0);
        assertEquals(1, first.get("index").asInt(), first.toString());
        assertEquals(0.64, first.get("f").asDouble(), 1e-15);
        assertEquals(0.84, first.get("objective").asDouble(), 1e-15);
        assertEquals(1, json.get("best").get("index").asInt());
        assertEquals(0.84, json.get("minima").get(0).get("objective").asDouble(), 1e-15);
        assertEquals(0.64, json.get("minima").get(0).get("f").asDouble(), 1e-15);
    }

    @Test
    void csvAndTableHaveBoth(@TempDir Path dir) throws Exception {
        String csv = Cli.run(job(dir, "csv").replace("--minima ", "")).succeeds().out();
        assertTrue(csv.startsWith("member,f,objective,grad_norm,steps,status,x0,"), csv);
        String[] first = csv.lines().skip(1).findFirst().orElse("").split(",");
        assertEquals("1", first[0], csv);
        assertEquals(0.64, Double.parseDouble(first[1]), 1e-15, csv);
        assertEquals(0.84, Double.parseDouble(first[2]), 1e-15, csv);
        String table = Cli.run(job(dir, "table")).succeeds().out();
        assertTrue(table.contains("best objective") && table.contains("0.84 (f 0.64 plus the penalties) at member 1"),
                table);
        assertTrue(table.lines().anyMatch(l -> l.contains("objective") && l.contains("grad_norm")), table);
    }
}
