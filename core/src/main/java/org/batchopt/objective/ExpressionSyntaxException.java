package org.batchopt.objective;

/** A mistake in an expression's text, at a 1-based column; the message quotes the text. */
public final class ExpressionSyntaxException extends IllegalArgumentException {
    private final int column;

    /** A mistake described by {@code problem} at 1-based {@code column} of {@code text}. */
    public ExpressionSyntaxException(String text, int column, String problem) {
        super(problem + " at column " + column + " of \"" + text + "\"");
        this.column = column;
    }

    /** The 1-based column where the mistake is. */
    public int column() {
        return column;
    }
}
