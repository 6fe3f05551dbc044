package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.exp;
import static org.batchopt.kernel.Math64.r;
import static org.batchopt.kernel.Math64.sqrt;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/ackley.cl}; the kernel's s1 sums in {@code f}, s2 in scratch. */
public final class Ackley64 extends ObjectiveTwin64 {
    public Ackley64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        final double[] s2 = sums(x, null, f, n);
        final double[] e1 = scratch(2, n);
        final double[] e2 = scratch(3, n);
        exponentials(f, s2, e1, e2, n);
        final double e = exp(c(1));
        for (int l = 0; l < n; l++) {
            f[l] = (c(20) - c(20) * e1[l]) + (e - e2[l]);
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        final double[] s2 = sums(x, g, f, n);
        final double[] e1 = scratch(2, n);
        final double[] e2 = scratch(3, n);
        final double[] t1 = scratch(4, n);
        exponentials(f, s2, e1, e2, n);
        final double[] rms = scratch(0, n);
        final double e = exp(c(1));
        for (int l = 0; l < n; l++) {
            rms[l] = sqrt(f[l] / r(dim));
            // t1 and t2 of the kernel; t2 takes s2's place. t1 is 0 where rms is not positive: that select has a
            // loop of its own, which keeps this one's square root and divisions vectorized.
            t1[l] = c(4) * e1[l] / (r(dim) * rms[l]);
            s2[l] = c(6.283185307179586) * e2[l] / r(dim);
            f[l] = (c(20) - c(20) * e1[l]) + (e - e2[l]);
        }
        for (int l = 0; l < n; l++) {
            t1[l] = rms[l] > c(0) ? t1[l] : c(0);
        }
        for (int i = 0; i < dim; i++) {
            final double[] xi = x[i];
            final double[] gi = g[i];
            for (int l = 0; l < n; l++) {
                gi[l] = t1[l] * xi[l] + s2[l] * gi[l];
            }
        }
    }

    /**
     * The kernel's sums: s1 into {@code f}, s2 into the returned scratch array; with {@code sin} given, also
     * sin(2 pi x_i) into {@code sin[i]} (one sincos per coordinate where the kernel takes cos and sin apart: the
     * same values).
     */
    private double[] sums(double[][] x, double[][] sin, double[] f, int n) {
        final double[] s2 = scratch(5, n);
        final double[] a = scratch(0, n);
        final double[] co = scratch(1, n);
        for (int l = 0; l < n; l++) {
            f[l] = 0;
            s2[l] = 0;
        }
        for (int i = 0; i < dim; i++) {
            final double[] xi = x[i];
            for (int l = 0; l < n; l++) {
                a[l] = c(6.283185307179586) * xi[l];
            }
            if (sin == null) {
                math.cos(a, co, n);
            } else {
                math.sincos(a, sin[i], co, n);
            }
            for (int l = 0; l < n; l++) {
                f[l] = f[l] + xi[l] * xi[l];
                s2[l] = s2[l] + co[l];
            }
        }
        return s2;
    }

    /** e1 = exp(-0.2 rms), e2 = exp(s2 / D). */
    private void exponentials(double[] s1, double[] s2, double[] e1, double[] e2, int n) {
        final double[] a = scratch(0, n);
        for (int l = 0; l < n; l++) {
            a[l] = c(-0.2) * sqrt(s1[l] / r(dim));
        }
        math.exp(a, e1, n);
        for (int l = 0; l < n; l++) {
            a[l] = s2[l] / r(dim);
        }
        math.exp(a, e2, n);
    }
}
