/* Styblinski-Tang: f(x) = sum_i (x_i^4 - 16 x_i^2 + 5 x_i) / 2. Twin: StyblinskiTang64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    real s = R(0);
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        const real x2 = xi * xi;
        s = s + (x2 * x2 - R(16) * x2 + R(5) * xi);
    }
    return R(0.5) * s;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    real s = R(0);
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        const real x2 = xi * xi;
        s = s + (x2 * x2 - R(16) * x2 + R(5) * xi);
        G(i) = R(2) * x2 * xi - R(16) * xi + R(2.5);
    }
    return R(0.5) * s;
}
