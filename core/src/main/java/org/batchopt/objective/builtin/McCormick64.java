package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/mccormick.cl}. */
public final class McCormick64 extends ObjectiveTwin64 {
    public McCormick64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        final double[] s = scratch(0, n);
        final double[] si = scratch(1, n);
        final double[] x0 = x[0];
        final double[] y = x[1];
        for (int l = 0; l < n; l++) {
            s[l] = x0[l] + y[l];
        }
        math.sin(s, si, n);
        for (int l = 0; l < n; l++) {
            final double d = x0[l] - y[l];
            f[l] = si[l] + d * d - c(1.5) * x0[l] + c(2.5) * y[l] + c(1);
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        final double[] s = scratch(0, n);
        final double[] si = scratch(1, n);
        final double[] cs = scratch(2, n);
        final double[] x0 = x[0];
        final double[] y = x[1];
        final double[] g0 = g[0];
        final double[] g1 = g[1];
        for (int l = 0; l < n; l++) {
            s[l] = x0[l] + y[l];
        }
        math.sincos(s, si, cs, n);
        for (int l = 0; l < n; l++) {
            final double d = x0[l] - y[l];
            g0[l] = cs[l] + c(2) * d - c(1.5);
            g1[l] = cs[l] - c(2) * d + c(2.5);
            f[l] = si[l] + d * d - c(1.5) * x0[l] + c(2.5) * y[l] + c(1);
        }
    }
}
