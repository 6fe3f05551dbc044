package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/booth.cl}. */
public final class Booth64 extends ObjectiveTwin64 {
    public Booth64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double a = x0 + c(2) * y - c(7);
            final double b = c(2) * x0 + y - c(5);
            f[l] = a * a + b * b;
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double a = x0 + c(2) * y - c(7);
            final double b = c(2) * x0 + y - c(5);
            g[0][l] = c(2) * a + c(4) * b;
            g[1][l] = c(4) * a + c(2) * b;
            f[l] = a * a + b * b;
        }
    }
}
