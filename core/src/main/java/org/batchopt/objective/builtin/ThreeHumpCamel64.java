package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/three-hump-camel.cl}. */
public final class ThreeHumpCamel64 extends ObjectiveTwin64 {
    public ThreeHumpCamel64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double a = x0 * x0;
            f[l] = c(2) * a - c(1.05) * a * a + a * a * a / c(6) + x0 * y + y * y;
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double a = x0 * x0;
            g[0][l] = c(4) * x0 - c(4.2) * a * x0 + a * a * x0 + y;
            g[1][l] = x0 + c(2) * y;
            f[l] = c(2) * a - c(1.05) * a * a + a * a * a / c(6) + x0 * y + y * y;
        }
    }
}
