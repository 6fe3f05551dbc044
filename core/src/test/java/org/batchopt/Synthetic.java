package org.batchopt;

import java.util.Random;

/**
 * Datasets with a known truth, for the model tests: Gaussian features (with their own means and scales, so that
 * standardization matters) and targets drawn from a linear, logistic or softmax model with known coefficients.
 */
public final class Synthetic {
    /** Features and targets, row-major ({@code x[r][k]}), and the coefficients that made them. */
    public record Data(double[][] x, double[] y, double[][] w, double[] b) {
        public Dataset dataset() {
            return Dataset.of(x, y).build();
        }
    }

    private Synthetic() {
    }

    static double[][] features(Random rnd, int n, int f) {
        double[][] x = new double[n][f];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < f; k++) {
                x[r][k] = (k + 1) * 0.5 * rnd.nextGaussian() + (k % 3) - 1;
            }
        }
        return x;
    }

    static double[] coefficients(Random rnd, int f) {
        double[] w = new double[f];
        for (int k = 0; k < f; k++) {
            w[k] = rnd.nextGaussian() / (k + 1);
        }
        return w;
    }

    /** y = x.w + b + noise * N(0, 1). */
    public static Data linear(long seed, int n, int f, double noise) {
        Random rnd = new Random(seed);
        double[][] x = features(rnd, n, f);
        double[] w = coefficients(rnd, f);
        double b = rnd.nextGaussian();
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            y[r] = dot(x[r], w) + b + noise * rnd.nextGaussian();
        }
        return new Data(x, y, new double[][] {w}, new double[] {b});
    }

    /** y ~ Bernoulli(sigmoid(x.w + b)), labels 0 and 1. */
    public static Data logistic(long seed, int n, int f) {
        Random rnd = new Random(seed);
        double[][] x = features(rnd, n, f);
        double[] w = coefficients(rnd, f);
        double b = 0.3;
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            double p = 1 / (1 + Math.exp(-(dot(x[r], w) + b)));
            y[r] = rnd.nextDouble() < p ? 1 : 0;
        }
        return new Data(x, y, new double[][] {w}, new double[] {b});
    }

    /** y ~ Categorical(softmax(W x + b)), labels 0..C-1. */
    public static Data softmax(long seed, int n, int f, int classes) {
        Random rnd = new Random(seed);
        double[][] x = features(rnd, n, f);
        double[][] w = new double[classes][];
        double[] b = new double[classes];
        for (int c = 0; c < classes; c++) {
            w[c] = coefficients(rnd, f);
            b[c] = 0.2 * c;
        }
        double[] y = new double[n];
        double[] p = new double[classes];
        for (int r = 0; r < n; r++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                p[c] = Math.exp(dot(x[r], w[c]) + b[c]);
                sum += p[c];
            }
            double u = rnd.nextDouble() * sum;
            int c = 0;
            while (c < classes - 1 && u >= p[c]) {
                u -= p[c];
                c++;
            }
            y[r] = c;
        }
        return new Data(x, y, w, b);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
