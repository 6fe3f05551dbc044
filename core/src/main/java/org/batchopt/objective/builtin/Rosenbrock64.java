package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/rosenbrock.cl}. */
public final class Rosenbrock64 extends ObjectiveTwin64 {
    public Rosenbrock64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            f[l] = 0;
        }
        for (int i = 0; i < dim - 1; i++) {
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                final double t = x[i + 1][l] - xi * xi;
                final double u = c(1) - xi;
                f[l] = f[l] + c(100) * t * t + u * u;
            }
        }
    }

    /**
     * The kernel's G(i) is {@code (0 + 200 t_(i-1)) + (-400 x_i t_i - 2 u_i)}, built up over two iterations of
     * its loop; here each coordinate's gradient is written by one lane loop (so that it vectorizes), with the
     * same operations on the same values: the term of coordinate i-1 is recomputed, not read back.
     */
    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            f[l] = 0;
        }
        for (int i = 0; i < dim; i++) {
            if (i == 0) {
                for (int l = 0; l < n; l++) {
                    g[i][l] = 0;
                }
            } else {
                for (int l = 0; l < n; l++) {
                    final double xq = x[i - 1][l];
                    g[i][l] = 0 + c(200) * (x[i][l] - xq * xq);
                }
            }
            if (i < dim - 1) {
                for (int l = 0; l < n; l++) {
                    final double xi = x[i][l];
                    final double t = x[i + 1][l] - xi * xi;
                    final double u = c(1) - xi;
                    f[l] = f[l] + c(100) * t * t + u * u;
                    g[i][l] = g[i][l] + (c(-400) * xi * t - c(2) * u);
                }
            }
        }
    }
}
