package org.batchopt.objective.expression;

/**
 * The primitive operations of an expression program. Each one is a single operation of the portable kernel
 * subset (an operator, {@code sqrt}, {@code fabs}, a comparison or a {@code bo_*} function of
 * {@code kernels/math.cl}), so that the kernel text and the CPU twin perform exactly the same roundings. The
 * reductions {@link #SUM} and {@link #PROD} are loops over the coordinates, each pass running a body program
 * of its own in the same order on every backend.
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
    SIGN,
    /** {@code min(a, b)}: {@code b < a ? b : a}, so a tie or a NaN {@code b} gives {@code a}. */
    MIN,
    /** {@code max(a, b)}: {@code a < b ? b : a}, so a tie or a NaN {@code b} gives {@code a}. */
    MAX,
    /** {@code a < b ? 1 : 0}; appears only in gradients (of min and max). */
    LESS,
    /** {@code a < b ? 0 : 1}; appears only in gradients (of min and max). */
    NOT_LESS,
    /** Named parameter number {@code a} of the formula: the member's value, {@code hp[HP_<name>]}. */
    PARAM,
    /** Inside the body of a sum or product: the 1-based index i of the coordinate, as a real. */
    INDEX,
    /** The sum over i = 1..D of body number {@code a} (a program in {@code x[i]}), added in order of i. */
    SUM,
    /** The product over i = 1..D of body number {@code a}, multiplied in order of i. */
    PROD,
    /** In a constraint's program: the weight of its gradient, computed by the augmented Lagrangian from its value. */
    SEED;

    /** Whether the operation reads two operands. */
    public boolean isBinary() {
        return this == ADD || this == SUB || this == MUL || this == DIV || this == MIN || this == MAX || this == LESS
                || this == NOT_LESS;
    }

    /** Whether the operation reads no operand: a constant, a coordinate, a parameter, a reduction, a seed. */
    public boolean isLeaf() {
        return this == CONST || this == VAR || this == PARAM || this == INDEX || this == SUM || this == PROD
                || this == SEED;
    }

    /** Whether the operation is a loop over the coordinates. */
    public boolean isReduction() {
        return this == SUM || this == PROD;
    }
}
