/* Rastrigin: f(x) = 10 D + sum_i (x_i^2 - 10 cos(2 pi x_i)). Twin: Rastrigin64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    real f = R(10) * (real)DIM;
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        f = f + (xi * xi - R(10) * bo_cos(R(6.283185307179586) * xi));
    }
    return f;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    real f = R(10) * (real)DIM;
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        const real a = R(6.283185307179586) * xi;
        f = f + (xi * xi - R(10) * bo_cos(a));
        G(i) = R(2) * xi + R(62.83185307179586) * bo_sin(a);
    }
    return f;
}
