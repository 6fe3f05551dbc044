/* Zakharov: f(x) = sum_i x_i^2 + (sum_i i x_i / 2)^2 + (sum_i i x_i / 2)^4, i = 1..D. Twin: Zakharov64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    real s1 = R(0);
    real s2 = R(0);
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        s1 = s1 + xi * xi;
        s2 = s2 + R(0.5) * (real)(i + 1) * xi;
    }
    const real t = s2 * s2;
    return s1 + t + t * t;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    real s1 = R(0);
    real s2 = R(0);
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        s1 = s1 + xi * xi;
        s2 = s2 + R(0.5) * (real)(i + 1) * xi;
    }
    const real t = s2 * s2;
    /* (2 s2 + 4 s2^3) times d s2/d x_i = i/2. */
    const real k = s2 + R(2) * s2 * t;
    for (int i = 0; i < DIM; i++) {
        G(i) = R(2) * X(i) + k * (real)(i + 1);
    }
    return s1 + t + t * t;
}
