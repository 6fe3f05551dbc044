package org.batchopt.objective.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The gradient of a program by reverse accumulation, appended to the program as more instructions. The value
 * instructions are visited from last to first; when instruction k is reached every use of it has been visited,
 * so its adjoint is the sum of its contributions, added in the order they arrived. Only operands that depend on
 * some coordinate receive contributions. Local derivatives, with {@code w} the adjoint of {@code t = op(a, b)}:
 * <pre>
 *   a + b:  w, w            a - b:  w, -w            a * b:  w*b, w*a
 *   a / b:  q = w/b; q, -(q*t)                       -a:     -w
 *   sqrt a: R(0.5) * (w/t)  (infinite at a = 0)      abs a:  w * bo_sign(a)  (0 at a = 0)
 *   sin a:  w * cos(a)      cos a:  -(w * sin(a))    exp a:  w * t          log a:  w / a
 *   min(a, b): w * (b &lt; a ? 0 : 1), w * (b &lt; a ? 1 : 0)    (the operand min picks gets w)
 *   max(a, b): w * (a &lt; b ? 0 : 1), w * (a &lt; b ? 1 : 0)
 * </pre>
 * A sum or product over the coordinates keeps its adjoint as a {@link Program.Loop}: its share is added to every
 * component by a loop after the straight-line code. A coordinate the straight-line code never reaches gets the
 * constant 0. The seed, 1 for an objective, is the seed instruction for a constraint.
 */
final class ReverseMode {
    private record Term(int id, boolean negative) {
    }

    /** The straight-line part of each component, whether the coordinate was reached, and the loops. */
    record Gradient(int[] scalar, boolean[] reaches, List<Program.Loop> loops) {
    }

    private final ProgramBuilder b;
    private final boolean[] varying;
    private final List<List<Term>> terms;
    private final List<Program.Loop> loops = new ArrayList<>();

    private ReverseMode(ProgramBuilder b) {
        this.b = b;
        int m = b.size();
        varying = new boolean[m];
        terms = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            Instruction in = b.get(k);
            varying[k] = in.op() == Op.VAR || in.op().isReduction()
                    || in.readsOperands() && (varying[in.a()] || in.op().isBinary() && varying[in.b()]);
            terms.add(null);
        }
    }

    /**
     * Appends the gradient of instruction {@code result}, times instruction {@code seed} (1 when it is -1), to
     * {@code b}.
     */
    static Gradient gradient(ProgramBuilder b, int result, int dimension, int seed) {
        ReverseMode r = new ReverseMode(b);
        r.contribute(result, seed >= 0 ? seed : b.constant(1.0), false);
        int[] adjoint = new int[r.varying.length];
        for (int k = r.varying.length - 1; k >= 0; k--) {
            adjoint[k] = r.terms.get(k) == null ? -1 : r.sum(r.terms.get(k));
            if (adjoint[k] >= 0) {
                r.propagate(k, adjoint[k]);
            }
        }
        int[] gradient = new int[dimension];
        boolean[] reaches = new boolean[dimension];
        for (int i = 0; i < dimension; i++) {
            int v = b.variableOrNone(i);
            reaches[i] = v >= 0 && v < adjoint.length && adjoint[v] >= 0;
            gradient[i] = reaches[i] ? adjoint[v] : b.constant(0.0);
        }
        Collections.reverse(r.loops);
        return new Gradient(gradient, reaches, r.loops);
    }

    private void propagate(int k, int w) {
        Instruction in = b.get(k);
        int a = in.a();
        switch (in.op()) {
            case ADD -> {
                contribute(a, w, false);
                contribute(in.b(), w, false);
            }
            case SUB -> {
                contribute(a, w, false);
                contribute(in.b(), w, true);
            }
            case MUL -> {
                if (varying[a]) {
                    contribute(a, b.mul(w, in.b()), false);
                }
                if (varying[in.b()]) {
                    contribute(in.b(), b.mul(w, a), false);
                }
            }
            case DIV -> {
                int q = b.div(w, in.b());
                contribute(a, q, false);
                if (varying[in.b()]) {
                    contribute(in.b(), b.mul(q, k), true);
                }
            }
            case NEG -> contribute(a, w, true);
            case SQRT -> contribute(a, b.mul(b.constant(0.5), b.div(w, k)), false);
            case ABS -> contribute(a, b.mul(w, b.apply(Op.SIGN, a)), false);
            case SIN -> contribute(a, b.mul(w, b.apply(Op.COS, a)), false);
            case COS -> contribute(a, b.mul(w, b.apply(Op.SIN, a)), true);
            case EXP -> contribute(a, b.mul(w, k), false);
            case LOG -> contribute(a, b.div(w, a), false);
            case MIN -> select(a, in.b(), in.b(), a, w);
            case MAX -> select(a, in.b(), a, in.b(), w);
            case SUM, PROD -> loops.add(new Program.Loop(k, w));
            case CONST, VAR, SIGN, LESS, NOT_LESS, PARAM, INDEX, SEED -> {
            }
            default -> throw new IllegalStateException("no derivative for " + in.op());
        }
    }

    /** min or max of (a, b): the operand picked, a unless p &lt; q, gets w. */
    private void select(int a, int bOperand, int p, int q, int w) {
        if (varying[a]) {
            contribute(a, b.mul(w, b.apply2(Op.NOT_LESS, p, q)), false);
        }
        if (varying[bOperand]) {
            contribute(bOperand, b.mul(w, b.apply2(Op.LESS, p, q)), false);
        }
    }

    private void contribute(int target, int id, boolean negative) {
        if (!varying[target]) {
            return;
        }
        if (terms.get(target) == null) {
            terms.set(target, new ArrayList<>());
        }
        terms.get(target).add(new Term(id, negative));
    }

    /** The terms added in order; {@code -a + b} is written {@code b - a}, which is the same IEEE operation. */
    private int sum(List<Term> list) {
        Term first = list.get(0);
        int s = first.negative() ? b.neg(first.id()) : first.id();
        int j = 1;
        if (first.negative() && list.size() > 1 && !list.get(1).negative()) {
            s = b.sub(list.get(1).id(), first.id());
            j = 2;
        }
        for (; j < list.size(); j++) {
            Term t = list.get(j);
            s = t.negative() ? b.sub(s, t.id()) : b.add(s, t.id());
        }
        return s;
    }
}
