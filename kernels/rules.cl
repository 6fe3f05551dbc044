/*
 * Update rules (org.batchopt.rule), torch.optim term by term; the formulas are in each rule's javadoc.
 * Twin: Rules64.java.
 *
 * Where torch's CPU kernels evaluate a multiply-add in one rounding (add with alpha, addcmul, lerp), the
 * rules call fma() explicitly: correctly rounded on every backend, so parity holds, and the trajectories
 * follow torch's bit for bit where the conformance data can tell (sgd_nesterov after 1000 steps).
 *
 * A rule provides, for BO_RULE and its flags:
 *   rule_init(s, ms, hp)              state at step 0 (s is one coordinate's slots)
 *   rule_prepare(sc, ms, t, lr, hp)   per-member scalars of update t (1-based), lr the scheduled rate
 *   rule_coord(sc, x, g, s)           the update of one coordinate; returns its step coefficient
 *   rule_scale(s, ms, g, hp, steps)   the coordinate's diagonal scaling d = lr_t/k from the state after `steps`
 *                                     updates (the state taken as settled on the current gradient g at 0)
 * The program assembly (org.batchopt.backend.KernelProgram) defines, from org.batchopt.kernel.KernelRule, the ids
 * BO_RULE_<kind>, the rule's state values per coordinate RULE_NS (momentum buffers, moment estimates) and per
 * member RULE_NMS (running products beta^t, NAdam's mu product), its step scalars SC_<name> and their count
 * RULE_NSC, and BO_NSC = BO_SC_RULE + RULE_NSC. Step scalars shared by all rules (org.batchopt.kernel.StepScalars):
 * sc[BO_SC_LR] = lr_t, sc[BO_SC_DECAY] = 1 - lr_t*decoupled_weight_decay, sc[BO_SC_L1] = l1; a rule's own start
 * at sc[BO_SC_RULE].
 *
 * The step coefficient k of a coordinate: where the rule's state is steady (moments equal to a constant
 * gradient g, momentum buffers at their limit), the rule moves x by -k*g; k is lr_t over the rule's diagonal
 * scaling of that coordinate. The L1 proximal step after the update (step.cl) shrinks by the threshold k*l1,
 * the proximal operator of that same scaling, so that its fixed points are exactly the points where 0 lies in
 * g + l1*subdifferential(|x|): the lasso solutions. (A threshold lr_t*l1 leaves the adaptive rules elsewhere.)
 * The stopping test (step.cl) uses the scaling d = lr_t/k for decoupled weight decay, whose fixed points are where
 * g + wd*d*x = 0.
 */

/* g plus torch's coupled weight_decay*x, fused as every rule but AdamW adds it to its gradient (AdamW decouples
   it); for the stopping test (step.cl). */
BO_FN real rule_coupled_decay(real g, real x, const real* hp)
{
#if BO_DECOUPLED
    return g;
#else
    return hp[HP_weight_decay] != R(0) ? fma(x, hp[HP_weight_decay], g) : g;
#endif
}

#if BO_RULE == BO_RULE_SGD
/* SGD, s[0] = momentum buffer:
 *   d = fma(x, weight_decay, g)                 (only if weight_decay != 0)
 *   if momentum != 0:
 *       buf = d                                     at t = 1
 *       buf = fma(d, 1 - dampening, buf*momentum)   at t > 1
 *       d = nesterov ? fma(buf, momentum, d) : buf
 *   x = fma(d, -lr_t, x)
 * Step coefficient: lr_t without momentum, else lr_t*((1 - dampening)/(1 - momentum)), the limit of buf/g
 * (Nesterov needs dampening 0, and then g + momentum*buf tends to the same multiple of g). */

BO_FN void rule_init(real* s, real* ms, const real* hp)
{
    s[0] = R(0);
}

