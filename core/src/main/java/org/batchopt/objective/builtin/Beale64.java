package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/beale.cl}. */
public final class Beale64 extends ObjectiveTwin64 {
    public Beale64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double y2 = y * y;
            final double y3 = y2 * y;
            final double a = c(1.5) - x0 + x0 * y;
            final double b = c(2.25) - x0 + x0 * y2;
            final double d = c(2.625) - x0 + x0 * y3;
            f[l] = a * a + b * b + d * d;
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double y2 = y * y;
            final double y3 = y2 * y;
            final double a = c(1.5) - x0 + x0 * y;
            final double b = c(2.25) - x0 + x0 * y2;
            final double d = c(2.625) - x0 + x0 * y3;
            g[0][l] = c(2) * a * (y - c(1)) + c(2) * b * (y2 - c(1)) + c(2) * d * (y3 - c(1));
            g[1][l] = c(2) * a * x0 + c(4) * b * x0 * y + c(6) * d * x0 * y2;
            f[l] = a * a + b * b + d * d;
        }
    }
}
