package org.batchopt.backend;

import java.util.Arrays;
import org.batchopt.Precision;

/**
 * What the members of a run over a dataset ended with besides their point and status, written by the backends and
 * read by {@code Models}: the training loss, validation loss and validation rows predicted right at the point each
 * member reports, the step of that point, and the learning curves (both losses every {@code every} steps). With
 * patience it also decides when a member stops and which point it reports; every backend asks it the same
 * questions with the same losses, so that they all decide alike. Each member is written by one thread at a time.
 * It holds a whole batch (members 0 .. n-1): a model fitted to a dataset does not run as a range.
 */
public final class DataResults {
    /** What {@link #evaluated} asks of the caller. */
    public enum Verdict {
        /** Nothing. */
        CONTINUE,
        /** The point is the member's best so far: copy it into {@link #bestPoints()}. */
        KEEP_POINT,
        /** The validation loss did not improve in {@code patience} evaluations: stop the member here. */
        STOP
    }

    private final int members;
    private final int dimension;
    private final int every;
    private final int patience;
    private final MemberResults.Points x;
    private final MemberResults.Points best;
    private final double[] train;
    private final double[] valid;
    private final double[] correct;
    private final int[] step;
    private final double[] bestValid;
    private final double[] bestTrain;
    private final double[] bestCorrect;
    private final int[] bestStep;
    private final int[] since;
    private final double[][] curveTrain;
    private final double[][] curveValid;

    /**
     * @param x        the members' final points, where a best point replaces the last one
     * @param every    steps between evaluations, 0 for none but the final one
     * @param patience evaluations without improvement before a member stops, 0 for never
     */
    public DataResults(int members, int dimension, Precision precision, int every, int maxSteps, int patience,
                       MemberResults.Points x) {
        this.members = members;
        this.dimension = dimension;
        this.every = every;
        this.patience = patience;
        this.x = x;
        this.best = patience > 0 ? new MemberResults.Points(dimension, 0, members, precision) : null;
        train = new double[members];
        valid = new double[members];
        correct = new double[members];
        step = new int[members];
        bestValid = patience > 0 ? filled(members, Double.POSITIVE_INFINITY) : null;
        bestTrain = patience > 0 ? new double[members] : null;
        bestCorrect = patience > 0 ? new double[members] : null;
        bestStep = patience > 0 ? new int[members] : null;
        since = patience > 0 ? new int[members] : null;
        int points = every > 0 ? maxSteps / every + 1 : 0;
        curveTrain = new double[points][];
        curveValid = new double[points][];
        for (int k = 0; k < points; k++) {
            curveTrain[k] = filled(members, Double.NaN);
            curveValid[k] = filled(members, Double.NaN);
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Steps between evaluations, 0 for none but the final one. */
    public int every() {
        return every;
    }

    public int patience() {
        return patience;
    }

    /**
     * Records the evaluation of running member {@code m} after {@code s} steps ({@code s} a multiple of
     * {@link #every}): its training loss, validation loss (NaN without validation rows) and validation rows
     * predicted right.
     */
    public Verdict evaluated(long m, int s, double trainLoss, double validLoss, double validCorrect) {
        int j = Math.toIntExact(m);
        int k = s / every;
        curveTrain[k][j] = trainLoss;
        curveValid[k][j] = validLoss;
        if (patience == 0) {
            return Verdict.CONTINUE;
        }
        if (validLoss < bestValid[j]) {
            bestValid[j] = validLoss;
            bestTrain[j] = trainLoss;
            bestCorrect[j] = validCorrect;
            bestStep[j] = s;
            since[j] = 0;
            return Verdict.KEEP_POINT;
        }
        since[j]++;
        return since[j] >= patience ? Verdict.STOP : Verdict.CONTINUE;
    }

    /** The best point of every member so far; null without patience. */
    public MemberResults.Points bestPoints() {
        return best;
    }

    /**
     * Records the evaluation of member {@code m} at its final point, after {@code steps} steps (its point in the
     * final points already written). With patience, the member reports its best point instead when an earlier
     * evaluation was better: the final points get it, and the losses are that evaluation's.
     */
    public void finished(long m, int steps, double trainLoss, double validLoss, double validCorrect) {
        int j = Math.toIntExact(m);
        if (patience > 0 && !(validLoss < bestValid[j]) && bestValid[j] < Double.POSITIVE_INFINITY) {
            train[j] = bestTrain[j];
            valid[j] = bestValid[j];
            correct[j] = bestCorrect[j];
            step[j] = bestStep[j];
            for (int i = 0; i < dimension; i++) {
                x.set(m, i, best.get(m, i));
            }
            return;
        }
        train[j] = trainLoss;
        valid[j] = validLoss;
        correct[j] = validCorrect;
        step[j] = steps;
    }

    public int members() {
        return members;
    }

    /** The training loss (data term, every training row) at the point member m reports. */
    public double trainLoss(int m) {
        return train[m];
    }

    /** The validation loss at that point, NaN without validation rows. */
    public double validationLoss(int m) {
        return valid[m];
    }

    /** The validation rows predicted right at that point (0 for a linear model). */
    public double validationCorrect(int m) {
        return correct[m];
    }

    /** The step of the point member m reports: its last step, or with patience its best one. */
    public int reportedStep(int m) {
        return step[m];
    }

    /** Evaluations every {@link #every} steps there is room for (up to the step budget). */
    public int curvePoints() {
        return curveTrain.length;
    }

    /** The training loss of member m after {@code k * every} steps; NaN if it had stopped before. */
    public double curveTrain(int k, int m) {
        return curveTrain[k][m];
    }

    /** The validation loss of member m after {@code k * every} steps; NaN if it had stopped or without rows. */
    public double curveValid(int k, int m) {
        return curveValid[k][m];
    }
}
