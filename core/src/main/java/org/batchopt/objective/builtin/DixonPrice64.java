package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.r;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/dixon-price.cl}. */
public final class DixonPrice64 extends ObjectiveTwin64 {
    public DixonPrice64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double u = x[0][l] - c(1);
            f[l] = u * u;
        }
        for (int i = 1; i < dim; i++) {
            final double w = r(i + 1);
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                final double t = c(2) * xi * xi - x[i - 1][l];
                f[l] = f[l] + w * t * t;
            }
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double u = x[0][l] - c(1);
            f[l] = u * u;
            g[0][l] = c(2) * u;
        }
        for (int i = 1; i < dim; i++) {
            final double w = r(i + 1);
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                final double t = c(2) * xi * xi - x[i - 1][l];
                f[l] = f[l] + w * t * t;
                g[i - 1][l] = g[i - 1][l] - c(2) * w * t;
                g[i][l] = c(8) * w * t * xi;
            }
        }
    }
}
