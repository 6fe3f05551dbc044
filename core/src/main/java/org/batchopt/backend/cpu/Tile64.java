package org.batchopt.backend.cpu;

import static org.batchopt.Hyperparameter.DECOUPLED_WEIGHT_DECAY;
import static org.batchopt.Hyperparameter.L1;
import static org.batchopt.Hyperparameter.L2;
import static org.batchopt.Hyperparameter.WEIGHT_DECAY;
import static org.batchopt.kernel.Math64.REAL_MAX;
import static org.batchopt.kernel.Math64.abs;
import static org.batchopt.kernel.Math64.fma;
import static org.batchopt.kernel.Math64.max;
import static org.batchopt.kernel.Math64.narrow;
import static org.batchopt.kernel.Math64.sign;
import static org.batchopt.kernel.Math64.sqrt;

import org.batchopt.Status;
import org.batchopt.backend.KernelShape;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.ParamLayout;
import org.batchopt.backend.RunContext;
import org.batchopt.backend.RunPlan;
import org.batchopt.kernel.ConstraintTwin64;
import org.batchopt.kernel.KernelProjection;
import org.batchopt.kernel.ObjectiveTwin64;
import org.batchopt.kernel.StepScalars;

/**
 * fp64 twin of {@code kernels/fused.cl}, {@code kernels/step.cl} and {@code kernels/constraints.cl} (through
 * {@link Projection64} and {@link Lagrangian64}): up to {@code lanes} members stepped
 * together, each lane the kernel's work-item, every lane loop innermost. All lanes of a tile start together,
 * so they share the step count s; a lane whose member stops hands its place to the last running lane, and
 * the loops shrink to the lanes still running.
 *
 * <p>Layout: coordinate i of lane l at {@code x[i][l]}; state slot j at {@code st[j][i][l]}; hyperparameter k
 * at {@code hp[k][l]}; step scalar k at {@code sc[k][l]}. With one array per slot and coordinate, every lane
 * loop indexes its arrays by {@code [l]} alone and stores into distinct arrays, which the JIT needs to
 * vectorize it (measured: six times faster than one flat array per quantity).
 */
public class Tile64 implements Tile {
    static final int RUNNING = Status.RUNNING.ordinal();
    private static final int CONVERGED_GRADIENT = Status.CONVERGED_GRADIENT.ordinal();
    private static final int CONVERGED_VALUE = Status.CONVERGED_VALUE.ordinal();
    private static final int MAX_STEPS = Status.MAX_STEPS.ordinal();
    private static final int DIVERGED = Status.DIVERGED.ordinal();

    final int dim;
    final int lanes;
    final KernelShape shape;
    private final ParamLayout params;
    private final ObjectiveTwin64 objective;
    private final Rules64 rule;
    private final Schedule64 schedule;
    private final int ns;
    private final int nms;
    private final int np;
    private final int nsc;
    private final int l1;
    private final int l2;
    private final int dwd;
    /** torch's weight_decay of the rule; coupled except in AdamW. */
    private final int wd;
    /** Whether the stopping gradient has terms beyond g (weight decay, the L1 proximal subgradient). */
    private final boolean stopTerms;
    final int maxSteps;
    private final double gtol;
    private final double ftol;
    private final double fdStep;
    final int historyEvery;
    /** Every hyperparameter is one value for the batch. */
    private final boolean uniform;
    /** The projection after every step, null for none. */
    private final Projection64 projection;
    /** The general constraints, null for none. */
    private final Lagrangian64 lagrangian;

