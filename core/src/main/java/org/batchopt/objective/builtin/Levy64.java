package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/levy.cl}. */
public final class Levy64 extends ObjectiveTwin64 {
    public Levy64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        final double[] a = scratch(0, n);
        final double[] s = scratch(1, n);
        final double[] x0 = x[0];
        for (int l = 0; l < n; l++) {
            a[l] = c(3.141592653589793) * (c(0.25) * (x0[l] - c(1)));
        }
        math.sin(a, s, n);
        for (int l = 0; l < n; l++) {
            f[l] = s[l] * s[l];
        }
        for (int i = 0; i < dim - 1; i++) {
            final double[] xi = x[i];
            for (int l = 0; l < n; l++) {
                a[l] = c(3.141592653589793) * (c(0.25) * (xi[l] - c(1))) + c(1);
            }
            math.sin(a, s, n);
            for (int l = 0; l < n; l++) {
                final double u = c(0.25) * (xi[l] - c(1));
                f[l] = f[l] + u * u * (c(1) + c(10) * s[l] * s[l]);
            }
        }
        final double[] xd = x[dim - 1];
        for (int l = 0; l < n; l++) {
            a[l] = c(6.283185307179586) * (c(0.25) * (xd[l] - c(1)));
        }
        math.sin(a, s, n);
        for (int l = 0; l < n; l++) {
            final double ud = c(0.25) * (xd[l] - c(1));
            f[l] = f[l] + ud * ud * (c(1) + s[l] * s[l]);
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        final double[] a = scratch(0, n);
        final double[] s = scratch(1, n);
        final double[] co = scratch(2, n);
        final double[] g0 = scratch(3, n);
        final double[] x0 = x[0];
        for (int l = 0; l < n; l++) {
            a[l] = c(3.141592653589793) * (c(0.25) * (x0[l] - c(1)));
        }
        math.sincos(a, s, co, n);
        for (int l = 0; l < n; l++) {
            f[l] = s[l] * s[l];
            g0[l] = c(1.5707963267948966) * s[l] * co[l];
        }
        for (int i = 0; i < dim - 1; i++) {
            final double[] xi = x[i];
            final double[] gi = g[i];
            for (int l = 0; l < n; l++) {
                a[l] = c(3.141592653589793) * (c(0.25) * (xi[l] - c(1))) + c(1);
            }
            math.sincos(a, s, co, n);
            for (int l = 0; l < n; l++) {
                final double u = c(0.25) * (xi[l] - c(1));
                final double v = c(1) + c(10) * s[l] * s[l];
                f[l] = f[l] + u * u * v;
                gi[l] = c(0.5) * u * v + c(15.707963267948966) * u * u * s[l] * co[l];
            }
        }
        final double[] xd = x[dim - 1];
        final double[] gd = g[dim - 1];
        final double[] g00 = g[0];
        for (int l = 0; l < n; l++) {
            a[l] = c(6.283185307179586) * (c(0.25) * (xd[l] - c(1)));
        }
        math.sincos(a, s, co, n);
        for (int l = 0; l < n; l++) {
            final double ud = c(0.25) * (xd[l] - c(1));
            final double vd = c(1) + s[l] * s[l];
            gd[l] = c(0.5) * ud * vd + c(3.141592653589793) * ud * ud * s[l] * co[l];
            g00[l] = g00[l] + g0[l];
            f[l] = f[l] + ud * ud * vd;
        }
    }
}
