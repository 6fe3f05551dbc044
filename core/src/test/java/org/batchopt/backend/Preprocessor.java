package org.batchopt.backend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the C preprocessor that decides what a kernel program compiles: {@code #define} (object- and
 * function-like, recorded, a redefinition reported), {@code #undef}, {@code #if}/{@code #ifdef}/{@code #ifndef}/
 * {@code #elif}/{@code #else}/{@code #endif} with integer expressions ({@code defined}, {@code ! ~ * / % + - < <= >
 * >= == != && || ?:}, parentheses, macros expanded), and {@code #error} in live code reported. Comments are removed
 * first. Enough to check the kernel sources against the contract on a machine without any OpenCL compiler.
 */
final class Preprocessor {
    private static final Pattern DEFINE = Pattern.compile("#\\s*define\\s+(\\w+)(\\([^)]*\\))?\\s*(.*)");
    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*(\\w+)\\s*(.*)");

    /** Live code lines (directives removed), every macro defined, and what went wrong. */
    record Output(String code, Map<String, String> macros, List<String> problems) {
    }

    private final Map<String, String> macros = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private Preprocessor() {
    }

    static Output run(String text) {
        Preprocessor p = new Preprocessor();
        String code = p.process(withoutComments(text));
        return new Output(code, p.macros, p.problems);
    }

    static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int k = i; k < end; k++) {
                    out.append(s.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end;
            } else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString().replace("\\\n", " ");
    }

    /** One open conditional: whether its enclosing code is live, whether a branch was taken, whether this one is. */
    private record Frame(boolean outer, boolean taken, boolean live) {
    }

    private String process(String text) {
        StringBuilder code = new StringBuilder();
        Deque<Frame> stack = new ArrayDeque<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String t = line.strip();
            boolean live = stack.isEmpty() || stack.peek().live();
            if (!t.startsWith("#")) {
                if (live) {
                    code.append(line).append('\n');
                }
                continue;
            }
            Matcher m = DIRECTIVE.matcher(t);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            String rest = m.group(2).strip();
            switch (name) {
                case "if" -> {
                    boolean v = live && eval(rest, lineNo) != 0;
                    stack.push(new Frame(live, v, v));
                }
                case "ifdef", "ifndef" -> {
                    boolean v = live && (macros.containsKey(rest) == name.equals("ifdef"));
                    stack.push(new Frame(live, v, v));
                }
                case "elif" -> {
                    Frame f = pop(stack, lineNo);
                    boolean v = f.outer() && !f.taken() && eval(rest, lineNo) != 0;
                    stack.push(new Frame(f.outer(), f.taken() || v, v));
                }
                case "else" -> {
                    Frame f = pop(stack, lineNo);
                    stack.push(new Frame(f.outer(), true, f.outer() && !f.taken()));
                }
                case "endif" -> pop(stack, lineNo);
                case "define" -> {
                    if (live) {
                        Matcher d = DEFINE.matcher(t);
                        if (d.matches()) {
                            if (macros.containsKey(d.group(1))) {
                                problems.add("line " + lineNo + ": " + d.group(1) + " is defined twice");
                            }
                            macros.put(d.group(1), d.group(2) != null ? "(function-like)" : d.group(3).strip());
                        }
                    }
                }
                case "undef" -> {
                    if (live) {
                        macros.remove(rest);
                    }
                }
                case "error" -> {
                    if (live) {
                        problems.add("line " + lineNo + ": #error " + rest);
                    }
                }
                default -> {
                    // #pragma, #include: nothing to decide
                }
            }
        }
        if (!stack.isEmpty()) {
            problems.add("unterminated #if");
        }
        return code.toString();
    }

    private Frame pop(Deque<Frame> stack, int lineNo) {
        if (stack.isEmpty()) {
            problems.add("line " + lineNo + ": #else, #elif or #endif without #if");
            return new Frame(true, true, true);
        }
        return stack.pop();
    }

    private long eval(String expression, int lineNo) {
        try {
            Evaluator e = new Evaluator(tokens(expression), 0);
            long v = e.ternary();
            if (e.pos != e.tokens.size()) {
                throw new IllegalArgumentException("unexpected " + e.tokens.get(e.pos));
            }
            return v;
        } catch (RuntimeException ex) {
            problems.add("line " + lineNo + ": cannot evaluate #if " + expression + ": " + ex.getMessage());
            return 0;
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(0[xX][0-9a-fA-F]+|\\d+|\\w+|&&|\\|\\||==|!=|<=|>=|[-+*/%()!~<>?:])[uUlL]*");

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            out.add(m.group(1));
            at = m.end();
        }
        if (!s.substring(at).isBlank()) {
            throw new IllegalArgumentException("cannot read '" + s.substring(at) + "'");
        }
        return out;
    }

    /** Recursive descent over C's precedence levels; identifiers are expanded macros or 0. */
    private final class Evaluator {
        final List<String> tokens;
        int pos;
        final int depth;

        Evaluator(List<String> tokens, int depth) {
            if (depth > 50) {
                throw new IllegalArgumentException("macros nest too deep");
            }
            this.tokens = tokens;
            this.depth = depth;
        }

        boolean at(String t) {
            if (pos < tokens.size() && tokens.get(pos).equals(t)) {
                pos++;
                return true;
            }
            return false;
        }

        long ternary() {
            long c = or();
            if (at("?")) {
                long a = ternary();
                expect(":");
                long b = ternary();
                return c != 0 ? a : b;
            }
            return c;
        }

        long or() {
            long v = and();
            while (at("||")) {
                long w = and();
                v = (v != 0 || w != 0) ? 1 : 0;
            }
            return v;
        }

        long and() {
            long v = equality();
            while (at("&&")) {
                long w = equality();
                v = (v != 0 && w != 0) ? 1 : 0;
            }
            return v;
        }

        long equality() {
            long v = relation();
            while (true) {
                if (at("==")) {
                    v = v == relation() ? 1 : 0;
                } else if (at("!=")) {
                    v = v != relation() ? 1 : 0;
                } else {
                    return v;
                }
            }
        }

        long relation() {
            long v = sum();
            while (true) {
                if (at("<=")) {
                    v = v <= sum() ? 1 : 0;
                } else if (at(">=")) {
                    v = v >= sum() ? 1 : 0;
                } else if (at("<")) {
                    v = v < sum() ? 1 : 0;
                } else if (at(">")) {
                    v = v > sum() ? 1 : 0;
                } else {
                    return v;
                }
            }
        }

        long sum() {
            long v = product();
            while (true) {
                if (at("+")) {
                    v += product();
                } else if (at("-")) {
                    v -= product();
                } else {
                    return v;
                }
            }
        }

        long product() {
            long v = unary();
            while (true) {
                if (at("*")) {
                    v *= unary();
                } else if (at("/")) {
                    v /= unary();
                } else if (at("%")) {
                    v %= unary();
                } else {
                    return v;
                }
            }
        }

        long unary() {
            if (at("!")) {
                return unary() == 0 ? 1 : 0;
            }
            if (at("-")) {
                return -unary();
            }
            if (at("+")) {
                return unary();
            }
            if (at("~")) {
                return ~unary();
            }
            return primary();
        }

        long primary() {
            if (at("(")) {
                long v = ternary();
                expect(")");
                return v;
            }
            if (pos >= tokens.size()) {
                throw new IllegalArgumentException("expression ends early");
            }
            String t = tokens.get(pos++);
            if (t.equals("defined")) {
                boolean paren = at("(");
                String name = tokens.get(pos++);
                if (paren) {
                    expect(")");
                }
                return macros.containsKey(name) ? 1 : 0;
            }
            if (Character.isDigit(t.charAt(0))) {
                return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            }
            String body = macros.get(t);
            if (body == null || body.isEmpty() || body.equals("(function-like)")) {
                return 0;
            }
            Evaluator inner = new Evaluator(tokens(body), depth + 1);
            long v = inner.ternary();
            if (inner.pos != inner.tokens.size()) {
                throw new IllegalArgumentException(t + " = " + body + " is not an integer expression");
            }
            return v;
        }

        void expect(String t) {
            if (!at(t)) {
                throw new IllegalArgumentException("expected " + t);
            }
        }
    }
}
