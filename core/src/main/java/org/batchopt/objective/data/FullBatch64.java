package org.batchopt.objective.data;

import java.util.function.IntFunction;
import org.batchopt.kernel.DataTwin64;
import org.batchopt.kernel.ObjectiveTwin64;

/**
 * A model's loss over every training row as a plain objective twin ({@code Objective.value} and {@code gradient}):
 * the batched twin's full-batch evaluation, so that it gives the bits a run's first step sees.
 */
final class FullBatch64 extends ObjectiveTwin64 {
    private final IntFunction<DataTwin64> twins;
    private final int rows;
    private DataTwin64 twin;
    private double[] correct = new double[0];

    FullBatch64(IntFunction<DataTwin64> twins, int dimension, int rows) {
        super(dimension);
        this.twins = twins;
        this.rows = rows;
    }

    private DataTwin64 twin(int n) {
        if (twin == null || twin.lanes() < n) {
            twin = twins.apply(n);
            correct = new double[n];
        }
        return twin;
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        twin(n).evaluate(x, n, false, f, correct);
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        twin(n).valueGradient(x, g, f, n, null, 0, rows);
    }
}
