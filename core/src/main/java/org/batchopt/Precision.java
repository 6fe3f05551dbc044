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
}
