package org.batchopt;

import static org.batchopt.parity.ResultAssert.assertSameMember;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.batchopt.backend.cpu.CpuBackend;
import org.batchopt.rule.Adam;
import org.batchopt.rule.AdamW;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.junit.jupiter.api.Test;

/**
 * Runs of models on a dataset: the gradient of every model, batch invariance (a grid's member equals the same
 * member run alone, bit for bit, full batch and minibatch, whatever the blocks and threads), the unpenalized
 * intercept, evaluations, learning curves and patience.
 */
class ModelRunTest {
    private final Backend cpu = SharedBackends.cpu();

    static List<Objective> everyModel(Training t) {
        Dataset lin = Synthetic.linear(1, 300, 4, 0.2).dataset();
        Dataset bin = Synthetic.logistic(2, 300, 4).dataset();
        Dataset multi = Synthetic.softmax(3, 300, 4, 3).dataset();
        return List.of(Objectives.linear(lin, t), Objectives.logistic(bin, t), Objectives.softmax(multi, t),
                Objectives.linear(lin, t.intercept(false)), Objectives.softmax(multi, t.intercept(false)));
    }

    @Test
    void everyModelsGradientMatchesCentralDifferences() {
        for (Objective f : everyModel(Training.fullBatch())) {
            Batch batch = Batch.builder(f.dimension()).members(20).starts(Starts.uniform(Box.cube(f.dimension(), -1, 1),
                    5)).build();
            double[] diff = GradientCheck.largestRelativeDifference(f, batch, 1e-6);
            for (double v : diff) {
                assertTrue(v < 1e-7, f + ": gradient differs by " + v);
            }
        }
    }

