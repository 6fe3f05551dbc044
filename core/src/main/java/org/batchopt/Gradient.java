package org.batchopt;

/**
 * How the gradient is computed. {@link #CENTRAL}: coordinate {@code i} is
 * {@code (f(x + h_i e_i) - f(x - h_i e_i)) / ((x_i + h_i) - (x_i - h_i))} with the per-coordinate step
 * {@code h_i = h * max(1, |x_i|)}; dividing by the representable difference of the two points, not by
 * {@code 2 h_i}, removes the rounding of {@code x_i +- h_i} from the quotient. The default {@code h} is the
 * cube root of the precision's machine epsilon ({@link #defaultStep}).
 */
public enum Gradient {
    ANALYTIC,
    CENTRAL;

    /** The default central-difference step: 4.92e-3 in fp32, 6.06e-6 in fp64. */
    public static double defaultStep(Precision precision) {
        return Math.cbrt(precision == Precision.FP32 ? Math.ulp(1.0f) : Math.ulp(1.0));
    }
}
