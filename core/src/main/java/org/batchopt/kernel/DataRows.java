package org.batchopt.kernel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows of a dataset as every backend reads them: {@code rows x features} values row-major ({@code x[r*F + k]}) and
 * one target per row (a number, or a class index 0..C-1), held in fp64 or fp32 and converted once, on first use,
 * to the other precision. Immutable; the backends keep their device copies by {@link #id()}, so that a dataset
 * used by several runs is uploaded once per backend.
 */
public final class DataRows {
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final int rows;
    private final int features;
    private volatile double[] x64;
    private volatile double[] y64;
    private volatile float[] x32;
    private volatile float[] y32;

    private DataRows(int rows, int features, double[] x64, double[] y64, float[] x32, float[] y32) {
        if (rows < 0 || features < 0) {
            throw new IllegalArgumentException(rows + " rows of " + features + " features");
        }
        long values = (long) rows * features;
        int have = x64 != null ? x64.length : x32.length;
        int targets = y64 != null ? y64.length : y32.length;
        if (values != have || targets != rows) {
            throw new IllegalArgumentException(have + " values and " + targets + " targets for " + rows + " rows of "
                    + features + " features");
        }
        this.rows = rows;
        this.features = features;
        this.x64 = x64;
        this.y64 = y64;
        this.x32 = x32;
        this.y32 = y32;
    }

    /** Rows held in fp64; the arrays are the caller's no longer (not copied). */
    public static DataRows of64(int rows, int features, double[] x, double[] y) {
        return new DataRows(rows, features, x, y, null, null);
    }

    /** Rows held in fp32; the arrays are the caller's no longer (not copied). */
    public static DataRows of32(int rows, int features, float[] x, float[] y) {
        return new DataRows(rows, features, null, null, x, y);
    }

    /** Identifies these rows for the backends' caches of uploaded data. */
    public long id() {
        return id;
    }

    public int rows() {
        return rows;
    }

    public int features() {
        return features;
    }

    /** The values in fp64, row-major; not to be modified. */
    public synchronized double[] x64() {
        if (x64 == null) {
            x64 = widen(x32);
        }
        return x64;
    }

    /** The targets in fp64; not to be modified. */
    public synchronized double[] y64() {
        if (y64 == null) {
            y64 = widen(y32);
        }
        return y64;
    }

    /** The values in fp32 (each fp64 value rounded to the nearest float), row-major; not to be modified. */
    public synchronized float[] x32() {
        if (x32 == null) {
            x32 = narrow(x64);
        }
        return x32;
    }

    /** The targets in fp32; not to be modified. */
    public synchronized float[] y32() {
        if (y32 == null) {
            y32 = narrow(y64);
        }
        return y32;
    }

    /** Value k of row r in fp64. */
    public double x(int r, int k) {
        int i = (int) ((long) r * features + k);
        double[] d = x64;
        return d != null ? d[i] : x32[i];
    }

    /** The target of row r in fp64. */
    public double y(int r) {
        double[] d = y64;
        return d != null ? d[r] : y32[r];
    }

    private static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static float[] narrow(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
