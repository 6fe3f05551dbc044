package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.batchopt.BackendInfo;
import org.batchopt.Backends;
import org.batchopt.Objective;
import org.batchopt.objective.BuiltIn;
import org.junit.jupiter.api.Test;

/** {@code functions}, {@code devices} and {@code bench}. */
class CommandsTest {

    @Test
    void functionsListsEveryBuiltIn() {
        String out = Cli.run("functions").succeeds().out();
        for (BuiltIn b : BuiltIn.values()) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(b.id() + " ") && l.contains(b.dimensions())),
                    b.id() + " in\n" + out);
        }
        JsonNode json = Cli.run("functions --format json").succeeds().json();
        assertEquals(BuiltIn.values().length, json.size());
        for (JsonNode f : json) {
            for (String field : List.of("name", "formula", "min_dimension", "max_dimension", "dimension", "box",
                    "minimum", "minimizers")) {
                assertTrue(f.has(field), field);
            }
        }
    }

    @Test
    void oneFunctionInFullWithEveryMinimizer() {
        Objective h = BuiltIn.HIMMELBLAU.create(2);
        String out = Cli.run("functions himmelblau").succeeds().out();
        for (double[] x : h.minimizers()) {
            assertTrue(out.contains("(" + x[0] + ", " + x[1] + ")"), Arrays.toString(x) + " in\n" + out);
        }
        JsonNode json = Cli.run("functions rosenbrock --dim 5 --format json").succeeds().json();
        assertEquals(1, json.size());
        assertEquals(5, json.get(0).get("dimension").asInt());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, Cli.doubles(json.get(0).get("minimizers").get(0)));
        assertEquals(5, json.get(0).get("box").get("lo").size());
    }

    @Test
    void devicesListsWhatBackendsReports() {
        List<BackendInfo> found = Backends.available();
        JsonNode json = Cli.run("devices --format json").succeeds().json();
        assertEquals(found.size(), json.size());
        for (int k = 0; k < found.size(); k++) {
            BackendInfo b = found.get(k);
            JsonNode d = json.get(k);
            assertEquals(b.spec(), d.get("spec").asText());
            assertEquals(b.available(), d.get("available").asBoolean());
            assertEquals(b.fp64(), d.get("fp64").asBoolean());
            assertEquals(b.description(), d.get(b.available() ? "description" : "reason").asText());
        }
        String table = Cli.run("devices").succeeds().out();
        found.forEach(b -> assertTrue(table.contains(b.description()), table));
    }

    @Test
    void benchComparesBackendsOnTheSameJob() {
        JsonNode json = Cli.run("bench --function rosenbrock --dim 3 --members 16 --steps 20 --backends cpu,cpu "
                + "--format json -q").succeeds().json();
        assertEquals("cpu", json.get("reference").asText());
        assertEquals(16, json.get("members").asInt());
        JsonNode backends = json.get("backends");
        assertEquals(2, backends.size());
        for (JsonNode b : backends) {
            assertTrue(b.get("available").asBoolean());
            assertEquals(16 * 20, b.get("member_steps").asLong());
            assertTrue(b.get("member_steps_per_second").asDouble() > 0);
            for (String field : List.of("compile", "transfer", "run", "total")) {
                assertTrue(b.get("timing").get(field).isNumber(), field);
            }
            JsonNode d = b.get("difference");
            assertEquals(0, d.get("x_ulp").asLong(), "the CPU is deterministic");
            assertEquals(0, d.get("f_ulp").asLong());
            assertEquals(0.0, d.get("x_rel").asDouble());
            assertEquals(0, d.get("status_differs").asLong());
        }
        assertEquals(1.0, backends.get(0).get("speedup").get("run").asDouble());
    }

    @Test
    void benchTableAndCsv() {
        String line = "bench --function sphere --dim 2 --members 8 --steps 5 --backends cpu -q ";
        String table = Cli.run(line).succeeds().out();
        assertTrue(table.contains("reference: cpu") && table.contains("member-steps/s"), table);
        List<String> csv = Cli.run(line + "--format csv").succeeds().out().lines().toList();
        assertEquals(2, csv.size());
        assertTrue(csv.get(0).startsWith("backend,compile_s,transfer_s,run_s,total_s,member_steps_per_s"), csv.get(0));
    }

    @Test
    void benchDefaultsToEveryAvailableBackend() {
        long available = Backends.available().stream().filter(BackendInfo::available).count();
        JsonNode json = Cli.run("bench --function sphere --dim 2 --members 4 --steps 2 --format json -q").succeeds()
                .json();
        assertEquals(available, json.get("backends").size());
    }
}
