package org.batchopt.objective.twin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.cos;
import static org.batchopt.kernel.Math64.exp;
import static org.batchopt.kernel.Math64.r;
import static org.batchopt.kernel.Math64.sin;
import static org.batchopt.kernel.Math64.sqrt;

import org.batchopt.backend.cpu.twin.ObjectiveTwin64;

/**
 * Twin of {@code kernels/objectives/ackley.cl}. Keeps per-lane scratch for the kernel's s2, t1 and t2, so an
 * instance serves one thread at a time (the CPU backend makes one per tile).
 */
public final class Ackley64 extends ObjectiveTwin64 {
    private double[] s2 = new double[0];
    private double[] t1 = new double[0];

    public Ackley64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        sums(x, f, n);
        for (int l = 0; l < n; l++) {
            final double rms = sqrt(f[l] / r(dim));
            f[l] = (c(20) - c(20) * exp(c(-0.2) * rms)) + (exp(c(1)) - exp(s2[l] / r(dim)));
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        sums(x, f, n);
        if (t1.length < n) {
            t1 = new double[n];
        }
        for (int l = 0; l < n; l++) {
            final double rms = sqrt(f[l] / r(dim));
            final double e1 = exp(c(-0.2) * rms);
            final double e2 = exp(s2[l] / r(dim));
            // t1 and t2 of the kernel; t2 takes s2's place.
            t1[l] = rms > c(0) ? c(4) * e1 / (r(dim) * rms) : c(0);
            s2[l] = c(6.283185307179586) * e2 / r(dim);
            f[l] = (c(20) - c(20) * e1) + (exp(c(1)) - e2);
        }
        for (int i = 0; i < dim; i++) {
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                g[i][l] = t1[l] * xi + s2[l] * sin(c(6.283185307179586) * xi);
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
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                f[l] = f[l] + xi * xi;
                s2[l] = s2[l] + cos(c(6.283185307179586) * xi);
            }
        }
    }
}
