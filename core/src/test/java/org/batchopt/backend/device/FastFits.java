package org.batchopt.backend.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.batchopt.Backend;
import org.batchopt.Batch;
import org.batchopt.Dataset;
import org.batchopt.Engine;
import org.batchopt.Grid;
import org.batchopt.MathMode;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.Synthetic;
import org.batchopt.Training;
import org.batchopt.rule.Adam;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;

/**
 * The fits that check the fast products against the CPU's strict ones, shared by {@code FastProductsTest} (POCL with
 * a host gemm) and {@code CudaBackendTest} (cuBLAS on a GPU): a full-batch linear fit over two passes of rows, a
 * minibatch logistic fit with validation rows, softmax with and without an intercept; and how close is close.
 */
public final class FastFits {
    /** Relative agreement asked of a fast fit with the strict one, per precision: a few hundred roundings apart. */
    public static final double FP64_CLOSE = 1e-10;
    public static final double FP32_CLOSE = 2e-4;

    private FastFits() {
    }

    /** One fit: what, with which rule and members, in which precision, for 30 steps. */
    public record Fit(String name, Objective objective, UpdateRule rule, Batch batch, Precision precision) {
        public Result run(Backend backend, MathMode math) {
            return Engine.on(backend).precision(precision).math(math).stopping(Stopping.maxSteps(30))
                    .run(objective, rule, batch);
        }

        public double close() {
            return precision == Precision.FP64 ? FP64_CLOSE : FP32_CLOSE;
        }

        @Override
        public String toString() {
            return name + " " + precision;
        }
    }

    private static Batch batch(Grid g, Objective f) {
        return g.batch(1, Starts.point(new double[f.dimension()]));
    }

    /** 8400 rows of 3 features (more than one 8192-row pass), 2 x 2 members, fp64. */
    public static Fit linearTwoPasses() {
        Synthetic.Data d = Synthetic.linear(21, 8400, 3, 0.2);
        Objective f = Objectives.linear(Dataset.of(d.x(), d.y()).build(), Training.fullBatch());
        Grid g = Grid.of("lr", 0.05, 0.2).and("l2", 0, 0.1);
        return new Fit("linear, two passes", f, Sgd.builder().lr(g.column("lr", 1)).l2(g.column("l2", 1)).build(),
                batch(g, f), Precision.FP64);
    }

    /** 400 training rows of 4 features in minibatches of 64, 100 validation rows, 2 members, fp32. */
    public static Fit logisticMinibatch() {
        Synthetic.Data d = Synthetic.logistic(22, 500, 4);
        Objective f = Objectives.logistic(Dataset.of(d.x(), d.y()).validation(0.2).seed(3).build(),
                Training.minibatch(64).seed(5).evaluateEvery(5));
        Grid g = Grid.of("lr", 0.01, 0.05);
        return new Fit("logistic, minibatches", f, Adam.builder().lr(g.column("lr", 1)).build(), batch(g, f),
                Precision.FP32);
    }

    /** 300 training rows of 3 features, 3 classes, 100 validation rows, 2 x 2 members, fp64. */
    public static Fit softmax(boolean intercept) {
        Synthetic.Data d = Synthetic.softmax(23, 400, 3, 3);
        Dataset data = Dataset.of(d.x(), d.y()).validation(0.25).seed(2).build();
        Objective f = Objectives.softmax(data, Training.fullBatch().intercept(intercept).evaluateEvery(10));
        Grid g = Grid.of("lr", 0.1, 0.3).and("l2", 0, 0.01);
        return new Fit("softmax" + (intercept ? "" : ", no intercept"), f, Sgd.builder().lr(g.column("lr", 1))
                .momentum(0.9).l2(g.column("l2", 1)).build(), batch(g, f), Precision.FP64);
    }

    /** Every fit above. */
    public static List<Fit> all() {
        return List.of(linearTwoPasses(), logisticMinibatch(), softmax(true), softmax(false));
    }

    /**
     * Fast agrees with strict to {@code close} relative: every coordinate (against the member's largest
     * |coordinate|, at least 1) and training loss; the same steps.
     */
    public static void assertClose(Result strict, Result fast, double close, String what) {
        for (int m = 0; m < strict.members(); m++) {
            double[] xs = strict.x(m);
            double[] xf = fast.x(m);
            double scale = 0;
            for (double v : xs) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < xs.length; i++) {
                assertEquals(xs[i], xf[i], close * Math.max(1, scale), what + " member " + m + " x" + i);
            }
            double loss = strict.models().trainLoss(m);
            assertEquals(loss, fast.models().trainLoss(m), close * Math.max(1, Math.abs(loss)),
                    what + " train loss of member " + m);
            assertEquals(strict.steps(m), fast.steps(m), what + " steps of member " + m);
        }
    }
}
