package org.batchopt.objective.twin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.cos;
import static org.batchopt.kernel.Math64.sin;

import org.batchopt.backend.cpu.twin.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/mccormick.cl}. */
public final class McCormick64 extends ObjectiveTwin64 {
    public McCormick64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double d = x0 - y;
            f[l] = sin(x0 + y) + d * d - c(1.5) * x0 + c(2.5) * y + c(1);
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double d = x0 - y;
            final double s = x0 + y;
            final double cs = cos(s);
            g[0][l] = cs + c(2) * d - c(1.5);
            g[1][l] = cs - c(2) * d + c(2.5);
            f[l] = sin(s) + d * d - c(1.5) * x0 + c(2.5) * y + c(1);
        }
    }
}
