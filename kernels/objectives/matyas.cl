/* Matyas: f(x, y) = 0.26 (x^2 + y^2) - 0.48 x y. Twin: Matyas64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    return R(0.26) * (x0 * x0 + y * y) - R(0.48) * x0 * y;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    G(0) = R(0.52) * x0 - R(0.48) * y;
    G(1) = R(0.52) * y - R(0.48) * x0;
    return R(0.26) * (x0 * x0 + y * y) - R(0.48) * x0 * y;
}
