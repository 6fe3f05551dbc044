package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.r;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/rastrigin.cl}. */
public final class Rastrigin64 extends ObjectiveTwin64 {
    public Rastrigin64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        final double[] a = scratch(0, n);
        final double[] co = scratch(1, n);
        final double f0 = c(10) * r(dim);
        for (int l = 0; l < n; l++) {
            f[l] = f0;
        }
        for (int i = 0; i < dim; i++) {
            final double[] xi = x[i];
            for (int l = 0; l < n; l++) {
                a[l] = c(6.283185307179586) * xi[l];
            }
            math.cos(a, co, n);
            for (int l = 0; l < n; l++) {
                f[l] = f[l] + (xi[l] * xi[l] - c(10) * co[l]);
            }
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        final double[] a = scratch(0, n);
        final double[] co = scratch(1, n);
        final double[] si = scratch(2, n);
        final double f0 = c(10) * r(dim);
        for (int l = 0; l < n; l++) {
            f[l] = f0;
        }
        for (int i = 0; i < dim; i++) {
            final double[] xi = x[i];
            final double[] gi = g[i];
            for (int l = 0; l < n; l++) {
                a[l] = c(6.283185307179586) * xi[l];
            }
            math.sincos(a, si, co, n);
            for (int l = 0; l < n; l++) {
                f[l] = f[l] + (xi[l] * xi[l] - c(10) * co[l]);
                gi[l] = c(2) * xi[l] + c(62.83185307179586) * si[l];
            }
        }
    }
}
