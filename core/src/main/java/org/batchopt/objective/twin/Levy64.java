package org.batchopt.objective.twin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.cos;
import static org.batchopt.kernel.Math64.sin;

import org.batchopt.backend.cpu.twin.ObjectiveTwin64;

/**
 * Twin of {@code kernels/objectives/levy.cl}. Keeps per-lane scratch for the kernel's {@code g0}, so an
 * instance serves one thread at a time (the CPU backend makes one per tile).
 */
public final class Levy64 extends ObjectiveTwin64 {
    private double[] g0 = new double[0];

    public Levy64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double s0 = sin(c(3.141592653589793) * (c(0.25) * (x[0][l] - c(1))));
            f[l] = s0 * s0;
        }
        for (int i = 0; i < dim - 1; i++) {
            for (int l = 0; l < n; l++) {
                final double u = c(0.25) * (x[i][l] - c(1));
                final double s = sin(c(3.141592653589793) * u + c(1));
                f[l] = f[l] + u * u * (c(1) + c(10) * s * s);
            }
        }
        for (int l = 0; l < n; l++) {
            final double ud = c(0.25) * (x[dim - 1][l] - c(1));
            final double sd = sin(c(6.283185307179586) * ud);
            f[l] = f[l] + ud * ud * (c(1) + sd * sd);
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        if (g0.length < n) {
            g0 = new double[n];
        }
        for (int l = 0; l < n; l++) {
            final double a0 = c(3.141592653589793) * (c(0.25) * (x[0][l] - c(1)));
            final double s0 = sin(a0);
            f[l] = s0 * s0;
            g0[l] = c(1.5707963267948966) * s0 * cos(a0);
        }
        for (int i = 0; i < dim - 1; i++) {
            for (int l = 0; l < n; l++) {
                final double u = c(0.25) * (x[i][l] - c(1));
                final double a = c(3.141592653589793) * u + c(1);
                final double s = sin(a);
                final double v = c(1) + c(10) * s * s;
                f[l] = f[l] + u * u * v;
                g[i][l] = c(0.5) * u * v + c(15.707963267948966) * u * u * s * cos(a);
            }
        }
        for (int l = 0; l < n; l++) {
            final double ud = c(0.25) * (x[dim - 1][l] - c(1));
            final double ad = c(6.283185307179586) * ud;
            final double sd = sin(ad);
            final double vd = c(1) + sd * sd;
            g[dim - 1][l] = c(0.5) * ud * vd + c(3.141592653589793) * ud * ud * sd * cos(ad);
            g[0][l] = g[0][l] + g0[l];
            f[l] = f[l] + ud * ud * vd;
        }
    }
}
