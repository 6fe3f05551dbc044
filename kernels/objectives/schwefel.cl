/*
 * Schwefel 2.26: f(x) = 418.9828872724339 D - sum_i x_i sin(sqrt|x_i|).
 * d/dx [x sin(sqrt|x|)] = sin(s) + s cos(s) / 2 with s = sqrt|x|, for either sign of x: continuous, and 0 at
 * x = 0 (where x sin(sqrt|x|) / x -> 0), so the gradient needs no special case.
 * Twin: Schwefel64.java.
 */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    real f = R(418.9828872724339) * (real)DIM;
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        f = f - xi * bo_sin(sqrt(fabs(xi)));
    }
    return f;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    real f = R(418.9828872724339) * (real)DIM;
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        const real s = sqrt(fabs(xi));
        const real sn = bo_sin(s);
        f = f - xi * sn;
        G(i) = -(sn + R(0.5) * s * bo_cos(s));
    }
    return f;
}
