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

/* The stopping tests, in order, after an evaluation. xz is the sum of x[i]*0: zero unless some x[i] is
   not finite. s is the number of updates done. */
BO_FN int bo_check(real f, real fprev, real gsq, real xz, int s, int max_steps, real gtol, real ftol)
{
    if (!(fabs(f) <= REAL_MAX) || !(gsq <= REAL_MAX) || xz != R(0)) {
        return BO_DIVERGED;
    }
    if (gtol > R(0) && sqrt(gsq) <= gtol) {
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
    sc[BO_SC_L1] = lr * hp[HP_l1];
#else
    sc[BO_SC_L1] = R(0);
#endif
    rule_prepare(sc, ms, s + 1, lr, hp);
}

/* The update of one coordinate: decoupled weight decay, the rule, the L1 proximal step. */
BO_FN void bo_update_coord(const real* sc, real* x, real g, real* s)
{
#if BO_DWD
    *x = *x * sc[BO_SC_DECAY];
#endif
    rule_coord(sc, x, g, s);
#if BO_L1_PROX
    *x = bo_sign(*x) * bo_max(fabs(*x) - sc[BO_SC_L1], R(0));
#endif
}
