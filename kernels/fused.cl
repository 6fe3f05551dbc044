/*
 * Fused strategy: one work-item per member keeps x, the gradient and the rule's state in private memory
 * and runs up to `iterations` evaluate-check-update iterations; memory is touched at the start and the end
 * of the launch only. Twin: Tile64.java (CpuBackend runs the same steps over lanes of members).
 *
 * Memory layout, structure of arrays over the nm members of this execution (64-bit indices):
 *   X[i*nm + m], ST[(j*DIM + i)*nm + m] for coordinate state slot j, ST[(RULE_NS*DIM + k)*nm + m] for
 *   member state slot k; F (last f), GN (gradient norm at stop), STATUS, STEPS per member;
 *   ACTIVE[0..nactive) the members still running; UNI uniform and PM per-member hyperparameters;
 *   CON[k*nm + m] slot k of the member's constraint state, PJ the projection's data (constraints.cl).
 */

/* f and the gradient at x: analytic or by central differences, negated when maximizing. */
BO_FN real bo_evaluate(real* x, real* g, real fd_step, const real* hp)
{
#if BO_CENTRAL
    for (int i = 0; i < DIM; i++) {
        const real xi = x[i];
        const real h = fd_step * bo_max(R(1), fabs(xi));
        const real xp = xi + h;
        const real xm = xi - h;
        x[i] = xp;
        const real fp = obj_value(x, hp);
        x[i] = xm;
        const real fm = obj_value(x, hp);
        x[i] = xi;
        g[i] = (fp - fm) / (xp - xm);
    }
    real f = obj_value(x, hp);
#else
    real f = obj_value_grad(x, g, hp);
#endif
#if BO_MAXIMIZE
    f = -f;
    for (int i = 0; i < DIM; i++) {
        g[i] = -g[i];
    }
#endif
    return f;
}

/* bo_stop_grad of coordinate i, the rule's state of the coordinate gathered from st. */
BO_FN real bo_stop_grad_fused(int i, const real* x, const real* g, real st[RULE_NS_ALLOC][DIM], const real* hp,
                              const real* ms, int s)
{
    real sv[RULE_NS_ALLOC];
    for (int j = 0; j < RULE_NS; j++) {
        sv[j] = st[j][i];
    }
    return bo_stop_grad(g[i], x[i], hp, sv, ms, s);
}

