package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/easom.cl}. */
public final class Easom64 extends ObjectiveTwin64 {
    public Easom64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        final double[] c0 = scratch(0, n);
        final double[] c1 = scratch(1, n);
        final double[] e = scratch(2, n);
        exponential(x, e, n);
        math.cos(x[0], c0, n);
        math.cos(x[1], c1, n);
        for (int l = 0; l < n; l++) {
            f[l] = -c0[l] * c1[l] * e[l];
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        final double[] c0 = scratch(0, n);
        final double[] c1 = scratch(1, n);
        final double[] e = scratch(2, n);
        final double[] s0 = scratch(3, n);
        final double[] s1 = scratch(4, n);
        final double[] x0 = x[0];
        final double[] y = x[1];
        final double[] g0 = g[0];
        final double[] g1 = g[1];
        exponential(x, e, n);
        math.sincos(x0, s0, c0, n);
        math.sincos(y, s1, c1, n);
        for (int l = 0; l < n; l++) {
            final double a = x0[l] - c(3.141592653589793);
            final double b = y[l] - c(3.141592653589793);
            g0[l] = c1[l] * e[l] * (s0[l] + c(2) * a * c0[l]);
            g1[l] = c0[l] * e[l] * (s1[l] + c(2) * b * c1[l]);
            f[l] = -c0[l] * c1[l] * e[l];
        }
    }

    /** exp(-(a^2 + b^2)), a = x - pi, b = y - pi. */
    private void exponential(double[][] x, double[] e, int n) {
        final double[] arg = scratch(5, n);
        final double[] x0 = x[0];
        final double[] y = x[1];
        for (int l = 0; l < n; l++) {
            final double a = x0[l] - c(3.141592653589793);
            final double b = y[l] - c(3.141592653589793);
            arg[l] = -(a * a + b * b);
        }
        math.exp(arg, e, n);
    }
}
