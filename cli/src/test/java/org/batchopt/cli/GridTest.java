package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Grid expansion: the members are the Cartesian product of every comma list times the start points, the first
 * list varying slowest, each combination tried from the same starts, and every row carries its member's
 * hyperparameters.
 */
class GridTest {

    @Test
    void productOfListsTimesStarts() {
        JsonNode json = Cli.run("run --function rosenbrock --dim 2 --optimizer sgd --lr 1e-3,1e-2,1e-1 "
                + "--momentum 0,0.9 --members 4 --steps 2 --format json --all --history 1 -q").succeeds().json();
        double[] lr = {1e-3, 1e-2, 1e-1};
        double[] momentum = {0, 0.9};
        assertEquals(3 * 2 * 4, json.get("member_count").asInt());
        JsonNode rows = json.get("members");
        assertEquals(24, rows.size());
        for (int m = 0; m < 24; m++) {
            JsonNode h = rows.get(m).get("hyperparameters");
            int c = m / 4;
            assertEquals(lr[c / 2], h.get("lr").asDouble(), "lr of member " + m);
            assertEquals(momentum[c % 2], h.get("momentum").asDouble(), "momentum of member " + m);
            assertEquals(0, h.get("dampening").asDouble());
            assertEquals(c, rows.get(m).get("combination").asInt());
            double[] start = Cli.doubles(rows.get(m).get("history").get(0));
            double[] sameStart = Cli.doubles(rows.get(m % 4).get("history").get(0));
            assertArrayEquals(sameStart, start, "member " + m + " starts where member " + m % 4 + " does");
        }
        JsonNode grid = json.get("grid");
        assertEquals(6, grid.get("combinations").asInt());
        assertEquals(4, grid.get("starts_per_combination").asInt());
        assertEquals(List.of("lr", "momentum"), Cli.fieldNames(grid.get("axes")));
        assertArrayEquals(lr, Cli.doubles(grid.get("axes").get("lr")));
        assertEquals(6, grid.get("best_per_combination").size());
    }

    @Test
    void scheduleWarmupAndRegularizationListsAreAxesToo() {
        JsonNode json = Cli.run("run --function sphere --dim 2 --members 3 --steps 5 --schedule step:2,4:0.5 "
                + "--warmup 1,2 --l2 0,0.1 --format json --all -q").succeeds().json();
        assertEquals(2 * 2 * 2 * 3, json.get("member_count").asInt());
        assertEquals(List.of("step_size", "warmup", "l2"), Cli.fieldNames(json.get("grid").get("axes")));
        JsonNode last = json.get("members").get(23).get("hyperparameters");
        assertEquals(4, last.get("step_size").asDouble());
        assertEquals(0.5, last.get("gamma").asDouble());
        assertEquals(2, last.get("warmup").asDouble());
        assertEquals(0.1, last.get("l2").asDouble());
        JsonNode first = json.get("members").get(0).get("hyperparameters");
        assertEquals(2, first.get("step_size").asDouble());
        assertEquals(1, first.get("warmup").asDouble());
        assertEquals(0, first.get("l2").asDouble());
    }

    @Test
    void singleValuesMakeNoGrid() {
        JsonNode json = Cli.run("run --function sphere --dim 2 --members 7 --steps 1 --lr 0.1 --format json -q")
                .succeeds().json();
        assertEquals(7, json.get("member_count").asInt());
        assertTrue(json.path("grid").isMissingNode());
    }

    @Test
    void topRowsOfAGridCarryTheirHyperparametersInCsvAndTable() {
        Cli.Outcome csv = Cli.run("run --function rosenbrock --dim 2 --lr 1e-3,1e-2 --members 5 --steps 3 "
                + "--format csv --top 4").succeeds();
        List<String> lines = csv.out().lines().toList();
        assertTrue(lines.get(0).startsWith("member,f,objective,grad_norm,steps,status,x0,x1,lr,beta1,beta2,eps,"
                + "weight_decay,"), lines.get(0));
        assertEquals(5, lines.size());
        for (String line : lines.subList(1, 5)) {
            int member = Integer.parseInt(line.split(",")[0]);
            String lr = line.split(",")[8];
            assertEquals(member < 5 ? 1e-3 : 1e-2, Double.parseDouble(lr), line);
        }
        Cli.Outcome table = Cli.run("run --function rosenbrock --dim 2 --lr 1e-3,1e-2 --members 5 --steps 3")
                .succeeds();
        assertTrue(table.out().lines().anyMatch(l -> l.matches("members +10 = 2 combinations x 5 starts")),
                table.out());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("rank") && l.contains(" lr ")), table.out());
        assertTrue(table.out().contains("2 grid combinations"), table.out());
    }
}
