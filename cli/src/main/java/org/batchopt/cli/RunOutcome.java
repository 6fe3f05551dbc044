package org.batchopt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.batchopt.Basins;
import org.batchopt.CombinationSummary;
import org.batchopt.Constraint;
import org.batchopt.KnownOptimum;
import org.batchopt.Objective;
import org.batchopt.Param;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Status;
import org.batchopt.Timing;
import org.batchopt.rule.UpdateRule;

/**
 * What {@code batchopt run} reports of a batch, read the way {@link Result} reads (the methods are its): a local run's
 * {@link Result} ({@link #of}), or the merged outcome of a run on a cluster ({@link ClusterRun}), which answers for the
 * members it reports (the best ones, the minima's, the grid combinations' best) and for the batch's figures (basins
 * and the known optimum for the settings its job was run with), and keeps no history.
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

    /** As {@link Result#parameters()}; the rule's alone unless overridden. */
    default Map<String, Param> parameters() {
        Map<String, Param> p = new LinkedHashMap<>();
        rule().parameters().forEach((h, v) -> p.put(h.id(), v));
        return p;
    }

    /** As {@link Result#hyperparameterNames()}. */
    default List<String> hyperparameterNames() {
        return List.copyOf(parameters().keySet());
    }

    /** As {@link Result#constraints()}; none unless overridden (a cluster runs no constrained job). */
    default List<Constraint.General> constraints() {
        return List.of();
    }

    /** As {@link Result#multipliers}. */
    default double[] multipliers(int m) {
        return new double[0];
    }

    /** As {@link Result#constraintValues}. */
    default double[] constraintValues(int m) {
        return new double[0];
    }

    /** As {@link Result#violation}. */
    default double violation(int m) {
        return 0;
    }

    /** As {@link Result#kktResidual}. */
    default double kktResidual(int m) {
        return gradientNorm(m);
    }

    /** As {@link Result#basins}; a cluster's outcome has them for the tolerances its job was run with only. */
    Basins basins(double xTol, double fTol);

    /** As {@link Result#known(double, double)}; a cluster's outcome, for the tolerances of its job only. */
    Optional<KnownOptimum> known(double tolerance, double xTol);

    /** As {@link Result#known(double, double, double)}; a cluster's outcome, for the f* of its job only. */
    KnownOptimum known(double fStar, double tolerance, double xTol);

    /** As {@link Result#combinations(double, double)}. */
    List<CombinationSummary> combinations(double target, double tolerance);

    /** As {@link Result#combinations(double)}: the best value of the batch as the target. */
    default List<CombinationSummary> combinations(double tolerance) {
        OptionalInt b = best();
        return b.isEmpty() ? List.of() : combinations(objectiveValue(b.getAsInt()), tolerance);
    }

    int historyEvery();

    int historySize();

    double[] history(int m, int k);

    /** A local run's result. */
    static RunOutcome of(Result r) {
        return new LocalOutcome(r);
    }
}
