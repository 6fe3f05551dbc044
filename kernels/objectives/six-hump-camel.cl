/* Six-hump camel: f(x, y) = (4 - 2.1 x^2 + x^4/3) x^2 + x y + (-4 + 4 y^2) y^2. Twin: SixHumpCamel64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real a = x0 * x0;
    const real b = y * y;
    return (R(4) - R(2.1) * a + a * a / R(3)) * a + x0 * y + (R(-4) + R(4) * b) * b;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real a = x0 * x0;
    const real b = y * y;
    G(0) = (R(8) - R(8.4) * a + R(2) * a * a) * x0 + y;
    G(1) = x0 + (R(-8) + R(16) * b) * y;
    return (R(4) - R(2.1) * a + a * a / R(3)) * a + x0 * y + (R(-4) + R(4) * b) * b;
}
