package org.batchopt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.batchopt.kernel.DataRows;
import org.batchopt.kernel.RowOrder;
import org.batchopt.objective.DataException;
import org.batchopt.objective.DataException.Problem;
import org.batchopt.objective.data.CsvReader;

/**
 * Rows of features and a target, read once and shared by every member of every run fitted to them (see
 * {@link Objectives#linear}, {@link Objectives#logistic}, {@link Objectives#softmax}): training rows and, when
 * asked for, validation rows, optionally standardized. Immutable; the backends keep their copy of it from one run
 * to the next, so a second grid over the same dataset reads and uploads nothing again.
 *
 * <pre>
 *   Dataset d = Dataset.csv(Path.of("train.csv")).target("y").validation(0.2).standardize().build();
 * </pre>
 *
 * A CSV file has a header row of column names, then one row per line, comma-separated, quoted fields allowed; the
 * features are decimal numbers, the target a number or (for a classifier) any text. Every mistake in it is a
 * {@link DataException} naming the file, the line and the column: text in a numeric column, a ragged row, an empty
 * file, NaN or an infinity, a constant column with {@link Builder#standardize()}.
 *
 * <p>Classes: a classifier's labels are the target's distinct values in sorted order (numerically when every one
 * is a number, else as text), class c the c-th of them; {@link #labels()} lists them.
 */
public final class Dataset {
    /** The most classes a target may have. */
    public static final int MAX_CLASSES = 1000;

    private final String source;
    private final String validationSource;
    private final List<String> names;
    private final int[] columns;
    private final String targetName;
    private final int targetColumn;
    private final Part train;
    private final Part valid;
    private final double[] mean;
    private final double[] scale;
    private final Precision precision;
    private final Map<Boolean, DataRows[]> rows = new HashMap<>();
    private Classes classes;

    /** Rows of one part: values (standardized, in the dataset's precision) and targets as read. */
    private record Part(int rows, double[] x, float[] x32, double[] number, int[] label, List<String> labels,
                        long[] lines) {
        double value(int r, int k, int f) {
            return x != null ? x[r * f + k] : x32[r * f + k];
        }
    }

    /** A classifier's view of the targets: the labels in class order and every row's class. */
    private record Classes(List<String> labels, double[] train, double[] valid) {
    }

    private Dataset(String source, String validationSource, List<String> names, int[] columns, String targetName,
                    int targetColumn, Part train, Part valid, double[] mean, double[] scale, Precision precision) {
        this.source = source;
        this.validationSource = validationSource;
        this.names = List.copyOf(names);
        this.columns = columns;
        this.targetName = targetName;
        this.targetColumn = targetColumn;
        this.train = train;
        this.valid = valid;
        this.mean = mean;
        this.scale = scale;
        this.precision = precision;
    }

    /**
     * A dataset read from {@code file}; see {@link Builder} for the options.
     *
     * @param file the CSV file, with a header row
     * @return a builder of the dataset
     */
    public static Builder csv(Path file) {
        return new Builder(Objects.requireNonNull(file, "file"), null, null);
    }

    /**
     * A dataset of {@code x[r]} (the features of row r, named {@code x1 .. xF}) and {@code y[r]} (its target,
     * named {@code y}); not modified.
     *
     * @param x the feature values, {@code x[r][k]}
     * @param y the targets, {@code y[r]}
     * @return a builder of the dataset
     */
    public static Builder of(double[][] x, double[] y) {
        return new Builder(null, Objects.requireNonNull(x, "x"), Objects.requireNonNull(y, "y"));
    }

    /** {@return where the training rows came from: the file, or {@code "memory"}} */
    public String source() {
        return source;
    }

    /** {@return where the validation rows came from: a file, the training file (a split), or null without them} */
    public String validationSource() {
        return validationSource;
    }

    /** {@return training rows} */
    public int rows() {
        return train.rows;
    }

    /** {@return validation rows, 0 without them} */
    public int validationRows() {
        return valid == null ? 0 : valid.rows;
    }

    /** {@return features per row} */
    public int features() {
        return names.size();
    }

