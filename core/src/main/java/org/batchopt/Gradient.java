package org.batchopt;

/**
 * How the gradient is computed. {@link #CENTRAL}: coordinate {@code i} is
 * {@code (f(x + h_i e_i) - f(x - h_i e_i)) / ((x_i + h_i) - (x_i - h_i))} with the per-coordinate step
 * {@code h_i = h * max(1, |x_i|)}; dividing by the representable difference of the two points, not by
 * {@code 2 h_i}, removes the rounding of {@code x_i +- h_i} from the quotient. The default {@code h} is the
 * cube root of the precision's machine epsilon ({@link #defaultStep}).
 */
public enum Gradient {
    /** The objective's exact gradient (built-ins: hand-written; formulas: reverse mode), the default. */
    ANALYTIC,
    /** Central differences, {@code 2 D} evaluations of f per step (see the class description). */
    CENTRAL;

    /**
     * The default central-difference step {@code h}, the cube root of the precision's machine epsilon.
     *
     * @param precision the precision of the run
     * @return 4.92e-3 ({@code cbrt(2^-23)}) in fp32, 6.06e-6 ({@code cbrt(2^-52)}) in fp64
     */
    public static double defaultStep(Precision precision) {
        return Math.cbrt(precision == Precision.FP32 ? Math.ulp(1.0f) : Math.ulp(1.0));
    }
}
