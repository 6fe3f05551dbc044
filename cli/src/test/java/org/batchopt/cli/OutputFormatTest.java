package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.batchopt.Status;
import org.junit.jupiter.api.Test;

/** The JSON fields, the table and CSV, --top and --all, and minima. */
class OutputFormatTest {
    private static final String HIMMELBLAU = "run --function himmelblau --members 64 --steps 300 --lr 0.05 -q ";

    @Test
    void jsonHasEveryDocumentedField() {
        JsonNode json = Cli.run(HIMMELBLAU + "--format json --minima --history 100 --top 3").succeeds().json();
        for (String field : List.of("backend", "device", "precision", "dimension", "function", "members", "best",
                "minima", "timing", "member_count", "status_counts", "starts", "stopping", "optimizer", "schedule")) {
            assertTrue(json.has(field), field);
        }
        assertEquals("himmelblau", json.get("function").asText());
        assertEquals(2, json.get("dimension").asInt());
        assertEquals(64, json.get("member_count").asInt());
        JsonNode members = json.get("members");
        assertEquals(3, members.size());
        for (JsonNode row : members) {
            for (String field : List.of("index", "x", "f", "grad_norm", "steps", "status", "hyperparameters",
                    "history")) {
                assertTrue(row.has(field), field);
            }
            assertEquals(2, row.get("x").size());
            assertEquals(4, row.get("history").size(), "steps 0, 100, 200, 300");
            assertEquals(0.05, row.get("hyperparameters").get("lr").asDouble());
        }
        assertEquals(members.get(0), json.get("best"));
        double f0 = members.get(0).get("f").asDouble();
        assertTrue(f0 <= members.get(1).get("f").asDouble() && f0 <= members.get(2).get("f").asDouble());
        JsonNode minima = json.get("minima");
        assertTrue(minima.size() >= 1 && minima.size() <= 3);
        for (JsonNode mn : minima) {
            for (String field : List.of("x", "f", "count", "members")) {
                assertTrue(mn.has(field), field);
            }
            assertTrue(mn.get("members").size() <= Math.min(3, mn.get("count").asInt()));
        }
        for (String field : List.of("compile", "transfer", "run", "total")) {
            assertTrue(json.get("timing").get(field).isNumber(), field);
        }
        long counted = 0;
        for (Status s : List.of(Status.CONVERGED_GRADIENT, Status.CONVERGED_VALUE, Status.MAX_STEPS,
                Status.DIVERGED)) {
            counted += json.get("status_counts").get(s.name().toLowerCase()).asLong();
        }
        assertEquals(64, counted);
    }

    @Test
    void minimaAndHistoryOnlyWhenAsked() {
        JsonNode json = Cli.run(HIMMELBLAU + "--format json").succeeds().json();
        assertFalse(json.has("minima"));
        assertFalse(json.get("members").get(0).has("history"));
        assertEquals(RunCommand.DEFAULT_TOP, json.get("members").size(), "default --top");
    }

    @Test
    void allListsEveryMemberInIndexOrder() {
        JsonNode json = Cli.run(HIMMELBLAU + "--format json --all").succeeds().json();
        assertEquals(64, json.get("members").size());
        for (int m = 0; m < 64; m++) {
            assertEquals(m, json.get("members").get(m).get("index").asInt());
        }
    }

    @Test
    void tableShowsSummaryAndTopRows() {
        Cli.Outcome r = Cli.run(HIMMELBLAU + "--top 5 --minima").succeeds();
        for (String label : List.of("function", "members", "starts", "rule", "hyperparameters", "stopping",
                "backend", "precision", "status", "best f", "timing")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(label + " ")), label + " in\n" + r.out());
        }
        assertTrue(r.out().contains("5 best of 64 members:"), r.out());
        assertTrue(r.out().contains("distinct minima"), r.out());
        assertEquals("", r.err(), "no progress line when stderr is not a terminal");
    }

    @Test
    void csvHasAHeaderAndTopRows() {
        Cli.Outcome r = Cli.run(HIMMELBLAU + "--format csv --top 7").succeeds();
        List<String> lines = r.out().lines().toList();
        assertEquals(8, lines.size());
        assertEquals("member,f,objective,grad_norm,steps,status,x0,x1,lr,beta1,beta2,eps,weight_decay,function,"
                + "maximize,optimizer,amsgrad,schedule,gradient,precision,max_steps,grad_tol,f_tol,starts,backend",
                lines.get(0));
        Cli.Outcome minima = Cli.run(HIMMELBLAU + "--format csv --minima --all").succeeds();
        assertTrue(minima.out().startsWith("rank,f,objective,members,best_member,share,mean_steps,x0,x1,lr,"), minima.out());
    }

    @Test
    void defaultsKeepBigBatchesShort() {
        Cli.Outcome r = Cli.run("run --function sphere --dim 2 --members 20000 --steps 1 -q").succeeds();
        assertTrue(r.out().lines().count() < 40, r.out());
    }

    @Test
    void divergedMembersAreDataNotErrors() {
        String diverging = "run --function sphere --dim 2 --start 1,1 --steps 5 --optimizer sgd --lr 1e20 ";
        Cli.Outcome table = Cli.run(diverging).succeeds();
        assertTrue(table.out().contains("diverged 1"), table.out());
        assertTrue(table.out().contains("none: every member diverged"), table.out());
        JsonNode json = Cli.run(diverging + "--format json --all").succeeds().json();
        assertTrue(json.get("best").isNull());
        assertEquals("diverged", json.get("members").get(0).get("status").asText());
        assertTrue(json.get("members").get(0).get("f").isNull(), "non-finite f is null in JSON");
    }
}
