package org.batchopt.objective.expression;

import static org.batchopt.kernel.Math64.abs;
import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.r;
import static org.batchopt.kernel.Math64.sign;
import static org.batchopt.kernel.Math64.sqrt;

import org.batchopt.kernel.ConstraintWeights64;
import org.batchopt.kernel.ObjectiveTwin64;
import org.batchopt.objective.expression.Instruction;
import org.batchopt.objective.expression.Program;

/**
 * Twin of the kernel source that {@code objective/expression/KernelWriter} prints for a {@link Program}: the
 * same instructions in the same order, each one a loop over lanes; {@code t[k][l]} is the kernel's {@code tK} in
 * lane l, and a sum's or product's body runs once per coordinate over every lane, as the kernel's loop over i.
 * Serves objectives ({@link #value}, {@link #valueGradient}) and constraints ({@link #accumulate}). Keeps its
 * scratch between calls, so one instance serves one thread.
 */
public final class Expression64 extends ObjectiveTwin64 {
    private final Program program;
    private final int[] valueOrder;
    private final int[] gradientOrder;
    private final int[][] bodyValueOrder;
    private final int[][] bodyGradientOrder;
    private double[][] t = new double[0][];
    private double[][][] tb;
    /** A product's non-zero factors' product and zero count, per instruction, while computing gradients. */
    private double[][] prodP;
    private int[][] prodZ;
    private int lanes;
    private double[][] hp;
    private int[] slots;
    /** The constraint number the seed callback receives. */
    private int constraint;

    public Expression64(Program program) {
        super(program.dimension());
        this.program = program;
        this.valueOrder = program.valueOrder();
        this.gradientOrder = program.gradientOrder();
        int bodies = program.bodyCount();
        bodyValueOrder = new int[bodies][];
        bodyGradientOrder = new int[bodies][];
        for (int b = 0; b < bodies; b++) {
            bodyValueOrder[b] = program.body(b).valueOrder();
            bodyGradientOrder[b] = program.body(b).gradientOrder();
        }
        tb = new double[bodies][][];
    }

    /** The twin of constraint number {@code j}: the number {@link ConstraintWeights64#weights} receives. */
    Expression64 constraint(int j) {
        constraint = j;
        return this;
    }

    @Override
    public void bindParameters(double[][] hp, int[] slots) {
        this.hp = hp;
        this.slots = slots.clone();
    }

    @Override
    public void value(double[][] x, double[] f, int n) {
        run(valueOrder, x, n, false, null);
        final double[] r = t[program.result()];
        for (int l = 0; l < n; l++) {
            f[l] = r[l];
        }
    }

