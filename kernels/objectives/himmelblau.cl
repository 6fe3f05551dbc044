/* Himmelblau: f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2. Twin: Himmelblau64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real a = x0 * x0 + y - R(11);
    const real b = x0 + y * y - R(7);
    return a * a + b * b;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real a = x0 * x0 + y - R(11);
    const real b = x0 + y * y - R(7);
    G(0) = R(4) * x0 * a + R(2) * b;
    G(1) = R(2) * a + R(4) * y * b;
    return a * a + b * b;
}
