/*
 * One step of one member, shared by the fused and the streaming kernels. Twin: Tile64.java.
 *
 * Program flags (set by the program assembly, org.batchopt.backend.KernelProgram):
 *   DIM, BO_MAXIMIZE, BO_CENTRAL (central-difference gradient), BO_L1_SIGN, BO_L1_PROX, BO_L2, BO_DWD;
 *   the status codes BO_RUNNING, BO_CONVERGED_GRADIENT, BO_CONVERGED_VALUE, BO_MAX_STEPS, BO_DIVERGED
 *   (org.batchopt.Status).
 * hp[] holds the member's hyperparameters, HP_<name> their indices.
 */

/* The regularization terms of the gradient: L1 subgradient and coupled L2. */
BO_FN real bo_regularize(real g, real x, const real* hp)
{
#if BO_L1_SIGN
    g = g + hp[HP_l1] * bo_sign(x);
#endif
#if BO_L2
    g = g + hp[HP_l2] * x;
#endif
    return g;
}

/* Component i of the stopping gradient (org.batchopt.Stopping): the gradient of what the member minimizes, from
   g (the objective's gradient with the L1 subgradient and L2 terms, bo_regularize) at x, s and ms the rule's
   state after `steps` updates: plus torch's coupled weight_decay*x, as the rule adds it; plus wd*d*x for
   decoupled weight decay, d the rule's diagonal scaling (rule_scale), so that it vanishes exactly at the fixed
   points of the decayed update; with the L1 proximal step, the least-norm subgradient of the L1 term. */
BO_FN real bo_stop_grad(real g, real x, const real* hp, const real* s, const real* ms, int steps)
{
    real r = rule_coupled_decay(g, x, hp);
#if BO_DWD && BO_DECOUPLED
    r = r + (hp[HP_decoupled_weight_decay] + hp[HP_weight_decay]) * rule_scale(s, ms, r, hp, steps) * x;
#elif BO_DWD
    r = r + hp[HP_decoupled_weight_decay] * rule_scale(s, ms, r, hp, steps) * x;
#elif BO_DECOUPLED
    r = r + hp[HP_weight_decay] * rule_scale(s, ms, r, hp, steps) * x;
#endif
#if BO_L1_PROX
    r = x != R(0) ? r + hp[HP_l1] * bo_sign(x) : bo_sign(r) * bo_max(fabs(r) - hp[HP_l1], R(0));
#endif
    return r;
}

/* The stopping tests, in order, after an evaluation. z is the sum of x[i]*0 and g[i]*0: zero unless some
   coordinate of x or of the gradient is not finite. gnorm is the stopping gradient's norm. s is the
   number of updates done. */
BO_FN int bo_check(real f, real fprev, real gnorm, real z, int s, int max_steps, real gtol, real ftol)
{
    if (!(fabs(f) <= REAL_MAX) || z != R(0)) {
        return BO_DIVERGED;
    }
    if (gtol > R(0) && gnorm <= gtol) {
        return BO_CONVERGED_GRADIENT;
    }
    if (ftol > R(0) && s > 0 && fabs(f - fprev) <= ftol * (R(1) + fabs(f))) {
        return BO_CONVERGED_VALUE;
    }
    if (s >= max_steps) {
        return BO_MAX_STEPS;
    }
    return BO_RUNNING;
}

/* The step-wide scalars of update s + 1: schedule, regularization factors, the rule's scalars. */
BO_FN void bo_prepare(real* sc, real* ms, int s, const real* hp)
{
    const real lr = bo_schedule(s, hp);
    sc[BO_SC_LR] = lr;
#if BO_DWD
    sc[BO_SC_DECAY] = R(1) - lr * hp[HP_decoupled_weight_decay];
#else
    sc[BO_SC_DECAY] = R(1);
#endif
#if BO_L1_PROX
    sc[BO_SC_L1] = hp[HP_l1];
#else
    sc[BO_SC_L1] = R(0);
#endif
    rule_prepare(sc, ms, s + 1, lr, hp);
}

/* The update of one coordinate: decoupled weight decay, the rule, the L1 proximal step, whose threshold is
   the rule's step coefficient k of the coordinate times l1 (rules.cl; k = lr_t for plain SGD). */
BO_FN void bo_update_coord(const real* sc, real* x, real g, real* s)
{
#if BO_DWD
    *x = *x * sc[BO_SC_DECAY];
#endif
#if BO_L1_PROX
    const real k = rule_coord(sc, x, g, s);
    *x = bo_sign(*x) * bo_max(fabs(*x) - k * sc[BO_SC_L1], R(0));
#else
    rule_coord(sc, x, g, s);
#endif
}