    @Override
    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
        run(gradientOrder, x, n, true, null);
        if (program.loops().isEmpty()) {
            for (int i = 0; i < dim; i++) {
                final double[] gi = t[program.gradient(i)];
                for (int l = 0; l < n; l++) {
                    g[i][l] = gi[l];
                }
            }
        } else {
            for (int i = 0; i < dim; i++) {
                for (int l = 0; l < n; l++) {
                    g[i][l] = 0;
                }
            }
            outputs(x, g, false, n);
        }
        final double[] r = t[program.result()];
        for (int l = 0; l < n; l++) {
            f[l] = r[l];
        }
    }

    /**
     * A constraint's share, as its kernel function {@code con_j}: computes its left side and value, asks
     * {@code seed} for the weights and adds the weighted gradient of the value to {@code g}.
     *
     * @param x not modified
     * @param g modified: the weighted gradient added
     */
    public void accumulate(double[][] x, double[][] g, ConstraintWeights64 seed, int n) {
        run(gradientOrder, x, n, true, seed);
        outputs(x, g, true, n);
    }

    /** The straight-line components (assigned, or added with {@code add}), then every loop's share. */
    private void outputs(double[][] x, double[][] g, boolean add, int n) {
        for (int i = 0; i < dim; i++) {
            if (!program.reaches(i)) {
                continue;
            }
            final double[] gi = t[program.gradient(i)];
            final double[] out = g[i];
            if (add) {
                for (int l = 0; l < n; l++) {
                    out[l] = out[l] + gi[l];
                }
            } else {
                for (int l = 0; l < n; l++) {
                    out[l] = gi[l];
                }
            }
        }
        for (Program.Loop loop : program.loops()) {
            final Instruction red = program.instruction(loop.reduction());
            final Program body = program.body(red.a());
            final double[] w = t[loop.adjoint()];
            for (int i = 0; i < dim; i++) {
                final double[][] u = runBody(red.a(), bodyGradientOrder[red.a()], x[i], i, n);
                final double[] du = u[body.gradient(0)];
                final double[] out = g[i];
                if (red.op() == Op.SUM) {
                    for (int l = 0; l < n; l++) {
                        out[l] = out[l] + w[l] * du[l];
                    }
                } else {
                    final double[] v = u[body.result()];
                    final double[] p = prodP[loop.reduction()];
                    final int[] z = prodZ[loop.reduction()];
                    for (int l = 0; l < n; l++) {
                        out[l] = out[l] + (w[l] * (z[l] == 0 ? p[l] / v[l] : (z[l] == 1 && v[l] == 0 ? p[l] : 0)))
                                * du[l];
                    }
                }
            }
        }
    }

    /** Instructions {@code order} of the program for lanes {@code l < n}; the cases of KernelWriter. */
    private void run(int[] order, double[][] x, int n, boolean gradient, ConstraintWeights64 seed) {
        reserve(n);
        for (int k : order) {
            final Instruction in = program.instruction(k);
            final double[] r = t[k];
            switch (in.op()) {
                case SUM, PROD -> reduce(k, in, x, n, gradient);
                case SEED -> seed.weights(constraint, t[program.left()], t[program.result()], r, n);
                case VAR -> {
                    final double[] xi = x[in.coordinate()];
                    for (int l = 0; l < n; l++) {
                        r[l] = xi[l];
                    }
                }
                default -> operation(in, t, r, -1, n);
            }
        }
    }

    /** The loop of a sum or product over the coordinates, as KernelWriter.reduction prints it. */
    private void reduce(int k, Instruction in, double[][] x, int n, boolean gradient) {
        final double[] r = t[k];
        final boolean sum = in.op() == Op.SUM;
        final Program body = program.body(in.a());
        for (int l = 0; l < n; l++) {
            r[l] = sum ? 0 : 1;
        }
        final boolean factors = !sum && gradient;
        final double[] p = factors ? prodP[k] : null;
        final int[] z = factors ? prodZ[k] : null;
        if (factors) {
            for (int l = 0; l < n; l++) {
                p[l] = 1;
                z[l] = 0;
            }
        }
        for (int i = 0; i < dim; i++) {
            final double[] u = runBody(in.a(), bodyValueOrder[in.a()], x[i], i, n)[body.result()];
            if (sum) {
                for (int l = 0; l < n; l++) {
                    r[l] = r[l] + u[l];
                }
            } else {
                for (int l = 0; l < n; l++) {
                    r[l] = r[l] * u[l];
                }
            }
            if (factors) {
                for (int l = 0; l < n; l++) {
                    if (u[l] != 0) {
                        p[l] = p[l] * u[l];
                    } else {
                        z[l] = z[l] + 1;
                    }
                }
            }
        }
    }

    /** Body {@code b}'s instructions {@code order} at coordinate {@code i}, whose lanes are {@code xi}. */
    private double[][] runBody(int b, int[] order, double[] xi, int i, int n) {
        final Program body = program.body(b);
        final double[][] u = tb[b];
        for (int k : order) {
            final Instruction in = body.instruction(k);
            final double[] r = u[k];
            if (in.op() == Op.VAR) {
                for (int l = 0; l < n; l++) {
                    r[l] = xi[l];
                }
            } else {
                operation(in, u, r, i, n);
            }
        }
        return u;
    }

    /** One operation over lanes, its operands in {@code t}; {@code i} is the coordinate of a body's pass. */
    private void operation(Instruction in, double[][] t, double[] r, int i, int n) {
        final double[] a = in.readsOperands() ? t[in.a()] : null;
        final double[] b = in.op().isBinary() ? t[in.b()] : null;
        switch (in.op()) {
            case CONST -> {
                final double v = c(in.constant());
                for (int l = 0; l < n; l++) {
                    r[l] = v;
                }
            }
            case PARAM -> {
                final double[] v = hp[slots[in.a()]];
                for (int l = 0; l < n; l++) {
                    r[l] = v[l];
                }
            }
            case INDEX -> {
                final double v = r(i + 1);
                for (int l = 0; l < n; l++) {
                    r[l] = v;
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
            case MIN -> {
                for (int l = 0; l < n; l++) {
                    r[l] = b[l] < a[l] ? b[l] : a[l];
                }
            }
            case MAX -> {
                for (int l = 0; l < n; l++) {
                    r[l] = a[l] < b[l] ? b[l] : a[l];
                }
            }
            case LESS -> {
                for (int l = 0; l < n; l++) {
                    r[l] = a[l] < b[l] ? 1 : 0;
                }
            }
            case NOT_LESS -> {
                for (int l = 0; l < n; l++) {
                    r[l] = a[l] < b[l] ? 0 : 1;
                }
            }
            default -> throw new IllegalStateException("no twin for " + in.op());
        }
    }

    private void reserve(int n) {
        if (t.length == program.size() && n <= lanes) {
            return;
        }
        lanes = Math.max(n, lanes);
        t = new double[program.size()][lanes];
        for (int b = 0; b < tb.length; b++) {
            tb[b] = new double[program.body(b).size()][lanes];
        }
        prodP = new double[program.size()][];
        prodZ = new int[program.size()][];
        for (int k = 0; k < program.size(); k++) {
            if (program.instruction(k).op() == Op.PROD) {
                prodP[k] = new double[lanes];
                prodZ[k] = new int[lanes];
            }
        }
    }
}
