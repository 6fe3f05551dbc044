package org.batchopt.objective.expression;

import java.util.ArrayList;
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
 * </pre>
 * A coordinate the expression never reaches gets the constant 0.
 */
final class ReverseMode {
    private record Term(int id, boolean negative) {
    }

    private final ProgramBuilder b;
    private final boolean[] varying;
    private final List<List<Term>> terms;

    private ReverseMode(ProgramBuilder b) {
        this.b = b;
        int m = b.size();
        varying = new boolean[m];
        terms = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            Instruction in = b.get(k);
            varying[k] = in.op() == Op.VAR
                    || in.readsOperands() && (varying[in.a()] || in.op().isBinary() && varying[in.b()]);
            terms.add(null);
        }
    }

    /** Appends the gradient of instruction {@code result} to {@code b}; returns the gradient's instructions. */
    static int[] gradient(ProgramBuilder b, int result, int dimension) {
        ReverseMode r = new ReverseMode(b);
        r.contribute(result, b.constant(1.0), false);
        int[] adjoint = new int[r.varying.length];
        for (int k = r.varying.length - 1; k >= 0; k--) {
            adjoint[k] = r.terms.get(k) == null ? -1 : r.sum(r.terms.get(k));
            if (adjoint[k] >= 0) {
                r.propagate(k, adjoint[k]);
            }
        }
        int[] gradient = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            int v = b.variableOrNone(i);
            gradient[i] = v >= 0 && adjoint[v] >= 0 ? adjoint[v] : b.constant(0.0);
        }
        return gradient;
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
            case CONST, VAR, SIGN -> {
            }
            default -> throw new IllegalStateException("no derivative for " + in.op());
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
