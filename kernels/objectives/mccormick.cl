/* McCormick: f(x, y) = sin(x + y) + (x - y)^2 - 1.5 x + 2.5 y + 1. Twin: McCormick64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real d = x0 - y;
    return bo_sin(x0 + y) + d * d - R(1.5) * x0 + R(2.5) * y + R(1);
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real d = x0 - y;
    const real s = x0 + y;
    const real cs = bo_cos(s);
    G(0) = cs + R(2) * d - R(1.5);
    G(1) = cs - R(2) * d + R(2.5);
    return bo_sin(s) + d * d - R(1.5) * x0 + R(2.5) * y + R(1);
}
