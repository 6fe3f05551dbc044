package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.r;

import org.batchopt.kernel.ObjectiveTwin64;

/**
 * Twin of {@code kernels/objectives/zakharov.cl}. Keeps per-lane scratch for the kernel's second sum, so an
 * instance serves one thread at a time (the CPU backend makes one per tile).
 */
public final class Zakharov64 extends ObjectiveTwin64 {
    private double[] s2 = new double[0];

    public Zakharov64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        sums(x, f, n);
        for (int l = 0; l < n; l++) {
            final double t = s2[l] * s2[l];
            f[l] = f[l] + t + t * t;
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        sums(x, f, n);
        for (int l = 0; l < n; l++) {
            final double t = s2[l] * s2[l];
            f[l] = f[l] + t + t * t;
            s2[l] = s2[l] + c(2) * s2[l] * t;
        }
        for (int i = 0; i < dim; i++) {
            final double w = r(i + 1);
            for (int l = 0; l < n; l++) {
                g[i][l] = c(2) * x[i][l] + s2[l] * w;
            }
        }
    }

    /** The kernel's sums: s1 into {@code f}, s2 into {@link #s2}. */
    private void sums(double[][] x, double[] f, int n) {
        if (s2.length < n) {
            s2 = new double[n];
        }
        for (int l = 0; l < n; l++) {
            f[l] = 0;
            s2[l] = 0;
        }
        for (int i = 0; i < dim; i++) {
            final double w = r(i + 1);
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                f[l] = f[l] + xi * xi;
                s2[l] = s2[l] + c(0.5) * w * xi;
            }
        }
    }
}
