package org.batchopt;

/**
 * Reference solutions of the models, written independently of the engine in plain double arithmetic: ridge by its
 * closed form, the lasso by coordinate descent, logistic and softmax regression with L2 by Newton's method (IRLS).
 * The intercept is never penalized.
 *
 * <p>Provenance: on 2026-12-02 {@link #main} wrote the datasets and solutions of {@code ModelReferenceTest} and
 * {@code src/test/resources/references/sklearn_check.py} fitted the same datasets with scikit-learn 1.2.1 (numpy
 * 1.24.2, scipy 1.10.1, Debian's python3): {@code Ridge(alpha=n*l2, solver="cholesky")},
 * {@code Lasso(alpha=l1, tol=1e-14)}, {@code LogisticRegression(C=1/(n*l2), solver="newton-cg", tol=1e-14)} (binary,
 * and multinomial with the intercepts centered). Largest differences relative to the largest coefficient: ridge
 * 2.6e-16, lasso 1.1e-14 with the same zero coefficients, logistic 2.2e-11, softmax 2.0e-8 (scikit-learn's objective
 * there is the larger one by 7e-10, so these references are the closer to the optimum).
 */
final class References {
    private References() {
    }

    /** Writes the datasets of {@code ModelReferenceTest} as CSV into {@code args[0]}, and these solutions to refs.txt. */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
        StringBuilder refs = new StringBuilder();
        Synthetic.Data lin = Synthetic.linear(7, 400, 5, 0.3);
        write(dir.resolve("ridge.csv"), lin);
        for (double l2 : new double[] {0, 1e-3, 0.1, 1}) {
            refs.append("ridge ").append(l2).append(' ').append(list(ridge(lin.x(), lin.y(), l2))).append('\n');
        }
        Synthetic.Data las = Synthetic.linear(11, 300, 8, 0.5);
        write(dir.resolve("lasso.csv"), las);
        for (double l1 : new double[] {0.02, 0.1, 0.4}) {
            refs.append("lasso ").append(l1).append(' ').append(list(lasso(las.x(), las.y(), l1))).append('\n');
        }
        Synthetic.Data lo = Synthetic.logistic(3, 500, 4);
        write(dir.resolve("logistic.csv"), lo);
        for (double l2 : new double[] {1e-3, 0.05}) {
            refs.append("logistic ").append(l2).append(' ').append(list(logistic(lo.x(), lo.y(), l2))).append('\n');
        }
        Synthetic.Data so = Synthetic.softmax(5, 400, 3, 4);
        write(dir.resolve("softmax.csv"), so);
        for (double l2 : new double[] {1e-3, 0.05}) {
            refs.append("softmax ").append(l2).append(' ').append(list(softmax(so.x(), so.y(), 4, l2))).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("refs.txt"), refs);
    }

    private static void write(java.nio.file.Path file, Synthetic.Data s) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < s.x().length; r++) {
            for (double v : s.x()[r]) {
                b.append(v).append(',');
            }
            b.append(s.y()[r]).append('\n');
        }
        java.nio.file.Files.writeString(file, b);
    }

    private static String list(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (double x : v) {
            b.append(x).append(',');
        }
        return b.append(']').toString();
    }

    /** Column means of x. */
    static double[] means(double[][] x) {
        int f = x[0].length;
        double[] m = new double[f];
        for (double[] row : x) {
            for (int k = 0; k < f; k++) {
                m[k] += row[k];
            }
        }
        for (int k = 0; k < f; k++) {
            m[k] /= x.length;
        }
        return m;
    }

    /**
     * Ridge, {@code (1/(2n))|y - Xw - b|^2 + (l2/2)|w|^2}: {@code w = (Xc^T Xc + n l2 I)^-1 Xc^T yc},
     * {@code b = mean(y) - mean(x).w}; returns w followed by b.
     */
    static double[] ridge(double[][] x, double[] y, double l2) {
        int n = x.length;
        int f = x[0].length;
        double[] mx = means(x);
        double my = 0;
        for (double v : y) {
            my += v;
        }
        my /= n;
        double[][] a = new double[f][f];
        double[] rhs = new double[f];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < f; i++) {
                double xi = x[r][i] - mx[i];
                rhs[i] += xi * (y[r] - my);
                for (int j = 0; j < f; j++) {
                    a[i][j] += xi * (x[r][j] - mx[j]);
                }
            }
        }
        for (int i = 0; i < f; i++) {
            a[i][i] += n * l2;
        }
        double[] w = solve(a, rhs);
        double[] out = new double[f + 1];
        System.arraycopy(w, 0, out, 0, f);
        out[f] = my - Synthetic.dot(mx, w);
        return out;
    }

    /**
     * The lasso, {@code (1/(2n))|y - Xw - b|^2 + l1|w|_1}, by cyclic coordinate descent with the intercept updated
     * after every sweep, until no coordinate moves by more than 1e-15; returns w followed by b.
     */
    static double[] lasso(double[][] x, double[] y, double l1) {
        int n = x.length;
        int f = x[0].length;
        double[] w = new double[f];
        double b = 0;
        double[] r = y.clone();
        double[] norm = new double[f];
        for (int k = 0; k < f; k++) {
            for (int i = 0; i < n; i++) {
                norm[k] += x[i][k] * x[i][k] / n;
            }
        }
        for (int sweep = 0; sweep < 100_000; sweep++) {
            double moved = 0;
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += r[i];
            }
            mean /= n;
            b += mean;
            for (int i = 0; i < n; i++) {
                r[i] -= mean;
            }
            moved = Math.max(moved, Math.abs(mean));
            for (int k = 0; k < f; k++) {
                double rho = 0;
                for (int i = 0; i < n; i++) {
                    rho += x[i][k] * (r[i] + x[i][k] * w[k]) / n;
                }
                double next = Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / norm[k];
                double d = next - w[k];
                if (d != 0) {
                    for (int i = 0; i < n; i++) {
                        r[i] -= x[i][k] * d;
                    }
                    w[k] = next;
                }
                moved = Math.max(moved, Math.abs(d));
            }
            if (moved < 1e-15) {
                break;
            }
        }
        double[] out = new double[f + 1];
        System.arraycopy(w, 0, out, 0, f);
        out[f] = b;
        return out;
    }

    /**
     * Logistic regression with L2, {@code (1/n) sum [log(1 + e^z) - y z] + (l2/2)|w|^2}, by Newton's method from
     * zero until the step is below 1e-14; returns w followed by b.
     */
    static double[] logistic(double[][] x, double[] y, double l2) {
        int n = x.length;
        int d = x[0].length + 1;
        double[] beta = new double[d];
        for (int it = 0; it < 100; it++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int r = 0; r < n; r++) {
                double[] xr = withOne(x[r]);
                double p = 1 / (1 + Math.exp(-Synthetic.dot(xr, beta)));
                for (int i = 0; i < d; i++) {
                    g[i] += (p - y[r]) * xr[i] / n;
                    for (int j = 0; j < d; j++) {
                        h[i][j] += p * (1 - p) * xr[i] * xr[j] / n;
                    }
                }
            }
            for (int i = 0; i < d - 1; i++) {
                g[i] += l2 * beta[i];
                h[i][i] += l2;
            }
            double[] step = solve(h, g);
            double size = 0;
            for (int i = 0; i < d; i++) {
                beta[i] -= step[i];
                size = Math.max(size, Math.abs(step[i]));
            }
            if (size < 1e-14) {
                break;
            }
        }
        return beta;
    }

    /**
     * Softmax regression with L2 on the coefficients, {@code (1/n) sum [logsumexp(z) - z_y] + (l2/2)|W|^2}, by
     * Newton's method from zero; the intercepts, which the loss leaves free up to a common shift, are kept at a zero
     * sum (as gradient descent from zero keeps them) by adding the outer product of that shift to the Hessian.
     * Returns the coordinates class by class: {@code w_c0 .. w_c(F-1), b_c}.
     */
    static double[] softmax(double[][] x, double[] y, int classes, double l2) {
        int n = x.length;
        int s = x[0].length + 1;
        int d = classes * s;
        double[] beta = new double[d];
        double[] p = new double[classes];
        for (int it = 0; it < 100; it++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int r = 0; r < n; r++) {
                double[] xr = withOne(x[r]);
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    p[c] = 0;
                    for (int k = 0; k < s; k++) {
                        p[c] += beta[c * s + k] * xr[k];
                    }
                    max = Math.max(max, p[c]);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    p[c] = Math.exp(p[c] - max);
                    sum += p[c];
                }
                for (int c = 0; c < classes; c++) {
                    p[c] /= sum;
                }
                for (int c = 0; c < classes; c++) {
                    double res = p[c] - (c == (int) y[r] ? 1 : 0);
                    for (int k = 0; k < s; k++) {
                        g[c * s + k] += res * xr[k] / n;
                    }
                    for (int e = 0; e < classes; e++) {
                        double wce = (c == e ? p[c] : 0) - p[c] * p[e];
                        for (int k = 0; k < s; k++) {
                            for (int j = 0; j < s; j++) {
                                h[c * s + k][e * s + j] += wce * xr[k] * xr[j] / n;
                            }
                        }
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int k = 0; k < s - 1; k++) {
                    g[c * s + k] += l2 * beta[c * s + k];
                    h[c * s + k][c * s + k] += l2;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int e = 0; e < classes; e++) {
                    h[c * s + s - 1][e * s + s - 1] += 1.0 / classes;
                }
            }
            double[] step = solve(h, g);
            double size = 0;
            for (int i = 0; i < d; i++) {
                beta[i] -= step[i];
                size = Math.max(size, Math.abs(step[i]));
            }
            if (size < 1e-14) {
                break;
            }
        }
        return beta;
    }

    private static double[] withOne(double[] x) {
        double[] v = java.util.Arrays.copyOf(x, x.length + 1);
        v[x.length] = 1;
        return v;
    }

    /** a^-1 b by Gaussian elimination with partial pivoting; a and b not modified. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double q = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= q * m[c][k];
                }
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * out[k];
            }
            out[r] = s / m[r][r];
        }
        return out;
    }
}
