/*
 * Constraints, shared by the fused and the streaming kernels: the projection of x onto a box or a simplex, and the
 * augmented Lagrangian of general constraints. Twins: backend/cpu/Projection64.java, backend/cpu/Lagrangian64.java.
 *
 * Program flags (org.batchopt.backend.KernelProgram): BO_PROJECT (BO_PROJECT_NONE, BO_PROJECT_BOX,
 * BO_PROJECT_SIMPLEX); BO_NCON, the number of general constraints, whose functions con_j and con_all
 * (org.batchopt.kernel.ConstraintSource) follow this file; the slots of a member's constraint state BO_CON_*;
 * BO_RHO_MAX, the largest penalty.
 *
 * PJ holds the projection's data: the box's lower bound of coordinate i at PJ[i], its upper bound at PJ[DIM + i]; the
 * simplex's sum S at PJ[0]. X(i), G(i) are the member's coordinates and gradient (or scratch), AL(k) slot k of its
 * constraint state: private arrays in fused.cl, global memory with the members' stride in streaming.cl.
 *
 * Augmented Lagrangian (Hestenes, Powell; inequalities in Rockafellar's form): constraint j is c_j(x) = 0, or
 * c_j(x) <= 0 for an inequality. The rule minimizes, for K = inner_steps steps at a time,
 *   L(x) = F(x) + sum_j [lambda_j c_j + (rho_j/2) c_j^2]                                    (equalities)
 *               + sum_j [(rho_j/2) max(0, c_j + lambda_j/rho_j)^2 - lambda_j^2/(2 rho_j)]   (inequalities)
 * with F the minimized objective (-f when maximizing), whose gradient is grad F + sum_j w_j grad c_j with the weight
 *   w_j = lambda_j + rho_j c_j, for an inequality max(0, lambda_j + rho_j c_j).
 * At every evaluation after step s > 0 with s % K == 0, before the weights, the multipliers move to the weights at x:
 * lambda_j <- w_j (with the old rho_j); then rho_j <- min(rho_j * rho_growth, BO_RHO_MAX) when constraint j's
 * violation is above the feasibility tolerance and did not fall to half of its value at the previous update. The weights are the multipliers' estimates at
 * x, and the gradient above is the Lagrangian's at (x, w): its norm is the KKT residual's stationarity part.
 */

/* v clamped into [lo, hi]; a NaN stays NaN. */
BO_FN real bo_clamp(real v, real lo, real hi)
{
    return v < lo ? lo : (hi < v ? hi : v);
}

#if BO_PROJECT == BO_PROJECT_SIMPLEX
/* Restores the max-heap order of G(0 .. n-1) below entry r. */
BO_FN void bo_sift(BO_XW_PARAMS, int r, const int n)
{
    for (;;) {
        int c = 2 * r + 1;
        if (c >= n) {
            return;
        }
        if (c + 1 < n && G(c) < G(c + 1)) {
            c = c + 1;
        }
        if (!(G(r) < G(c))) {
            return;
        }
        const real t = G(r);
        G(r) = G(c);
        G(c) = t;
        r = c;
    }
}
#endif

/*
 * x onto the feasible set. The box: every coordinate clamped. The simplex {x >= 0, sum x = S}: the Euclidean
 * projection x_i = max(x_i - tau, 0), with tau = (u_1 + ... + u_k - S)/k for u the entries in decreasing order and k
 * the last j with u_j > (u_1 + ... + u_j - S)/j (Held, Wolfe and Crowder 1974; Duchi et al. 2008). The entries are
 * taken from a max-heap built in G, which is scratch here: O(D + k log D).
 */
BO_FN void bo_project(BO_XW_PARAMS, __global const real* PJ)
{
#if BO_PROJECT == BO_PROJECT_BOX
    for (int i = 0; i < DIM; i++) {
        X(i) = bo_clamp(X(i), PJ[i], PJ[DIM + i]);
    }
#elif BO_PROJECT == BO_PROJECT_SIMPLEX
    const real total = PJ[0];
    for (int i = 0; i < DIM; i++) {
        G(i) = X(i);
    }
    for (int r = DIM / 2 - 1; r >= 0; r--) {
        bo_sift(BO_XW_ARGS, r, DIM);
    }
    real cs = R(0);
    real tau = R(0);
    for (int j = 1; j <= DIM; j++) {
        const real u = G(0);
        cs = cs + u;
        const real t = (cs - total) / (real)j;
        if (j > 1 && !(t < u)) {
            break;
        }
        tau = t;
        G(0) = G(DIM - j);
        bo_sift(BO_XW_ARGS, 0, DIM - j);
    }
    for (int i = 0; i < DIM; i++) {
        const real v = X(i) - tau;
        X(i) = v < R(0) ? R(0) : v;
    }
#endif
}

