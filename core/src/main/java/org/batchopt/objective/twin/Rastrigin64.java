package org.batchopt.objective.twin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.cos;
import static org.batchopt.kernel.Math64.r;
import static org.batchopt.kernel.Math64.sin;

import org.batchopt.backend.cpu.twin.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/rastrigin.cl}. */
public final class Rastrigin64 extends ObjectiveTwin64 {
    public Rastrigin64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        final double f0 = c(10) * r(dim);
        for (int l = 0; l < n; l++) {
            f[l] = f0;
        }
        for (int i = 0; i < dim; i++) {
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                f[l] = f[l] + (xi * xi - c(10) * cos(c(6.283185307179586) * xi));
            }
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        final double f0 = c(10) * r(dim);
        for (int l = 0; l < n; l++) {
            f[l] = f0;
        }
        for (int i = 0; i < dim; i++) {
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                final double a = c(6.283185307179586) * xi;
                f[l] = f[l] + (xi * xi - c(10) * cos(a));
                g[i][l] = c(2) * xi + c(62.83185307179586) * sin(a);
            }
        }
    }
}
