/*
 * Goldstein-Price: f(x, y) = (1 + (x + y + 1)^2 (19 - 14 x + 3 x^2 - 14 y + 6 x y + 3 y^2))
 *                          * (30 + (2 x - 3 y)^2 (18 - 32 x + 12 x^2 + 48 y - 36 x y + 27 y^2)).
 * Twin: GoldsteinPrice64.java.
 */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real p = x0 + y + R(1);
    const real q = R(19) - R(14) * x0 + R(3) * x0 * x0 - R(14) * y + R(6) * x0 * y + R(3) * y * y;
    const real u = R(2) * x0 - R(3) * y;
    const real v = R(18) - R(32) * x0 + R(12) * x0 * x0 + R(48) * y - R(36) * x0 * y + R(27) * y * y;
    return (R(1) + p * p * q) * (R(30) + u * u * v);
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real p = x0 + y + R(1);
    const real q = R(19) - R(14) * x0 + R(3) * x0 * x0 - R(14) * y + R(6) * x0 * y + R(3) * y * y;
    const real u = R(2) * x0 - R(3) * y;
    const real v = R(18) - R(32) * x0 + R(12) * x0 * x0 + R(48) * y - R(36) * x0 * y + R(27) * y * y;
    const real a = R(1) + p * p * q;
    const real b = R(30) + u * u * v;
    /* The first factor has the same derivative in x and in y. */
    const real da = R(2) * p * q + p * p * (R(-14) + R(6) * x0 + R(6) * y);
    const real dbx = R(4) * u * v + u * u * (R(-32) + R(24) * x0 - R(36) * y);
    const real dby = R(-6) * u * v + u * u * (R(48) - R(36) * x0 + R(54) * y);
    G(0) = da * b + a * dbx;
    G(1) = da * b + a * dby;
    return a * b;
}
