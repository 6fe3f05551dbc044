/*
 * Streaming strategy, for dimensions too large to keep a member in registers: state stays in device memory
 * (the layout of fused.cl) and each step is two launches over the active members:
 *   bo_stream_eval    one work-item per member: f and the gradient into G, the stopping tests, and the
 *                     step's scalars into SC[k*nm + m] (the member's rule state products advance here);
 *   bo_stream_update  one work-item per (member, coordinate): the update of that coordinate (clamped into the box
 *                     with a box projection);
 *   bo_stream_project one work-item per member, after the update with a simplex projection: the projection.
 * The arithmetic per member and coordinate is the fused kernel's, so both strategies give the same bits.
 * bo_init (init.cl) initializes the state for both.
 */
BO_FN real bo_evaluate_global(__global real* x, __global real* g, const long nm, real fd_step, const real* hp)
{
#if BO_CENTRAL
    for (int i = 0; i < DIM; i++) {
        const real xi = x[(long)i * nm];
        const real h = fd_step * bo_max(R(1), fabs(xi));
        const real xp = xi + h;
        const real xm = xi - h;
        x[(long)i * nm] = xp;
        const real fp = obj_value(x, nm, hp);
        x[(long)i * nm] = xm;
        const real fm = obj_value(x, nm, hp);
        x[(long)i * nm] = xi;
        g[(long)i * nm] = (fp - fm) / (xp - xm);
    }
    real f = obj_value(x, nm, hp);
#else
    real f = obj_value_grad(x, g, nm, hp);
#endif
#if BO_MAXIMIZE
    f = -f;
    for (int i = 0; i < DIM; i++) {
        g[(long)i * nm] = -g[(long)i * nm];
    }
#endif
    return f;
}

/* bo_stop_grad of coordinate i of member m (x and g offset to the member), its state gathered from ST. */
BO_FN real bo_stop_grad_global(int i, __global const real* x, __global const real* g, __global const real* ST,
                               const long nm, const long m, const real* hp, const real* ms, int s)
{
    real sv[RULE_NS_ALLOC];
    for (int j = 0; j < RULE_NS; j++) {
        sv[j] = ST[(long)(j * DIM + i) * nm + m];
    }
    return bo_stop_grad(g[(long)i * nm], x[(long)i * nm], hp, sv, ms, s);
}

