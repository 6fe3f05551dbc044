package org.batchopt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.batchopt.Backend;
import org.batchopt.Backends;
import org.batchopt.Result;
import org.junit.jupiter.api.Test;

/**
 * FitBench's grid is peers.py's grid: model i has lr {@code logspace(-3, 0, G)[i]} and L2
 * {@code logspace(-5, -1, G)[G-1-i]}, and its points are those of the peers' loop
 * {@code W -= lr * (X^T (sigmoid(X W) - y) / M + l2 W)} from zero (computed here in double); the CPU's check
 * against itself is identical; the deviation line of {@code --math fast} measures coefficients and losses.
 */
class FitBenchTest {

    @Test
    void gridIsThePeersGrid() {
        int models = 5;
        int rows = 300;
        int steps = 4;
        FitBench.Grid g = FitBench.Grid.of(models, rows, steps, 3);
        Result r;
        try (Backend cpu = Backends.open("cpu")) {
            r = g.run(cpu);
        }
        double[] lr = {1e-3, 0.005623413251903491, 0.03162277660168379, 0.1778279410038923, 1};
        double[] l2 = {0.1, 0.01, 1e-3, 1e-4, 1e-5};
        FitBench.Rows data = FitBench.Rows.of(rows, 3);
        int f = FitBench.FEATURES;
        for (int m = 0; m < models; m++) {
            assertEquals(lr[m], r.hyperparameters(m).get("lr"), 1e-12 * lr[m], "lr of model " + m);
            assertEquals(l2[m], r.hyperparameters(m).get("l2"), 1e-12 * l2[m], "l2 of model " + m);
            double[] w = new double[f];
            for (int s = 0; s < steps; s++) {
                double[] grad = new double[f];
                for (int i = 0; i < rows; i++) {
                    double z = 0;
                    for (int k = 0; k < f; k++) {
                        z += data.x()[i][k] * w[k];
                    }
                    double res = 1 / (1 + Math.exp(-z)) - data.y()[i];
                    for (int k = 0; k < f; k++) {
                        grad[k] += res * data.x()[i][k] / rows;
                    }
                }
                for (int k = 0; k < f; k++) {
                    w[k] -= lr[m] * (grad[k] + l2[m] * w[k]);
                }
            }
            for (int k = 0; k < f; k++) {
                assertEquals(w[k], r.x(m, k), 1e-5 * Math.max(1e-2, Math.abs(w[k])), "model " + m + " w" + k);
            }
        }
        assertTrue(FitBench.check("cpu"));
    }

    @Test
    void theDeviationLineMeasuresCoefficientsAndLosses() {
        FitBench.Grid g = FitBench.Grid.of(3, 200, 3, 5);
        FitBench.Grid other = FitBench.Grid.of(3, 200, 4, 5);
        Result a;
        Result b;
        try (Backend cpu = Backends.open("cpu")) {
            a = g.run(cpu);
            b = other.run(cpu);
        }
        FitBench.Deviation same = FitBench.Deviation.of(a, a);
        assertEquals(new FitBench.Deviation(0, 0, 0, 0), same);
        FitBench.Deviation d = FitBench.Deviation.of(a, b);
        double coef = 0;
        double loss = 0;
        for (int m = 0; m < 3; m++) {
            for (int k = 0; k < FitBench.FEATURES; k++) {
                coef = Math.max(coef, Math.abs(a.x(m, k) - b.x(m, k)));
            }
            loss = Math.max(loss, Math.abs(a.f(m) - b.f(m)));
        }
        assertTrue(coef > 0 && loss > 0);
        assertEquals(coef, d.maxAbsCoef());
        assertEquals(loss, d.maxAbsLoss());
        assertTrue(d.maxRelCoef() >= d.maxAbsCoef(), "coefficients below 1: the relative difference is larger");
        String line = FitBench.deviation(g, a, b, org.batchopt.MathMode.FAST);
        assertTrue(line.startsWith("{\"runner\":\"batchopt\",\"workload\":\"fit-grid-deviation\""), line);
        assertTrue(line.contains("\"math\":\"fast\""), line);
        assertTrue(line.contains("\"max_abs_coef_diff\":") && line.contains("\"fast_kernel_s\":"), line);
    }
}
