package org.batchopt.cli;

import java.util.Locale;

/** How a command prints its data. */
enum Format {
    /** Aligned columns and a summary, for people. */
    TABLE,
    /** Comma-separated rows with a header line. */
    CSV,
    /** One JSON document. */
    JSON;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
