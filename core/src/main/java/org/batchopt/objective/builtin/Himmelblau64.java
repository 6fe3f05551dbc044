package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/himmelblau.cl}. */
public final class Himmelblau64 extends ObjectiveTwin64 {
    public Himmelblau64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double a = x0 * x0 + y - c(11);
            final double b = x0 + y * y - c(7);
            f[l] = a * a + b * b;
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double a = x0 * x0 + y - c(11);
            final double b = x0 + y * y - c(7);
            g[0][l] = c(4) * x0 * a + c(2) * b;
            g[1][l] = c(2) * a + c(4) * y * b;
            f[l] = a * a + b * b;
        }
    }
}
