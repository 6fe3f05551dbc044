/*
 * Batched strategy: a model fitted to a dataset every member shares (org.batchopt.kernel.KernelModel has the losses
 * and the order of every sum). Twin: DataTwin64.java (evaluation) and DataTile64.java (a step).
 *
 * Program flags besides step.cl's: BO_MODEL (BO_MODEL_LINEAR, _LOGISTIC, _SOFTMAX), BO_FEATURES (F), BO_OUTPUTS (C),
 * BO_INTERCEPT, BO_STRIDE (F plus the intercept: coordinate c*BO_STRIDE + k is w_ck, c*BO_STRIDE + F is b_c),
 * BO_ROW_CHUNK (rows per chunk of a sum over rows), BO_TILE (the side of a work-group's square tile; work-groups
 * have BO_TILE*BO_TILE work-items).
 *
 * A step over `count` rows (every training row, or a minibatch: rows ORDER[first + p] when `ordered`) runs in passes
 * of whole chunks; per pass:
 *   bo_data_z       Z[(p*C + c)*nm + m] = x_p.w_mc + b_mc      (tiled; the sum over k in increasing order)
 *   bo_data_rows    the row function: loss L[p*nm + m], residuals in place of Z (and in an evaluation A: the row
 *                   predicted right)
 *   bo_data_chunks  PART[q*nm + m] = the sum of L over chunk q of the pass
 *   bo_data_total   T[m] = T[m] + PART[0] + PART[1] + ...       (from 0 in a step's first pass)
 *   bo_data_grad    G[(c*S + k)*nm + m] = G + chunk sums of fma(Z, x_pk)   (tiled; chunk by chunk, rows increasing)
 * then, per active member, bo_data_eval (f = T/count, g = G/count, the regularization, the stopping tests, the step
 * scalars) and per coordinate bo_data_update. The state layout is the streaming strategy's (fused.cl).
 */

#define BO_PENALIZED(i) (!BO_INTERCEPT || ((i) % BO_STRIDE) != BO_FEATURES)

/* The row of position p of a step or pass. */
#define BO_ROW(p) (ordered ? (long)ORDER[first + (p)] : (long)first + (long)(p))