__kernel void bo_stream_eval(__global real* X, __global real* G, __global real* ST, __global real* SC,
                             __global real* F, __global real* GN, __global int* STATUS, __global int* STEPS,
                             __global const int* ACTIVE, const int nactive, const long nm,
                             __global const real* UNI, __global const real* PM,
                             const int s, const int max_steps, const real gtol, const real ftol,
                             const real fd_step, __global real* CON, __global const real* PJ, const real feas_tol)
{
    const int gid = (int)get_global_id(0);
    if (gid >= nactive) {
        return;
    }
    const long m = ACTIVE[gid];
    if (STATUS[m] != BO_RUNNING) {
        return;
    }
    real hp[BO_NP_ALLOC];
    BO_LOAD_PARAMS(hp, UNI, PM, nm, m);
    __global real* x = X + m;
    __global real* g = G + m;
#if BO_PROJECT
    if (s == 0) {
        bo_project(x, g, nm, PJ);
    }
#endif
    const real f = bo_evaluate_global(x, g, nm, fd_step, hp);
#if BO_NCON > 0
    con_all(x, g, nm, hp, CON + m, nm, s, feas_tol);
#endif
    real ms[RULE_NMS_ALLOC];
    for (int k = 0; k < RULE_NMS; k++) {
        ms[k] = ST[(long)(RULE_NS * DIM + k) * nm + m];
    }
    real gsq = R(0);
    real z = R(0);
    for (int i = 0; i < DIM; i++) {
        const real xi = x[(long)i * nm];
        const real gi = bo_regularize(g[(long)i * nm], xi, hp);
        g[(long)i * nm] = gi;
        const real r = bo_stop_grad_global(i, x, g, ST, nm, m, hp, ms, s);
        gsq = gsq + r * r;
        z = z + xi * R(0) + gi * R(0);
    }
    real gnorm = sqrt(gsq);
    if (!(gsq <= REAL_MAX) && z == R(0)) {
        /* The squares overflowed although every component is finite: the norm scaled by the largest. */
        real amax = R(0);
        for (int i = 0; i < DIM; i++) {
            amax = bo_max(amax, fabs(bo_stop_grad_global(i, x, g, ST, nm, m, hp, ms, s)));
        }
        real ssq = R(0);
        for (int i = 0; i < DIM; i++) {
            const real q = bo_stop_grad_global(i, x, g, ST, nm, m, hp, ms, s) / amax;
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
            if (R(0) < x[(long)i * nm]) {
                sum = sum + bo_stop_grad_global(i, x, g, ST, nm, m, hp, ms, s);
                k = k + 1;
            }
        }
        nu = k > 0 ? sum / (real)k : R(0);
#endif
        real psq = R(0);
        for (int i = 0; i < DIM; i++) {
            const real r = bo_project_grad(bo_stop_grad_global(i, x, g, ST, nm, m, hp, ms, s), x[(long)i * nm], i, nu,
                                           PJ);
            psq = psq + r * r;
        }
        gnorm = psq <= REAL_MAX ? sqrt(psq) : gnorm;
    }
#endif
    int status = bo_check(f, F[m], gnorm, z, s, max_steps, gtol, ftol);
#if BO_NCON > 0
    status = bo_feasible(status, gnorm, CON + m, nm, feas_tol, s, max_steps);
#endif
    F[m] = f;
    if (status != BO_RUNNING) {
        GN[m] = gnorm;
        STATUS[m] = status;
        STEPS[m] = s;
        return;
    }
    real sc[BO_NSC];
    bo_prepare(sc, ms, s, hp);
    for (int k = 0; k < RULE_NMS; k++) {
        ST[(long)(RULE_NS * DIM + k) * nm + m] = ms[k];
    }
    for (int k = 0; k < BO_NSC; k++) {
        SC[(long)k * nm + m] = sc[k];
    }
}

__kernel void bo_stream_update(__global real* X, __global const real* G, __global real* ST,
                               __global const real* SC, __global const int* STATUS,
                               __global const int* ACTIVE, const int nactive, const long nm,
                               __global const real* PJ)
{
    const long e = get_global_id(0);
    if (e >= (long)nactive * DIM) {
        return;
    }
    const int i = (int)(e / nactive);
    const long m = ACTIVE[e - (long)i * nactive];
    if (STATUS[m] != BO_RUNNING) {
        return;
    }
    real sc[BO_NSC];
    for (int k = 0; k < BO_NSC; k++) {
        sc[k] = SC[(long)k * nm + m];
    }
    real sv[RULE_NS_ALLOC];
    for (int j = 0; j < RULE_NS; j++) {
        sv[j] = ST[(long)(j * DIM + i) * nm + m];
    }
    real xv = X[(long)i * nm + m];
    bo_update_coord(sc, &xv, G[(long)i * nm + m], sv);
#if BO_PROJECT == BO_PROJECT_BOX
    xv = bo_clamp(xv, PJ[i], PJ[DIM + i]);
#endif
    X[(long)i * nm + m] = xv;
    for (int j = 0; j < RULE_NS; j++) {
        ST[(long)(j * DIM + i) * nm + m] = sv[j];
    }
}

__kernel void bo_stream_project(__global real* X, __global real* G, __global const int* STATUS,
                                __global const int* ACTIVE, const int nactive, const long nm,
                                __global const real* PJ)
{
    const int gid = (int)get_global_id(0);
    if (gid >= nactive) {
        return;
    }
    const long m = ACTIVE[gid];
    if (STATUS[m] != BO_RUNNING) {
        return;
    }
    bo_project(X + m, G + m, nm, PJ);
}
