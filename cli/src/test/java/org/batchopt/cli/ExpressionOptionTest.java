package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code --expr}: an objective from a formula, its dimension from the highest variable it names. */
class ExpressionOptionTest {

    @Test
    void aFormulaRunsWithTheDimensionItNames() {
        JsonNode json = Cli.run("run", "--expr", "-(x-2)^2 - (y-1)^2 + 10", "--maximize", "--box", "-5:5",
                "--members", "16", "--steps", "3000", "--lr", "0.05", "--precision", "fp64", "--format", "json",
                "--top", "1").succeeds().json();
        assertEquals(2, json.get("dimension").asInt());
        JsonNode best = json.get("best");
        assertEquals(10, best.get("f").asDouble(), 1e-9);
        assertEquals(2, best.get("x").get(0).asDouble(), 1e-6);
        assertEquals(1, best.get("x").get(1).asDouble(), 1e-6);
    }
}