    /** {@return the feature columns' names, in coefficient order} */
    public List<String> featureNames() {
        return names;
    }

    /** {@return the target column's name} */
    public String target() {
        return targetName;
    }

    /** {@return the precision the values are held in} */
    public Precision precision() {
        return precision;
    }

    /** {@return whether the features were standardized (z-scores from the training rows)} */
    public boolean standardized() {
        return mean != null;
    }

    /**
     * {@return the training mean of feature k that standardization subtracted; 0 when not standardized}
     *
     * @param k the feature's index, in {@code [0, features())}
     */
    public double mean(int k) {
        return mean == null ? 0 : mean[k];
    }

    /**
     * {@return the training standard deviation (population) of feature k that standardization divided by; 1 when not}
     *
     * @param k the feature's index, in {@code [0, features())}
     */
    public double scale(int k) {
        return scale == null ? 1 : scale[k];
    }

    /**
     * {@return feature k of training row r as held (standardized when asked for)}
     *
     * @param r the row's index
     * @param k the feature's index, in {@code [0, features())}
     */
    public double value(int r, int k) {
        return train.value(r, k, features());
    }

    /**
     * {@return feature k of validation row r as held}
     *
     * @param r the row's index
     * @param k the feature's index, in {@code [0, features())}
     */
    public double validationValue(int r, int k) {
        return valid.value(r, k, features());
    }

    /**
     * {@return the class labels: the target's distinct values in sorted order}
     *
     * @throws DataException when the target has more than {@link #MAX_CLASSES} values, or a validation row's label
     *                       is none of the training rows'
     */
    public List<String> labels() {
        return classes().labels;
    }

    /** The training rows as the backends read them: targets as numbers, or as class indices. */
    DataRows trainingRows(boolean byClass) {
        return rowsOf(byClass)[0];
    }

    /** The validation rows as the backends read them, or null. */
    DataRows validationRows(boolean byClass) {
        return rowsOf(byClass)[1];
    }

    private synchronized DataRows[] rowsOf(boolean byClass) {
        DataRows[] r = rows.get(byClass);
        if (r == null) {
            double[] ty = byClass ? classes().train : numbers(train, source);
            double[] vy = valid == null ? null : byClass ? classes().valid : numbers(valid, validationSource);
            r = new DataRows[] {rowsOf(train, ty), valid == null ? null : rowsOf(valid, vy)};
            rows.put(byClass, r);
        }
        return r;
    }

