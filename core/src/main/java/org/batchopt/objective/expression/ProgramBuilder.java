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

    int size() {
        return instructions.size();
    }

    Instruction get(int k) {
        return instructions.get(k);
    }

    List<Instruction> instructions() {
        return List.copyOf(instructions);
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
        if (function.isBinary() || function == Op.CONST || function == Op.VAR || function == Op.NEG) {
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
