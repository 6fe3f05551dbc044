package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** --grad-tol measures the gradient of what a member minimizes, weight decay included. */
class StoppingOptionTest {

    /**
     * The case: Adam with --weight-decay 2 on (x-1)^2 used to sit at its optimum x = 0.5 for all 2000 steps.
     * From x = 3 in fp64 (fp32 stalls a few ulps off, where the gradient is still 4e-6), and at 0.5 in fp32.
     */
    @Test
    void weightDecayCountsInTheGradientTolerance() {
        JsonNode m = Cli.run("run --expr (x-1)^2 --start 3 --lr 0.01 --weight-decay 2 --grad-tol 1e-6 --steps 2000 "
                + "--precision fp64 --format json").succeeds().json().get("members").get(0);
        assertEquals("converged_gradient", m.get("status").asText(), m.toString());
        assertEquals(0.5, m.get("x").get(0).asDouble(), 1e-6, m.toString());
        assertTrue(m.get("steps").asInt() < 2000, m.toString());
        JsonNode at = Cli.run("run --expr (x-1)^2 --start 0.5 --weight-decay 2 --grad-tol 1e-6 --steps 2000 "
                + "--format json").succeeds().json().get("members").get(0);
        assertEquals("converged_gradient", at.get("status").asText(), at.toString());
        assertEquals(0, at.get("steps").asInt(), at.toString());
    }
}
