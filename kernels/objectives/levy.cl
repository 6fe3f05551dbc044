/*
 * Levy: f(x) = sin^2(pi w_1) + sum_{i<D} (w_i - 1)^2 (1 + 10 sin^2(pi w_i + 1)) + (w_D - 1)^2 (1 + sin^2(2 pi w_D)),
 * w_i = 1 + (x_i - 1)/4. Evaluated in u_i = w_i - 1: sin^2 has period pi, so sin^2(pi w) = sin^2(pi u),
 * sin^2(pi w + 1) = sin^2(pi u + 1) and sin^2(2 pi w) = sin^2(2 pi u); f(1, ..., 1) is then exactly 0.
 * Twin: Levy64.java.
 */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real s0 = bo_sin(R(3.141592653589793) * (R(0.25) * (X(0) - R(1))));
    real f = s0 * s0;
    for (int i = 0; i < DIM - 1; i++) {
        const real u = R(0.25) * (X(i) - R(1));
        const real s = bo_sin(R(3.141592653589793) * u + R(1));
        f = f + u * u * (R(1) + R(10) * s * s);
    }
    const real ud = R(0.25) * (X(DIM - 1) - R(1));
    const real sd = bo_sin(R(6.283185307179586) * ud);
    return f + ud * ud * (R(1) + sd * sd);
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real a0 = R(3.141592653589793) * (R(0.25) * (X(0) - R(1)));
    const real s0 = bo_sin(a0);
    real f = s0 * s0;
    const real g0 = R(1.5707963267948966) * s0 * bo_cos(a0);
    for (int i = 0; i < DIM - 1; i++) {
        const real u = R(0.25) * (X(i) - R(1));
        const real a = R(3.141592653589793) * u + R(1);
        const real s = bo_sin(a);
        const real v = R(1) + R(10) * s * s;
        f = f + u * u * v;
        G(i) = R(0.5) * u * v + R(15.707963267948966) * u * u * s * bo_cos(a);
    }
    const real ud = R(0.25) * (X(DIM - 1) - R(1));
    const real ad = R(6.283185307179586) * ud;
    const real sd = bo_sin(ad);
    const real vd = R(1) + sd * sd;
    G(DIM - 1) = R(0.5) * ud * vd + R(3.141592653589793) * ud * ud * sd * bo_cos(ad);
    G(0) = G(0) + g0;
    return f + ud * ud * vd;
}
