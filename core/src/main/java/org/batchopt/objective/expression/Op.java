package org.batchopt.objective.expression;

/**
 * The primitive operations of an expression program. Each one is a single operation of the portable kernel
 * subset (an operator, {@code sqrt}, {@code fabs} or a {@code bo_*} function of {@code kernels/math.cl}), so
 * that the kernel text and the CPU twin perform exactly the same roundings.
 */
public enum Op {
    /** A literal {@code R(v)}. */
    CONST,
    /** Coordinate {@code X(i)}. */
    VAR,
    ADD,
    SUB,
    MUL,
    DIV,
    NEG,
    /** Correctly rounded {@code sqrt}. */
    SQRT,
    /** {@code fabs}. */
    ABS,
    /** {@code bo_sin}. */
    SIN,
    /** {@code bo_cos}. */
    COS,
    /** {@code bo_exp}. */
    EXP,
    /** {@code bo_log}. */
    LOG,
    /** {@code bo_sign}: 1, -1, or 0 for zero and NaN; appears only in gradients (of {@code abs}). */
    SIGN;

    /** Whether the operation reads two operands. */
    public boolean isBinary() {
        return this == ADD || this == SUB || this == MUL || this == DIV;
    }
}
