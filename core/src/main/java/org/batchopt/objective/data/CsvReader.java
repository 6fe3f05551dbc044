package org.batchopt.objective.data;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.batchopt.objective.DataException;
import org.batchopt.objective.DataException.Problem;

/**
 * Reads a dataset from a CSV file: a header row of column names, then one row per line, fields separated by
 * commas. A field may be quoted ({@code "a,b"}, {@code ""} for a quote inside); blank lines and a UTF-8 byte order
 * mark are skipped; lines may end in CRLF. Feature fields are decimal numbers ({@code 2}, {@code -0.5}, {@code .5},
 * {@code 1e-3}), read correctly rounded; the target is a number or, for a classifier, any text.
 *
 * <p>The file is mapped in pieces that are counted and then parsed in parallel; the first mistake (by line) is
 * reported as a {@link DataException} naming the file, the line and the column.
 */
public final class CsvReader {
    /** Bytes per piece parsed by one task. */
    private static final long PIECE = 16L << 20;
    /** The most values one array holds. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    /**
     * A parsed table.
     *
     * @param header   the column names, in file order
     * @param features the feature columns' positions in the header (0-based), in the order asked for
     * @param target   the target column's position
     * @param x        rows x features values, row-major
     * @param number   the targets as numbers, or null when some target is not a number
     * @param label    the targets as indices into {@code labels}, or null when every target is a number
     * @param labels   the distinct target texts in order of appearance (empty when every target is a number)
     * @param lines    the 1-based line of every row
     */
    public record Table(String file, List<String> header, int[] features, int target, int rows, double[] x,
                        double[] number, int[] label, List<String> labels, long[] lines) {
        /** The feature names, in the order of {@link #features}. */
        public List<String> featureNames() {
            List<String> names = new ArrayList<>();
            for (int f : features) {
                names.add(header.get(f));
            }
            return names;
        }

        public String targetName() {
            return header.get(target);
        }
    }

