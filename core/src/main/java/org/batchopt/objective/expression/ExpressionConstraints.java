package org.batchopt.objective.expression;

import java.util.ArrayList;
import java.util.List;
import org.batchopt.kernel.ConstraintSource;
import org.batchopt.kernel.ConstraintTwin32;
import org.batchopt.kernel.ConstraintTwin64;
import org.batchopt.objective.expression.ExpressionConstraints32;
import org.batchopt.objective.expression.ExpressionConstraints64;

/**
 * A run's general constraints compiled from their formulas: one {@link Program} per constraint (its left side,
 * its value {@code left - bound} or {@code bound - left}, and the gradient of the value times the seed), printed
 * as {@code con_j} functions by {@link KernelWriter#constraints} and interpreted by {@link ExpressionConstraints64}
 * on the CPU. Immutable.
 */
public final class ExpressionConstraints implements ConstraintSource {
    /**
     * One constraint as given.
     *
     * @param left        its left side, a formula in the objective's variables and parameters
     * @param inequality  {@code <=} or {@code >=}, otherwise {@code =}
     * @param atLeast     {@code >=}: the value is {@code bound - left}
     * @param bound       the right side
     * @param description how it reads, for the kernel's comments
     */
    public record Spec(String left, boolean inequality, boolean atLeast, double bound, String description) {
    }

    private final List<Spec> specs;
    private final List<Program> programs;
    private final List<String> parameters;
    private final String kernel;
    private final String id;

    private ExpressionConstraints(List<Spec> specs, List<Program> programs, List<String> parameters) {
        this.specs = List.copyOf(specs);
        this.programs = List.copyOf(programs);
        this.parameters = List.copyOf(parameters);
        List<Boolean> inequality = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (Spec s : specs) {
            inequality.add(s.inequality());
            descriptions.add(s.description());
        }
        this.kernel = KernelWriter.constraints(programs, inequality, descriptions, parameters);
        this.id = "con:" + ExpressionSource.sha256(kernel).substring(0, 16);
    }

    /**
     * Compiles {@code specs} over {@code dimension} variables with the named {@code parameters}.
     *
     * @throws IllegalArgumentException an {@link org.batchopt.objective.ExpressionSyntaxException} naming the column
     *                                  of a mistake in a left side
     */
    public static ExpressionConstraints compile(List<Spec> specs, int dimension, List<String> parameters) {
        Program.requireDimension(dimension);
        List<Program> programs = new ArrayList<>();
        for (Spec s : specs) {
            Node left = new Parser(s.left(), dimension, parameters).parse();
            programs.add(Program.constraint(left, s.bound(), s.atLeast(), dimension));
        }
        return new ExpressionConstraints(specs, programs, parameters);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int count() {
        return specs.size();
    }

    @Override
    public boolean inequality(int j) {
        return specs.get(j).inequality();
    }

    @Override
    public List<String> parameters() {
        return parameters;
    }

    /** Constraint j's program. */
    public Program program(int j) {
        return programs.get(j);
    }

    @Override
    public String kernelSource() {
        return kernel;
    }

    @Override
    public ConstraintTwin64 twin64(int dimension) {
        check(dimension);
        return new ExpressionConstraints64(programs);
    }

    @Override
    public ConstraintTwin32 twin32(int dimension) {
        check(dimension);
        return new ExpressionConstraints32(programs);
    }

    private void check(int dimension) {
        if (!programs.isEmpty() && dimension != programs.get(0).dimension()) {
            throw new IllegalArgumentException("constraints were compiled for dimension "
                    + programs.get(0).dimension() + ", not " + dimension);
        }
    }
}
