package org.batchopt.objective.twin;

import static org.batchopt.backend.cpu.twin.Math64.c;

import org.batchopt.backend.cpu.twin.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/rosenbrock.cl}. */
public final class Rosenbrock64 extends ObjectiveTwin64 {
    public Rosenbrock64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[] x, double[] f, int n, int stride) {
        for (int l = 0; l < n; l++) {
            f[l] = 0;
        }
        for (int i = 0; i < dim - 1; i++) {
            final int o = i * stride;
            final int p = o + stride;
            for (int l = 0; l < n; l++) {
                final double xi = x[o + l];
                final double t = x[p + l] - xi * xi;
                final double u = c(1) - xi;
                f[l] = f[l] + c(100) * t * t + u * u;
            }
        }
    }

    @Override
    public void valueGradient(double[] x, double[] g, double[] f, int n, int stride) {
        for (int k = 0; k < dim * stride; k++) {
            g[k] = 0;
        }
        for (int l = 0; l < n; l++) {
            f[l] = 0;
        }
        for (int i = 0; i < dim - 1; i++) {
            final int o = i * stride;
            final int p = o + stride;
            for (int l = 0; l < n; l++) {
                final double xi = x[o + l];
                final double t = x[p + l] - xi * xi;
                final double u = c(1) - xi;
                f[l] = f[l] + c(100) * t * t + u * u;
                g[o + l] = g[o + l] + (c(-400) * xi * t - c(2) * u);
                g[p + l] = g[p + l] + c(200) * t;
            }
        }
    }
}
