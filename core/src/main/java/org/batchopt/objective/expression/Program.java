package org.batchopt.objective.expression;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An expression compiled to straight-line code: a list of {@link Instruction}s in evaluation order, the one
 * holding f, and the ones holding each gradient component. Independent of precision: {@link KernelWriter}
 * prints it as kernel source and {@code objective/expression/Expression64} (with its generated fp32 twin) interprets
 * it, both walking {@link #valueOrder()} or {@link #gradientOrder()} in the same order. Immutable.
 *
 * <p>Sums and products over the coordinates ({@link Op#SUM}, {@link Op#PROD}) are instructions too, each the loop
 * over a {@link #body} program in one variable, x[i]. Their share of the gradient is not straight-line code but a
 * {@link Loop} per reduction: for every coordinate i, the reduction's adjoint times the body's derivative at x[i]
 * (times the other factors, for a product) is added to component i after its straight-line part
 * ({@link #gradient(int)}, present where {@link #reaches(int)}).
 *
 * <p>A constraint's program ({@link #seed()} &gt;= 0) computes its left side ({@link #left()}) and its value as the
 * augmented Lagrangian sees it ({@link #result()}); its gradient is that of the result times the seed, a weight the
 * method computes from the value in the middle of the program, and is added to the objective's.
 */
public final class Program {
    /**
     * The most variables a formula may have: its kernel writes every gradient component out, so the program grows
     * with D, and a formula naming x2147483647 would otherwise run the JVM out of memory.
     */
    public static final int MAX_DIMENSION = 1 << 16;

    /** The gradient share of reduction instruction {@code reduction}: its adjoint is instruction {@code adjoint}. */
    public record Loop(int reduction, int adjoint) {
    }

    private final int dimension;
    private final List<Instruction> instructions;
    private final List<Program> bodies;
    private final int result;
    private final int left;
    private final int seed;
    private final int[] gradient;
    private final boolean[] reaches;
    private final List<Loop> loops;
    private final int[] valueOrder;
    private final int[] gradientOrder;

    Program(int dimension, ProgramBuilder b, int result, int left, int seed, ReverseMode.Gradient g) {
        this.dimension = dimension;
        this.instructions = b.instructions();
        this.bodies = b.bodies();
        this.result = result;
        this.left = left;
        this.seed = seed;
        this.gradient = g.scalar().clone();
        this.reaches = g.reaches().clone();
        this.loops = List.copyOf(g.loops());
        int[] values = seed >= 0 ? new int[] {result, left, seed} : new int[] {result};
        this.valueOrder = live(this.instructions, values);
        int[] outputs = Arrays.copyOf(values, values.length + gradient.length + loops.size());
        System.arraycopy(gradient, 0, outputs, values.length, gradient.length);
        for (int k = 0; k < loops.size(); k++) {
            outputs[values.length + gradient.length + k] = loops.get(k).adjoint();
        }
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
        return compile(text, dimension, List.of());
    }

    /**
     * {@link #compile(String, int)} with named parameters: {@code parameters.get(k)} in the text is
     * {@link Op#PARAM} k.
     */
    public static Program compile(String text, int dimension, List<String> parameters) {
        requireDimension(dimension);
        Node tree = new Parser(text, dimension, parameters).parse();
        return of(tree, dimension);
    }

    /** The program of a syntax tree in {@code dimension} variables, with its gradient. */
    static Program of(Node tree, int dimension) {
        ProgramBuilder b = new ProgramBuilder();
        int result = tree.lower(b);
        return new Program(dimension, b, result, -1, -1, ReverseMode.gradient(b, result, dimension, -1));
    }

    /**
     * The program of a constraint whose left side is {@code left}: its value {@code sign * (left - bound)} and the
     * gradient of that times the seed.
     */
    static Program constraint(Node left, double bound, boolean negate, int dimension) {
        ProgramBuilder b = new ProgramBuilder();
        int e = left.lower(b);
        int c = negate ? b.sub(b.constant(bound), e) : b.sub(e, b.constant(bound));
        int seed = b.seed();
        return new Program(dimension, b, c, e, seed, ReverseMode.gradient(b, c, dimension, seed));
    }

    static void requireDimension(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension " + dimension + " must be at least 1");
        }
        if (dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension " + dimension + " is more than the " + MAX_DIMENSION
                    + " variables a formula may have");
        }
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

    /** The body of the reduction {@code instruction(k)} with body number {@code b}: a program in one variable. */
    public Program body(int b) {
        return bodies.get(b);
    }

    /** The number of reduction bodies. */
    public int bodyCount() {
        return bodies.size();
    }

    /** The instruction holding f (for a constraint, its value as the augmented Lagrangian sees it). */
    public int result() {
        return result;
    }

    /** A constraint's left side as written, -1 for an objective. */
    public int left() {
        return left;
    }

    /** A constraint's seed instruction, -1 for an objective. */
    public int seed() {
        return seed;
    }

    /** The instruction holding the straight-line part of {@code df/dx_i}, i 0-based. */
    public int gradient(int coordinate) {
        return gradient[coordinate];
    }

    /**
     * Whether coordinate {@code i} appears in the straight-line code. Where it does not, {@link #gradient(int)} is
     * a constant 0 and a constraint adds nothing to component i but its loops.
     */
    public boolean reaches(int coordinate) {
        return reaches[coordinate];
    }

    /** The reductions' shares of the gradient, added after the straight-line parts in this order. */
    public List<Loop> loops() {
        return loops;
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

    /** Equal programs compute equal bits: same instructions, bodies and outputs. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Program p && p.dimension == dimension && p.result == result && p.left == left
                && p.seed == seed && p.instructions.equals(instructions) && p.bodies.equals(bodies)
                && Arrays.equals(p.gradient, gradient) && p.loops.equals(loops);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension, instructions, result, Arrays.hashCode(gradient));
    }
}
