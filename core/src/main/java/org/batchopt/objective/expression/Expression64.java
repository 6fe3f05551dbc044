package org.batchopt.objective.expression;

import static org.batchopt.kernel.Math64.abs;
import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.sign;
import static org.batchopt.kernel.Math64.sqrt;

import org.batchopt.kernel.ObjectiveTwin64;
import org.batchopt.objective.expression.Instruction;
import org.batchopt.objective.expression.Program;

/**
 * Twin of the kernel source that {@code objective/expression/KernelWriter} prints for a {@link Program}: the
 * same instructions in the same order, each one a loop over lanes; {@code t[k][l]} is the kernel's {@code tK} in
 * lane l. Keeps that scratch between calls, so one instance serves one thread.
 */
public final class Expression64 extends ObjectiveTwin64 {
    private final Program program;
    private final int[] valueOrder;
    private final int[] gradientOrder;
    private double[][] t = new double[0][];
    private int lanes;

    public Expression64(Program program) {
        super(program.dimension());
        this.program = program;
        this.valueOrder = program.valueOrder();
        this.gradientOrder = program.gradientOrder();
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        run(valueOrder, x, n);
        final double[] r = t[program.result()];
        for (int l = 0; l < n; l++) {
            f[l] = r[l];
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        run(gradientOrder, x, n);
        for (int i = 0; i < dim; i++) {
            final double[] gi = t[program.gradient(i)];
            for (int l = 0; l < n; l++) {
                g[i][l] = gi[l];
            }
        }
        final double[] r = t[program.result()];
        for (int l = 0; l < n; l++) {
            f[l] = r[l];
        }
    }

    /** Instructions {@code order} for lanes {@code l < n}; the cases of KernelWriter.operation. */
    private void run(int[] order, double[][] x, int n) {
        reserve(n);
        for (int k : order) {
            final Instruction in = program.instruction(k);
            final double[] r = t[k];
            final double[] a = in.readsOperands() ? t[in.a()] : null;
            final double[] b = in.op().isBinary() ? t[in.b()] : null;
            switch (in.op()) {
                case CONST -> {
                    final double v = c(in.constant());
                    for (int l = 0; l < n; l++) {
                        r[l] = v;
                    }
                }
                case VAR -> {
                    final double[] xi = x[in.coordinate()];
                    for (int l = 0; l < n; l++) {
                        r[l] = xi[l];
                    }
                }
                case ADD -> {
                    for (int l = 0; l < n; l++) {
                        r[l] = a[l] + b[l];
                    }
                }
                case SUB -> {
                    for (int l = 0; l < n; l++) {
                        r[l] = a[l] - b[l];
                    }
                }
                case MUL -> {
                    for (int l = 0; l < n; l++) {
                        r[l] = a[l] * b[l];
                    }
                }
                case DIV -> {
                    for (int l = 0; l < n; l++) {
                        r[l] = a[l] / b[l];
                    }
                }
                case NEG -> {
                    for (int l = 0; l < n; l++) {
                        r[l] = -a[l];
                    }
                }
                case SQRT -> {
                    for (int l = 0; l < n; l++) {
                        r[l] = sqrt(a[l]);
                    }
                }
                case ABS -> {
                    for (int l = 0; l < n; l++) {
                        r[l] = abs(a[l]);
                    }
                }
                case SIN -> math.sin(a, r, n);
                case COS -> math.cos(a, r, n);
                case EXP -> math.exp(a, r, n);
                case LOG -> math.log(a, r, n);
                case SIGN -> {
                    for (int l = 0; l < n; l++) {
                        r[l] = sign(a[l]);
                    }
                }
                default -> throw new IllegalStateException("no twin for " + in.op());
            }
        }
    }

    private void reserve(int n) {
        if (t.length == program.size() && n <= lanes) {
            return;
        }
        lanes = Math.max(n, lanes);
        t = new double[program.size()][lanes];
    }
}
