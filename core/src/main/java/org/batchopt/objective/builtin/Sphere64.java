package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/sphere.cl}. */
public final class Sphere64 extends ObjectiveTwin64 {
    public Sphere64(int dim) {
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
                f[l] = f[l] + xi * xi;
            }
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
                f[l] = f[l] + xi * xi;
                g[i][l] = c(2) * xi;
            }
        }
    }
}
