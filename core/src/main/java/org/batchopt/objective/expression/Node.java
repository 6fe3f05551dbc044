package org.batchopt.objective.expression;

import java.util.List;
import java.util.OptionalLong;

/** The syntax tree of an expression; each node appends its instructions to a program and names its result. */
interface Node {
    /** Largest integer exponent computed by multiplications; larger ones go through exp and log. */
    int MAX_INTEGER_EXPONENT = 64;
    /** Integers up to 2^24 are exact in fp32 and fp64, and so is integer arithmetic staying within it. */
    long MAX_EXACT_INTEGER = 1L << 24;

    int lower(ProgramBuilder b);

    /**
     * The value of a constant integer expression that both precisions compute exactly (integer literals, signs,
     * {@code + - *} and integer powers, every intermediate within {@link #MAX_EXACT_INTEGER}); empty otherwise.
     */
    default OptionalLong exactInteger() {
        return OptionalLong.empty();
    }

    private static OptionalLong exact(long v) {
        return Math.abs(v) <= MAX_EXACT_INTEGER ? OptionalLong.of(v) : OptionalLong.empty();
    }

    record Literal(double value) implements Node {
        @Override
        public int lower(ProgramBuilder b) {
            return b.constant(value);
        }

        @Override
        public OptionalLong exactInteger() {
            boolean integer = value == Math.rint(value) && value <= MAX_EXACT_INTEGER;
            return integer ? exact((long) value) : OptionalLong.empty();
        }
    }

    record Variable(int coordinate) implements Node {
        @Override
        public int lower(ProgramBuilder b) {
            return b.variable(coordinate);
        }
    }

    record Negate(Node operand) implements Node {
        @Override
        public int lower(ProgramBuilder b) {
            return b.neg(operand.lower(b));
        }

        @Override
        public OptionalLong exactInteger() {
            OptionalLong v = operand.exactInteger();
            return v.isPresent() ? OptionalLong.of(-v.getAsLong()) : v;
        }
    }

    record Call(Op function, Node argument) implements Node {
        @Override
        public int lower(ProgramBuilder b) {
            return b.apply(function, argument.lower(b));
        }
    }

    /** {@code min(a, b)} or {@code max(a, b)}. */
    record Call2(Op function, Node first, Node second) implements Node {
        @Override
        public int lower(ProgramBuilder b) {
            int x = first.lower(b);
            return b.apply2(function, x, second.lower(b));
        }
    }

    /** Named parameter number {@code index}. */
    record Parameter(int index) implements Node {
        @Override
        public int lower(ProgramBuilder b) {
            return b.parameter(index);
        }
    }

    /** {@code x[i]} in the body of a sum or product: the body program's one variable. */
    record Indexed() implements Node {
        @Override
        public int lower(ProgramBuilder b) {
            return b.variable(0);
        }
    }

    /** {@code i} in the body of a sum or product. */
    record Index() implements Node {
        @Override
        public int lower(ProgramBuilder b) {
            return b.index();
        }
    }

    /**
     * {@code sum(body)} or {@code prod(body)} over i = 1..D: the body is compiled on its own, a program in x[i]
     * with its derivative, and the reduction is one instruction of the enclosing program.
     */
    record Reduction(Op kind, Node body) implements Node {
        @Override
        public int lower(ProgramBuilder b) {
            return b.reduction(kind, Program.of(body, 1));
        }
    }

    /** One operator and its right operand in a {@link Chain}. */
    record Step(char operator, Node operand) {
    }

    /** Operators of one precedence level, {@code + -} or {@code * /}, applied left to right. */
    record Chain(Node first, List<Step> steps) implements Node {
        @Override
        public int lower(ProgramBuilder b) {
            int acc = first.lower(b);
            for (Step s : steps) {
                int rhs = s.operand().lower(b);
                acc = switch (s.operator()) {
                    case '+' -> b.add(acc, rhs);
                    case '-' -> b.sub(acc, rhs);
                    case '*' -> b.mul(acc, rhs);
                    case '/' -> b.div(acc, rhs);
                    default -> throw new IllegalStateException("operator " + s.operator());
                };
            }
            return acc;
        }

        @Override
        public OptionalLong exactInteger() {
            OptionalLong acc = first.exactInteger();
            for (Step s : steps) {
                OptionalLong rhs = s.operand().exactInteger();
                if (acc.isEmpty() || rhs.isEmpty() || s.operator() == '/') {
                    return OptionalLong.empty();
                }
                long a = acc.getAsLong();
                long r = rhs.getAsLong();
                acc = exact(s.operator() == '+' ? a + r : s.operator() == '-' ? a - r : a * r);
            }
            return acc;
        }
    }

    /**
     * {@code base ^ exponent}. An exponent n that is a constant integer expression ({@link #exactInteger()}) with
     * {@code |n| <= 64} is not computed: the power is multiplications in the order of {@code bo_pown} (repeated
     * squaring; a negative n as {@code 1 / base^-n}), defined for every base. Otherwise {@code e ^ u} is
     * {@code exp(u)} and {@code a ^ u} is {@code exp(u * log(a))}, the operations of {@code bo_pow}: NaN for
     * {@code a < 0}.
     */
    record Power(Node base, Node exponent) implements Node {
        @Override
        public int lower(ProgramBuilder b) {
            OptionalLong n = exponent.exactInteger();
            if (n.isPresent() && Math.abs(n.getAsLong()) <= MAX_INTEGER_EXPONENT) {
                int k = (int) n.getAsLong();
                int x = base.lower(b);
                return k >= 0 ? pown(b, x, k) : b.div(b.constant(1.0), pown(b, x, -k));
            }
            if (base instanceof Literal l && l.value() == Math.E) {
                return b.apply(Op.EXP, exponent.lower(b));
            }
            int x = base.lower(b);
            int y = exponent.lower(b);
            return b.apply(Op.EXP, b.mul(y, b.apply(Op.LOG, x)));
        }

        /** The integer power computed as {@link #lower} computes it, when that is exact. */
        @Override
        public OptionalLong exactInteger() {
            OptionalLong x = base.exactInteger();
            OptionalLong n = exponent.exactInteger();
            if (x.isEmpty() || n.isEmpty() || n.getAsLong() < 0 || n.getAsLong() > MAX_INTEGER_EXPONENT) {
                return OptionalLong.empty();
            }
            OptionalLong r = OptionalLong.of(1);
            for (long j = 0; j < n.getAsLong() && r.isPresent(); j++) {
                r = exact(r.getAsLong() * x.getAsLong());
            }
            return r;
        }

        /** {@code bo_pown(x, n)}, n >= 0, without its multiplications by 1 (which are exact). */
        private static int pown(ProgramBuilder b, int x, int n) {
            if (n == 0) {
                return b.constant(1.0);
            }
            int r = -1;
            while (true) {
                if ((n & 1) != 0) {
                    r = r < 0 ? x : b.mul(r, x);
                }
                n = n >> 1;
                if (n == 0) {
                    return r;
                }
                x = b.mul(x, x);
            }
        }
    }
}
