package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.r;
import static org.batchopt.kernel.Math64.sqrt;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/griewank.cl}; the kernel's sum in {@code f}, its product in scratch. */
public final class Griewank64 extends ObjectiveTwin64 {
    public Griewank64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        final double[] p = start(f, n);
        final double[] a = scratch(1, n);
        final double[] co = scratch(2, n);
        for (int i = 0; i < dim; i++) {
            final double w = sqrt(r(i + 1));
            final double[] xi = x[i];
            for (int l = 0; l < n; l++) {
                a[l] = xi[l] / w;
            }
            math.cos(a, co, n);
            for (int l = 0; l < n; l++) {
                f[l] = f[l] + xi[l] * xi[l];
                p[l] = p[l] * co[l];
            }
        }
        finish(f, p, n);
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        final double[] p = start(f, n);
        final double[] a = scratch(1, n);
        final double[] co = scratch(2, n);
        final double[] si = scratch(3, n);
        final double[] q = scratch(4, n);
        for (int i = 0; i < dim; i++) {
            final double w = sqrt(r(i + 1));
            final double[] xi = x[i];
            final double[] gi = g[i];
            for (int l = 0; l < n; l++) {
                a[l] = xi[l] / w;
            }
            math.cos(a, co, n);
            for (int l = 0; l < n; l++) {
                f[l] = f[l] + xi[l] * xi[l];
                gi[l] = p[l];
                p[l] = p[l] * co[l];
            }
        }
        for (int l = 0; l < n; l++) {
            q[l] = 1;
        }
        for (int i = dim - 1; i >= 0; i--) {
            final double w = sqrt(r(i + 1));
            final double[] xi = x[i];
            final double[] gi = g[i];
            for (int l = 0; l < n; l++) {
                a[l] = xi[l] / w;
            }
            math.sincos(a, si, co, n);
            for (int l = 0; l < n; l++) {
                gi[l] = xi[l] / c(2000) + si[l] / w * (gi[l] * q[l]);
                q[l] = q[l] * co[l];
            }
        }
        finish(f, p, n);
    }

    /** The sum starts in {@code f}, the product in the returned scratch array. */
    private double[] start(double[] f, int n) {
        final double[] p = scratch(0, n);
        for (int l = 0; l < n; l++) {
            f[l] = 0;
            p[l] = 1;
        }
        return p;
    }

    private static void finish(double[] f, double[] p, int n) {
        for (int l = 0; l < n; l++) {
            f[l] = f[l] / c(4000) - p[l] + c(1);
        }
    }
}
