/* Booth: f(x, y) = (x + 2 y - 7)^2 + (2 x + y - 5)^2. Twin: Booth64.java. */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real a = x0 + R(2) * y - R(7);
    const real b = R(2) * x0 + y - R(5);
    return a * a + b * b;
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real a = x0 + R(2) * y - R(7);
    const real b = R(2) * x0 + y - R(5);
    G(0) = R(2) * a + R(4) * b;
    G(1) = R(4) * a + R(2) * b;
    return a * a + b * b;
}
