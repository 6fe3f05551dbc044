package org.batchopt.objective.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchopt.objective.ExpressionSyntaxException;
import org.batchopt.objective.expression.Lexer.Kind;
import org.batchopt.objective.expression.Lexer.Token;

/**
 * Recursive descent over the grammar of {@code Objectives.expression}:
 * <pre>
 *   expression = term { ("+" | "-") term }
 *   term       = unary { ("*" | "/") unary }
 *   unary      = ("-" | "+") unary | power
 *   power      = primary [ "^" unary ]
 *   primary    = number | variable | parameter | "pi" | "e" | function "(" expression ")"
 *              | ("min" | "max") "(" expression "," expression ")" | ("sum" | "prod") "(" expression ")"
 *              | "(" expression ")"
 *   variable   = "x1" .. "xD" | "x[" integer "]" | "x" | "y" | "z" (D &lt;= 3) | "x[i]" and "i" in a sum or product
 * </pre>
 * The body of a sum or product is a formula in {@code x[i]}, {@code i}, numbers and parameters only.
 */
final class Parser {
    /** Deepest nesting of parentheses, signs and powers accepted; keeps recursion far from the stack's end. */
    static final int MAX_DEPTH = 256;

    private static final Map<String, Op> FUNCTIONS = Map.of("sin", Op.SIN, "cos", Op.COS, "exp", Op.EXP,
            "log", Op.LOG, "sqrt", Op.SQRT, "abs", Op.ABS);
    private static final Map<String, Op> FUNCTIONS2 = Map.of("min", Op.MIN, "max", Op.MAX);
    private static final Map<String, Op> REDUCTIONS = Map.of("sum", Op.SUM, "prod", Op.PROD);

    private final String text;
    private final int dimension;
    private final List<String> parameters;
    private final List<Token> tokens;
    private int next;
    private int depth;
    /** The reduction whose body is being read, null outside one. */
    private Token body;

    Parser(String text, int dimension) {
        this(text, dimension, List.of());
    }

    /** A parser of {@code text} in which {@code parameters.get(k)} names parameter k. */
    Parser(String text, int dimension, List<String> parameters) {
        if (text == null) {
            throw new IllegalArgumentException("expression text is null");
        }
        this.text = text;
        this.dimension = dimension;
        this.parameters = List.copyOf(parameters);
        this.tokens = Lexer.tokens(text);
    }

