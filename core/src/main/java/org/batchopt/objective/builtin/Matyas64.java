package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/matyas.cl}. */
public final class Matyas64 extends ObjectiveTwin64 {
    public Matyas64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            f[l] = c(0.26) * (x0 * x0 + y * y) - c(0.48) * x0 * y;
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            g[0][l] = c(0.52) * x0 - c(0.48) * y;
            g[1][l] = c(0.52) * y - c(0.48) * x0;
            f[l] = c(0.26) * (x0 * x0 + y * y) - c(0.48) * x0 * y;
        }
    }
}
