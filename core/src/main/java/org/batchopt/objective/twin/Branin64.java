package org.batchopt.objective.twin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.cos;
import static org.batchopt.kernel.Math64.sin;

import org.batchopt.backend.cpu.twin.ObjectiveTwin64;

/** Twin of {@code kernels/objectives/branin.cl}. */
public final class Branin64 extends ObjectiveTwin64 {
    public Branin64(int dim) {
        super(dim);
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double t = y - c(0.12918450914398066) * x0 * x0 + c(1.5915494309189533) * x0 - c(6);
            f[l] = t * t + c(9.602112642270262) * cos(x0) + c(10);
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        for (int l = 0; l < n; l++) {
            final double x0 = x[0][l];
            final double y = x[1][l];
            final double t = y - c(0.12918450914398066) * x0 * x0 + c(1.5915494309189533) * x0 - c(6);
            g[0][l] = c(2) * t * (c(1.5915494309189533) - c(0.2583690182879613) * x0) - c(9.602112642270262) * sin(x0);
            g[1][l] = c(2) * t;
            f[l] = t * t + c(9.602112642270262) * cos(x0) + c(10);
        }
    }
}