BO_FN void rule_prepare(real* sc, real* ms, int t, real lr, const real* hp)
{
    sc[SC_NEG_LR] = -lr;
    sc[SC_WD] = hp[HP_weight_decay];
    sc[SC_MOMENTUM] = hp[HP_momentum];
    sc[SC_ONE_MINUS_DAMPENING] = R(1) - hp[HP_dampening];
    sc[SC_FIRST] = t == 1 ? R(1) : R(0);
    sc[SC_STEP] = hp[HP_momentum] != R(0) ? lr * (sc[SC_ONE_MINUS_DAMPENING] / (R(1) - hp[HP_momentum])) : lr;
}

BO_FN real rule_coord(const real* sc, real* x, real g, real* s)
{
    real d = g;
    if (sc[SC_WD] != R(0)) {
        d = fma(*x, sc[SC_WD], d);
    }
    if (sc[SC_MOMENTUM] != R(0)) {
        s[0] = sc[SC_FIRST] != R(0) ? d : fma(d, sc[SC_ONE_MINUS_DAMPENING], s[0] * sc[SC_MOMENTUM]);
#if BO_NESTEROV
        d = fma(s[0], sc[SC_MOMENTUM], d);
#else
        d = s[0];
#endif
    }
    *x = fma(d, sc[SC_NEG_LR], *x);
    return sc[SC_STEP];
}

BO_FN real rule_scale(const real* s, const real* ms, real g, const real* hp, int steps)
{
    return hp[HP_momentum] != R(0) ? (R(1) - hp[HP_momentum]) / (R(1) - hp[HP_dampening]) : R(1);
}

#elif BO_RULE == BO_RULE_ADAGRAD
/* Adagrad, s[0] = sum of squared gradients (starts at initial_accumulator):
 *   g   = fma(x, weight_decay, g)                   (only if weight_decay != 0)
 *   clr = lr_t / (1 + (t - 1)*lr_decay)
 *   sum = fma(g, g, sum)
 *   x   = x + (-clr*g) / (sqrt(sum) + eps)
 * Step coefficient: clr/(sqrt(sum) + eps). */

BO_FN void rule_init(real* s, real* ms, const real* hp)
{
    s[0] = hp[HP_initial_accumulator];
}

BO_FN void rule_prepare(real* sc, real* ms, int t, real lr, const real* hp)
{
    sc[SC_NEG_CLR] = -(lr / (R(1) + (real)(t - 1) * hp[HP_lr_decay]));
    sc[SC_WD] = hp[HP_weight_decay];
    sc[SC_EPS] = hp[HP_eps];
}

BO_FN real rule_coord(const real* sc, real* x, real g, real* s)
{
    real gi = g;
    if (sc[SC_WD] != R(0)) {
        gi = fma(*x, sc[SC_WD], gi);
    }
    s[0] = fma(gi, gi, s[0]);
    const real std = sqrt(s[0]) + sc[SC_EPS];
    *x = *x + (sc[SC_NEG_CLR] * gi) / std;
    return -sc[SC_NEG_CLR] / std;
}

BO_FN real rule_scale(const real* s, const real* ms, real g, const real* hp, int steps)
{
    return (sqrt(s[0]) + hp[HP_eps]) * (R(1) + (real)steps * hp[HP_lr_decay]);
}

#elif BO_RULE == BO_RULE_RMSPROP
/* RMSprop, s[0] = square average, s[1] = gradient average (centered), s[2] = momentum buffer:
 *   g   = fma(x, weight_decay, g)                   (only if weight_decay != 0)
 *   sq  = fma((1 - alpha)*g, g, sq*alpha)
 *   avg = centered ? sqrt(fma(-ga, ga, sq)) with ga = lerp(ga, g, 1 - alpha) : sqrt(sq)
 *   avg = avg + eps
 *   momentum > 0: buf = buf*momentum + g/avg; x = fma(buf, -lr_t, x)
 *   otherwise:    x = x + (-lr_t*g)/avg
 * Step coefficient: (lr_t/(1 - momentum))/avg with momentum, lr_t/avg without. (Centered RMSprop has none
 * that holds still: its avg, the gradient's deviation, tends to eps under a constant gradient, so the rule
 * refuses the L1 proximal step.) */

