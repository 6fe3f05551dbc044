package org.batchopt.backend;

import java.util.ArrayList;
import java.util.List;
import org.batchopt.Precision;
import org.batchopt.Status;

/**
 * What the members {@code first .. first+members-1} of a batch ended with (all of it, from 0, for a whole run),
 * written by the backends and read by {@link org.batchopt.Result}; every accessor takes a member's index in the
 * batch. Final points are kept in the run's precision, in pages so that members x dimension may pass 2^31.
 * Each member is written by exactly one backend thread; different members may be written concurrently.
 */
public final class MemberResults {
    private final int dimension;
    private final int first;
    private final int members;
    private final Precision precision;
    private final Points x;
    private final double[] f;
    private final double[] gradientNorm;
    private final int[] steps;
    private final byte[] status;
    private final int historyEvery;
    private final List<Points> history = new ArrayList<>();
    /** General constraints: per member J left sides and J weights, the largest violation and the KKT residual. */
    private final int constraints;
    private final Points constraintValues;
    private final Points weights;
    private final double[] violation;
    private final double[] kkt;

    public MemberResults(int dimension, int members, Precision precision, int historyEvery, int maxSteps) {
        this(dimension, 0, members, precision, historyEvery, maxSteps, 0);
    }

    /** The results of members {@code first .. first+members-1}. */
    public MemberResults(int dimension, int first, int members, Precision precision, int historyEvery, int maxSteps) {
        this(dimension, first, members, precision, historyEvery, maxSteps, 0);
    }

    /** The results of members {@code first .. first+members-1} with {@code constraints} general constraints. */
    public MemberResults(int dimension, int first, int members, Precision precision, int historyEvery, int maxSteps,
                         int constraints) {
        if (first < 0 || members < 0 || (long) first + members > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("members " + first + " .. " + ((long) first + members - 1)
                    + " are not a range of a batch");
        }
        this.dimension = dimension;
        this.first = first;
        this.members = members;
        this.precision = precision;
        this.x = new Points(dimension, first, members, precision);
        this.f = new double[members];
        this.gradientNorm = new double[members];
        this.steps = new int[members];
        this.status = new byte[members];
        this.historyEvery = historyEvery;
        this.constraints = constraints;
        this.constraintValues = constraints > 0 ? new Points(constraints, first, members, precision) : null;
        this.weights = constraints > 0 ? new Points(constraints, first, members, precision) : null;
        this.violation = constraints > 0 ? new double[members] : null;
        this.kkt = constraints > 0 ? new double[members] : null;
        if (historyEvery > 0) {
            for (long s = 0; s <= maxSteps; s += historyEvery) {
                history.add(new Points(dimension, first, members, precision));
            }
        }
    }

    public int dimension() {
        return dimension;
    }

    /** The first member held; 0 for a whole run. */
    public int first() {
        return first;
    }

    /** How many members are held. */
    public int members() {
        return members;
    }

    public Precision precision() {
        return precision;
    }

    /** Records the end of member {@code m}: its scalars (x separately, through {@link #x()}). */
    public void finish(long m, double fValue, double gradNorm, int stepCount, Status s) {
        int j = Math.toIntExact(m - first);
        f[j] = fValue;
        gradientNorm[j] = gradNorm;
        steps[j] = stepCount;
        status[j] = (byte) s.ordinal();
    }

    /** Final points. */
    public Points x() {
        return x;
    }

    /** The number of general constraints, J. */
    public int constraints() {
        return constraints;
    }

    /**
     * Records member {@code m}'s constraints at its end: left sides and weights (the augmented Lagrangian's
     * multiplier estimates, kernels/constraints.cl) through {@link #constraintValues()} and {@link #weights()}, and
     * here its largest violation and KKT residual.
     */
    public void finishConstraints(long m, double largestViolation, double kktResidual) {
        int j = Math.toIntExact(m - first);
        violation[j] = largestViolation;
        kkt[j] = kktResidual;
    }

    /** Per member the left side of each constraint at its end (J values), when there are constraints. */
    public Points constraintValues() {
        return constraintValues;
    }

    /** Per member the weight w_j of each constraint at its end (J values), when there are constraints. */
    public Points weights() {
        return weights;
    }

    public double violation(int m) {
        return violation[m - first];
    }

    public double kktResidual(int m) {
        return kkt[m - first];
    }

    public double f(int m) {
        return f[m - first];
    }

    public double gradientNorm(int m) {
        return gradientNorm[m - first];
    }

    public int steps(int m) {
        return steps[m - first];
    }

    public Status status(int m) {
        return Status.ofCode(status[m - first]);
    }

    /** Steps between history snapshots, 0 when none are kept. */
    public int historyEvery() {
        return historyEvery;
    }

    /** The snapshot of x after {@code k * historyEvery} steps, or null past the last one. */
    public Points history(int k) {
        return k < history.size() ? history.get(k) : null;
    }

    public int historySize() {
        return history.size();
    }

    /** Points of the members held, {@code dimension} reals each, kept as fp32 or fp64, by index in the batch. */
    public static final class Points {
        private static final long PAGE_VALUES = 1L << 26;
        private final int dimension;
        private final long first;
        private final int membersPerPage;
        private final double[][] d;
        private final float[][] s;

        Points(int dimension, long first, int members, Precision precision) {
            this.dimension = dimension;
            this.first = first;
            this.membersPerPage = (int) Math.max(1, PAGE_VALUES / dimension);
            int pages = (int) ((members + (long) membersPerPage - 1) / membersPerPage);
            if (precision == Precision.FP64) {
                d = new double[pages][];
                s = null;
                for (int p = 0; p < pages; p++) {
                    d[p] = new double[pageSize(p, members)];
                }
            } else {
                s = new float[pages][];
                d = null;
                for (int p = 0; p < pages; p++) {
                    s[p] = new float[pageSize(p, members)];
                }
            }
        }

        private int pageSize(int p, int members) {
            long first = (long) p * membersPerPage;
            return (int) (Math.min(membersPerPage, members - first) * dimension);
        }

        /** Coordinate {@code i} of member {@code m}. */
        public double get(long m, int i) {
            int p = (int) ((m - first) / membersPerPage);
            int o = (int) ((m - first) % membersPerPage) * dimension + i;
            return d != null ? d[p][o] : s[p][o];
        }

        public double[] get(long m) {
            double[] v = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                v[i] = get(m, i);
            }
            return v;
        }

        public void set(long m, int i, double v) {
            int p = (int) ((m - first) / membersPerPage);
            int o = (int) ((m - first) % membersPerPage) * dimension + i;
            if (d != null) {
                d[p][o] = v;
            } else {
                s[p][o] = (float) v;
            }
        }

        /** Member {@code m}'s point from {@code src[off..off+D)}. */
        public void set(long m, double[] src, int off) {
            int p = (int) ((m - first) / membersPerPage);
            int o = (int) ((m - first) % membersPerPage) * dimension;
            if (d != null) {
                System.arraycopy(src, off, d[p], o, dimension);
            } else {
                for (int i = 0; i < dimension; i++) {
                    s[p][o + i] = (float) src[off + i];
                }
            }
        }

        /** Member {@code m}'s point from {@code src[off..off+D)}, fp32. */
        public void set(long m, float[] src, int off) {
            int p = (int) ((m - first) / membersPerPage);
            int o = (int) ((m - first) % membersPerPage) * dimension;
            if (s != null) {
                System.arraycopy(src, off, s[p], o, dimension);
            } else {
                for (int i = 0; i < dimension; i++) {
                    d[p][o + i] = src[off + i];
                }
            }
        }
    }
}
