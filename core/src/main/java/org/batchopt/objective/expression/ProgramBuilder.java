package org.batchopt.objective.expression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends instructions in evaluation order. Two rewrites keep programs short without changing a single bit in
 * either precision: an instruction equal to an earlier one is that one (every operation is a deterministic
 * function of its operands), and {@code 1*t}, {@code t*1}, {@code t/1}, {@code -1*t}, {@code t*-1},
 * {@code -R(v)} become {@code t}, {@code t}, {@code t}, {@code -t}, {@code -t}, {@code R(-v)} (exact in IEEE
 * arithmetic up to the sign of a NaN, and rounding to float commutes with negation).
 * Nothing else is folded: constant subexpressions are computed at run time in the run's precision.
 */
final class ProgramBuilder {
    private final List<Instruction> instructions = new ArrayList<>();
    private final Map<Instruction, Integer> index = new HashMap<>();
    /** The bodies of the sums and products, each a program in one variable, x[i]; equal bodies are one. */
    private final List<Program> bodies = new ArrayList<>();

    int size() {
        return instructions.size();
    }

    Instruction get(int k) {
        return instructions.get(k);
    }

    List<Instruction> instructions() {
        return List.copyOf(instructions);
    }

    List<Program> bodies() {
        return List.copyOf(bodies);
    }

    /** The instruction reading coordinate {@code i}, or -1 when the program never reads it. */
    int variableOrNone(int coordinate) {
        return index.getOrDefault(Instruction.variable(coordinate), -1);
    }

    int constant(double v) {
        return append(Instruction.constant(v));
    }

    int variable(int coordinate) {
        return append(Instruction.variable(coordinate));
    }

    /** Named parameter number {@code k}. */
    int parameter(int k) {
        return append(Instruction.leaf(Op.PARAM, k));
    }

    /** The 1-based coordinate index of a sum's or product's body. */
    int index() {
        return append(Instruction.leaf(Op.INDEX, -1));
    }

    /** A sum or product ({@code op}) over the coordinates of {@code body}, a program in x[i]. */
    int reduction(Op op, Program body) {
        if (!op.isReduction()) {
            throw new IllegalArgumentException(op + " is not a reduction");
        }
        int k = bodies.indexOf(body);
        if (k < 0) {
            bodies.add(body);
            k = bodies.size() - 1;
        }
        return append(Instruction.leaf(op, k));
    }

    /** The seed of a constraint's gradient; one per program. */
    int seed() {
        return append(Instruction.leaf(Op.SEED, -1));
    }

    /** A two-operand function: MIN, MAX, LESS, NOT_LESS. */
    int apply2(Op function, int a, int b) {
        if (function != Op.MIN && function != Op.MAX && function != Op.LESS && function != Op.NOT_LESS) {
            throw new IllegalArgumentException(function + " is not a two-operand function");
        }
        return append(Instruction.binary(function, a, b));
    }

    int add(int a, int b) {
        return append(Instruction.binary(Op.ADD, a, b));
    }

    int sub(int a, int b) {
        return append(Instruction.binary(Op.SUB, a, b));
    }

    int mul(int a, int b) {
        if (isConstant(a, 1.0)) {
            return b;
        }
        if (isConstant(b, 1.0)) {
            return a;
        }
        if (isConstant(a, -1.0)) {
            return neg(b);
        }
        if (isConstant(b, -1.0)) {
            return neg(a);
        }
        return append(Instruction.binary(Op.MUL, a, b));
    }

    int div(int a, int b) {
        if (isConstant(b, 1.0)) {
            return a;
        }
        return append(Instruction.binary(Op.DIV, a, b));
    }

    int neg(int a) {
        Instruction in = instructions.get(a);
        if (in.op() == Op.CONST) {
            return constant(-in.constant());
        }
        return append(Instruction.unary(Op.NEG, a));
    }

    /** A one-operand function: SQRT, ABS, SIN, COS, EXP, LOG, SIGN. */
    int apply(Op function, int a) {
        if (function.isBinary() || function.isLeaf() || function == Op.NEG) {
            throw new IllegalArgumentException(function + " is not a one-operand function");
        }
        return append(Instruction.unary(function, a));
    }

    private boolean isConstant(int k, double v) {
        Instruction in = instructions.get(k);
        return in.op() == Op.CONST && in.constant() == v;
    }

    private int append(Instruction in) {
        Integer k = index.get(in);
        if (k != null) {
            return k;
        }
        instructions.add(in);
        index.put(in, instructions.size() - 1);
        return instructions.size() - 1;
    }
}
