/* Beale: f(x, y) = (1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2. Twin: Beale64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real y2 = y * y;
    const real y3 = y2 * y;
    const real a = R(1.5) - x0 + x0 * y;
    const real b = R(2.25) - x0 + x0 * y2;
    const real d = R(2.625) - x0 + x0 * y3;
    return a * a + b * b + d * d;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real y2 = y * y;
    const real y3 = y2 * y;
    const real a = R(1.5) - x0 + x0 * y;
    const real b = R(2.25) - x0 + x0 * y2;
    const real d = R(2.625) - x0 + x0 * y3;
    G(0) = R(2) * a * (y - R(1)) + R(2) * b * (y2 - R(1)) + R(2) * d * (y3 - R(1));
    G(1) = R(2) * a * x0 + R(4) * b * x0 * y + R(6) * d * x0 * y2;
    return a * a + b * b + d * d;
}
