package org.batchopt.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows of text cells, printed as aligned columns for people or as CSV for programs. */
final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    /** A table with column names; none for a two-column block of labels and values. */
    Table(String... header) {
        this.header = header;
    }

    Table(List<String> header) {
        this(header.toArray(new String[0]));
    }

    Table row(Object... cells) {
        return row(Arrays.stream(cells).map(String::valueOf).toList());
    }

    Table row(List<String> cells) {
        rows.add(cells.toArray(new String[0]));
        return this;
    }

    /** Columns padded to their widest cell, two spaces apart; the last column is not padded. */
    void print(PrintWriter out) {
        List<String[]> all = new ArrayList<>();
        if (header.length > 0) {
            all.add(header);
        }
        all.addAll(rows);
        int columns = all.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : all) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                line.append(r[c]);
                if (c < r.length - 1) {
                    line.append(" ".repeat(width[c] - r[c].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** RFC 4180 CSV: a header line, then one line per row; cells with commas or quotes are quoted. */
    void printCsv(PrintWriter out) {
        if (header.length > 0) {
            csvLine(out, header);
        }
        rows.forEach(r -> csvLine(out, r));
    }

    private static void csvLine(PrintWriter out, String[] cells) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String v = cells[c];
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                v = '"' + v.replace("\"", "\"\"") + '"';
            }
            line.append(c == 0 ? "" : ",").append(v);
        }
        out.println(line);
    }
}
