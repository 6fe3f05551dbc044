package org.batchopt.objective.expression;

/**
 * One instruction of an expression program, {@code t_k = op(t_a, t_b)}: operands name earlier instructions.
 * {@link Op#CONST} carries its value in {@code constant} (the same double for both precisions: each narrows it
 * as {@code R(v)} does); {@link Op#VAR} carries its 0-based coordinate in {@code a}, {@link Op#PARAM} its
 * parameter number, {@link Op#SUM} and {@link Op#PROD} their body number. Unused fields are -1 or 0. Records
 * compare doubles by their bits (as {@link Double#compare}), so equal instructions compute equal bits.
 */
public record Instruction(Op op, int a, int b, double constant) {

    static Instruction constant(double v) {
        return new Instruction(Op.CONST, -1, -1, v);
    }

    static Instruction variable(int coordinate) {
        return new Instruction(Op.VAR, coordinate, -1, 0);
    }

    static Instruction leaf(Op op, int a) {
        return new Instruction(op, a, -1, 0);
    }

    static Instruction unary(Op op, int a) {
        return new Instruction(op, a, -1, 0);
    }

    static Instruction binary(Op op, int a, int b) {
        return new Instruction(op, a, b, 0);
    }

    /** The 0-based coordinate a {@link Op#VAR} reads. */
    public int coordinate() {
        return a;
    }

    /** Whether {@code a} (and {@code b} for binary operations) names an earlier instruction. */
    public boolean readsOperands() {
        return !op.isLeaf();
    }
}