    private CsvReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @param target   the target column's name, or null for the last column
     * @param features the feature columns' names, or null for every column but the target
     * @throws DataException for anything that is not such a table
     */
    public static Table read(Path file, String target, List<String> features) {
        String name = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            List<long[]> pieces = pieces(ch, size);
            Piece first = new Piece(name, ch, pieces.get(0)[0], pieces.get(0)[1]);
            Header h = header(first, name, size);
            List<String> header = h.names;
            int t = target == null ? header.size() - 1 : column(header, target, name, "--target");
            int[] f;
            if (features == null) {
                if (header.size() < 2) {
                    throw new DataException(Problem.UNKNOWN_COLUMN, name, h.line, null, 0, "the header has one column "
                            + "only ('" + header.get(0) + "'); a dataset needs a target and at least one feature");
                }
                f = IntStream.range(0, header.size()).filter(k -> k != t).toArray();
            } else {
                f = new int[features.size()];
                for (int k = 0; k < f.length; k++) {
                    f[k] = column(header, features.get(k), name, "--features");
                    if (f[k] == t) {
                        throw new DataException(Problem.UNKNOWN_COLUMN, name, 0, features.get(k), f[k] + 1,
                                "the target cannot also be a feature");
                    }
                    for (int j = 0; j < k; j++) {
                        if (f[j] == f[k]) {
                            throw new DataException(Problem.UNKNOWN_COLUMN, name, 0, features.get(k), f[k] + 1,
                                    "named twice in --features");
                        }
                    }
                }
            }
            return parse(name, ch, pieces, h, f, t);
        } catch (NoSuchFileException e) {
            throw new DataException(Problem.UNREADABLE, name, 0, null, 0, "no such file");
        } catch (IOException e) {
            throw new DataException(Problem.UNREADABLE, name, 0, null, 0, "cannot read it: " + e.getMessage());
        }
    }

    private static int column(List<String> header, String wanted, String file, String option) {
        int k = header.indexOf(wanted);
        if (k < 0) {
            throw new DataException(Problem.UNKNOWN_COLUMN, file, 0, null, 0, option + " names '" + wanted
                    + "', which the header does not have (columns: " + String.join(", ", header) + ")");
        }
        return k;
    }

    /** Piece boundaries: about {@link #PIECE} bytes each, every one ending just after a newline (or at the end). */
    private static List<long[]> pieces(FileChannel ch, long size) throws IOException {
        List<long[]> out = new ArrayList<>();
        long pos = 0;
        do {
            long end = Math.min(size, pos + PIECE);
            while (end < size) {
                long window = Math.min(size - end, 1 << 20);
                MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, end, window);
                int nl = -1;
                for (int i = 0; i < window; i++) {
                    if (b.get(i) == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl >= 0) {
                    end = end + nl + 1;
                    break;
                }
                end += window;
            }
            out.add(new long[] {pos, end});
            pos = end;
        } while (pos < size);
        return out;
    }

    private record Header(List<String> names, long line, int bodyStart) {
    }

    /** The header: the first line that is not blank, after a byte order mark. */
    private static Header header(Piece p, String file, long size) {
        if (size == 0) {
            throw new DataException(Problem.EMPTY_FILE, file, 0, null, 0, "the file is empty");
        }
        int i = 0;
        if (p.length >= 3 && p.at(0) == (byte) 0xEF && p.at(1) == (byte) 0xBB && p.at(2) == (byte) 0xBF) {
            i = 3;
        }
        long line = 1;
        while (i < p.length) {
            int end = p.lineEnd(i);
            if (!p.blank(i, end)) {
                List<String> names = new ArrayList<>();
                p.fields(i, end, line, file);
                for (int k = 0; k < p.count; k++) {
                    String n = p.text(k).strip();
                    if (n.isEmpty()) {
                        throw new DataException(Problem.BAD_HEADER, file, line, null, k + 1, "header field " + (k + 1)
                                + " is empty; every column needs a name");
                    }
                    if (names.contains(n)) {
                        throw new DataException(Problem.BAD_HEADER, file, line, n, k + 1, "the header names this "
                                + "column twice");
                    }
                    names.add(n);
                }
                return new Header(names, line, end + 1);
            }
            i = end + 1;
            line++;
        }
        throw new DataException(Problem.EMPTY_FILE, file, 0, null, 0, "the file has no header (only blank lines)");
    }

    private static Table parse(String file, FileChannel ch, List<long[]> bounds, Header h, int[] f, int t)
            throws IOException {
        int np = bounds.size();
        Piece[] pieces = new Piece[np];
        for (int k = 0; k < np; k++) {
            pieces[k] = new Piece(file, ch, bounds.get(k)[0], bounds.get(k)[1]);
        }
        pieces[0].start = h.bodyStart;
        long[] rowCount = new long[np];
        long[] lineCount = new long[np];
        IntStream.range(0, np).parallel().forEach(k -> {
            long[] c = pieces[k].count();
            rowCount[k] = c[0];
            lineCount[k] = c[1];
        });
        long rows = 0;
        long line = h.line + 1;
        long[] firstRow = new long[np];
        long[] firstLine = new long[np];
        for (int k = 0; k < np; k++) {
            firstRow[k] = rows;
            firstLine[k] = line;
            rows += rowCount[k];
            line += lineCount[k];
        }
        if (rows == 0) {
            throw new DataException(Problem.NO_ROWS, file, 0, null, 0, "the file has a header but no data rows");
        }
        if (rows * f.length > MAX_VALUES) {
            throw new DataException(Problem.SIZE, file, 0, null, 0, rows + " rows x " + f.length + " features are "
                    + "more values than one dataset holds (" + MAX_VALUES + ")");
        }
        int n = (int) rows;
        double[] x = new double[n * f.length];
        double[] number = new double[n];
        long[] lines = new long[n];
        DataException[] errors = new DataException[np];
        long[] firstText = new long[np];
        IntStream.range(0, np).parallel().forEach(k -> {
            try {
                firstText[k] = pieces[k].parse(h.names, f, t, (int) firstRow[k], firstLine[k], x, number, lines);
            } catch (DataException e) {
                errors[k] = e;
            }
        });
        for (DataException e : errors) {
            if (e != null) {
                throw e;
            }
        }
        boolean text = false;
        for (long l : firstText) {
            text |= l > 0;
        }
        if (!text) {
            return new Table(file, h.names, f, t, n, x, number, null, List.of(), lines);
        }
        int[] label = new int[n];
        List<Map<String, Integer>> local = new ArrayList<>();
        for (int k = 0; k < np; k++) {
            local.add(new LinkedHashMap<>());
        }
        IntStream.range(0, np).parallel().forEach(k -> pieces[k].labels(t, (int) firstRow[k], firstLine[k], label,
                local.get(k)));
        Map<String, Integer> global = new LinkedHashMap<>();
        for (int k = 0; k < np; k++) {
            Map<String, Integer> m = local.get(k);
            int[] remap = new int[m.size()];
            for (Map.Entry<String, Integer> e : m.entrySet()) {
                remap[e.getValue()] = global.computeIfAbsent(e.getKey(), s -> global.size());
            }
            int from = (int) firstRow[k];
            int to = (int) (firstRow[k] + rowCount[k]);
            for (int r = from; r < to; r++) {
                label[r] = remap[label[r]];
            }
        }
        return new Table(file, h.names, f, t, n, x, null, label, List.copyOf(global.keySet()), lines);
    }

    /** One mapped piece of the file and the fields of the line being read. */
    private static final class Piece {
        private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

        final String file;
        final MappedByteBuffer b;
        final int length;
        int start;
        /** Field k of the current line: bytes [from[k], to[k]), quoted or not. */
        int[] from = new int[16];
        int[] to = new int[16];
        boolean[] quoted = new boolean[16];
        int count;

        Piece(String file, FileChannel ch, long pos, long end) throws IOException {
            this.file = file;
            this.b = ch.map(FileChannel.MapMode.READ_ONLY, pos, end - pos);
            this.length = (int) (end - pos);
        }

        byte at(int i) {
            return b.get(i);
        }

        /** The position of the newline ending the line at i, or the piece's length. */
        int lineEnd(int i) {
            while (i < length && b.get(i) != '\n') {
                i++;
            }
            return i;
        }

        boolean blank(int i, int end) {
            for (; i < end; i++) {
                byte c = b.get(i);
                if (c != ' ' && c != '\t' && c != '\r') {
                    return false;
                }
            }
            return true;
        }

        /** Data rows and lines (blank ones too) of this piece. */
        long[] count() {
            long rows = 0;
            long lines = 0;
            int i = start;
            while (i < length) {
                int end = lineEnd(i);
                lines++;
                if (!blank(i, end)) {
                    rows++;
                }
                i = end + 1;
            }
            return new long[] {rows, lines};
        }

        /** Splits the line [i, end) into fields; a quote that does not close is a mistake. */
        void fields(int i, int end, long line, String file) {
            if (end > i && b.get(end - 1) == '\r') {
                end--;
            }
            count = 0;
            int pos = i;
            while (true) {
                if (count == from.length) {
                    from = java.util.Arrays.copyOf(from, count * 2);
                    to = java.util.Arrays.copyOf(to, count * 2);
                    quoted = java.util.Arrays.copyOf(quoted, count * 2);
                }
                int s = pos;
                while (s < end && b.get(s) == ' ') {
                    s++;
                }
                if (s < end && b.get(s) == '"') {
                    int q = s + 1;
                    while (true) {
                        if (q >= end) {
                            throw new DataException(Problem.BAD_QUOTE, file, line, null, count + 1, "field "
                                    + (count + 1) + " opens a quote that does not close on its line");
                        }
                        if (b.get(q) == '"') {
                            if (q + 1 < end && b.get(q + 1) == '"') {
                                q += 2;
                                continue;
                            }
                            break;
                        }
                        q++;
                    }
                    from[count] = s + 1;
                    to[count] = q;
                    quoted[count] = true;
                    int after = q + 1;
                    while (after < end && b.get(after) == ' ') {
                        after++;
                    }
                    count++;
                    if (after >= end) {
                        return;
                    }
                    if (b.get(after) != ',') {
                        throw new DataException(Problem.BAD_QUOTE, file, line, null, count, "field " + count
                                + " has text after its closing quote");
                    }
                    pos = after + 1;
                    continue;
                }
                int c = pos;
                while (c < end && b.get(c) != ',') {
                    c++;
                }
                from[count] = pos;
                to[count] = c;
                quoted[count] = false;
                count++;
                if (c >= end) {
                    return;
                }
                pos = c + 1;
            }
        }

        /** Field k as text (unquoted; {@code ""} as one quote). */
        String text(int k) {
            byte[] bytes = new byte[to[k] - from[k]];
            b.get(from[k], bytes);
            String s = new String(bytes, StandardCharsets.UTF_8);
            return quoted[k] ? s.replace("\"\"", "\"") : s.strip();
        }

        /**
         * Parses the rows of this piece into {@code x} from row {@code row0} (its first line is {@code line0}):
         * features as numbers, the target as a number where it is one.
         *
         * @return the line of the first target that is not a number, 0 when every one is
         */
        long parse(List<String> header, int[] f, int t, int row0, long line0, double[] x, double[] number,
                   long[] lines) {
            int nf = f.length;
            int row = row0;
            long line = line0;
            long text = 0;
            int i = start;
            while (i < length) {
                int end = lineEnd(i);
                if (!blank(i, end)) {
                    fields(i, end, line, file);
                    if (count != header.size()) {
                        throw new DataException(Problem.RAGGED_ROW, file, line, null, 0, "the row has " + count
                                + " fields, the header " + header.size());
                    }
                    int base = row * nf;
                    for (int k = 0; k < nf; k++) {
                        int c = f[k];
                        double v = number(from[c], to[c]);
                        if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                            throw fieldError(header, c, line);
                        }
                        x[base + k] = v;
                    }
                    double y = number(from[t], to[t]);
                    if (Math.abs(y) <= Double.MAX_VALUE) {
                        number[row] = y;
                    } else if (isBlank(t)) {
                        throw new DataException(Problem.MISSING_VALUE, file, line, header.get(t), t + 1,
                                "the field is empty");
                    } else if (Double.isNaN(y) && !isNaNText(t) && !isInfinityText(text(t))) {
                        text = text == 0 ? line : text;
                    } else {
                        throw new DataException(Problem.NOT_FINITE, file, line, header.get(t), t + 1, "'" + text(t)
                                + "' is not a finite number");
                    }
                    lines[row] = line;
                    row++;
                }
                line++;
                i = end + 1;
            }
            return text;
        }

        /** The targets of this piece's rows as indices into {@code dictionary} (this piece's own). */
        void labels(int t, int row0, long line0, int[] label, Map<String, Integer> dictionary) {
            int row = row0;
            long line = line0;
            int i = start;
            while (i < length) {
                int end = lineEnd(i);
                if (!blank(i, end)) {
                    fields(i, end, line, file);
                    label[row] = dictionary.computeIfAbsent(text(t), s -> dictionary.size());
                    row++;
                }
                line++;
                i = end + 1;
            }
        }

        private boolean isBlank(int k) {
            return blank(from[k], to[k]);
        }

        private boolean isNaNText(int k) {
            String s = text(k).toLowerCase(java.util.Locale.ROOT);
            return s.equals("nan") || s.equals("+nan") || s.equals("-nan");
        }

        private DataException fieldError(List<String> header, int c, long line) {
            String name = header.get(c);
            if (isBlank(c)) {
                return new DataException(Problem.MISSING_VALUE, file, line, name, c + 1, "the field is empty");
            }
            double v = number(from[c], to[c]);
            String s = text(c);
            if (Double.isInfinite(v) || isNaNText(c) || isInfinityText(s)) {
                return new DataException(Problem.NOT_FINITE, file, line, name, c + 1, "'" + s
                        + "' is not a finite number");
            }
            return new DataException(Problem.NOT_A_NUMBER, file, line, name, c + 1, "'" + s + "' is not a number");
        }

        private static boolean isInfinityText(String s) {
            String v = s.toLowerCase(java.util.Locale.ROOT);
            if (v.startsWith("+") || v.startsWith("-")) {
                v = v.substring(1);
            }
            return v.equals("inf") || v.equals("infinity");
        }

        /**
         * The decimal number in bytes [s, e) (blanks around it allowed), correctly rounded; NaN when it is not one,
         * an infinity when it overflows.
         */
        double number(int s, int e) {
            while (s < e && (b.get(s) == ' ' || b.get(s) == '\t')) {
                s++;
            }
            while (e > s && (b.get(e - 1) == ' ' || b.get(e - 1) == '\t' || b.get(e - 1) == '\r')) {
                e--;
            }
            int i = s;
            boolean negative = false;
            if (i < e && (b.get(i) == '-' || b.get(i) == '+')) {
                negative = b.get(i) == '-';
                i++;
            }
            long mantissa = 0;
            int digits = 0;
            int exp10 = 0;
            boolean any = false;
            boolean exact = true;
            while (i < e) {
                int d = b.get(i) - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                any = true;
                if (digits < 18) {
                    if (mantissa != 0 || d != 0) {
                        mantissa = mantissa * 10 + d;
                        digits++;
                    }
                } else {
                    exp10++;
                    exact &= d == 0;
                }
                i++;
            }
            if (i < e && b.get(i) == '.') {
                i++;
                while (i < e) {
                    int d = b.get(i) - '0';
                    if (d < 0 || d > 9) {
                        break;
                    }
                    any = true;
                    if (digits < 18) {
                        if (mantissa != 0 || d != 0) {
                            mantissa = mantissa * 10 + d;
                            digits++;
                        }
                        exp10--;
                    } else {
                        exact &= d == 0;
                    }
                    i++;
                }
            }
            if (!any) {
                return Double.NaN;
            }
            if (i < e && (b.get(i) == 'e' || b.get(i) == 'E')) {
                i++;
                boolean negativeExponent = false;
                if (i < e && (b.get(i) == '-' || b.get(i) == '+')) {
                    negativeExponent = b.get(i) == '-';
                    i++;
                }
                int start = i;
                int exponent = 0;
                while (i < e) {
                    int d = b.get(i) - '0';
                    if (d < 0 || d > 9) {
                        break;
                    }
                    exponent = Math.min(100_000, exponent * 10 + d);
                    i++;
                }
                if (i == start) {
                    return Double.NaN;
                }
                exp10 += negativeExponent ? -exponent : exponent;
            }
            if (i != e) {
                return Double.NaN;
            }
            double v;
            if (mantissa == 0) {
                v = 0;
            } else if (exact && mantissa < (1L << 53) && exp10 >= -22 && exp10 <= 22) {
                v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
            } else {
                byte[] bytes = new byte[e - s];
                b.get(s, bytes);
                return Double.parseDouble(new String(bytes, StandardCharsets.ISO_8859_1));
            }
            return negative ? -v : v;
        }
    }

}
