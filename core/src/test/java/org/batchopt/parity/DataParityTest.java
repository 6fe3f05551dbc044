package org.batchopt.parity;

import static org.batchopt.parity.Identical.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.batchopt.Backend;
import org.batchopt.Batch;
import org.batchopt.Box;
import org.batchopt.Dataset;
import org.batchopt.Engine;
import org.batchopt.Grid;
import org.batchopt.Models;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Status;
import org.batchopt.Stopping;
import org.batchopt.Synthetic;
import org.batchopt.TestAccess;
import org.batchopt.Training;
import org.batchopt.backend.device.DeviceBackend;
import org.batchopt.kernel.DataObjectiveSource;
import org.batchopt.kernel.KernelModel;
import org.batchopt.rule.Adagrad;
import org.batchopt.rule.Adam;
import org.batchopt.rule.AdamW;
import org.batchopt.rule.NAdam;
import org.batchopt.rule.RmsProp;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedules;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Models fitted to a dataset on every device against the CPU, bit for bit: every model (linear, logistic, softmax,
 * with and without an intercept) in both precisions, full batch and minibatch (the row order of RowOrder, the last
 * batch of an epoch short), with validation rows, evaluations, patience and history, a grid of members with their
 * own learning rates and L1/L2 (sign and proximal), and a rule with its own switches and schedule per model. Compared:
 * x, f, the gradient norm, status and steps of every member, and its training loss, objective, validation loss and
 * accuracy, reported step and learning curve. The datasets are generated here with fixed seeds; more rows than one
 * chunk of a sum (and, once, than one pass of the device kernels), more features than one tile.
 */
class DataParityTest {

    /** One fit, run on the CPU and on a device. */
    record Case(String name, Objective objective, UpdateRule rule, Precision precision, Batch batch, int steps,
                double gradientTolerance, int history) {

        Result run(Backend backend) {
            return Engine.on(backend).precision(precision).history(history)
                    .stopping(Stopping.maxSteps(steps).gradientTolerance(gradientTolerance))
                    .run(objective, rule, batch);
        }

        @Override
        public String toString() {
            return name + " " + precision;
        }
    }

    /** A grid of learning rates and a penalty, two starts per combination (zero and a point in a box). */
    private static Grid grid(double lr, String penalty, double v) {
        return Grid.of("lr", lr, 3 * lr).and(penalty, 0, v);
    }

