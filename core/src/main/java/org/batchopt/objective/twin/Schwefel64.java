package org.batchopt.objective.twin;

import static org.batchopt.kernel.Math64.abs;
import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.cos;
import static org.batchopt.kernel.Math64.r;
import static org.batchopt.kernel.Math64.sin;
import static org.batchopt.kernel.Math64.sqrt;

import org.batchopt.backend.cpu.twin.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/schwefel.cl}. */
public final class Schwefel64 extends ObjectiveTwin64 {
    public Schwefel64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        final double f0 = c(418.9828872724339) * r(dim);
        for (int l = 0; l < n; l++) {
            f[l] = f0;
        }
        for (int i = 0; i < dim; i++) {
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                f[l] = f[l] - xi * sin(sqrt(abs(xi)));
            }
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        final double f0 = c(418.9828872724339) * r(dim);
        for (int l = 0; l < n; l++) {
            f[l] = f0;
        }
        for (int i = 0; i < dim; i++) {
            for (int l = 0; l < n; l++) {
                final double xi = x[i][l];
                final double s = sqrt(abs(xi));
                final double sn = sin(s);
                f[l] = f[l] - xi * sn;
                g[i][l] = -(sn + c(0.5) * s * cos(s));
            }
        }
    }
}
