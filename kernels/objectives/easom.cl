/* Easom: f(x, y) = -cos(x) cos(y) exp(-((x - pi)^2 + (y - pi)^2)). Twin: Easom64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real a = x0 - R(3.141592653589793);
    const real b = y - R(3.141592653589793);
    return -bo_cos(x0) * bo_cos(y) * bo_exp(-(a * a + b * b));
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real a = x0 - R(3.141592653589793);
    const real b = y - R(3.141592653589793);
    const real c0 = bo_cos(x0);
    const real c1 = bo_cos(y);
    const real e = bo_exp(-(a * a + b * b));
    G(0) = c1 * e * (bo_sin(x0) + R(2) * a * c0);
    G(1) = c0 * e * (bo_sin(y) + R(2) * b * c1);
    return -c0 * c1 * e;
}
