/* Three-hump camel: f(x, y) = 2 x^2 - 1.05 x^4 + x^6/6 + x y + y^2. Twin: ThreeHumpCamel64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real a = x0 * x0;
    return R(2) * a - R(1.05) * a * a + a * a * a / R(6) + x0 * y + y * y;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real a = x0 * x0;
    G(0) = R(4) * x0 - R(4.2) * a * x0 + a * a * x0 + y;
    G(1) = x0 + R(2) * y;
    return R(2) * a - R(1.05) * a * a + a * a * a / R(6) + x0 * y + y * y;
}
