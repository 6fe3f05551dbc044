/*
 * Griewank: f(x) = sum_i x_i^2 / 4000 - prod_i cos(x_i / sqrt(i)) + 1, i = 1..D.
 * The gradient's product over j != i is a prefix times a suffix product, never a division by a cosine.
 * Twin: Griewank64.java.
 */
BO_FN real obj_value(OBJ_X_PARAMS)
{
    real s = R(0);
    real p = R(1);
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        s = s + xi * xi;
        p = p * bo_cos(xi / sqrt((real)(i + 1)));
    }
    return s / R(4000) - p + R(1);
}

BO_FN real obj_value_grad(OBJ_XG_PARAMS)
{
    /* Forward: f's sum and product; G(i) holds the product of the cosines before i. */
    real s = R(0);
    real p = R(1);
    for (int i = 0; i < DIM; i++) {
        const real xi = X(i);
        s = s + xi * xi;
        G(i) = p;
        p = p * bo_cos(xi / sqrt((real)(i + 1)));
    }
    /* Backward: q is the product of the cosines after i. */
    real q = R(1);
    for (int i = DIM - 1; i >= 0; i--) {
        const real xi = X(i);
        const real w = sqrt((real)(i + 1));
        const real a = xi / w;
        G(i) = xi / R(2000) + bo_sin(a) / w * (G(i) * q);
        q = q * bo_cos(a);
    }
    return s / R(4000) - p + R(1);
}