    private DataRows rowsOf(Part p, double[] y) {
        if (p.x != null) {
            return DataRows.of64(p.rows, features(), p.x, y);
        }
        float[] y32 = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            y32[i] = (float) y[i];
        }
        return DataRows.of32(p.rows, features(), p.x32, y32);
    }

    /** The targets as numbers; a DataException naming the first one that is not. */
    private double[] numbers(Part p, String file) {
        if (p.number != null) {
            return p.number;
        }
        for (int r = 0; r < p.rows; r++) {
            String label = p.labels.get(p.label[r]);
            if (!isNumber(label)) {
                throw new DataException(Problem.NOT_A_NUMBER, file, p.lines == null ? r + 1 : p.lines[r], targetName,
                        targetColumn, "'" + label + "' is not a number, and a linear model needs a numeric target");
            }
        }
        throw new IllegalStateException("text targets that are all numbers");
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private synchronized Classes classes() {
        if (classes != null) {
            return classes;
        }
        List<String> labels;
        Map<String, Integer> byText = new HashMap<>();
        double[] ty = new double[train.rows];
        if (train.number != null) {
            double[] distinct = distinct(train.number);
            labels = new ArrayList<>();
            for (double v : distinct) {
                labels.add(label(v));
            }
            for (int r = 0; r < train.rows; r++) {
                ty[r] = Arrays.binarySearch(distinct, train.number[r] == 0 ? 0.0 : train.number[r]);
            }
        } else {
            TreeMap<String, Integer> sorted = new TreeMap<>();
            for (String s : train.labels) {
                sorted.put(s, 0);
            }
            checkCount(sorted.size());
            labels = new ArrayList<>(sorted.keySet());
            int[] remap = new int[train.labels.size()];
            for (int k = 0; k < remap.length; k++) {
                remap[k] = labels.indexOf(train.labels.get(k));
            }
            for (int r = 0; r < train.rows; r++) {
                ty[r] = remap[train.label[r]];
            }
        }
        for (int c = 0; c < labels.size(); c++) {
            byText.put(labels.get(c), c);
        }
        double[] vy = null;
        if (valid != null) {
            vy = new double[valid.rows];
            for (int r = 0; r < valid.rows; r++) {
                String text = valid.number != null ? label(valid.number[r]) : valid.labels.get(valid.label[r]);
                if (train.number != null && valid.number == null && isNumber(text)) {
                    text = label(Double.parseDouble(text));
                }
                Integer c = byText.get(text);
                if (c == null) {
                    throw new DataException(Problem.UNKNOWN_CLASS, validationSource, valid.lines == null ? r + 1
                            : valid.lines[r], targetName, targetColumn, "label '" + text + "' is no class of the "
                            + "training rows (" + String.join(", ", labels.size() <= 10 ? labels
                            : labels.subList(0, 10)) + (labels.size() <= 10 ? "" : ", ...") + ")");
                }
                vy[r] = c;
            }
        }
        classes = new Classes(List.copyOf(labels), ty, vy);
        return classes;
    }

    /** The distinct values, sorted, -0 as 0; a DataException beyond {@link #MAX_CLASSES}. */
    private double[] distinct(double[] v) {
        double[] s = v.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] = s[i] == 0 ? 0.0 : s[i];
        }
        Arrays.sort(s);
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                s[n++] = s[i];
                if (n > MAX_CLASSES) {
                    checkCount(n);
                }
            }
        }
        return Arrays.copyOf(s, n);
    }

    private void checkCount(int n) {
        if (n > MAX_CLASSES) {
            throw new DataException(Problem.CLASSES, source, 0, targetName, targetColumn, "the target has more than "
                    + MAX_CLASSES + " distinct values; a classifier takes at most " + MAX_CLASSES + " classes");
        }
    }

    /** A numeric label as text: an integer without a decimal point, else the shortest text of the double. */
    static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The file column of the target, 1-based (0 in memory). */
    int targetColumn() {
        return targetColumn;
    }

    @Override
    public String toString() {
        return source + " (" + rows() + " rows, " + features() + " features" + (valid == null ? ""
                : ", " + validationRows() + " validation rows") + ")";
    }

    /**
     * How a dataset is read. Defaults: the last column is the target and every other one a feature, no validation
     * rows, no standardization, fp64 values.
     */
    public static final class Builder {
        private final Path file;
        private final double[][] x;
        private final double[] y;
        private String target;
        private List<String> features;
        private double fraction;
        private Path validationFile;
        private long seed = 1;
        private boolean standardize;
        private Precision precision = Precision.FP64;

        private Builder(Path file, double[][] x, double[] y) {
            this.file = file;
            this.x = x;
            this.y = y;
        }

        /**
         * The target column (default: the last).
         *
         * @param name the column's name in the header
         * @return this builder
         */
        public Builder target(String name) {
            this.target = Objects.requireNonNull(name, "target");
            return this;
        }

        /**
         * The feature columns, in coefficient order (default: every column but the target, in file order).
         *
         * @param names the columns' names in the header
         * @return this builder
         */
        public Builder features(String... names) {
            return features(List.of(names));
        }

        /**
         * The feature columns, in coefficient order (default: every column but the target, in file order).
         *
         * @param names the columns' names in the header
         * @return this builder
         */
        public Builder features(List<String> names) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a dataset needs at least one feature");
            }
            this.features = List.copyOf(names);
            return this;
        }

        /**
         * Holds out {@code fraction} of the rows (rounded, at least 1 and at least 1 left) as validation rows, the
         * same ones for the same {@link #seed}; they keep their file order.
         *
         * @param fraction the share of rows held out, in (0, 1)
         * @return this builder
         */
        public Builder validation(double fraction) {
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("validation fraction " + fraction + " must be between 0 and 1");
            }
            this.fraction = fraction;
            return this;
        }

        /**
         * Validation rows from another file with the same columns (by name).
         *
         * @param file the CSV file, with a header row
         * @return this builder
         */
        public Builder validationData(Path file) {
            this.validationFile = Objects.requireNonNull(file, "validation file");
            return this;
        }

        /**
         * The seed of the validation split (default 1).
         *
         * @param seed any seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Standardizes every feature to z-scores {@code (v - mean) / sd} with the training rows' mean and
         * population standard deviation (the validation rows with the same); a constant feature is a mistake.
         *
         * @return this builder
         */
        public Builder standardize() {
            return standardize(true);
        }

        /**
         * Standardizes the features when {@code on}; see {@link #standardize()}.
         *
         * @param on true to standardize
         * @return this builder
         */
        public Builder standardize(boolean on) {
            this.standardize = on;
            return this;
        }

        /**
         * The precision the values are held in (default fp64); a run in the other precision converts them once.
         *
         * @param p fp64 or fp32
         * @return this builder
         */
        public Builder precision(Precision p) {
            this.precision = Objects.requireNonNull(p, "precision");
            return this;
        }

        /**
         * Reads and checks the data.
         *
         * @return the dataset
         * @throws DataException for data that is not a dataset, naming the file, line and column
         */
        public Dataset build() {
            if (fraction > 0 && validationFile != null) {
                throw new IllegalArgumentException("a validation fraction and a validation file cannot be combined");
            }
            CsvReader.Table t = file != null ? CsvReader.read(file, target, features) : memory();
            String source = file != null ? file.toString() : "memory";
            int f = t.features().length;
            Part train = new Part(t.rows(), t.x(), null, t.number(), t.label(), t.labels(), t.lines());
            Part valid = null;
            String validSource = null;
            if (validationFile != null) {
                CsvReader.Table v = CsvReader.read(validationFile, t.targetName(), t.featureNames());
                valid = new Part(v.rows(), v.x(), null, v.number(), v.label(), v.labels(), v.lines());
                validSource = validationFile.toString();
            } else if (fraction > 0) {
                Part[] parts = split(train, f, source);
                train = parts[0];
                valid = parts[1];
                validSource = source;
            }
            double[] mean = null;
            double[] scale = null;
            int[] columns = new int[f];
            for (int k = 0; k < f; k++) {
                columns[k] = file == null ? 0 : t.features()[k] + 1;
            }
            if (standardize) {
                mean = new double[f];
                scale = new double[f];
                moments(train, f, mean, scale);
                for (int k = 0; k < f; k++) {
                    if (!(scale[k] > 0)) {
                        throw new DataException(Problem.CONSTANT_COLUMN, source, 0, t.featureNames().get(k),
                                columns[k], "every training row has the value " + train.x[k] + ", which cannot be "
                                + "standardized (drop the column, or do not --standardize)");
                    }
                }
                standardize(train, f, mean, scale);
                if (valid != null) {
                    standardize(valid, f, mean, scale);
                }
            }
            if (precision == Precision.FP32) {
                train = narrow(train);
                valid = valid == null ? null : narrow(valid);
            }
            return new Dataset(source, validSource, t.featureNames(), columns, t.targetName(),
                    file == null ? 0 : t.target() + 1, train, valid, mean, scale, precision);
        }

        private CsvReader.Table memory() {
            if (x.length != y.length) {
                throw new IllegalArgumentException(x.length + " rows of features, " + y.length + " targets");
            }
            if (x.length == 0) {
                throw new DataException(Problem.NO_ROWS, null, 0, null, 0, "the dataset has no rows");
            }
            int f = x[0].length;
            if (f == 0) {
                throw new IllegalArgumentException("a dataset needs at least one feature");
            }
            if ((long) x.length * f > Integer.MAX_VALUE - 8) {
                throw new DataException(Problem.SIZE, null, 0, null, 0, x.length + " rows x " + f + " features are "
                        + "more values than one dataset holds");
            }
            List<String> header = new ArrayList<>();
            for (int k = 0; k < f; k++) {
                header.add("x" + (k + 1));
            }
            header.add("y");
            double[] values = new double[x.length * f];
            long[] lines = new long[x.length];
            for (int r = 0; r < x.length; r++) {
                if (x[r].length != f) {
                    throw new DataException(Problem.RAGGED_ROW, null, r + 1, null, 0, "the row has " + x[r].length
                            + " features, the first " + f);
                }
                for (int k = 0; k < f; k++) {
                    double v = x[r][k];
                    if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                        throw new DataException(Problem.NOT_FINITE, null, r + 1, header.get(k), 0, v
                                + " is not a finite number");
                    }
                    values[r * f + k] = v;
                }
                if (!(Math.abs(y[r]) <= Double.MAX_VALUE)) {
                    throw new DataException(Problem.NOT_FINITE, null, r + 1, "y", 0, y[r] + " is not a finite number");
                }
                lines[r] = r + 1;
            }
            int[] selected = features == null ? java.util.stream.IntStream.range(0, f).toArray() : null;
            if (selected == null || target != null) {
                throw new IllegalArgumentException("an in-memory dataset names its columns x1..xF and y; target() and "
                        + "features() are for files");
            }
            return new CsvReader.Table(null, header, selected, f, x.length, values, y.clone(), null, List.of(), lines);
        }

        /** Training and validation parts of {@code p}, keyed by the seed. */
        private Part[] split(Part p, int f, String source) {
            int n = p.rows;
            int v = (int) Math.max(1, Math.min(n - 1L, Math.round(fraction * n)));
            if (n < 2) {
                throw new DataException(Problem.SIZE, source, 0, null, 0, "one row cannot be split into training and "
                        + "validation rows");
            }
            int[] order = new int[n];
            RowOrder.permutation(seed, RowOrder.SPLIT, n, order);
            boolean[] held = new boolean[n];
            for (int i = 0; i < v; i++) {
                held[order[i]] = true;
            }
            return new Part[] {pick(p, f, held, false, n - v), pick(p, f, held, true, v)};
        }

        private static Part pick(Part p, int f, boolean[] held, boolean want, int count) {
            double[] x = new double[count * f];
            double[] number = p.number == null ? null : new double[count];
            int[] label = p.label == null ? null : new int[count];
            long[] lines = new long[count];
            int j = 0;
            for (int r = 0; r < p.rows; r++) {
                if (held[r] == want) {
                    System.arraycopy(p.x, r * f, x, j * f, f);
                    if (number != null) {
                        number[j] = p.number[r];
                    }
                    if (label != null) {
                        label[j] = p.label[r];
                    }
                    lines[j] = p.lines[r];
                    j++;
                }
            }
            return new Part(count, x, null, number, label, p.labels, lines);
        }

        /** Mean and population standard deviation of every feature over the rows of p, two-pass. */
        private static void moments(Part p, int f, double[] mean, double[] sd) {
            for (int r = 0; r < p.rows; r++) {
                for (int k = 0; k < f; k++) {
                    mean[k] += p.x[r * f + k];
                }
            }
            for (int k = 0; k < f; k++) {
                mean[k] /= p.rows;
            }
            for (int r = 0; r < p.rows; r++) {
                for (int k = 0; k < f; k++) {
                    double d = p.x[r * f + k] - mean[k];
                    sd[k] += d * d;
                }
            }
            for (int k = 0; k < f; k++) {
                sd[k] = Math.sqrt(sd[k] / p.rows);
            }
        }

        private static void standardize(Part p, int f, double[] mean, double[] sd) {
            for (int r = 0; r < p.rows; r++) {
                for (int k = 0; k < f; k++) {
                    p.x[r * f + k] = (p.x[r * f + k] - mean[k]) / sd[k];
                }
            }
        }

        private static Part narrow(Part p) {
            float[] x32 = new float[p.x.length];
            for (int i = 0; i < x32.length; i++) {
                x32[i] = (float) p.x[i];
            }
            return new Part(p.rows, null, x32, p.number, p.label, p.labels, p.lines);
        }
    }
}
