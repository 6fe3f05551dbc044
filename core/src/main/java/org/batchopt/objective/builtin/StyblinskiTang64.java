package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/styblinski-tang.cl}. */
public final class StyblinskiTang64 extends ObjectiveTwin64 {
    public StyblinskiTang64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            f[l] = 0;
        }
        for (int i = 0; i < dim; i++) {
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                final double x2 = xi * xi;
                f[l] = f[l] + (x2 * x2 - c(16) * x2 + c(5) * xi);
            }
        }
        for (int l = 0; l < n; l++) {
            f[l] = c(0.5) * f[l];
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            f[l] = 0;
        }
        for (int i = 0; i < dim; i++) {
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                final double x2 = xi * xi;
                f[l] = f[l] + (x2 * x2 - c(16) * x2 + c(5) * xi);
                g[i][l] = c(2) * x2 * xi - c(16) * xi + c(2.5);
            }
        }
        for (int l = 0; l < n; l++) {
            f[l] = c(0.5) * f[l];
        }
    }
}
