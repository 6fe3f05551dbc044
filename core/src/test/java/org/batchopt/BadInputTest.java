package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.batchopt.rule.Adam;
import org.batchopt.rule.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Caller mistakes are IllegalArgumentExceptions whose message names the offending value. */
class BadInputTest {

    static void rejects(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should name " + expected);
    }

    @Test
    void startOfTheWrongLength() {
        rejects("start has 3 values, dimension is 4",
                () -> Batch.builder(4).members(10).starts(Starts.point(1, 2, 3)).build());
        rejects("3 start points given for 5 members", () -> Batch.builder(2).members(5)
                .starts(Starts.points(new double[][] {{1, 2}, {3, 4}, {5, 6}})).build());
    }

    @Test
    void negativeOrNanLearningRate() {
        rejects("lr = -0.1", () -> Adam.builder().lr(-0.1).build());
        rejects("lr = NaN", () -> Sgd.builder().lr(Double.NaN).build());
        rejects("lr = -1.0 (member 2)", () -> Adam.builder().lr(new double[] {0.1, 0.2, -1}).build());
    }

    /** An expression has a box only when given one; asking a boxless one is a clear error, not a null. */
    @Test
    void anExpressionWithoutABoxSaysSoAndOneWithABoxSamplesIt() {
        Objective bare = Objectives.expression("x^2 + y^2", 2);
        assertFalse(bare.hasBox());
        IllegalStateException e = assertThrows(IllegalStateException.class, bare::box);
        assertTrue(e.getMessage().contains("x^2 + y^2 has no search box"), e.getMessage());
        Objective boxed = Objectives.expression("x^2 + y^2", Box.cube(2, -2, 2));
        assertEquals(2, boxed.dimension());
        assertTrue(boxed.hasBox());
        double[] starts = new double[2 * 8];
        Batch.builder(2).members(8).starts(Starts.sobol(boxed.box(), 1)).build().startPoints(0, 8, starts);
        for (double v : starts) {
            assertTrue(v >= -2 && v <= 2, "in the box: " + v);
        }
        assertTrue(boxed.maximize().hasBox(), "maximizing keeps the box");
        rejects("x3", () -> Objectives.expression("x1 + x3", Box.cube(2, 0, 1)));
    }

    @Test
    void zeroMembers() {
        rejects("members 0", () -> Batch.builder(2).members(0));
    }

    @Test
    void unknownObjective() {
        rejects("unknown objective 'rosenbrok'", () -> Objectives.byName("rosenbrok", 3));
    }

    @Test
    void boxWithLoAboveHi() {
        rejects("lo 2.0 > hi 1.0", () -> Box.cube(2, 2, 1));
    }

    @Test
    void dimensionBelowTheFunctionsMinimum() {
        rejects("dimension 1 is not allowed for rosenbrock", () -> Objectives.byName("rosenbrock", 1));
        rejects("dimension 3 is not allowed for himmelblau", () -> Objectives.byName("himmelblau", 3));
    }

    @Test
    void perMemberValuesThatDoNotMatchTheBatch() {
        Objective f = Objectives.sphere(2);
        Batch batch = Batch.builder(2).members(4).starts(Starts.point(1, 1)).build();
        try (Backend cpu = Backends.open("cpu")) {
            rejects("lr has 3 per-member values, batch has 4 members",
                    () -> Engine.on(cpu).run(f, Adam.builder().lr(new double[] {0.1, 0.2, 0.3}).build(), batch));
            rejects("batch has dimension 2, objective rosenbrock has 3",
                    () -> Engine.on(cpu).run(Objectives.rosenbrock(3), Adam.builder().build(), batch));
        }
    }

    @Test
    void unknownBackend() {
        rejects("unknown backend 'gpu'", () -> Backends.open("gpu"));
    }
}
