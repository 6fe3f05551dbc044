package org.batchopt.cli;

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

/** A local run's {@link Result} as a {@link RunOutcome}. */
record LocalOutcome(Result r) implements RunOutcome {
    @Override
    public Objective objective() {
        return r.objective();
    }

    @Override
    public UpdateRule rule() {
        return r.rule();
    }

    @Override
    public int dimension() {
        return r.dimension();
    }

    @Override
    public int members() {
        return r.members();
    }

    @Override
    public Precision precision() {
        return r.precision();
    }

    @Override
    public String backend() {
        return r.backend();
    }

    @Override
    public String device() {
        return r.device();
    }

    @Override
    public Timing timing() {
        return r.timing();
    }

    @Override
    public boolean hasPenalty() {
        return r.hasPenalty();
    }

    @Override
    public long count(Status status) {
        return r.count(status);
    }

    @Override
    public OptionalInt best() {
        return r.best();
    }

    @Override
    public int[] best(int k) {
        return r.best(k);
    }

    @Override
    public double f(int m) {
        return r.f(m);
    }

    @Override
    public double objectiveValue(int m) {
        return r.objectiveValue(m);
    }

    @Override
    public double gradientNorm(int m) {
        return r.gradientNorm(m);
    }

    @Override
    public int steps(int m) {
        return r.steps(m);
    }

    @Override
    public Status status(int m) {
        return r.status(m);
    }

    @Override
    public double[] x(int m) {
        return r.x(m);
    }

    @Override
    public Map<String, Double> hyperparameters(int m) {
        return r.hyperparameters(m);
    }

    @Override
    public Basins basins(double xTol, double fTol) {
        return r.basins(xTol, fTol);
    }

    @Override
    public Optional<KnownOptimum> known(double tolerance, double xTol) {
        return r.known(tolerance, xTol);
    }

    @Override
    public KnownOptimum known(double fStar, double tolerance, double xTol) {
        return r.known(fStar, tolerance, xTol);
    }

    @Override
    public List<CombinationSummary> combinations(double target, double tolerance) {
        return r.combinations(target, tolerance);
    }

    @Override
    public List<CombinationSummary> combinations(double tolerance) {
        return r.combinations(tolerance);
    }

    @Override
    public int historyEvery() {
        return r.historyEvery();
    }

    @Override
    public int historySize() {
        return r.historySize();
    }

    @Override
    public double[] history(int m, int k) {
        return r.history(m, k);
    }

    @Override
    public Map<String, Param> parameters() {
        return r.parameters();
    }

    @Override
    public List<String> hyperparameterNames() {
        return r.hyperparameterNames();
    }

    @Override
    public List<Constraint.General> constraints() {
        return r.constraints();
    }

    @Override
    public double[] multipliers(int m) {
        return r.multipliers(m);
    }

    @Override
    public double[] constraintValues(int m) {
        return r.constraintValues(m);
    }

    @Override
    public double violation(int m) {
        return r.violation(m);
    }

    @Override
    public double kktResidual(int m) {
        return r.kktResidual(m);
    }
}