BO_FN void rule_init(real* s, real* ms, const real* hp)
{
    s[0] = R(0);
    s[1] = R(0);
    s[2] = R(0);
}

BO_FN void rule_prepare(real* sc, real* ms, int t, real lr, const real* hp)
{
    sc[SC_NEG_LR] = -lr;
    sc[SC_WD] = hp[HP_weight_decay];
    sc[SC_ALPHA] = hp[HP_alpha];
    sc[SC_ONE_MINUS_ALPHA] = R(1) - hp[HP_alpha];
    sc[SC_EPS] = hp[HP_eps];
    sc[SC_MOMENTUM] = hp[HP_momentum];
    sc[SC_STEP] = hp[HP_momentum] > R(0) ? lr / (R(1) - hp[HP_momentum]) : lr;
}

BO_FN real rule_coord(const real* sc, real* x, real g, real* s)
{
    real gi = g;
    if (sc[SC_WD] != R(0)) {
        gi = fma(*x, sc[SC_WD], gi);
    }
    s[0] = fma(sc[SC_ONE_MINUS_ALPHA] * gi, gi, s[0] * sc[SC_ALPHA]);
#if BO_CENTERED
    s[1] = bo_lerp(s[1], gi, sc[SC_ONE_MINUS_ALPHA]);
    real avg = sqrt(fma(R(-1) * s[1], s[1], s[0]));
#else
    real avg = sqrt(s[0]);
#endif
    avg = avg + sc[SC_EPS];
    if (sc[SC_MOMENTUM] > R(0)) {
        s[2] = s[2] * sc[SC_MOMENTUM] + gi / avg;
        *x = fma(s[2], sc[SC_NEG_LR], *x);
    } else {
        *x = *x + (sc[SC_NEG_LR] * gi) / avg;
    }
    return sc[SC_STEP] / avg;
}

BO_FN real rule_scale(const real* s, const real* ms, real g, const real* hp, int steps)
{
#if BO_CENTERED
    real avg = steps == 0 ? R(0) : sqrt(fma(R(-1) * s[1], s[1], s[0]));
#else
    real avg = steps == 0 ? fabs(g) : sqrt(s[0]);
#endif
    avg = avg + hp[HP_eps];
    return hp[HP_momentum] > R(0) ? avg * (R(1) - hp[HP_momentum]) : avg;
}

#elif BO_RULE == BO_RULE_ADAM
/* Adam (BO_DECOUPLED: AdamW), s[0] = first moment, s[1] = second moment, s[2] = max second moment (AMSGrad),
 * ms[0] = beta1^t, ms[1] = beta2^t as running products:
 *   AdamW: x = x*(1 - lr_t*weight_decay); Adam: g = fma(x, weight_decay, g) (only if weight_decay != 0)
 *   m    = lerp(m, g, 1 - beta1)
 *   v    = fma((1 - beta2)*g, g, v*beta2)
 *   vhat = amsgrad ? (vmax = max(vmax, v)) : v
 *   x    = x + (-(lr_t/(1 - beta1^t))*m) / (sqrt(vhat)/sqrt(1 - beta2^t) + eps)
 * Step coefficient: lr_t/(sqrt(vhat)/sqrt(1 - beta2^t) + eps) (m/(1 - beta1^t) equals a constant g). */

BO_FN void rule_init(real* s, real* ms, const real* hp)
{
    for (int j = 0; j < RULE_NS; j++) {
        s[j] = R(0);
    }
    ms[0] = R(1);
    ms[1] = R(1);
}

