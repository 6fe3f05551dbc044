package org.batchopt.objective.twin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.cos;
import static org.batchopt.kernel.Math64.exp;
import static org.batchopt.kernel.Math64.sin;

import org.batchopt.backend.cpu.twin.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/easom.cl}. */
public final class Easom64 extends ObjectiveTwin64 {
    public Easom64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double a = x0 - c(3.141592653589793);
            final double b = y - c(3.141592653589793);
            f[l] = -cos(x0) * cos(y) * exp(-(a * a + b * b));
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double a = x0 - c(3.141592653589793);
            final double b = y - c(3.141592653589793);
            final double c0 = cos(x0);
            final double c1 = cos(y);
            final double e = exp(-(a * a + b * b));
            g[0][l] = c1 * e * (sin(x0) + c(2) * a * c0);
            g[1][l] = c0 * e * (sin(y) + c(2) * b * c1);
            f[l] = -c0 * c1 * e;
        }
    }
}
