/*
 * Branin: f(x, y) = a (y - b x^2 + c x - r)^2 + s (1 - t) cos(x) + s with a = 1, b = 5.1/(4 pi^2), c = 5/pi, r = 6,
 * s = 10, t = 1/(8 pi). Twin: Branin64.java.
 */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real t = y - R(0.12918450914398066) * x0 * x0 + R(1.5915494309189533) * x0 - R(6);
    return t * t + R(9.602112642270262) * bo_cos(x0) + R(10);
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    const real x0 = X(0);
    const real y = X(1);
    const real t = y - R(0.12918450914398066) * x0 * x0 + R(1.5915494309189533) * x0 - R(6);
    G(0) = R(2) * t * (R(1.5915494309189533) - R(0.2583690182879613) * x0) - R(9.602112642270262) * bo_sin(x0);
    G(1) = R(2) * t;
    return t * t + R(9.602112642270262) * bo_cos(x0) + R(10);
}
