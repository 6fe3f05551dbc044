package org.batchopt.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads start points from a UTF-8 CSV file, one member per row of comma-separated coordinates, each a decimal
 * number as the command line writes them ({@code -1.5}, {@code 2e-3}).
 *
 * <ul>
 *   <li>Blank lines and lines starting with '#' are skipped; a UTF-8 byte order mark at the start is ignored.</li>
 *   <li>The first other line is a header, and skipped, only when every field is a name: it starts with a letter
 *       or '_' ({@code x1,x2} or {@code "a","b"}). Any other line is data, so a row that is
 *       not numbers ({@code 1;2}, a stray character) is an error naming the file, line and field, never
 *       dropped.</li>
 *   <li>A header has as many fields as the rows; every row has as many as the first.</li>
 * </ul>
 */
final class StartsCsv {
    /** A header field: a name, optionally in double quotes. */
    private static final Pattern NAME = Pattern.compile("\"?[A-Za-z_][A-Za-z0-9_ .\\-\\[\\]()]*\"?");

    private StartsCsv() {
    }

    static double[][] read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read start points from " + file + ": " + Output.describe(e));
        }
        List<String> lines = lines(file, bytes);
        List<double[]> rows = new ArrayList<>();
        int headerFields = -1;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (rows.isEmpty() && headerFields < 0 && isHeader(cells)) {
                headerFields = cells.length;
                continue;
            }
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i].trim();
                if (!Numbers.isNumber(cell)) {
                    throw new IllegalArgumentException(file + " line " + (n + 1) + ": '" + cell + "' is not a number"
                            + (cell.contains(";") || cell.contains("\t") ? " (fields are separated by commas)" : ""));
                }
                row[i] = Double.parseDouble(cell);
            }
            int expected = rows.isEmpty() ? headerFields : rows.get(0).length;
            if (expected >= 0 && row.length != expected) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + " has " + row.length + " values, "
                        + (rows.isEmpty() ? "the header has " : "the first row has ") + expected);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " has no start points");
        }
        return rows.toArray(new double[0][]);
    }

    private static boolean isHeader(String[] cells) {
        for (String c : cells) {
            String t = c.trim();
            if (!NAME.matcher(t).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The file's lines, decoded strictly: a byte that is not UTF-8 is an error naming its line and column. */
    private static List<String> lines(Path file, byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        List<String> lines = new ArrayList<>();
        while (start <= bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
            CharBuffer out = CharBuffer.allocate(end - start);
            CoderResult r = utf8.reset().decode(in, out, true);
            if (r.isError()) {
                throw new IllegalArgumentException(String.format("%s line %d, byte %d: not UTF-8 (0x%02x); save the "
                        + "file as UTF-8", file, lines.size() + 1, in.position() - start + 1, bytes[in.position()]));
            }
            utf8.flush(out);
            lines.add(out.flip().toString());
            start = end + 1;
        }
        return lines;
    }
}