BO_FN void rule_prepare(real* sc, real* ms, int t, real lr, const real* hp)
{
    ms[0] = ms[0] * hp[HP_beta1];
    ms[1] = ms[1] * hp[HP_beta2];
    sc[SC_NEG_STEP] = -(lr / (R(1) - ms[0]));
    sc[SC_BC2_SQRT] = sqrt(R(1) - ms[1]);
    sc[SC_ONE_MINUS_BETA1] = R(1) - hp[HP_beta1];
    sc[SC_BETA2] = hp[HP_beta2];
    sc[SC_ONE_MINUS_BETA2] = R(1) - hp[HP_beta2];
    sc[SC_EPS] = hp[HP_eps];
#if BO_DECOUPLED
    sc[SC_WD] = R(1) - lr * hp[HP_weight_decay];
#else
    sc[SC_WD] = hp[HP_weight_decay];
#endif
}

BO_FN real rule_coord(const real* sc, real* x, real g, real* s)
{
    real gi = g;
#if BO_DECOUPLED
    *x = *x * sc[SC_WD];
#else
    if (sc[SC_WD] != R(0)) {
        gi = fma(*x, sc[SC_WD], gi);
    }
#endif
    s[0] = bo_lerp(s[0], gi, sc[SC_ONE_MINUS_BETA1]);
    s[1] = fma(sc[SC_ONE_MINUS_BETA2] * gi, gi, s[1] * sc[SC_BETA2]);
#if BO_AMSGRAD
    s[2] = bo_max(s[2], s[1]);
    const real den = sqrt(s[2]) / sc[SC_BC2_SQRT] + sc[SC_EPS];
#else
    const real den = sqrt(s[1]) / sc[SC_BC2_SQRT] + sc[SC_EPS];
#endif
    *x = *x + (sc[SC_NEG_STEP] * s[0]) / den;
    return sc[BO_SC_LR] / den;
}

BO_FN real rule_scale(const real* s, const real* ms, real g, const real* hp, int steps)
{
    if (steps == 0) {
        return fabs(g) + hp[HP_eps];
    }
    return sqrt(s[1 + BO_AMSGRAD]) / sqrt(R(1) - ms[1]) + hp[HP_eps];
}

#elif BO_RULE == BO_RULE_NADAM
/* NAdam, s[0] = first moment, s[1] = second moment; ms[0] = product of mu, ms[1] = beta2^t:
 *   g       = fma(x, weight_decay, g)               (only if weight_decay != 0)
 *   mu      = beta1*(1 - 0.5*0.96^(t*momentum_decay)),  mu_next likewise at t + 1
 *   mu_prod = mu_prod*mu
 *   m = lerp(m, g, 1 - beta1);  v = fma((1 - beta2)*g, g, v*beta2)
 *   denom   = sqrt(v/(1 - beta2^t)) + eps
 *   x = x + ((-lr_t*(1 - mu))/(1 - mu_prod) * g)/denom
 *   x = x + ((-lr_t*mu_next)/(1 - mu_prod*mu_next) * m)/denom
 * Step coefficient: -(value1 + value2)/denom, the two coefficients above (m tends to g); lr_t/denom once
 * mu has reached beta1. */

BO_FN void rule_init(real* s, real* ms, const real* hp)
{
    s[0] = R(0);
    s[1] = R(0);
    ms[0] = R(1);
    ms[1] = R(1);
}

BO_FN void rule_prepare(real* sc, real* ms, int t, real lr, const real* hp)
{
    const real beta1 = hp[HP_beta1];
    const real md = hp[HP_momentum_decay];
    ms[1] = ms[1] * hp[HP_beta2];
    const real mu = beta1 * (R(1) - R(0.5) * bo_pow(R(0.96), (real)t * md));
    const real mu_next = beta1 * (R(1) - R(0.5) * bo_pow(R(0.96), (real)(t + 1) * md));
    ms[0] = ms[0] * mu;
    const real mu_product_next = ms[0] * mu_next;
    sc[SC_VALUE1] = (-lr * (R(1) - mu)) / (R(1) - ms[0]);
    sc[SC_VALUE2] = (-lr * mu_next) / (R(1) - mu_product_next);
    sc[SC_BC2] = R(1) - ms[1];
    sc[SC_ONE_MINUS_BETA1] = R(1) - beta1;
    sc[SC_BETA2] = hp[HP_beta2];
    sc[SC_ONE_MINUS_BETA2] = R(1) - hp[HP_beta2];
    sc[SC_EPS] = hp[HP_eps];
    sc[SC_WD] = hp[HP_weight_decay];
}

