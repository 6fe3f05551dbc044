/* Dixon-Price: f(x) = (x_1 - 1)^2 + sum_{i=2}^D i (2 x_i^2 - x_{i-1})^2. Twin: DixonPrice64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real u = X(0) - R(1);
    real f = u * u;
    for (int i = 1; i < DIM; i++) {
        const real xi = X(i);
        const real t = R(2) * xi * xi - X(i - 1);
        f = f + (real)(i + 1) * t * t;
    }
    return f;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real u = X(0) - R(1);
    real f = u * u;
    G(0) = R(2) * u;
    for (int i = 1; i < DIM; i++) {
        const real xi = X(i);
        const real t = R(2) * xi * xi - X(i - 1);
        const real w = (real)(i + 1);
        f = f + w * t * t;
        G(i - 1) = G(i - 1) - R(2) * w * t;
        G(i) = R(8) * w * t * xi;
    }
    return f;
}
