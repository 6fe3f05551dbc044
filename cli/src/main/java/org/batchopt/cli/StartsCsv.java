package org.batchopt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads start points from CSV, one member per row: comma-separated coordinates; blank lines and lines starting
 * with '#' are skipped, and so is a first line that is not numeric (a header).
 */
final class StartsCsv {
    private StartsCsv() {
    }

    static double[][] read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read start points from " + file + ": " + Output.describe(e));
        }
        List<double[]> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty() || line.startsWith("#") || (rows.isEmpty() && isHeader(line))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                try {
                    row[i] = Double.parseDouble(cells[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (n + 1) + ": '" + cells[i].trim()
                            + "' is not a number");
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " has no start points");
        }
        return rows.toArray(new double[0][]);
    }

    private static boolean isHeader(String line) {
        try {
            Double.parseDouble(line.split(",", -1)[0].trim());
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
