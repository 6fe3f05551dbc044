package org.batchopt.backend.cpu;

import static org.batchopt.kernel.Math64.REAL_MAX;
import static org.batchopt.kernel.Math64.abs;
import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.narrow;

import org.batchopt.Hyperparameter;
import org.batchopt.Status;
import org.batchopt.backend.ConstraintPlan;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.ParamLayout;
import org.batchopt.kernel.ConstraintSlots;
import org.batchopt.kernel.ConstraintSource;
import org.batchopt.kernel.ConstraintTwin64;
import org.batchopt.kernel.ConstraintWeights64;

/**
 * fp64 twin of the augmented Lagrangian of {@code kernels/constraints.cl} in lane form: the constraint state of
 * lane l at {@code al[k][l]} for the slots k of {@link ConstraintSlots} (the kernel's {@code AL(k)}), initialized as
 * {@code bo_init} does; {@link #evaluate} is {@code con_all} with {@code bo_con_due} and {@code bo_con_weight}
 * ({@link #weights}), {@link #feasible} is {@code bo_feasible}. The same operations in the same order.
 */
final class Lagrangian64 implements ConstraintWeights64 {
    private static final int RUNNING = Status.RUNNING.code();
    private static final int DIVERGED = Status.DIVERGED.code();
    private static final int INFEASIBLE = Status.INFEASIBLE.code();

    private final Tile64 tile;
    private final ConstraintTwin64 twin;
    private final ConstraintSlots slots;
    private final boolean[] inequality;
    private final int rho;
    private final int growth;
    private final int innerSteps;
    private final double tolerance;
    private final int maxSteps;
    final double[][] al;
    private final boolean[] due;

    Lagrangian64(Tile64 tile, ConstraintPlan plan, ConstraintTwin64 twin, ParamLayout params, int maxSteps,
                 int lanes) {
        ConstraintSource source = plan.source();
        this.tile = tile;
        this.twin = twin;
        this.slots = new ConstraintSlots(source.count());
        this.inequality = new boolean[source.count()];
        for (int j = 0; j < inequality.length; j++) {
            inequality[j] = source.inequality(j);
        }
        this.rho = params.index(Hyperparameter.RHO);
        this.growth = params.index(Hyperparameter.RHO_GROWTH);
        this.innerSteps = params.index(Hyperparameter.INNER_STEPS);
        this.tolerance = narrow(plan.feasibilityTolerance());
        this.maxSteps = maxSteps;
        this.al = new double[slots.reals()][lanes];
        this.due = new boolean[lanes];
    }

    /** bo_init's constraint state of lanes 0..n-1: everything 0 but the penalties (rho) and the last violations. */
    void load(int n) {
        for (double[] slot : al) {
            java.util.Arrays.fill(slot, 0, n, 0);
        }
        for (int j = 0; j < inequality.length; j++) {
            for (int l = 0; l < n; l++) {
                al[slots.rho() + j][l] = tile.hp[rho][l];
                al[slots.previousViolation() + j][l] = REAL_MAX;
            }
        }
    }

    /** con_all after s updates for lanes 0..n-1: every constraint's weighted gradient added to the tile's g. */
    void evaluate(int s, int n) {
        final double[] k = tile.hp[innerSteps];
        final double[] violation = al[slots.violation()];
        final double[] kkt = al[slots.kkt()];
        for (int l = 0; l < n; l++) {
            violation[l] = 0;
            kkt[l] = 0;
            due[l] = s > 0 && s % (int) k[l] == 0;
        }
        twin.evaluate(tile.x, tile.g, this, n);
    }

    /** bo_con_weight for constraint j over lanes 0..n-1. */
    @Override
    public void weights(int j, double[] e, double[] cv, double[] w, int n) {
        final boolean ineq = inequality[j];
        final double[] lam = al[slots.lambda() + j];
        final double[] pen = al[slots.rho() + j];
        final double[] last = al[slots.previousViolation() + j];
        final double[] value = al[slots.value() + j];
        final double[] weight = al[slots.weight() + j];
        final double[] violation = al[slots.violation()];
        final double[] kkt = al[slots.kkt()];
        final double[] grow = tile.hp[growth];
        final double half = c(0.5);
        final double cap = c(ConstraintSlots.RHO_MAX);
        for (int l = 0; l < n; l++) {
            double lm = lam[l];
            double r = pen[l];
            final double cl = cv[l];
            final double v = ineq ? (cl < 0 ? 0 : cl) : abs(cl);
            if (due[l]) {
                lm = lm + r * cl;
                if (ineq && lm < 0) {
                    lm = 0;
                }
                if (tolerance < v && half * last[l] < v) {
                    final double grown = r * grow[l];
                    r = grown < cap ? grown : cap;
                }
                last[l] = v;
                lam[l] = lm;
                pen[l] = r;
            }
            double wl = lm + r * cl;
            if (ineq && wl < 0) {
                wl = 0;
            }
            value[l] = e[l];
            weight[l] = wl;
            violation[l] = max(violation[l], v);
            final double mc = -cl;
            kkt[l] = max(kkt[l], ineq ? abs(mc < wl ? mc : wl) : abs(cl));
            w[l] = wl;
        }
    }

    /** bo_con_max. */
    private static double max(double m, double v) {
        return m < v || v != v ? v : m;
    }

    /** True when lane l's violation is finite (else bo_feasible makes it DIVERGED). */
    boolean finite(int l) {
        return al[slots.violation()][l] <= REAL_MAX;
    }

    /**
     * bo_feasible for lane l after s updates: the KKT residual completed with the stopping gradient's norm
     * {@code gnorm}, and the status from bo_check's.
     */
    int feasible(int status, double gnorm, int l, int s) {
        final double v = al[slots.violation()][l];
        final double[] kkt = al[slots.kkt()];
        kkt[l] = max(kkt[l], gnorm);
        if (status == DIVERGED) {
            return status;
        }
        if (!(v <= REAL_MAX)) {
            return DIVERGED;
        }
        if (status == RUNNING || v <= tolerance) {
            return status;
        }
        return s >= maxSteps ? INFEASIBLE : RUNNING;
    }

    /** Lane l's constraint results into {@code out} for member m. */
    void finish(MemberResults out, long m, int l) {
        for (int j = 0; j < inequality.length; j++) {
            out.constraintValues().set(m, j, al[slots.value() + j][l]);
            out.weights().set(m, j, al[slots.weight() + j][l]);
        }
        out.finishConstraints(m, al[slots.violation()][l], al[slots.kkt()][l]);
    }

    /** Moves lane {@code from}'s state into lane {@code to}. */
    void move(int from, int to) {
        for (double[] slot : al) {
            slot[to] = slot[from];
        }
    }
}