__kernel void bo_fused(__global real* X, __global real* ST, __global real* F, __global real* GN,
                       __global int* STATUS, __global int* STEPS,
                       __global const int* ACTIVE, const int nactive, const long nm,
                       __global const real* UNI, __global const real* PM,
                       const int s0, const int iterations, const int max_steps,
                       const real gtol, const real ftol, const real fd_step,
                       __global real* CON, __global const real* PJ, const real feas_tol)
{
    const int gid = (int)get_global_id(0);
    if (gid >= nactive) {
        return;
    }
    const long m = ACTIVE[gid];
    real hp[BO_NP_ALLOC];
    BO_LOAD_PARAMS(hp, UNI, PM, nm, m);
    real x[DIM];
    real g[DIM];
    real st[RULE_NS_ALLOC][DIM];
    real ms[RULE_NMS_ALLOC];
    real sc[BO_NSC];
    for (int i = 0; i < DIM; i++) {
        x[i] = X[(long)i * nm + m];
        for (int j = 0; j < RULE_NS; j++) {
            st[j][i] = ST[(long)(j * DIM + i) * nm + m];
        }
    }
    for (int k = 0; k < RULE_NMS; k++) {
        ms[k] = ST[(long)(RULE_NS * DIM + k) * nm + m];
    }
#if BO_NCON > 0
    real al[BO_CON_REALS];
    for (int k = 0; k < BO_CON_REALS; k++) {
        al[k] = CON[(long)k * nm + m];
    }
#endif
    real fprev = F[m];
    real f = fprev;
    real gnorm = R(0);
    int s = s0;
    int status = BO_RUNNING;
    for (int it = 0; it < iterations; it++) {
#if BO_PROJECT
        if (s == 0) {
            bo_project(x, g, PJ);
        }
#endif
        f = bo_evaluate(x, g, fd_step, hp);
#if BO_NCON > 0
        con_all(x, g, hp, al, s, feas_tol);
#endif
        real gsq = R(0);
        real z = R(0);
        for (int i = 0; i < DIM; i++) {
            g[i] = bo_regularize(g[i], x[i], hp);
            const real r = bo_stop_grad_fused(i, x, g, st, hp, ms, s);
            gsq = gsq + r * r;
            z = z + x[i] * R(0) + g[i] * R(0);
        }
        gnorm = sqrt(gsq);
        if (!(gsq <= REAL_MAX) && z == R(0)) {
            /* The squares overflowed although every component is finite: the norm scaled by the largest. */
            real amax = R(0);
            for (int i = 0; i < DIM; i++) {
                amax = bo_max(amax, fabs(bo_stop_grad_fused(i, x, g, st, hp, ms, s)));
            }
            real ssq = R(0);
            for (int i = 0; i < DIM; i++) {
                const real q = bo_stop_grad_fused(i, x, g, st, hp, ms, s) / amax;
                ssq = ssq + q * q;
            }
            gnorm = amax <= REAL_MAX ? amax * sqrt(ssq) : amax;
        }
#if BO_PROJECT
        if (z == R(0)) {
            /* Under a projection, the stopping gradient as the projection sees it (constraints.cl). */
            real nu = R(0);
#if BO_PROJECT == BO_PROJECT_SIMPLEX
            real sum = R(0);
            int k = 0;
            for (int i = 0; i < DIM; i++) {
                if (R(0) < x[i]) {
                    sum = sum + bo_stop_grad_fused(i, x, g, st, hp, ms, s);
                    k = k + 1;
                }
            }
            nu = k > 0 ? sum / (real)k : R(0);
#endif
            real psq = R(0);
            for (int i = 0; i < DIM; i++) {
                const real r = bo_project_grad(bo_stop_grad_fused(i, x, g, st, hp, ms, s), x[i], i, nu, PJ);
                psq = psq + r * r;
            }
            gnorm = psq <= REAL_MAX ? sqrt(psq) : gnorm;
        }
#endif
        status = bo_check(f, fprev, gnorm, z, s, max_steps, gtol, ftol);
#if BO_NCON > 0
        status = bo_feasible(status, gnorm, al, feas_tol, s, max_steps);
#endif
        if (status != BO_RUNNING) {
            break;
        }
        fprev = f;
        bo_prepare(sc, ms, s, hp);
        for (int i = 0; i < DIM; i++) {
            real sv[RULE_NS_ALLOC];
            for (int j = 0; j < RULE_NS; j++) {
                sv[j] = st[j][i];
            }
            bo_update_coord(sc, &x[i], g[i], sv);
            for (int j = 0; j < RULE_NS; j++) {
                st[j][i] = sv[j];
            }
        }
#if BO_PROJECT
        bo_project(x, g, PJ);
#endif
        s = s + 1;
    }
    for (int i = 0; i < DIM; i++) {
        X[(long)i * nm + m] = x[i];
        for (int j = 0; j < RULE_NS; j++) {
            ST[(long)(j * DIM + i) * nm + m] = st[j][i];
        }
    }
    for (int k = 0; k < RULE_NMS; k++) {
        ST[(long)(RULE_NS * DIM + k) * nm + m] = ms[k];
    }
#if BO_NCON > 0
    for (int k = 0; k < BO_CON_REALS; k++) {
        CON[(long)k * nm + m] = al[k];
    }
#endif
    if (status == BO_RUNNING) {
        F[m] = fprev;
    } else {
        F[m] = f;
        GN[m] = gnorm;
        STATUS[m] = status;
        STEPS[m] = s;
    }
}