    static List<Case> cases() {
        Dataset linear = Dataset.of(Synthetic.linear(11, 700, 18, 0.3).x(), Synthetic.linear(11, 700, 18, 0.3).y())
                .validation(0.25).seed(4).build();
        Synthetic.Data bin = Synthetic.logistic(12, 650, 5);
        Dataset logistic = Dataset.of(bin.x(), bin.y()).validation(0.3).seed(5).build();
        Synthetic.Data multi = Synthetic.softmax(13, 600, 4, 3);
        Dataset softmax = Dataset.of(multi.x(), multi.y()).validation(0.2).seed(6).build();
        List<Case> cases = new ArrayList<>();
        for (Precision p : Precision.values()) {
            boolean fp64 = p == Precision.FP64;
            for (boolean mini : new boolean[] {false, true}) {
                Training linT = mini ? Training.minibatch(300).seed(7).evaluateEvery(4) : Training.fullBatch()
                        .evaluateEvery(5).patience(2);
                Training logT = mini ? Training.minibatch(96).seed(8).evaluateEvery(3).patience(3)
                        : Training.fullBatch().evaluateEvery(4);
                Training smT = mini ? Training.minibatch(257).seed(9).evaluateEvery(5) : Training.fullBatch()
                        .evaluateEvery(2).patience(4);
                String how = mini ? "minibatch" : "full batch";

                Objective lin = Objectives.linear(linear, linT);
                Grid g = grid(0.01, "l2", 0.1);
                UpdateRule rule = fp64
                        ? Adam.builder().lr(g.column("lr", 2)).l2(g.column("l2", 2)).amsgrad(true)
                                .schedule(Schedules.cosine(40, 1e-4)).build()
                        : Sgd.builder().lr(g.column("lr", 2)).momentum(0.9).nesterov(true).l2(g.column("l2", 2))
                                .schedule(Schedules.step(7, 0.5)).build();
                cases.add(new Case("linear " + how + (fp64 ? ", adam amsgrad l2 cosine" : ", sgd nesterov l2 step"),
                        lin, rule, p, batch(g, lin), 40, 0, 10));

                Objective log = Objectives.logistic(logistic, logT);
                g = grid(0.05, "l1", 0.02);
                rule = fp64
                        ? Sgd.builder().lr(g.column("lr", 2)).momentum(0.5).l1(g.column("l1", 2), true).build()
                        : RmsProp.builder().lr(g.column("lr", 2)).centered(true).l1(g.column("l1", 2), false)
                                .schedule(Schedules.warmup(5, Schedules.exponential(0.97))).build();
                cases.add(new Case("logistic " + how + (fp64 ? ", sgd momentum l1 proximal" : ", rmsprop centered l1 "
                        + "warmup"), log, rule, p, batch(g, log), 50, 5e-3, 0));

                Objective sm = Objectives.softmax(softmax, mini ? smT.intercept(false) : smT);
                g = grid(0.05, "l2", 0.05);
                rule = fp64
                        ? AdamW.builder().lr(g.column("lr", 2)).weightDecay(0.02).l1Proximal(0.01)
                                .l2(g.column("l2", 2)).build()
                        : NAdam.builder().lr(g.column("lr", 2)).weightDecay(g.column("l2", 2))
                                .decoupledWeightDecay(0.01).build();
                cases.add(new Case("softmax " + how + (mini ? ", no intercept" : "") + (fp64 ? ", adamw l1 proximal l2"
                        : ", nadam decoupled weight decay"), sm, rule, p,
                        batch(g, sm), 45, 0, 9));
            }
        }
        // More training rows than one pass of the device kernels (DeviceLayout.PASS_ROWS).
        Synthetic.Data big = Synthetic.linear(14, 8600, 3, 0.5);
        Objective many = Objectives.linear(Dataset.of(big.x(), big.y()).build(), Training.fullBatch());
        Grid g = Grid.of("lr", 0.02, 0.2);
        UpdateRule rule = Adagrad.builder().lr(g.column("lr", 1)).l2(0.01).build();
        for (Precision p : Precision.values()) {
            cases.add(new Case("linear over 8600 rows, adagrad l2", many, rule, p,
                    g.batch(1, Starts.point(new double[4])), 8, 0, 0));
        }
        return cases;
    }

    /** The grid's combinations twice: from zero and from a point in [-0.5, 0.5]^d. */
    private static Batch batch(Grid g, Objective f) {
        int d = f.dimension();
        return g.batch(2, Starts.uniform(Box.cube(d, -0.5, 0.5), 3));
    }

