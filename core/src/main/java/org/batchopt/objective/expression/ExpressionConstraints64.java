package org.batchopt.objective.expression;

import java.util.List;
import org.batchopt.kernel.ConstraintTwin64;
import org.batchopt.kernel.ConstraintWeights64;
import org.batchopt.objective.expression.Expression64;
import org.batchopt.objective.expression.Program;

/** Twin of the {@code con_all} that {@code KernelWriter.constraints} prints: each constraint's program in order. */
public final class ExpressionConstraints64 extends ConstraintTwin64 {
    private final Expression64[] constraints;

    public ExpressionConstraints64(List<Program> programs) {
        constraints = new Expression64[programs.size()];
        for (int j = 0; j < constraints.length; j++) {
            constraints[j] = new Expression64(programs.get(j)).constraint(j);
        }
    }

    @Override
    public void bindParameters(double[][] hp, int[] slots) {
        for (Expression64 c : constraints) {
            c.bindParameters(hp, slots);
        }
    }

    @Override
    public void evaluate(double[][] x, double[][] g, ConstraintWeights64 weights, int n) {
        for (Expression64 c : constraints) {
            c.accumulate(x, g, weights, n);
        }
    }
}
