/*
 * Ackley: f(x) = -20 exp(-0.2 sqrt(sum_i x_i^2 / D)) - exp(sum_i cos(2 pi x_i) / D) + 20 + e.
 * Evaluated as (20 - 20 exp(-0.2 rms)) + (exp(1) - exp(mean cos)), rms = sqrt(sum_i x_i^2 / D), with e as
 * bo_exp(1), so that f(0) is exactly 0 in both precisions. Gradient: 4 exp(-0.2 rms) x_i / (D rms)
 * + 2 pi exp(mean cos) sin(2 pi x_i) / D; at rms = 0, the tip of the cone, the first term is taken as 0 (a
 * subgradient).
 * Twin: Ackley64.java (one LaneMath sincos per coordinate for the gradient's cos and sin).
 */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    real s1 = R(0);
    real s2 = R(0);
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        s1 = s1 + xi * xi;
        s2 = s2 + bo_cos(R(6.283185307179586) * xi);
    }
    const real rms = sqrt(s1 / (real)DIM);
    return (R(20) - R(20) * bo_exp(R(-0.2) * rms)) + (bo_exp(R(1)) - bo_exp(s2 / (real)DIM));
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    real s1 = R(0);
    real s2 = R(0);
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        const real a = R(6.283185307179586) * xi;
        s1 = s1 + xi * xi;
        s2 = s2 + bo_cos(a);
        G(i) = bo_sin(a); /* held until the gradient below; sin and cos of one argument share its reduction */
    }
    const real rms = sqrt(s1 / (real)DIM);
    const real e1 = bo_exp(R(-0.2) * rms);
    const real e2 = bo_exp(s2 / (real)DIM);
    const real t1 = rms > R(0) ? R(4) * e1 / ((real)DIM * rms) : R(0);
    const real t2 = R(6.283185307179586) * e2 / (real)DIM;
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        G(i) = t1 * xi + t2 * G(i);
    }
    return (R(20) - R(20) * e1) + (bo_exp(R(1)) - e2);
}