    static Stream<Arguments> devicesAndCases() {
        return ParityTest.perDevice(cases());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("devicesAndCases")
    void everyDeviceFitsTheModelsAsTheCpuDoes(String spec, Case c) {
        Backend device = ParityTest.device(spec);
        Result cpu = c.run(DevicesUnderTest.open("cpu"));
        Result dev = c.run(device);
        assertSameFits(cpu, dev, spec + " " + c);
    }

    /** Blocks of members (another member stride and other tiles) and short launches leave every bit alone. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("devicesAndOneCase")
    void blocksAndLaunchesDoNotMatter(String spec, Case c) {
        Backend device = ParityTest.device(spec);
        Result cpu = c.run(DevicesUnderTest.open("cpu"));
        for (int block : new int[] {5, 3}) {
            Result dev = Engine.on(device).precision(c.precision()).history(c.history()).maxBlockMembers(block)
                    .stepsPerLaunch(block - 1).stopping(Stopping.maxSteps(c.steps())
                            .gradientTolerance(c.gradientTolerance())).run(c.objective(), c.rule(), c.batch());
            assertSameFits(cpu, dev, spec + " " + c + " in blocks of " + block);
        }
    }

    static Stream<Arguments> devicesAndOneCase() {
        return ParityTest.perDevice(cases().stream().filter(c -> c.name().startsWith("logistic minibatch")
                && c.precision() == Precision.FP32).toList());
    }

    private static void assertSameFits(Result cpu, Result dev, String what) {
        assertIdentical(cpu, dev, what);
        Models a = cpu.models();
        Models b = dev.models();
        for (int m = 0; m < cpu.members(); m++) {
            String member = what + ", member " + m + ": ";
            same(member + "train loss", a.trainLoss(m), b.trainLoss(m));
            same(member + "objective", a.objective(m), b.objective(m));
            same(member + "validation loss", a.validationLoss(m), b.validationLoss(m));
            if (a.outputs() > 1 || !a.model().equals("linear")) {
                same(member + "validation accuracy", a.validationAccuracy(m), b.validationAccuracy(m));
            }
            assertEquals(a.reportedStep(m), b.reportedStep(m), member + "reported step");
            List<Models.Evaluation> ha = a.history(m);
            List<Models.Evaluation> hb = b.history(m);
            assertEquals(ha, hb, member + "learning curve");
            for (int k = 0; k < cpu.historySize(); k++) {
                double[] xa = cpu.history(m, k);
                double[] xb = dev.history(m, k);
                for (int i = 0; xa != null && i < xa.length; i++) {
                    same(member + "history " + k + " x[" + i + "]", xa[i], xb[i]);
                }
            }
        }
    }

    /**
     * The matrix exercises what it says: every model in both precisions, full batch and minibatch, with and without
     * an intercept; early stops by patience and by the gradient, and learning curves. Runs without a device.
     */
    @Test
    void theCasesCoverEveryModelAndStopEarly() {
        java.util.Set<String> covered = new java.util.HashSet<>();
        for (Case c : cases()) {
            DataObjectiveSource d = (DataObjectiveSource) TestAccess.source(c.objective());
            covered.add(d.model() + " " + c.precision() + (d.batchSize() > 0 ? " minibatch" : " full batch"));
            covered.add(d.model() + (d.intercept() ? " intercept" : " no intercept"));
        }
        for (KernelModel m : KernelModel.values()) {
            for (Precision p : Precision.values()) {
                assertTrue(covered.contains(m + " " + p + " full batch"), m + " " + p + " full batch");
                assertTrue(covered.contains(m + " " + p + " minibatch"), m + " " + p + " minibatch");
            }
        }
        assertTrue(covered.contains(KernelModel.SOFTMAX + " no intercept"), "a model without an intercept");
        boolean patience = false;
        boolean gradient = false;
        List<Double> norms = new ArrayList<>();
        for (Case c : cases()) {
            Result r = c.run(DevicesUnderTest.open("cpu"));
            for (int m = 0; m < r.members(); m++) {
                patience |= r.status(m) == Status.STOPPED_EARLY;
                gradient |= r.status(m) == Status.CONVERGED_GRADIENT;
                norms.add(r.gradientNorm(m));
                assertTrue(r.models().evaluateEvery() == 0 || r.models().history(m).size() > 1, c.toString());
            }
        }
        assertTrue(patience, "no member stopped by patience");
        assertTrue(gradient, "no member converged by the gradient: " + norms);
    }

    /** A second grid over the same dataset on a device reads the copy uploaded by the first. */
    @Test
    void aSecondGridOverTheSameDataReusesItsUpload() {
        Assumptions.assumeTrue(DevicesUnderTest.reason() == null, DevicesUnderTest.reason());
        Synthetic.Data s = Synthetic.logistic(15, 300, 3);
        Objective f = Objectives.logistic(Dataset.of(s.x(), s.y()).validation(0.2).build());
        Batch batch = Batch.builder(f.dimension()).members(3).starts(Starts.point(new double[f.dimension()])).build();
        for (String spec : DevicesUnderTest.specs()) {
            Backend device = DevicesUnderTest.open(spec);
            DeviceBackend backend = (DeviceBackend) device;
            Engine e = Engine.on(device).precision(Precision.FP64).stopping(Stopping.maxSteps(5));
            e.run(f, Sgd.builder().lr(0.1).build(), batch);
            long after = backend.datasetUploads();
            e.run(f, Adam.builder().lr(0.1).build(), batch);
            e.precision(Precision.FP32).run(f, Adam.builder().lr(0.1).build(), batch);
            assertEquals(after + 2, backend.datasetUploads(), spec + ": the second run uploaded again, or the fp32 "
                    + "run did not upload its own copy (training and validation rows)");
        }
    }

    private static void same(String what, double a, double b) {
        if (Double.doubleToLongBits(a) != Double.doubleToLongBits(b)) {
            fail(what + " differs: " + a + " vs " + b);
        }
    }
}