    @Test
    void theLossIsTheModelsFormula() {
        Synthetic.Data s = Synthetic.softmax(4, 50, 2, 3);
        Objective f = Objectives.softmax(s.dataset());
        double[] x = {0.1, -0.2, 0.3, 0.5, 0.4, -0.1, -0.3, 0.2, 0.05};
        double expected = 0;
        for (int r = 0; r < 50; r++) {
            double[] z = new double[3];
            for (int c = 0; c < 3; c++) {
                z[c] = x[c * 3] * s.x()[r][0] + x[c * 3 + 1] * s.x()[r][1] + x[c * 3 + 2];
            }
            double lse = Math.log(Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]));
            expected += (lse - z[(int) s.y()[r]]) / 50;
        }
        assertEquals(expected, f.value(x), 1e-14);
        Synthetic.Data b = Synthetic.logistic(4, 50, 2);
        double[] w = {0.7, -1.1, 0.2};
        double loss = 0;
        for (int r = 0; r < 50; r++) {
            double z = w[0] * b.x()[r][0] + w[1] * b.x()[r][1] + w[2];
            loss += (Math.log1p(Math.exp(z)) - b.y()[r] * z) / 50;
        }
        assertEquals(loss, Objectives.logistic(b.dataset()).value(w), 1e-14);
    }

    /** A grid of lr x l2 from zero, and member m of it alone. */
    private void gridMemberEqualsItselfAlone(Objective f, Precision p, Backend backend) {
        Grid grid = Grid.of("lr", 0.02, 0.1, 0.3).and("l2", 0, 0.01, 0.1);
        int d = f.dimension();
        Batch batch = grid.batch(1, Starts.point(new double[d]));
        UpdateRule rule = Adam.builder().lr(grid.column("lr", 1)).l2(grid.column("l2", 1)).build();
        Engine engine = Engine.on(backend).precision(p).stopping(Stopping.maxSteps(60));
        Result whole = engine.run(f, rule, batch);
        Result blocks = Engine.on(backend).precision(p).stopping(Stopping.maxSteps(60)).maxBlockMembers(4)
                .run(f, rule, batch);
        for (int m = 0; m < batch.members(); m++) {
            assertSameMember(whole, m, blocks, m, f + " " + p + " blocks of 4");
        }
        for (int m : new int[] {0, 4, 8}) {
            Result alone = engine.run(f, Adam.builder().lr(grid.value("lr", m)).l2(grid.value("l2", m)).build(),
                    Batch.builder(d).members(1).starts(Starts.point(new double[d])).build());
            assertSameMember(whole, m, alone, 0, f + " " + p + " member " + m + " alone");
            assertEquals(whole.models().trainLoss(m), alone.models().trainLoss(0), 0, "train loss");
        }
    }

    @Test
    void aGridMemberEqualsTheSameMemberRunAloneBitForBit() {
        for (Objective f : everyModel(Training.fullBatch())) {
            for (Precision p : Precision.values()) {
                gridMemberEqualsItselfAlone(f, p, cpu);
            }
        }
    }

    @Test
    void minibatchRunsAreBatchInvariantWhateverTheThreads() {
        try (Backend one = new CpuBackend(1)) {
            for (Objective f : everyModel(Training.minibatch(32).seed(9))) {
                gridMemberEqualsItselfAlone(f, Precision.FP32, cpu);
                Grid grid = Grid.of("lr", 0.02, 0.1, 0.3);
                UpdateRule rule = Sgd.builder().lr(grid.column("lr", 1)).momentum(0.9).build();
                Batch batch = grid.batch(1, Starts.point(new double[f.dimension()]));
                Result a = Engine.on(cpu).stopping(Stopping.maxSteps(40)).run(f, rule, batch);
                Result b = Engine.on(one).stopping(Stopping.maxSteps(40)).run(f, rule, batch);
                for (int m = 0; m < 3; m++) {
                    assertSameMember(a, m, b, m, f + " on one thread");
                }
            }
        }
    }

    @Test
    void minibatchesFollowTheSeedAndFullBatchesIgnoreIt() {
        Dataset d = Synthetic.linear(1, 300, 4, 0.2).dataset();
        UpdateRule rule = Sgd.builder().lr(0.05).build();
        Batch batch = Batch.builder(5).members(1).starts(Starts.point(new double[5])).build();
        Engine e = Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(30));
        double[] s1 = e.run(Objectives.linear(d, Training.minibatch(40).seed(1)), rule, batch).x(0);
        double[] s2 = e.run(Objectives.linear(d, Training.minibatch(40).seed(2)), rule, batch).x(0);
        double[] f1 = e.run(Objectives.linear(d, Training.fullBatch().seed(1)), rule, batch).x(0);
        double[] f2 = e.run(Objectives.linear(d, Training.fullBatch().seed(2)), rule, batch).x(0);
        assertArrayEquals(f1, f2);
        assertTrue(!java.util.Arrays.equals(s1, s2), "two seeds, two orders");
        double[] big = e.run(Objectives.linear(d, Training.minibatch(300)), rule, batch).x(0);
        assertArrayEquals(f1, big, 0, "a batch of every row is the full batch");
    }

    /**
     * On rows whose features are all 0 and whose target is 3, the loss leaves w alone and b = 3 is optimal: started
     * at w = (1, 0), b = 3, every penalty shrinks w_0 and none moves b.
     */
    @Test
    void theInterceptIsNeverPenalized() {
        double[][] x = new double[20][2];
        double[] y = new double[20];
        java.util.Arrays.fill(y, 3);
        Objective f = Objectives.linear(Dataset.of(x, y).build());
        Batch start = Batch.builder(3).members(1).starts(Starts.point(1, 0, 3)).build();
        for (Precision p : Precision.values()) {
            Engine e = Engine.on(cpu).precision(p).stopping(Stopping.maxSteps(50));
            for (UpdateRule rule : List.of(Sgd.builder().lr(0.01).l2(1).build(),
                    Sgd.builder().lr(0.01).momentum(0.9).l1Proximal(1).build(),
                    Sgd.builder().lr(0.01).weightDecay(1).build(),
                    Sgd.builder().lr(0.01).l1(1).decoupledWeightDecay(1).build(),
                    AdamW.builder().lr(0.01).weightDecay(1).build(),
                    Adam.builder().lr(0.01).l1Proximal(1).build())) {
                Result r = e.run(f, rule, start);
                assertEquals(3, r.x(0, 2), 0, p + " " + rule + ": b moved");
                assertTrue(r.x(0, 0) < 0.99, p + " " + rule + ": w_0 = " + r.x(0, 0) + " is not penalized");
                assertEquals(0, r.x(0, 1), 0, p + " " + rule);
            }
        }
    }

    @Test
    void theObjectiveAddsThePenaltiesOfTheCoefficientsToTheTrainingLoss() {
        Synthetic.Data s = Synthetic.linear(8, 200, 3, 0.1);
        Objective f = Objectives.linear(s.dataset());
        Result r = Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(100))
                .run(f, Sgd.builder().lr(0.01).l1(0.5).l2(0.25).build(),
                        Batch.builder(4).members(1).starts(Starts.point(new double[4])).build());
        Models m = r.models();
        double[] x = r.x(0);
        assertEquals(f.value(x), m.trainLoss(0), 0, "the training loss is the loss at the final point");
        double l1 = Math.abs(x[0]) + Math.abs(x[1]) + Math.abs(x[2]);
        double l2 = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
        assertEquals(m.trainLoss(0) + 0.5 * l1 + 0.25 / 2 * l2, m.objective(0), 1e-15);
    }

    @Test
    void evaluationsRecordLearningCurvesAndPatienceKeepsTheBestPoint() {
        Synthetic.Data s = Synthetic.logistic(21, 400, 6);
        Dataset d = Dataset.of(s.x(), s.y()).validation(0.5).seed(3).build();
        assertEquals(200, d.validationRows());
        Objective f = Objectives.logistic(d, Training.fullBatch().evaluateEvery(5).patience(3));
        Grid grid = Grid.of("lr", 0.01, 3.0);
        UpdateRule rule = Adam.builder().lr(grid.column("lr", 1)).build();
        Result r = Engine.on(cpu).precision(Precision.FP64).stopping(Stopping.maxSteps(400))
                .run(f, rule, grid.batch(1, Starts.point(new double[7])));
        Models m = r.models();
        for (int k = 0; k < 2; k++) {
            List<Models.Evaluation> h = m.history(k);
            assertEquals(0, h.get(0).step());
            assertEquals(Math.log(2), h.get(0).trainLoss(), 1e-14, "at zero every row costs log 2");
            int best = 0;
            for (int j = 0; j < h.size(); j++) {
                assertEquals(5 * j, h.get(j).step());
                if (h.get(j).validationLoss() < h.get(best).validationLoss()) {
                    best = j;
                }
            }
            if (r.status(k) == Status.STOPPED_EARLY) {
                assertEquals(best + 3, h.size() - 1, "stopped 3 evaluations after the best");
                assertEquals(r.steps(k), h.get(h.size() - 1).step());
                assertEquals(h.get(best).step(), m.reportedStep(k));
                assertEquals(h.get(best).validationLoss(), m.validationLoss(k), 0);
                assertEquals(h.get(best).trainLoss(), m.trainLoss(k), 0);
                assertEquals(f.value(r.x(k)), m.trainLoss(k), 0, "the reported point is the best one");
            }
            assertTrue(m.validationAccuracy(k) > 0.5 && m.validationAccuracy(k) <= 1, "accuracy "
                    + m.validationAccuracy(k));
        }
        assertEquals(Status.STOPPED_EARLY, r.status(1), "lr 3 overshoots and stops early");
    }

    @Test
    void modelsRefuseWhatTheyCannotFit() {
        Dataset one = Dataset.of(new double[][] {{1}, {2}, {3}}, new double[] {1, 1, 1}).build();
        assertThrows(IllegalArgumentException.class, () -> Objectives.logistic(one));
        Dataset three = Dataset.of(new double[][] {{1}, {2}, {3}}, new double[] {0, 1, 2}).build();
        assertThrows(IllegalArgumentException.class, () -> Objectives.logistic(three));
        assertEquals(List.of("0", "1", "2"), three.labels());
        assertEquals(6, Objectives.softmax(three).dimension());
        assertThrows(IllegalArgumentException.class, () -> Objectives.linear(three, Training.fullBatch()
                .evaluateEvery(1).patience(2)), "patience needs validation rows");
        Objective f = Objectives.linear(three);
        assertThrows(IllegalArgumentException.class, () -> Engine.on(cpu).centralDifferences(1e-6)
                .run(f, Sgd.builder().build(), Batch.builder(2).members(1).starts(Starts.point(0, 0)).build()));
        assertThrows(IllegalArgumentException.class, () -> Engine.on(cpu).strategy(Strategy.FUSED)
                .run(f, Sgd.builder().build(), Batch.builder(2).members(1).starts(Starts.point(0, 0)).build()));
        assertThrows(UnsupportedOperationException.class, f::maximize);
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> Engine.on(cpu)
                .run(f, Sgd.builder().build(), Batch.builder(2).members(4).starts(Starts.point(0, 0)).build(), 1, 2));
        assertTrue(range.getMessage().contains("runs as a whole batch, not as members 1 .. 2 of 4"),
                range.getMessage());
    }
}
