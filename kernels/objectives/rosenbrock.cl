/* Rosenbrock: f(x) = sum_{i<D-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2. Twin: Rosenbrock64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    real f = R(0);
    for (int i = 0; i < DIM - 1; i++) {
        const real xi = X(i);
        const real t = X(i + 1) - xi * xi;
        const real u = R(1) - xi;
        f = f + R(100) * t * t + u * u;
    }
    return f;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    for (int i = 0; i < DIM; i++) {
        G(i) = R(0);
    }
    real f = R(0);
    for (int i = 0; i < DIM - 1; i++) {
        const real xi = X(i);
        const real t = X(i + 1) - xi * xi;
        const real u = R(1) - xi;
        f = f + R(100) * t * t + u * u;
        G(i) = G(i) + (R(-400) * xi * t - R(2) * u);
        G(i + 1) = G(i + 1) + R(200) * t;
    }
    return f;
}
