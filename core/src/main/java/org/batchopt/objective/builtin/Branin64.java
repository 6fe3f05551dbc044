package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/branin.cl}. */
public final class Branin64 extends ObjectiveTwin64 {
    public Branin64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        final double[] co = scratch(0, n);
        final double[] x0 = x[0];
        final double[] y = x[1];
        math.cos(x0, co, n);
        for (int l = 0; l < n; l++) {
            final double t = y[l] - c(0.12918450914398066) * x0[l] * x0[l] + c(1.5915494309189533) * x0[l] - c(6);
            f[l] = t * t + c(9.602112642270262) * co[l] + c(10);
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        final double[] co = scratch(0, n);
        final double[] si = scratch(1, n);
        final double[] x0 = x[0];
        final double[] y = x[1];
        final double[] g0 = g[0];
        final double[] g1 = g[1];
        math.sincos(x0, si, co, n);
        for (int l = 0; l < n; l++) {
            final double t = y[l] - c(0.12918450914398066) * x0[l] * x0[l] + c(1.5915494309189533) * x0[l] - c(6);
            g0[l] = c(2) * t * (c(1.5915494309189533) - c(0.2583690182879613) * x0[l]) - c(9.602112642270262) * si[l];
            g1[l] = c(2) * t;
            f[l] = t * t + c(9.602112642270262) * co[l] + c(10);
        }
    }
}
