package org.batchopt.cli;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.batchopt.Minimum;
import org.batchopt.Objective;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Status;
import org.batchopt.Timing;
import org.batchopt.rule.UpdateRule;

/**
 * What {@code batchopt run} reports of a batch, read the way {@link Result} reads (the methods are its): a local run's
 * {@link Result} ({@link #of}), or the merged outcome of a run on a cluster ({@link ClusterRun}), which answers for the
 * members it reports (the best ones, the minima's, the grid combinations' best) and for the batch's figures.
 */
public interface RunOutcome {
    Objective objective();

    UpdateRule rule();

    int dimension();

    int members();

    Precision precision();

    String backend();

    String device();

    Timing timing();

    boolean hasPenalty();

    long count(Status status);

    OptionalInt best();

    int[] best(int k);

    double f(int m);

    double objectiveValue(int m);

    double gradientNorm(int m);

    int steps(int m);

    Status status(int m);

    double[] x(int m);

    Map<String, Double> hyperparameters(int m);

    List<Minimum> minima(double xTol, double fTol);

    /** How the members of grid combination {@code c} ended; its members are {@code c*starts .. (c+1)*starts-1}. */
    CombinationFigures combination(long c, int starts);

    int historyEvery();

    int historySize();

    double[] history(int m, int k);

    /**
     * A grid combination's best member (-1 when all diverged) and how many of its members converged and diverged.
     */
    record CombinationFigures(int best, long converged, long diverged) {
    }

    /** A local run's result. */
    static RunOutcome of(Result r) {
        return new LocalOutcome(r);
    }
}
