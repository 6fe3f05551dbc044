package org.batchopt.backend.cpu;

import static org.batchopt.kernel.Math64.REAL_MAX;
import static org.batchopt.kernel.Math64.narrow;
import static org.batchopt.kernel.Math64.r;
import static org.batchopt.kernel.Math64.sqrt;

import org.batchopt.backend.ConstraintPlan;
import org.batchopt.kernel.KernelProjection;

/**
 * fp64 twin of the projections of {@code kernels/constraints.cl} ({@code bo_project}, {@code bo_project_grad} and the
 * projected norm before bo_check in {@code kernels/fused.cl}) in lane form: the box clamp over lanes, the simplex
 * projection lane by lane (its heap is data-dependent), the same operations in the same order. Keeps a heap of D reals, so one instance serves one tile.
 */
final class Projection64 {
    private final KernelProjection kind;
    private final int dim;
    private final double[] lo;
    private final double[] hi;
    private final double total;
    private final double[] heap;
    private final double[] q;
    private final double[] sum;
    private final int[] count;

    /** The projection of {@code plan}: its kind and data (lower then upper bounds for a box, the sum for a simplex). */
    Projection64(ConstraintPlan plan, int dim, int lanes) {
        this.kind = plan.projection();
        this.dim = dim;
        lo = new double[kind == KernelProjection.BOX ? dim : 0];
        hi = new double[lo.length];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = narrow(plan.projectionData()[i]);
            hi[i] = narrow(plan.projectionData()[dim + i]);
        }
        total = kind == KernelProjection.SIMPLEX ? narrow(plan.projectionData()[0]) : 0;
        heap = new double[kind == KernelProjection.SIMPLEX ? dim : 0];
        q = new double[lanes];
        sum = new double[lanes];
        count = new int[lanes];
    }

    /** bo_clamp. */
    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (hi < v ? hi : v);
    }

    /** bo_project of lanes 0..n-1 of {@code x}. */
    void project(double[][] x, int n) {
        if (kind == KernelProjection.BOX) {
            for (int i = 0; i < dim; i++) {
                final double[] xi = x[i];
                final double a = lo[i];
                final double b = hi[i];
                for (int l = 0; l < n; l++) {
                    xi[l] = clamp(xi[l], a, b);
                }
            }
        } else if (kind == KernelProjection.SIMPLEX) {
            for (int l = 0; l < n; l++) {
                simplex(x, l);
            }
        }
    }

    /** The simplex projection of lane l, as bo_project: the max-heap in {@link #heap} instead of G. */
    private void simplex(double[][] x, int l) {
        final double[] h = heap;
        for (int i = 0; i < dim; i++) {
            h[i] = x[i][l];
        }
        for (int r = dim / 2 - 1; r >= 0; r--) {
            sift(h, r, dim);
        }
        double cs = 0;
        double tau = 0;
        for (int j = 1; j <= dim; j++) {
            final double u = h[0];
            cs = cs + u;
            final double t = (cs - total) / r(j);
            if (j > 1 && !(t < u)) {
                break;
            }
            tau = t;
            h[0] = h[dim - j];
            sift(h, 0, dim - j);
        }
        for (int i = 0; i < dim; i++) {
            final double v = x[i][l] - tau;
            x[i][l] = v < 0 ? 0 : v;
        }
    }

    /** bo_sift. */
    private static void sift(double[] h, int r, int n) {
        for (;;) {
            int c = 2 * r + 1;
            if (c >= n) {
                return;
            }
            if (c + 1 < n && h[c] < h[c + 1]) {
                c = c + 1;
            }
            if (!(h[r] < h[c])) {
                return;
            }
            final double t = h[r];
            h[r] = h[c];
            h[c] = t;
            r = c;
        }
    }

    /** Starts the norms of the projected stopping gradient for lanes 0..n-1: no shift, no squares yet. */
    void clearNorms(int n) {
        for (int l = 0; l < n; l++) {
            q[l] = 0;
            sum[l] = 0;
            count[l] = 0;
        }
    }

    /** The simplex's shift: adds the component {@code r} of the lanes whose {@code xi} is above 0. */
    void addToShift(double[] xi, double[] r, int n) {
        for (int l = 0; l < n; l++) {
            if (0 < xi[l]) {
                sum[l] = sum[l] + r[l];
                count[l] = count[l] + 1;
            }
        }
    }

    /** The simplex's shift nu of lanes 0..n-1: the mean of the components added, 0 for none. */
    void finishShift(int n) {
        for (int l = 0; l < n; l++) {
            sum[l] = count[l] > 0 ? sum[l] / r(count[l]) : 0;
        }
    }

    /** bo_project_grad of component i ({@code r}, at {@code xi}), squared and added, for lanes 0..n-1. */
    void addSquare(int i, double[] xi, double[] r, int n) {
        if (kind == KernelProjection.BOX) {
            final double a = lo[i];
            final double b = hi[i];
            for (int l = 0; l < n; l++) {
                final double v = (xi[l] <= a && 0 < r[l]) || (b <= xi[l] && r[l] < 0) ? 0 : r[l];
                q[l] = q[l] + v * v;
            }
        } else {
            for (int l = 0; l < n; l++) {
                final double d = r[l] - sum[l];
                final double v = !(0 < xi[l]) && 0 < d ? 0 : d;
                q[l] = q[l] + v * v;
            }
        }
    }

    /** The norms into {@code gn} where the lane's x and gradient are finite ({@code z} 0) and the squares are. */
    void norms(double[] z, double[] gn, int n) {
        for (int l = 0; l < n; l++) {
            if (z[l] == 0) {
                gn[l] = q[l] <= REAL_MAX ? sqrt(q[l]) : gn[l];
            }
        }
    }
}
