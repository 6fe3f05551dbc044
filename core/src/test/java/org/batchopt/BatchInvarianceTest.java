package org.batchopt;

import static org.batchopt.parity.ResultAssert.assertSameMember;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.batchopt.rule.Adam;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.junit.jupiter.api.Test;

/**
 * Batch invariance (README, "Batch invariance"): a member's result depends only on its own inputs. The same
 * members alone, inside a batch of 10^5 and split into blocks give bit-identical results; a diverging member
 * disturbs nobody.
 */
class BatchInvarianceTest {
    static final int MEMBERS = 100_000;
    private final Backend cpu = SharedBackends.cpu();

    static double[] spread(int n, double lo, double hi) {
        double[] v = new double[n];
        for (int m = 0; m < n; m++) {
            v[m] = lo + (hi - lo) * m / (n - 1);
        }
        return v;
    }

    @Test
    void membersAloneInABigBatchAndInBlocksAgreeBitForBit() {
        Objective f = Objectives.rosenbrock(4);
        double[] lr = spread(MEMBERS, 1e-3, 3e-2);
        UpdateRule rule = Adam.builder().lr(lr).build();
        Batch batch = Batch.builder(4).members(MEMBERS).starts(Starts.uniform(f.box(), 2024)).build();
        Engine engine = Engine.on(cpu).stopping(Stopping.maxSteps(150).gradientTolerance(1e-3));
        Result whole = engine.run(f, rule, batch);
        Result blocks = engine.maxBlockMembers(9_999).run(f, rule, batch);
        for (int m = 0; m < MEMBERS; m++) {
            assertSameMember(whole, m, blocks, m, "blocks of 9999");
        }
        for (int m : new int[] {0, 1, 777, 31_337, MEMBERS - 1}) {
            double[] start = new double[4];
            batch.startPoints(m, 1, start);
            Result alone = engine.run(f, Adam.builder().lr(lr[m]).build(),
                    Batch.builder(4).members(1).starts(Starts.point(start)).build());
            assertSameMember(whole, m, alone, 0, "member " + m + " alone");
        }
    }

    @Test
    void aDivergingMemberLeavesItsNeighboursUntouched() {
        Objective f = Objectives.rosenbrock(3);
        int n = 64;
        double[][] starts = new double[n][3];
        double[] flat = new double[n * 3];
        Batch.builder(3).members(n).starts(Starts.uniform(f.box(), 7)).build().startPoints(0, n, flat);
        for (int m = 0; m < n; m++) {
            System.arraycopy(flat, m * 3, starts[m], 0, 3);
        }
        double[] lr = spread(n, 1e-4, 1e-3);
        lr[5] = 1e6;
        Engine engine = Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(200));
        Result with = engine.run(f, Sgd.builder().lr(lr).momentum(0.9).build(),
                Batch.builder(3).members(n).starts(Starts.points(starts)).build());
        assertEquals(Status.DIVERGED, with.status(5));

        double[][] others = new double[n - 1][];
        double[] otherLr = new double[n - 1];
        for (int m = 0, k = 0; m < n; m++) {
            if (m != 5) {
                others[k] = starts[m];
                otherLr[k++] = lr[m];
            }
        }
        Result without = engine.run(f, Sgd.builder().lr(otherLr).momentum(0.9).build(),
                Batch.builder(3).members(n - 1).starts(Starts.points(others)).build());
        for (int m = 0, k = 0; m < n; m++) {
            if (m != 5) {
                assertSameMember(with, m, without, k++, "neighbour " + m);
            }
        }
    }
}
