package org.batchopt.objective;

/** A mistake in an expression's text, at a 1-based column; the message quotes the text. */
public final class ExpressionSyntaxException extends IllegalArgumentException {
    /** @serial the 1-based column of the mistake */
    private final int column;

    /**
     * A mistake described by {@code problem} at a column of {@code text}.
     *
     * @param text    the expression's text, quoted in the message
     * @param column  the 1-based column of the mistake
     * @param problem what is wrong ({@code "unknown name 'foo'"})
     */
    public ExpressionSyntaxException(String text, int column, String problem) {
        super(problem + " at column " + column + " of \"" + text + "\"");
        this.column = column;
    }

    /**
     * The column where the mistake is.
     *
     * @return its 1-based column in the text
     */
    public int column() {
        return column;
    }
}