    final double[][] x;
    final double[][] g;
    final double[][][] st;
    final double[][] ms;
    final double[][] hp;
    final double[][] sc;
    /** Scratch for the rules, laid out like x. */
    final double[][] work;
    /** The rule's step coefficient of the coordinate being updated, per lane (for the L1 proximal step). */
    final double[] step;
    final double[] f;
    final double[] fprev;
    final double[] gsq;
    /** The stopping gradient's norm. */
    final double[] gn;
    /** Sum of x[i]*0 and g[i]*0: zero unless a coordinate of x or of the gradient is not finite. */
    final double[] z;
    private final double[] fp;
    private final double[] fm;
    private final double[] xs;
    private final double[] xp;
    private final double[] xm;
    private final double[] stop;
    private final double[] scale;
    final long[] member;
    /** Per coordinate: whether the regularization penalizes it (not a model's intercept). */
    private final boolean[] penalized;
    /** The rule's weight-decay step scalar and its value that leaves a coordinate unpenalized. */
    private final int wdSlot;
    private final double[] noWd;
    /**
     * The gradient is unpenalized, and only a stopping lane reads its norm (no gradient tolerance, projection or
     * constraints): {@link #run} then probes x and g each step and takes the norms only when some lane stops.
     */
    private final boolean lazyNorms;
    int n;

    /** @param constraints the twin of the plan's general constraints, null without them */
    public Tile64(RunPlan plan, ObjectiveTwin64 objective, ConstraintTwin64 constraints, int lanes) {
        this.shape = plan.shape();
        this.params = shape.params();
        this.dim = shape.dimension();
        this.lanes = lanes;
        this.objective = objective;
        this.rule = Rules64.of(shape);
        this.schedule = new Schedule64(shape);
        this.ns = shape.stateSlots();
        this.nms = shape.memberStateSlots();
        this.np = params.count();
        this.nsc = shape.stepScalars();
        this.l1 = params.index(L1);
        this.l2 = params.index(L2);
        this.dwd = params.index(DECOUPLED_WEIGHT_DECAY);
        this.wd = params.index(WEIGHT_DECAY);
        this.stopTerms = shape.l1Prox() || shape.decoupledWeightDecay() || shape.decoupled()
                || (wd >= 0 && params.param(wd).anyNonZero());
        this.maxSteps = plan.stopping().maxSteps();
        this.gtol = narrow(plan.stopping().gradientTolerance());
        this.ftol = narrow(plan.stopping().valueTolerance());
        this.fdStep = narrow(plan.fdStep());
        this.historyEvery = plan.historyEvery();
        this.uniform = params.perMemberCount() == 0;
        x = new double[dim][lanes];
        g = new double[dim][lanes];
        st = new double[ns][dim][lanes];
        ms = new double[nms][lanes];
        hp = new double[np][lanes];
        sc = new double[nsc][lanes];
        work = new double[dim][lanes];
        step = new double[lanes];
        f = new double[lanes];
        fprev = new double[lanes];
        gsq = new double[lanes];
        gn = new double[lanes];
        z = new double[lanes];
        fp = new double[lanes];
        fm = new double[lanes];
        xs = new double[lanes];
        xp = new double[lanes];
        xm = new double[lanes];
        stop = new double[lanes];
        scale = new double[lanes];
        member = new long[lanes];
        penalized = new boolean[dim];
        for (int i = 0; i < dim; i++) {
            penalized[i] = plan.objective().penalized(i);
        }
        wdSlot = shape.rule().scalar("WD");
        noWd = new double[lanes];
        java.util.Arrays.fill(noWd, shape.decoupled() ? 1 : 0);
        objective.bindParameters(hp, slots(params, plan.objective().parameters()));
        var c = plan.constraints();
        projection = c.projection() == KernelProjection.NONE ? null : new Projection64(c, dim, lanes);
        if (c.count() > 0) {
            constraints.bindParameters(hp, slots(params, c.source().parameters()));
            lagrangian = new Lagrangian64(this, c, constraints, params, maxSteps, lanes);
        } else {
            lagrangian = null;
        }
        lazyNorms = plainGradient() && !(gtol > 0) && projection == null && lagrangian == null;
    }

