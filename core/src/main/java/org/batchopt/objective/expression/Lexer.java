package org.batchopt.objective.expression;

import java.util.ArrayList;
import java.util.List;
import org.batchopt.objective.ExpressionSyntaxException;

/** Splits an expression into numbers, names and one-character operators; blanks separate and are dropped. */
final class Lexer {
    enum Kind { NUMBER, NAME, OPERATOR, END }

    /** A token and its 1-based column. */
    record Token(Kind kind, String text, int column) {
        boolean is(char operator) {
            return kind == Kind.OPERATOR && text.charAt(0) == operator;
        }
    }

    private static final String OPERATORS = "+-*/^()[],";

    private Lexer() {
    }

    /** The tokens of {@code text}, ending with an {@link Kind#END} token one column past the text. */
    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            int start = i;
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
                i++;
                continue;
            }
            if (isDigit(ch) || ch == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
                i = endOfNumber(text, i);
                out.add(new Token(Kind.NUMBER, text.substring(start, i), start + 1));
            } else if (Character.isLetter(ch) || ch == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.NAME, text.substring(start, i), start + 1));
            } else if (OPERATORS.indexOf(ch) >= 0) {
                i++;
                out.add(new Token(Kind.OPERATOR, String.valueOf(ch), start + 1));
            } else {
                throw new ExpressionSyntaxException(text, start + 1, "unexpected character '" + ch + "'");
            }
        }
        out.add(new Token(Kind.END, "", text.length() + 1));
        return out;
    }

    /** digits [. digits] [(e|E) [+|-] digits], or . digits [exponent]; an 'e' without digits is not consumed. */
    private static int endOfNumber(String s, int i) {
        i = digits(s, i);
        if (i < s.length() && s.charAt(i) == '.') {
            i = digits(s, i + 1);
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < s.length() && isDigit(s.charAt(j))) {
                i = digits(s, j);
            }
        }
        return i;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
