package org.batchopt.objective.twin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.cos;
import static org.batchopt.kernel.Math64.r;
import static org.batchopt.kernel.Math64.sin;
import static org.batchopt.kernel.Math64.sqrt;

import org.batchopt.backend.cpu.twin.ObjectiveTwin64;

/**
 * Twin of {@code kernels/objectives/griewank.cl}. Keeps per-lane scratch for the kernel's products, so an
 * instance serves one thread at a time (the CPU backend makes one per tile).
 */
public final class Griewank64 extends ObjectiveTwin64 {
    private double[] p = new double[0];
    private double[] q = new double[0];

    public Griewank64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        start(f, n);
        for (int i = 0; i < dim; i++) {
            final double w = sqrt(r(i + 1));
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                f[l] = f[l] + xi * xi;
                p[l] = p[l] * cos(xi / w);
            }
        }
        finish(f, n);
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        start(f, n);
        if (q.length < n) {
            q = new double[n];
        }
        for (int i = 0; i < dim; i++) {
            final double w = sqrt(r(i + 1));
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                f[l] = f[l] + xi * xi;
                g[i][l] = p[l];
                p[l] = p[l] * cos(xi / w);
            }
        }
        for (int l = 0; l < n; l++) {
            q[l] = 1;
        }
        for (int i = dim - 1; i >= 0; i--) {
            final double w = sqrt(r(i + 1));
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                final double a = xi / w;
                g[i][l] = xi / c(2000) + sin(a) / w * (g[i][l] * q[l]);
                q[l] = q[l] * cos(a);
            }
        }
        finish(f, n);
    }

    /** The sum starts in {@code f}, the product in {@link #p}. */
    private void start(double[] f, int n) {
        if (p.length < n) {
            p = new double[n];
        }
        for (int l = 0; l < n; l++) {
            f[l] = 0;
            p[l] = 1;
        }
    }

    private void finish(double[] f, int n) {
        for (int l = 0; l < n; l++) {
            f[l] = f[l] / c(4000) - p[l] + c(1);
        }
    }
}
