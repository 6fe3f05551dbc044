package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/six-hump-camel.cl}. */
public final class SixHumpCamel64 extends ObjectiveTwin64 {
    public SixHumpCamel64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double a = x0 * x0;
            final double b = y * y;
            f[l] = (c(4) - c(2.1) * a + a * a / c(3)) * a + x0 * y + (c(-4) + c(4) * b) * b;
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double a = x0 * x0;
            final double b = y * y;
            g[0][l] = (c(8) - c(8.4) * a + c(2) * a * a) * x0 + y;
            g[1][l] = x0 + (c(-8) + c(16) * b) * y;
            f[l] = (c(4) - c(2.1) * a + a * a / c(3)) * a + x0 * y + (c(-4) + c(4) * b) * b;
        }
    }
}
