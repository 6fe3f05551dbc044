package org.batchopt.objective.expression;

import java.util.List;

/**
 * An expression compiled to straight-line code: a list of {@link Instruction}s in evaluation order, the one
 * holding f, and the ones holding each gradient component. Independent of precision: {@link KernelWriter}
 * prints it as kernel source and {@code objective/expression/Expression64} (with its generated fp32 twin) interprets
 * it, both walking {@link #valueOrder()} or {@link #gradientOrder()} in the same order. Immutable.
 */
public final class Program {
    /**
     * The most variables a formula may have: its kernel writes every gradient component out, so the program grows
     * with D, and a formula naming x2147483647 would otherwise run the JVM out of memory.
     */
    public static final int MAX_DIMENSION = 1 << 16;

    private final int dimension;
    private final List<Instruction> instructions;
    private final int result;
    private final int[] gradient;
    private final int[] valueOrder;
    private final int[] gradientOrder;

    Program(int dimension, List<Instruction> instructions, int result, int[] gradient) {
        this.dimension = dimension;
        this.instructions = List.copyOf(instructions);
        this.result = result;
        this.gradient = gradient.clone();
        this.valueOrder = live(this.instructions, new int[] {result});
        int[] outputs = new int[gradient.length + 1];
        outputs[0] = result;
        System.arraycopy(gradient, 0, outputs, 1, gradient.length);
        this.gradientOrder = live(this.instructions, outputs);
    }

    /**
     * Parses {@code text} over {@code dimension} variables (grammar: {@code Objectives.expression}) and
     * derives its gradient by reverse accumulation.
     *
     * @throws IllegalArgumentException for a syntax error (with its column), or a dimension below 1 or above
     *                                  {@link #MAX_DIMENSION}
     */
    public static Program compile(String text, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension " + dimension + " must be at least 1");
        }
        if (dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension " + dimension + " is more than the " + MAX_DIMENSION
                    + " variables a formula may have");
        }
        Node tree = new Parser(text, dimension).parse();
        ProgramBuilder b = new ProgramBuilder();
        int result = tree.lower(b);
        int[] gradient = ReverseMode.gradient(b, result, dimension);
        return new Program(dimension, b.instructions(), result, gradient);
    }

    public int dimension() {
        return dimension;
    }

    /** Instruction {@code k}. */
    public Instruction instruction(int k) {
        return instructions.get(k);
    }

    /** The number of instructions, live or not. */
    public int size() {
        return instructions.size();
    }

    /** The instruction holding f. */
    public int result() {
        return result;
    }

    /** The instruction holding {@code df/dx_i}, i 0-based. */
    public int gradient(int coordinate) {
        return gradient[coordinate];
    }

    /** Indices of the instructions f needs, ascending: what {@code obj_value} computes. */
    public int[] valueOrder() {
        return valueOrder.clone();
    }

    /** Indices of the instructions f and its gradient need, ascending: what {@code obj_value_grad} computes. */
    public int[] gradientOrder() {
        return gradientOrder.clone();
    }

    private static int[] live(List<Instruction> instructions, int[] outputs) {
        boolean[] needed = new boolean[instructions.size()];
        for (int k : outputs) {
            needed[k] = true;
        }
        int count = 0;
        for (int k = needed.length - 1; k >= 0; k--) {
            if (!needed[k]) {
                continue;
            }
            count++;
            Instruction in = instructions.get(k);
            if (in.readsOperands()) {
                needed[in.a()] = true;
                if (in.op().isBinary()) {
                    needed[in.b()] = true;
                }
            }
        }
        int[] order = new int[count];
        int j = 0;
        for (int k = 0; k < needed.length; k++) {
            if (needed[k]) {
                order[j++] = k;
            }
        }
        return order;
    }
}
