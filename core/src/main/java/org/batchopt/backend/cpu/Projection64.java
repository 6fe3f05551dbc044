package org.batchopt.backend.cpu;

import static org.batchopt.kernel.Math64.REAL_MAX;
import static org.batchopt.kernel.Math64.narrow;
import static org.batchopt.kernel.Math64.r;

import org.batchopt.backend.ConstraintPlan;
import org.batchopt.kernel.KernelProjection;

/**
 * fp64 twin of the projections of {@code kernels/constraints.cl} ({@code bo_project}, {@code bo_projected_gsq}) in
 * lane form: the box clamp over lanes, the simplex projection lane by lane (its heap is data-dependent), the same
 * operations in the same order. Keeps a heap of D reals, so one instance serves one tile.
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

    /**
     * {@code gsq[l] = gsq[l] <= REAL_MAX ? bo_projected_gsq(x, g) : gsq[l]} for lanes 0..n-1: the stopping gradient's
     * squared norm under the projection.
     */
    void projectedGsq(double[][] x, double[][] g, double[] gsq, int n) {
        for (int l = 0; l < n; l++) {
            q[l] = 0;
        }
        if (kind == KernelProjection.BOX) {
            for (int i = 0; i < dim; i++) {
                final double[] xi = x[i];
                final double[] gi = g[i];
                final double a = lo[i];
                final double b = hi[i];
                for (int l = 0; l < n; l++) {
                    final double r = (xi[l] <= a && 0 < gi[l]) || (b <= xi[l] && gi[l] < 0) ? 0 : gi[l];
                    q[l] = q[l] + r * r;
                }
            }
        } else if (kind == KernelProjection.SIMPLEX) {
            for (int l = 0; l < n; l++) {
                sum[l] = 0;
                count[l] = 0;
            }
            for (int i = 0; i < dim; i++) {
                final double[] xi = x[i];
                final double[] gi = g[i];
                for (int l = 0; l < n; l++) {
                    if (0 < xi[l]) {
                        sum[l] = sum[l] + gi[l];
                        count[l] = count[l] + 1;
                    }
                }
            }
            for (int l = 0; l < n; l++) {
                sum[l] = count[l] > 0 ? sum[l] / r(count[l]) : 0;
            }
            for (int i = 0; i < dim; i++) {
                final double[] xi = x[i];
                final double[] gi = g[i];
                for (int l = 0; l < n; l++) {
                    final double d = gi[l] - sum[l];
                    final double r = !(0 < xi[l]) && 0 < d ? 0 : d;
                    q[l] = q[l] + r * r;
                }
            }
        }
        for (int l = 0; l < n; l++) {
            gsq[l] = gsq[l] <= REAL_MAX ? q[l] : gsq[l];
        }
    }
}
