package org.batchopt.objective;

/**
 * Data that cannot be fitted: a file that does not parse as a dataset, or a dataset that does not suit its model.
 * Carries a {@link Problem} (tests assert it, not the message), the file, the 1-based line and the column where
 * that applies; the message names all three and the offending value.
 */
public final class DataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Problem {
        /** The file cannot be read. */
        UNREADABLE,
        /** Nothing in the file, not even a header. */
        EMPTY_FILE,
        /** A header but no data row. */
        NO_ROWS,
        /** A row with more or fewer fields than the header. */
        RAGGED_ROW,
        /** A header naming a column twice, or with an empty name. */
        BAD_HEADER,
        /** A quoted field whose quote does not close on its line, or with text after it. */
        BAD_QUOTE,
        /** --target or --features names a column the header lacks, or the target is also a feature. */
        UNKNOWN_COLUMN,
        /** A feature field (or a regression target) that is not a number. */
        NOT_A_NUMBER,
        /** NaN or an infinity. */
        NOT_FINITE,
        /** An empty field. */
        MISSING_VALUE,
        /** A feature with one value in every training row, which cannot be standardized. */
        CONSTANT_COLUMN,
        /** A classifier's target with one class only (or more classes than the model takes). */
        CLASSES,
        /** A validation row whose label is no class of the training rows. */
        UNKNOWN_CLASS,
        /** More values than one array holds (rows x features at most 2^31 - 1), or a split that leaves no rows. */
        SIZE
    }

    /** @serial what is wrong */
    private final Problem problem;
    /** @serial the file, or null */
    private final String file;
    /** @serial the 1-based line, 0 when none applies */
    private final long line;
    /** @serial the column's name, or null */
    private final String column;
    /** @serial the column's 1-based position in the file, 0 when none applies */
    private final int columnNumber;

    /**
     *
     * @param file         the file, or null for data given in memory
     * @param line         1-based line, 0 when the problem has none
     * @param column       the column's name, or null
     * @param columnNumber its 1-based position in the file's header, 0 when none applies
     * @param detail       what is wrong, with the offending value
     * @param problem the kind of mistake
     */
    public DataException(Problem problem, String file, long line, String column, int columnNumber, String detail) {
        super(where(file, line, column, columnNumber) + detail);
        this.problem = problem;
        this.file = file;
        this.line = line;
        this.column = column;
        this.columnNumber = columnNumber;
    }

    private static String where(String file, long line, String column, int columnNumber) {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file);
            if (line > 0) {
                b.append(':').append(line);
            }
            b.append(": ");
        } else if (line > 0) {
            b.append("row ").append(line).append(": ");
        }
        if (column != null) {
            b.append("column ").append(columnNumber > 0 ? columnNumber + " " : "").append('\'').append(column)
                    .append("': ");
        }
        return b.toString();
    }

    /** {@return what is wrong} */
    public Problem problem() {
        return problem;
    }

    /** {@return the file, or null} */
    public String file() {
        return file;
    }

    /** {@return the 1-based line, 0 when none applies} */
    public long line() {
        return line;
    }

    /** {@return the column's name, or null} */
    public String column() {
        return column;
    }

    /** {@return the column's 1-based position in the file, 0 when none applies} */
    public int columnNumber() {
        return columnNumber;
    }
}