__kernel void bo_data_z(__global const real* XD, __global const int* ORDER, const int ordered, const int first,
                        const int count, __global const real* X, const long nm, __global real* Z)
{
    __local real xl[BO_TILE][BO_TILE];
    __local real wl[BO_TILE][BO_TILE];
    const long gid = get_group_id(0);
    const int lid = (int)get_local_id(0);
    const long mtiles = (nm + BO_TILE - 1) / BO_TILE;
    const long rtiles = ((long)count + BO_TILE - 1) / BO_TILE;
    const long mt = gid % mtiles;
    const long rt = (gid / mtiles) % rtiles;
    const int c = (int)(gid / mtiles / rtiles);
    const int a = lid / BO_TILE;
    const int b = lid % BO_TILE;
    const long p = rt * BO_TILE + a;
    const long m = mt * BO_TILE + b;
    real acc = R(0);
    for (int k0 = 0; k0 < BO_FEATURES; k0 += BO_TILE) {
        xl[a][b] = p < count && k0 + b < BO_FEATURES ? XD[BO_ROW(p) * BO_FEATURES + k0 + b] : R(0);
        wl[a][b] = k0 + a < BO_FEATURES && m < nm ? X[(long)(c * BO_STRIDE + k0 + a) * nm + m] : R(0);
        barrier(CLK_LOCAL_MEM_FENCE);
        const int kn = BO_FEATURES - k0 < BO_TILE ? BO_FEATURES - k0 : BO_TILE;
        for (int j = 0; j < kn; j++) {
            acc = fma(xl[a][j], wl[j][b], acc);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (p < count && m < nm) {
#if BO_INTERCEPT
        acc = acc + X[(long)(c * BO_STRIDE + BO_FEATURES) * nm + m];
#endif
        Z[(p * BO_OUTPUTS + c) * nm + m] = acc;
    }
}

/* 1 where the model predicts the class y at the outputs Z[(p*C + c)*nm + m], else 0. */
BO_FN real bo_data_correct(__global const real* z, const long nm, real y)
{
#if BO_MODEL == BO_MODEL_LOGISTIC
    return (z[0] > R(0) ? R(1) : R(0)) == y ? R(1) : R(0);
#else
    real mx = z[0];
    for (int c = 1; c < BO_OUTPUTS; c++) {
        mx = bo_max(mx, z[(long)c * nm]);
    }
    int predicted = -1;
    for (int c = 0; c < BO_OUTPUTS; c++) {
        if (predicted < 0 && z[(long)c * nm] == mx) {
            predicted = c;
        }
    }
    return predicted == (int)y ? R(1) : R(0);
#endif
}

__kernel void bo_data_rows(__global const real* YD, __global const int* ORDER, const int ordered, const int first,
                           const int count, const long nm, __global real* Z, __global real* L, __global real* A,
                           const int evaluation)
{
    const long e = get_global_id(0);
    if (e >= (long)count * nm) {
        return;
    }
    const long p = e / nm;
    const long m = e - p * nm;
    const real y = YD[BO_ROW(p)];
    __global real* z = Z + p * BO_OUTPUTS * nm + m;
    if (evaluation) {
#if BO_MODEL != BO_MODEL_LINEAR
        A[p * nm + m] = bo_data_correct(z, nm, y);
#endif
    }
#if BO_MODEL == BO_MODEL_LINEAR
    const real r = z[0] - y;
    z[0] = r;
    L[p * nm + m] = R(0.5) * (r * r);
#elif BO_MODEL == BO_MODEL_LOGISTIC
    const real zv = z[0];
    const real t = bo_exp(-fabs(zv));
    const real sp = bo_log(R(1) + t);
    L[p * nm + m] = (bo_max(zv, R(0)) + sp) - y * zv;
    const real q = zv >= R(0) ? R(1) / (R(1) + t) : t / (R(1) + t);
    z[0] = q - y;
#else
    real mx = z[0];
    for (int c = 1; c < BO_OUTPUTS; c++) {
        mx = bo_max(mx, z[(long)c * nm]);
    }
    real s = R(0);
    for (int c = 0; c < BO_OUTPUTS; c++) {
        s = s + bo_exp(z[(long)c * nm] - mx);
    }
    const int label = (int)y;
    L[p * nm + m] = (mx + bo_log(s)) - z[(long)label * nm];
    for (int c = 0; c < BO_OUTPUTS; c++) {
        const real hit = c == label ? R(1) : R(0);
        z[(long)c * nm] = bo_exp(z[(long)c * nm] - mx) / s - hit;
    }
#endif
}

__kernel void bo_data_chunks(__global const real* L, const int count, const long nm, __global real* PART)
{
    const long e = get_global_id(0);
    const long chunks = ((long)count + BO_ROW_CHUNK - 1) / BO_ROW_CHUNK;
    if (e >= chunks * nm) {
        return;
    }
    const long q = e / nm;
    const long m = e - q * nm;
    const long to = (q + 1) * BO_ROW_CHUNK < count ? (q + 1) * BO_ROW_CHUNK : (long)count;
    real s = R(0);
    for (long p = q * BO_ROW_CHUNK; p < to; p++) {
        s = s + L[p * nm + m];
    }
    PART[q * nm + m] = s;
}

__kernel void bo_data_total(__global const real* PART, const int chunks, const long nm, __global real* T,
                            const int init)
{
    const long m = get_global_id(0);
    if (m >= nm) {
        return;
    }
    real t = init ? R(0) : T[m];
    for (int q = 0; q < chunks; q++) {
        t = t + PART[(long)q * nm + m];
    }
    T[m] = t;
}

__kernel void bo_data_grad(__global const real* XD, __global const int* ORDER, const int ordered, const int first,
                           const int count, __global const real* Z, const long nm, __global real* G, const int init)
{
    __local real zl[BO_TILE][BO_TILE];
    __local real xl[BO_TILE][BO_TILE];
    const long gid = get_group_id(0);
    const int lid = (int)get_local_id(0);
    const long mtiles = (nm + BO_TILE - 1) / BO_TILE;
    const long ktiles = (BO_STRIDE + BO_TILE - 1) / BO_TILE;
    const long mt = gid % mtiles;
    const long kt = (gid / mtiles) % ktiles;
    const int c = (int)(gid / mtiles / ktiles);
    const int a = lid / BO_TILE;
    const int b = lid % BO_TILE;
    const int k = (int)(kt * BO_TILE) + a;
    const long m = mt * BO_TILE + b;
    const bool out = k < BO_STRIDE && m < nm;
    const long i = (long)(c * BO_STRIDE + k);
    real total = init || !out ? R(0) : G[i * nm + m];
    real chunk = R(0);
    for (int r0 = 0; r0 < count; r0 += BO_TILE) {
        const long p = r0 + a;
        const long mb = mt * BO_TILE + b;
        const int kb = (int)(kt * BO_TILE) + b;
        zl[a][b] = p < count && mb < nm ? Z[(p * BO_OUTPUTS + c) * nm + mb] : R(0);
        xl[a][b] = p >= count ? R(0) : kb < BO_FEATURES ? XD[BO_ROW(p) * BO_FEATURES + kb]
                 : kb == BO_FEATURES && BO_INTERCEPT ? R(1) : R(0);
        barrier(CLK_LOCAL_MEM_FENCE);
        const int rn = count - r0 < BO_TILE ? count - r0 : BO_TILE;
        for (int j = 0; j < rn; j++) {
            chunk = fma(zl[j][b], xl[j][a], chunk);
            if ((r0 + j + 1) % BO_ROW_CHUNK == 0) {
                total = total + chunk;
                chunk = R(0);
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (count % BO_ROW_CHUNK != 0) {
        total = total + chunk;
    }
    if (out) {
        G[i * nm + m] = total;
    }
}

/* Component i of the stopping gradient (step.cl's bo_stop_grad), the gradient itself on a coordinate no penalty
   touches. */
BO_FN real bo_data_stop_grad(int i, __global const real* X, __global const real* G, __global const real* ST,
                             const long nm, const long m, const real* hp, const real* ms, int s)
{
    const real g = G[(long)i * nm + m];
    if (!BO_PENALIZED(i)) {
        return g;
    }
    real sv[RULE_NS_ALLOC];
    for (int j = 0; j < RULE_NS; j++) {
        sv[j] = ST[(long)(j * DIM + i) * nm + m];
    }
    return bo_stop_grad(g, X[(long)i * nm + m], hp, sv, ms, s);
}

__kernel void bo_data_eval(__global const real* X, __global real* G, __global real* ST, __global real* SC,
                           __global real* F, __global real* GN, __global int* STATUS, __global int* STEPS,
                           __global const int* ACTIVE, const int nactive, const long nm,
                           __global const real* UNI, __global const real* PM, __global const real* T,
                           __global const int* STOP, const int count, const int s, const int max_steps,
                           const real gtol, const real ftol)
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
    const real rows = (real)count;
    const real f = T[m] / rows;
    real ms[RULE_NMS_ALLOC];
    for (int k = 0; k < RULE_NMS; k++) {
        ms[k] = ST[(long)(RULE_NS * DIM + k) * nm + m];
    }
    real gsq = R(0);
    real z = R(0);
    for (int i = 0; i < DIM; i++) {
        const real xi = X[(long)i * nm + m];
        real gi = G[(long)i * nm + m] / rows;
        if (BO_PENALIZED(i)) {
            gi = bo_regularize(gi, xi, hp);
        }
        G[(long)i * nm + m] = gi;
        const real r = bo_data_stop_grad(i, X, G, ST, nm, m, hp, ms, s);
        gsq = gsq + r * r;
        z = z + xi * R(0) + gi * R(0);
    }
    real gnorm = sqrt(gsq);
    if (!(gsq <= REAL_MAX) && z == R(0)) {
        /* The squares overflowed although every component is finite: the norm scaled by the largest. */
        real amax = R(0);
        for (int i = 0; i < DIM; i++) {
            amax = bo_max(amax, fabs(bo_data_stop_grad(i, X, G, ST, nm, m, hp, ms, s)));
        }
        real ssq = R(0);
        for (int i = 0; i < DIM; i++) {
            const real q = bo_data_stop_grad(i, X, G, ST, nm, m, hp, ms, s) / amax;
            ssq = ssq + q * q;
        }
        gnorm = amax <= REAL_MAX ? amax * sqrt(ssq) : amax;
    }
    int status = bo_check(f, F[m], gnorm, z, s, max_steps, gtol, ftol);
    if (status == BO_RUNNING && STOP[m]) {
        status = BO_STOPPED_EARLY;
    }
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

/* The update of a coordinate no penalty touches (an intercept): the rule alone, its weight decay off. */
BO_FN void bo_free_update_coord(const real* sc, real* x, real g, real* s)
{
    real free_sc[BO_NSC];
    for (int k = 0; k < BO_NSC; k++) {
        free_sc[k] = sc[k];
    }
    free_sc[SC_WD] = BO_DECOUPLED ? R(1) : R(0);
    rule_coord(free_sc, x, g, s);
}

__kernel void bo_data_update(__global real* X, __global const real* G, __global real* ST,
                             __global const real* SC, __global const int* STATUS,
                             __global const int* ACTIVE, const int nactive, const long nm)
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
    if (BO_PENALIZED(i)) {
        bo_update_coord(sc, &xv, G[(long)i * nm + m], sv);
    } else {
        bo_free_update_coord(sc, &xv, G[(long)i * nm + m], sv);
    }
    X[(long)i * nm + m] = xv;
    for (int j = 0; j < RULE_NS; j++) {
        ST[(long)(j * DIM + i) * nm + m] = sv[j];
    }
}
