package org.batchopt.objective.builtin;

import static org.batchopt.kernel.Math64.abs;
import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.r;
import static org.batchopt.kernel.Math64.sqrt;

import org.batchopt.kernel.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/schwefel.cl}. */
public final class Schwefel64 extends ObjectiveTwin64 {
    public Schwefel64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        final double[] s = scratch(0, n);
        final double[] sn = scratch(1, n);
        final double f0 = c(418.9828872724339) * r(dim);
        for (int l = 0; l < n; l++) {
            f[l] = f0;
        }
        for (int i = 0; i < dim; i++) {
            final double[] xi = x[i];
            for (int l = 0; l < n; l++) {
                s[l] = sqrt(abs(xi[l]));
            }
            math.sin(s, sn, n);
            for (int l = 0; l < n; l++) {
                f[l] = f[l] - xi[l] * sn[l];
            }
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        final double[] s = scratch(0, n);
        final double[] sn = scratch(1, n);
        final double[] cs = scratch(2, n);
        final double f0 = c(418.9828872724339) * r(dim);
        for (int l = 0; l < n; l++) {
            f[l] = f0;
        }
        for (int i = 0; i < dim; i++) {
            final double[] xi = x[i];
            final double[] gi = g[i];
            for (int l = 0; l < n; l++) {
                s[l] = sqrt(abs(xi[l]));
            }
            math.sincos(s, sn, cs, n);
            for (int l = 0; l < n; l++) {
                f[l] = f[l] - xi[l] * sn[l];
                gi[l] = -(sn[l] + c(0.5) * s[l] * cs[l]);
            }
        }
    }
}
