/* Sphere: f(x) = sum_i x_i^2. Twin: Sphere64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    real f = R(0);
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        f = f + xi * xi;
    }
    return f;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    real f = R(0);
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        f = f + xi * xi;
        G(i) = R(2) * xi;
    }
    return f;
}