BO_FN real rule_coord(const real* sc, real* x, real g, real* s)
{
    real gi = g;
    if (sc[SC_WD] != R(0)) {
        gi = fma(*x, sc[SC_WD], gi);
    }
    s[0] = bo_lerp(s[0], gi, sc[SC_ONE_MINUS_BETA1]);
    s[1] = fma(sc[SC_ONE_MINUS_BETA2] * gi, gi, s[1] * sc[SC_BETA2]);
    const real den = sqrt(s[1] / sc[SC_BC2]) + sc[SC_EPS];
    *x = *x + (sc[SC_VALUE1] * gi) / den;
    *x = *x + (sc[SC_VALUE2] * s[0]) / den;
    return -(sc[SC_VALUE1] + sc[SC_VALUE2]) / den;
}

BO_FN real rule_scale(const real* s, const real* ms, real g, const real* hp, int steps)
{
    return steps == 0 ? fabs(g) + hp[HP_eps] : sqrt(s[1] / (R(1) - ms[1])) + hp[HP_eps];
}

#elif BO_RULE == BO_RULE_ADAMAX
/* Adamax, s[0] = first moment, s[1] = exponentially weighted infinity norm u; ms[0] = beta1^t:
 *   g = fma(x, weight_decay, g)                     (only if weight_decay != 0)
 *   m = lerp(m, g, 1 - beta1)
 *   u = max(u*beta2, |g| + eps)
 *   x = x + (-(lr_t/(1 - beta1^t))*m) / u
 * Step coefficient: lr_t/u. */

BO_FN void rule_init(real* s, real* ms, const real* hp)
{
    s[0] = R(0);
    s[1] = R(0);
    ms[0] = R(1);
}

BO_FN void rule_prepare(real* sc, real* ms, int t, real lr, const real* hp)
{
    ms[0] = ms[0] * hp[HP_beta1];
    sc[SC_NEG_CLR] = -(lr / (R(1) - ms[0]));
    sc[SC_ONE_MINUS_BETA1] = R(1) - hp[HP_beta1];
    sc[SC_BETA2] = hp[HP_beta2];
    sc[SC_EPS] = hp[HP_eps];
    sc[SC_WD] = hp[HP_weight_decay];
}

BO_FN real rule_coord(const real* sc, real* x, real g, real* s)
{
    real gi = g;
    if (sc[SC_WD] != R(0)) {
        gi = fma(*x, sc[SC_WD], gi);
    }
    s[0] = bo_lerp(s[0], gi, sc[SC_ONE_MINUS_BETA1]);
    s[1] = bo_max(s[1] * sc[SC_BETA2], fabs(gi) + sc[SC_EPS]);
    *x = *x + (sc[SC_NEG_CLR] * s[0]) / s[1];
    return sc[BO_SC_LR] / s[1];
}

BO_FN real rule_scale(const real* s, const real* ms, real g, const real* hp, int steps)
{
    return steps == 0 ? fabs(g) + hp[HP_eps] : s[1];
}

#else
#error "unknown BO_RULE"
#endif

/* Arrays of these sizes must not be empty. */
#define RULE_NS_ALLOC (RULE_NS > 0 ? RULE_NS : 1)
#define RULE_NMS_ALLOC (RULE_NMS > 0 ? RULE_NMS : 1)