    /**
     * Why {@code name} cannot name a parameter (a variable, a function, a constant or not an identifier), or null
     * when it can.
     */
    static String parameterNameProblem(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return "'" + name + "' is not a name (a letter or '_', then letters, digits or '_')";
        }
        if (name.matches("x[0-9]*|[xyzi]")) {
            return "'" + name + "' is a variable";
        }
        if (FUNCTIONS.containsKey(name) || FUNCTIONS2.containsKey(name) || REDUCTIONS.containsKey(name)) {
            return "'" + name + "' is a function";
        }
        if (name.equals("pi") || name.equals("e")) {
            return "'" + name + "' is a constant";
        }
        return null;
    }

    Node parse() {
        if (peek().kind() == Kind.END) {
            throw new ExpressionSyntaxException(text, 1, "empty expression");
        }
        Node n = expression();
        Token t = peek();
        if (t.is(')')) {
            throw error(t, "unbalanced parentheses: ')' has no matching '('");
        }
        if (t.kind() != Kind.END) {
            throw error(t, "unexpected '" + t.text() + "' after a complete expression");
        }
        return n;
    }

    private Node expression() {
        Node first = term();
        List<Node.Step> steps = new ArrayList<>();
        while (peek().is('+') || peek().is('-')) {
            char op = take().text().charAt(0);
            steps.add(new Node.Step(op, term()));
        }
        return steps.isEmpty() ? first : new Node.Chain(first, steps);
    }

    private Node term() {
        Node first = unary();
        List<Node.Step> steps = new ArrayList<>();
        while (peek().is('*') || peek().is('/')) {
            char op = take().text().charAt(0);
            steps.add(new Node.Step(op, unary()));
        }
        return steps.isEmpty() ? first : new Node.Chain(first, steps);
    }

    private Node unary() {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "expression nested more than " + MAX_DEPTH + " deep");
        }
        try {
            if (peek().is('-')) {
                take();
                return new Node.Negate(unary());
            }
            if (peek().is('+')) {
                take();
                return unary();
            }
            Node base = primary();
            if (peek().is('^')) {
                take();
                return new Node.Power(base, unary());
            }
            return base;
        } finally {
            depth--;
        }
    }

    private Node primary() {
        Token t = take();
        switch (t.kind()) {
            case NUMBER -> {
                double v = Double.parseDouble(t.text());
                if (Double.isInfinite(v)) {
                    throw error(t, "number " + t.text() + " is too large");
                }
                return new Node.Literal(v);
            }
            case NAME -> {
                return name(t);
            }
            case END -> throw error(t, "expression ends where an operand is expected");
            default -> {
                if (t.is('(')) {
                    return parenthesized(t);
                }
                throw error(t, "expected a number, variable, function or '(' but found '" + t.text() + "'");
            }
        }
    }

    private Node name(Token t) {
        String s = t.text();
        Op function = FUNCTIONS.get(s);
        if (function != null) {
            if (!peek().is('(')) {
                throw error(peek(), "function " + s + " needs its argument in parentheses");
            }
            return new Node.Call(function, parenthesized(take()));
        }
        Op function2 = FUNCTIONS2.get(s);
        if (function2 != null) {
            if (!peek().is('(')) {
                throw error(peek(), "function " + s + " needs its two arguments in parentheses: " + s + "(a, b)");
            }
            Token open = take();
            Node first = expression();
            if (!peek().is(',')) {
                throw error(peek(), "function " + s + " needs two arguments separated by ',' but found '"
                        + peek().text() + "'");
            }
            take();
            return new Node.Call2(function2, first, close(open, expression()));
        }
        Op reduction = REDUCTIONS.get(s);
        if (reduction != null) {
            if (body != null) {
                throw error(t, s + "(...) cannot be nested in the " + body.text() + "(...) at column "
                        + body.column());
            }
            if (!peek().is('(')) {
                throw error(peek(), s + " needs its body in parentheses: " + s + "(x[i]^2)");
            }
            body = t;
            try {
                return new Node.Reduction(reduction, parenthesized(take()));
            } finally {
                body = null;
            }
        }
        if (s.equals("pi")) {
            return new Node.Literal(Math.PI);
        }
        if (s.equals("e")) {
            return new Node.Literal(Math.E);
        }
        int parameter = parameters.indexOf(s);
        if (parameter >= 0) {
            return new Node.Parameter(parameter);
        }
        if (s.equals("i")) {
            if (body == null) {
                throw error(t, "i is only defined inside sum(...) or prod(...)");
            }
            return new Node.Index();
        }
        if (s.equals("x") && peek().is('[')) {
            return indexed(t);
        }
        if (body != null) {
            throw error(t, "the body of " + body.text() + "(...) may use x[i], i, numbers and parameters, not "
                    + (s.matches("x[0-9]*|[xyz]") ? "the variable " + s : "'" + s + "'"));
        }
        return new Node.Variable(coordinate(t));
    }

    /** {@code x[i]} in a body, or {@code x[N]} for coordinate N elsewhere. */
    private Node indexed(Token x) {
        take();
        Token index = take();
        if (!peek().is(']')) {
            throw error(peek(), "expected ']' after x[" + index.text() + " but found '" + peek().text() + "'");
        }
        take();
        if (index.kind() == Kind.NAME && index.text().equals("i")) {
            if (body == null) {
                throw error(x, "x[i] is only defined inside sum(...) or prod(...)");
            }
            return new Node.Indexed();
        }
        if (index.kind() != Kind.NUMBER || !index.text().matches("[0-9]+")) {
            throw error(index, "the index of x[...] is i (in a sum or product) or a coordinate number, not '"
                    + index.text() + "'");
        }
        if (body != null) {
            throw error(x, "the body of " + body.text() + "(...) may use x[i], i, numbers and parameters, not x["
                    + index.text() + "]");
        }
        long i = index.text().length() > 10 ? Long.MAX_VALUE : Long.parseLong(index.text());
        if (i < 1 || i > dimension) {
            throw error(index, "x[" + index.text() + "] is beyond dimension " + dimension + " (x[1]..x[" + dimension
                    + "])");
        }
        return new Node.Variable((int) i - 1);
    }

    /** {@code inner} after the ')' that closes {@code open}. */
    private Node close(Token open, Node inner) {
        if (!peek().is(')')) {
            if (peek().kind() == Kind.END) {
                throw error(open, "unbalanced parentheses: '(' is never closed");
            }
            throw error(peek(), "expected ')' for the '(' at column " + open.column() + " but found '"
                    + peek().text() + "'");
        }
        take();
        return inner;
    }

    private Node parenthesized(Token open) {
        return close(open, expression());
    }

    /**
     * The highest variable {@code text} names, counting {@code x, y, z} as 1, 2, 3 (at least 1): the smallest
     * dimension it may compile for.
     *
     * @throws ExpressionSyntaxException for a character no token starts with, or a variable beyond the
     *                                   {@link Program#MAX_DIMENSION} variables a formula may have
     */
    static int highestVariable(String text) {
        int d = 1;
        List<Token> tokens = Lexer.tokens(text);
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.kind() != Kind.NAME) {
                continue;
            }
            String s = t.text();
            if (s.equals("x") && k + 2 < tokens.size() && tokens.get(k + 1).is('[')
                    && tokens.get(k + 2).text().matches("[1-9][0-9]{0,8}")) {
                d = Math.max(d, Integer.parseInt(tokens.get(k + 2).text()));
                continue;
            }
            int alias = "xyz".indexOf(s.length() == 1 ? s.charAt(0) : '?');
            if (alias >= 0) {
                d = Math.max(d, alias + 1);
            } else if (s.matches("x[1-9][0-9]*")) {
                if (s.length() > 10 || Integer.parseInt(s.substring(1)) > Program.MAX_DIMENSION) {
                    throw new ExpressionSyntaxException(text, t.column(), "variable " + s + " is beyond the "
                            + Program.MAX_DIMENSION + " variables a formula may have");
                }
                d = Math.max(d, Integer.parseInt(s.substring(1)));
            }
        }
        return d;
    }

    /** The 0-based coordinate of variable {@code x1..xD}, or of {@code x, y, z} when D <= 3. */
    private int coordinate(Token t) {
        String s = t.text();
        int alias = "xyz".indexOf(s.length() == 1 ? s.charAt(0) : '?');
        if (alias >= 0) {
            if (dimension > 3) {
                throw error(t, "variable " + s + " is only for dimension 1 to 3 (this one is " + dimension
                        + "); write x" + (alias + 1));
            }
            if (alias >= dimension) {
                throw error(t, "variable " + s + " is x" + (alias + 1) + ", beyond dimension " + dimension);
            }
            return alias;
        }
        if (s.matches("x[1-9][0-9]*")) {
            long i = s.length() > 11 ? Long.MAX_VALUE : Long.parseLong(s.substring(1));
            if (i > dimension) {
                throw error(t, "variable " + s + " is beyond dimension " + dimension + " (x1..x" + dimension + ")");
            }
            return (int) i - 1;
        }
        if (s.matches("x[0-9]+")) {
            throw error(t, "variable " + s + " does not exist: variables are x1..x" + dimension);
        }
        throw error(t, "unknown identifier '" + s + "'");
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.END) {
            next++;
        }
        return t;
    }

    private ExpressionSyntaxException error(Token at, String problem) {
        return new ExpressionSyntaxException(text, at.column(), problem);
    }
}
