package org.batchopt;

/** Floating-point precision of a run; every backend offers both, devices without fp64 say so. */
public enum Precision {
    /** IEEE 754 binary32 ({@code float}), the default. */
    FP32,
    /** IEEE 754 binary64 ({@code double}). */
    FP64;

    /**
     * The size of one value.
     *
     * @return 4 for fp32, 8 for fp64
     */
    public int bytes() {
        return this == FP32 ? 4 : 8;
    }

    /**
     * Checks that the finite value {@code v} keeps its meaning in this precision: fp32 holds magnitudes up to
     * 3.4028235E38, and a non-zero value below 1.4E-45 would be 0.
     *
     * @param what names the value in the message, e.g. {@code "lr"}
     * @param v    the value; a non-finite one is not checked
     * @throws IllegalArgumentException naming {@code what}, the value and the precision otherwise
     */
    public void requireRepresentable(String what, double v) {
        if (this == FP64 || !Double.isFinite(v)) {
            return;
        }
        float narrowed = (float) v;
        if (Float.isInfinite(narrowed)) {
            throw new IllegalArgumentException(what + " = " + v + " is beyond the range of fp32 (largest magnitude "
                    + Float.MAX_VALUE + "); use a smaller value or run in fp64");
        }
        if (narrowed == 0 && v != 0) {
            throw new IllegalArgumentException(what + " = " + v + " is below the smallest fp32 value ("
                    + Float.MIN_VALUE + ") and would be 0; use a larger value or run in fp64");
        }
    }
}
