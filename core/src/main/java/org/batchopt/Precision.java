package org.batchopt;

/** Floating-point precision of a run; every backend offers both, devices without fp64 say so. */
public enum Precision {
    FP32,
    FP64;

    /** Bytes per value. */
    public int bytes() {
        return this == FP32 ? 4 : 8;
    }
}