/*
 * Component i of a stopping gradient r (step.cl's bo_stop_grad) as the projection sees it, so that it is 0 at a
 * minimum on the set: a component that would push x out where it is on the boundary counts as 0. The box: r_i at a
 * bound, pointing outward. The simplex: r_i - nu, nu the mean of r over the coordinates above 0 (the strategies
 * compute it), and where x_i = 0 at most 0.
 */
BO_FN real bo_project_grad(const real r, const real xi, const int i, const real nu, __global const real* PJ)
{
#if BO_PROJECT == BO_PROJECT_BOX
    return (xi <= PJ[i] && R(0) < r) || (PJ[DIM + i] <= xi && r < R(0)) ? R(0) : r;
#else
    const real d = r - nu;
    return !(R(0) < xi) && R(0) < d ? R(0) : d;
#endif
}

#if BO_NCON > 0
/* The larger of m and v; a NaN v is kept, so that a constraint that is not finite makes its member diverge. */
BO_FN real bo_con_max(real m, real v)
{
    return m < v || v != v ? v : m;
}

/*
 * Before constraint 0 of an evaluation after s updates: clears the violation and the KKT residual, and says whether
 * the multipliers move now (s > 0 and s % inner_steps == 0).
 */
BO_FN int bo_con_due(const real* hp, CON_PARAMS, const int s)
{
    AL(BO_CON_VIOLATION) = R(0);
    AL(BO_CON_KKT) = R(0);
    const int k = (int)hp[HP_inner_steps];
    return s > 0 && s % k == 0;
}

/*
 * Constraint j at x, its left side e and value c: the multiplier update when due, then its weight w (the header
 * above), its share of the violation and of the KKT residual (|c| for an equality, |min(-c, w)| for an inequality);
 * keeps e and w for the results and returns w.
 */
BO_FN real bo_con_weight(const int j, const int inequality, const real e, const real c, const real* hp, CON_PARAMS,
                         const int due, const real tol)
{
    real lam = AL(BO_CON_LAM + j);
    real rho = AL(BO_CON_RHO + j);
    const real v = inequality ? (c < R(0) ? R(0) : c) : fabs(c);
    if (due) {
        lam = lam + rho * c;
        if (inequality && lam < R(0)) {
            lam = R(0);
        }
        if (tol < v && R(0.5) * AL(BO_CON_VPREV + j) < v) {
            const real grown = rho * hp[HP_rho_growth];
            rho = grown < R(BO_RHO_MAX) ? grown : R(BO_RHO_MAX);
        }
        AL(BO_CON_VPREV + j) = v;
        AL(BO_CON_LAM + j) = lam;
        AL(BO_CON_RHO + j) = rho;
    }
    real w = lam + rho * c;
    if (inequality && w < R(0)) {
        w = R(0);
    }
    AL(BO_CON_VALUE + j) = e;
    AL(BO_CON_WEIGHT + j) = w;
    AL(BO_CON_VIOLATION) = bo_con_max(AL(BO_CON_VIOLATION), v);
    const real mc = -c;
    AL(BO_CON_KKT) = bo_con_max(AL(BO_CON_KKT), inequality ? fabs(mc < w ? mc : w) : fabs(c));
    return w;
}

/*
 * A constrained member's status after bo_check: one whose violation is above tol never converges; it runs to the step
 * budget and ends INFEASIBLE. A constraint that is not finite makes it DIVERGED. Completes the KKT residual with the
 * stopping gradient's norm.
 */
BO_FN int bo_feasible(const int status, const real gnorm, CON_PARAMS, const real tol, const int s,
                      const int max_steps)
{
    const real v = AL(BO_CON_VIOLATION);
    AL(BO_CON_KKT) = bo_con_max(AL(BO_CON_KKT), gnorm);
    if (status == BO_DIVERGED) {
        return status;
    }
    if (!(v <= REAL_MAX)) {
        return BO_DIVERGED;
    }
    if (status == BO_RUNNING || v <= tol) {
        return status;
    }
    return s >= max_steps ? BO_INFEASIBLE : BO_RUNNING;
}
#endif
