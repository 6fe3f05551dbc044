package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/goldstein-price.cl}. */
public final class GoldsteinPrice64 extends ObjectiveTwin64 {
    public GoldsteinPrice64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double p = x0 + y + c(1);
            final double q = c(19) - c(14) * x0 + c(3) * x0 * x0 - c(14) * y + c(6) * x0 * y + c(3) * y * y;
            final double u = c(2) * x0 - c(3) * y;
            final double v = c(18) - c(32) * x0 + c(12) * x0 * x0 + c(48) * y - c(36) * x0 * y + c(27) * y * y;
            f[l] = (c(1) + p * p * q) * (c(30) + u * u * v);
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double p = x0 + y + c(1);
            final double q = c(19) - c(14) * x0 + c(3) * x0 * x0 - c(14) * y + c(6) * x0 * y + c(3) * y * y;
            final double u = c(2) * x0 - c(3) * y;
            final double v = c(18) - c(32) * x0 + c(12) * x0 * x0 + c(48) * y - c(36) * x0 * y + c(27) * y * y;
            final double a = c(1) + p * p * q;
            final double b = c(30) + u * u * v;
            final double da = c(2) * p * q + p * p * (c(-14) + c(6) * x0 + c(6) * y);
            final double dbx = c(4) * u * v + u * u * (c(-32) + c(24) * x0 - c(36) * y);
            final double dby = c(-6) * u * v + u * u * (c(48) - c(36) * x0 + c(54) * y);
            g[0][l] = da * b + a * dbx;
            g[1][l] = da * b + a * dby;
            f[l] = a * b;
        }
    }
}