    /** The layout's index of each named parameter. */
    private static int[] slots(ParamLayout params, java.util.List<String> names) {
        int[] slots = new int[names.size()];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = params.index(names.get(k));
            if (slots[k] < 0) {
                throw new IllegalStateException("named parameter " + names.get(k) + " missing from the layout");
            }
        }
        return slots;
    }

    /**
     * Loads members {@code block.first + j0 .. + count - 1}: their start points and hyperparameters, and the
     * rule's initial state (the kernel bo_init).
     */
    @Override
    public void load(MemberBlock block, int j0, int count) {
        if (count > lanes) {
            throw new IllegalArgumentException(count + " members for a tile of " + lanes + " lanes");
        }
        n = count;
        for (int l = 0; l < count; l++) {
            final long m = block.first() + j0 + l;
            member[l] = m;
            for (int i = 0; i < dim; i++) {
                x[i][l] = narrow(block.start()[(j0 + l) * dim + i]);
            }
            for (int k = 0; k < np; k++) {
                hp[k][l] = narrow(params.param(k).at(m));
            }
            fprev[l] = 0;
        }
        rule.init(this, n);
        if (lagrangian != null) {
            lagrangian.load(n);
        }
    }

    /**
     * Runs the loaded members to their ends, as bo_fused does over as many launches as it takes, and writes
     * each member's outcome into {@code out} when it stops; history snapshots every {@link RunPlan#historyEvery}
     * steps.
     */
    @Override
    public void run(MemberResults out, RunContext context) {
        int s = 0;
        while (n > 0) {
            if (historyEvery > 0 && s > 0 && s % historyEvery == 0) {
                snapshot(out.history(s / historyEvery));
            }
            if (projection != null && s == 0) {
                projection.project(x, n);
            }
            evaluate();
            if (lagrangian != null) {
                lagrangian.evaluate(s, n);
            }
            regularize(s, !lazyNorms);
            if (projection != null) {
                projectedNorms(s);
            }
            final int before = n;
            stopFinished(s, out);
            final int running = n;
            context.progress(running, before - running);
            if (n == 0) {
                break;
            }
            for (int l = 0; l < n; l++) {
                fprev[l] = f[l];
            }
            prepare(s);
            update();
            if (projection != null) {
                projection.project(x, n);
            }
            s = s + 1;
        }
    }

    /** bo_evaluate: f and the gradient, analytic or by central differences, negated when maximizing. */
    private void evaluate() {
        if (shape.central()) {
            for (int i = 0; i < dim; i++) {
                final double[] xi = x[i];
                for (int l = 0; l < n; l++) {
                    final double v = xi[l];
                    final double h = fdStep * max(1, abs(v));
                    xs[l] = v;
                    xp[l] = v + h;
                    xm[l] = v - h;
                    xi[l] = xp[l];
                }
                objective.value(x, fp, n);
                for (int l = 0; l < n; l++) {
                    xi[l] = xm[l];
                }
                objective.value(x, fm, n);
                final double[] gi = g[i];
                for (int l = 0; l < n; l++) {
                    xi[l] = xs[l];
                    gi[l] = (fp[l] - fm[l]) / (xp[l] - xm[l]);
                }
            }
            objective.value(x, f, n);
        } else {
            objective.valueGradient(x, g, f, n);
        }
        if (shape.maximize()) {
            for (int l = 0; l < n; l++) {
                f[l] = -f[l];
            }
            for (int i = 0; i < dim; i++) {
                final double[] gi = g[i];
                for (int l = 0; l < n; l++) {
                    gi[l] = -gi[l];
                }
            }
        }
    }

    /**
     * bo_regularize on every coordinate the regularization penalizes, with the norm of the stopping gradient
     * (bo_stop_grad; the gradient itself on a coordinate no penalty touches) and the finiteness probe of the kernel;
     * {@code s} updates done. Where the squares overflow although every component is finite, the norm is taken
     * again scaled by the largest component, as the kernel does.
     */
    void regularize(int s) {
        regularize(s, true);
    }

    /**
     * {@link #regularize(int)}; with {@code norms} false (only where the gradient is unpenalized) the finiteness
     * probe alone, and {@link #plainNorms} takes the norms later from the same sums in the same order.
     */
    private void regularize(int s, boolean norms) {
        for (int l = 0; l < n; l++) {
            gsq[l] = 0;
            z[l] = 0;
        }
        int i0 = 0;
        if (plainGradient()) {
            // The gradient itself, two coordinates a pass: the same sums in the same order, half the passes.
            for (; i0 + 1 < dim; i0 += 2) {
                final double[] xa = x[i0];
                final double[] ga = g[i0];
                final double[] xb = x[i0 + 1];
                final double[] gb = g[i0 + 1];
                if (norms) {
                    for (int l = 0; l < n; l++) {
                        final double q = gsq[l] + ga[l] * ga[l];
                        gsq[l] = q + gb[l] * gb[l];
                        final double y = z[l] + xa[l] * 0 + ga[l] * 0;
                        z[l] = y + xb[l] * 0 + gb[l] * 0;
                    }
                } else {
                    for (int l = 0; l < n; l++) {
                        final double y = z[l] + xa[l] * 0 + ga[l] * 0;
                        z[l] = y + xb[l] * 0 + gb[l] * 0;
                    }
                }
            }
        }
        for (int i = i0; i < dim; i++) {
            final double[] xi = x[i];
            final double[] gi = g[i];
            if (shape.l1Sign() && penalized[i]) {
                final double[] w = hp[l1];
                for (int l = 0; l < n; l++) {
                    gi[l] = gi[l] + w[l] * sign(xi[l]);
                }
            }
            if (shape.l2() && penalized[i]) {
                final double[] w = hp[l2];
                for (int l = 0; l < n; l++) {
                    gi[l] = gi[l] + w[l] * xi[l];
                }
            }
            final double[] r = stopTerms ? stopGradient(i, s) : gi;
            for (int l = 0; l < n; l++) {
                gsq[l] = gsq[l] + r[l] * r[l];
                z[l] = z[l] + xi[l] * 0 + gi[l] * 0;
            }
        }
        if (norms) {
            norms(s);
        }
    }

    /** No penalty or stopping term changes the gradient: its norm is the stopping gradient's. */
    private boolean plainGradient() {
        return !shape.l1Sign() && !shape.l2() && !stopTerms;
    }

    /** The norms {@code regularize(s, false)} left out: the sums of the squares of g, as it takes them. */
    private void plainNorms(int s) {
        for (int l = 0; l < n; l++) {
            gsq[l] = 0;
        }
        int i = 0;
        for (; i + 1 < dim; i += 2) {
            final double[] ga = g[i];
            final double[] gb = g[i + 1];
            for (int l = 0; l < n; l++) {
                final double q = gsq[l] + ga[l] * ga[l];
                gsq[l] = q + gb[l] * gb[l];
            }
        }
        if (i < dim) {
            final double[] gi = g[i];
            for (int l = 0; l < n; l++) {
                gsq[l] = gsq[l] + gi[l] * gi[l];
            }
        }
        norms(s);
    }

    /** gn from the sums of squares, scaled by the largest component where the squares overflowed. */
    private void norms(int s) {
        boolean overflow = false;
        for (int l = 0; l < n; l++) {
            gn[l] = sqrt(gsq[l]);
            overflow |= !(gsq[l] <= REAL_MAX) & z[l] == 0;
        }
        if (overflow) {
            scaledNorms(s);
        }
    }

    /** The kernel's norm scaled by the largest component, for the lanes whose squares overflowed. */
    private void scaledNorms(int s) {
        final double[] amax = fp;
        final double[] ssq = fm;
        for (int l = 0; l < n; l++) {
            amax[l] = 0;
            ssq[l] = 0;
        }
        for (int i = 0; i < dim; i++) {
            final double[] r = stopTerms ? stopGradient(i, s) : g[i];
            for (int l = 0; l < n; l++) {
                amax[l] = max(amax[l], abs(r[l]));
            }
        }
        for (int i = 0; i < dim; i++) {
            final double[] r = stopTerms ? stopGradient(i, s) : g[i];
            for (int l = 0; l < n; l++) {
                final double q = r[l] / amax[l];
                ssq[l] = ssq[l] + q * q;
            }
        }
        for (int l = 0; l < n; l++) {
            if (!(gsq[l] <= REAL_MAX) && z[l] == 0) {
                gn[l] = amax[l] <= REAL_MAX ? amax[l] * sqrt(ssq[l]) : amax[l];
            }
        }
    }

    /**
     * Under a projection, the stopping gradient's norm as the projection sees it, for the lanes whose x and gradient
     * are finite (the block before bo_check in bo_fused).
     */
    private void projectedNorms(int s) {
        projection.clearNorms(n);
        if (shape.projection() == KernelProjection.SIMPLEX) {
            for (int i = 0; i < dim; i++) {
                projection.addToShift(x[i], stopTerms ? stopGradient(i, s) : g[i], n);
            }
            projection.finishShift(n);
        }
        for (int i = 0; i < dim; i++) {
            projection.addSquare(i, x[i], stopTerms ? stopGradient(i, s) : g[i], n);
        }
        projection.norms(z, gn, n);
    }

    /** bo_stop_grad of coordinate i for every lane, into {@code stop}; g itself where no penalty touches i. */
    private double[] stopGradient(int i, int s) {
        final double[] xi = x[i];
        final double[] gi = g[i];
        if (!penalized[i]) {
            return gi;
        }
        final double[] r = stop;
        System.arraycopy(gi, 0, r, 0, n);
        if (!shape.decoupled() && wd >= 0) {
            final double[] w = hp[wd];
            for (int l = 0; l < n; l++) {
                if (w[l] != 0) {
                    r[l] = fma(xi[l], w[l], r[l]);
                }
            }
        }
        if (shape.decoupledWeightDecay() || shape.decoupled()) {
            rule.scale(this, i, n, s, r, scale);
            final double[] a = shape.decoupledWeightDecay() ? hp[dwd] : null;
            final double[] b = shape.decoupled() ? hp[wd] : null;
            for (int l = 0; l < n; l++) {
                final double decay = a != null && b != null ? a[l] + b[l] : a != null ? a[l] : b[l];
                r[l] = r[l] + decay * scale[l] * xi[l];
            }
        }
        if (shape.l1Prox()) {
            final double[] w = hp[l1];
            for (int l = 0; l < n; l++) {
                final double v = xi[l];
                r[l] = v != 0 ? r[l] + w[l] * sign(v) : sign(r[l]) * max(abs(r[l]) - w[l], 0);
            }
        }
        return r;
    }

    /** bo_check on every lane; a stopped lane's member is written out and its place taken by the last lane. */
    private void stopFinished(int s, MemberResults out) {
        if (s < maxSteps && !(gtol > 0) && !(ftol > 0 && s > 0) && allFinite()) {
            return;
        }
        if (lazyNorms) {
            plainNorms(s);
        }
        int l = 0;
        while (l < n) {
            int status = check(f[l], fprev[l], gn[l], z[l], s);
            if (lagrangian != null) {
                status = lagrangian.feasible(status, gn[l], l, s);
            }
            if (status == RUNNING) {
                l++;
                continue;
            }
            final long m = member[l];
            for (int i = 0; i < dim; i++) {
                out.x().set(m, i, x[i][l]);
            }
            out.finish(m, shape.maximize() ? -f[l] : f[l], gn[l], s, Status.ofCode(status));
            if (lagrangian != null) {
                lagrangian.finish(out, m, l);
            }
            n = n - 1;
            if (l != n) {
                move(n, l);
            }
        }
    }

    /** True when no lane diverged: then, before the last step and without tolerances, no lane stops. */
    private boolean allFinite() {
        boolean finite = true;
        for (int l = 0; l < n; l++) {
            finite &= (abs(f[l]) <= REAL_MAX) & (z[l] == 0);
            if (lagrangian != null) {
                finite &= lagrangian.finite(l);
            }
        }
        return finite;
    }

    int check(double fv, double fpv, double gnorm, double z, int s) {
        if (!(abs(fv) <= REAL_MAX) || z != 0) {
            return DIVERGED;
        }
        if (gtol > 0 && gnorm <= gtol) {
            return CONVERGED_GRADIENT;
        }
        if (ftol > 0 && s > 0 && abs(fv - fpv) <= ftol * (1 + abs(fv))) {
            return CONVERGED_VALUE;
        }
        if (s >= maxSteps) {
            return MAX_STEPS;
        }
        return RUNNING;
    }

    /** Moves lane {@code from} into lane {@code to}: everything the rest of the step and later steps read. */
    void move(int from, int to) {
        member[to] = member[from];
        f[to] = f[from];
        fprev[to] = fprev[from];
        gsq[to] = gsq[from];
        gn[to] = gn[from];
        z[to] = z[from];
        for (int i = 0; i < dim; i++) {
            x[i][to] = x[i][from];
            g[i][to] = g[i][from];
            for (double[][] slot : st) {
                slot[i][to] = slot[i][from];
            }
        }
        for (double[] slot : ms) {
            slot[to] = slot[from];
        }
        for (double[] slot : hp) {
            slot[to] = slot[from];
        }
        if (lagrangian != null) {
            lagrangian.move(from, to);
        }
    }

    /**
     * bo_prepare: schedule, regularization factors, the rule's scalars. When every hyperparameter is one value
     * for the batch, every lane computes the same thing, so lane 0 computes it and the others copy.
     */
    void prepare(int s) {
        final int lanes = uniform ? 1 : n;
        final double[] lr = sc[StepScalars.LR];
        if (schedule.uniform) {
            final double v = schedule.lr(s, hp, 0);
            for (int l = 0; l < lanes; l++) {
                lr[l] = v;
            }
        } else {
            for (int l = 0; l < lanes; l++) {
                lr[l] = schedule.lr(s, hp, l);
            }
        }
        final double[] decay = sc[StepScalars.DECAY];
        final double[] th = sc[StepScalars.L1];
        for (int l = 0; l < lanes; l++) {
            decay[l] = shape.decoupledWeightDecay() ? 1 - lr[l] * hp[dwd][l] : 1;
            th[l] = shape.l1Prox() ? hp[l1][l] : 0;
        }
        rule.prepare(this, s, lanes);
        if (uniform) {
            for (double[] slot : sc) {
                java.util.Arrays.fill(slot, 1, n, slot[0]);
            }
            for (double[] slot : ms) {
                java.util.Arrays.fill(slot, 1, n, slot[0]);
            }
        }
    }

    /**
     * bo_update_coord on every coordinate: the L1 proximal threshold is the rule's step coefficient times l1. A
     * coordinate no penalty touches (a model's intercept) gets the rule alone, its weight decay off (the batched
     * kernel's bo_free_update_coord): no decoupled decay, no L1 step.
     */
    void update() {
        final double[] decay = sc[StepScalars.DECAY];
        final double[] th = sc[StepScalars.L1];
        for (int i = 0; i < dim; i++) {
            final double[] xi = x[i];
            if (!penalized[i]) {
                final double[] wd = sc[wdSlot];
                sc[wdSlot] = noWd;
                rule.coord(this, i, n);
                sc[wdSlot] = wd;
                continue;
            }
            if (shape.decoupledWeightDecay()) {
                for (int l = 0; l < n; l++) {
                    xi[l] = xi[l] * decay[l];
                }
            }
            rule.coord(this, i, n);
            if (shape.l1Prox()) {
                for (int l = 0; l < n; l++) {
                    final double v = xi[l];
                    xi[l] = sign(v) * max(abs(v) - step[l] * th[l], 0);
                }
            }
        }
    }

    void snapshot(MemberResults.Points points) {
        for (int l = 0; l < n; l++) {
            for (int i = 0; i < dim; i++) {
                points.set(member[l], i, x[i][l]);
            }
        }
    }
}
