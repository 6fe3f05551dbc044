package org.batchopt.spark;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.batchopt.Basins;
import org.batchopt.CombinationSummary;
import org.batchopt.KnownOptimum;
import org.batchopt.Objective;
import org.batchopt.Precision;
import org.batchopt.Status;
import org.batchopt.Timing;
import org.batchopt.cli.RunOutcome;
import org.batchopt.rule.UpdateRule;

/**
 * A {@link SparkResult} as the command line reports it: the batch's figures, and the members it kept (the best
 * ones; the grid combinations' best by f and objective only). Asking for another member is a bug of the caller.
 */
final class SparkOutcome implements RunOutcome {
    private final SparkResult r;
    private final String master;
    private final Map<Integer, MemberRecord> kept = new HashMap<>();
    private final Map<Integer, GridCombination> combinationBest = new HashMap<>();

    SparkOutcome(SparkResult r, String master) {
        this.r = r;
        this.master = master;
        r.best().forEach(b -> kept.put(b.index(), b));
        r.combinations().forEach(c -> combinationBest.put(c.bestMember(), c));
    }

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

    /** {@code spark local[2]: cpu}, with every backend the tasks ran on. */
    @Override
    public String backend() {
        return "spark " + master + ": " + String.join("+", r.backends().keySet());
    }

    @Override
    public String device() {
        return r.tasks() + " tasks on " + r.backends().values().stream().distinct().collect(Collectors.joining(", "));
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
        return r.best().isEmpty() ? OptionalInt.empty() : OptionalInt.of(r.best().get(0).index());
    }

    @Override
    public int[] best(int k) {
        return r.best().stream().limit(k).mapToInt(MemberRecord::index).toArray();
    }

    private MemberRecord record(int m) {
        MemberRecord b = kept.get(m);
        if (b == null) {
            throw new IllegalArgumentException("member " + m + " is not among the members the driver kept");
        }
        return b;
    }

    @Override
    public double f(int m) {
        GridCombination c = combinationBest.get(m);
        return c != null ? c.bestF() : record(m).f();
    }

    @Override
    public double objectiveValue(int m) {
        GridCombination c = combinationBest.get(m);
        return c != null ? c.bestObjective() : record(m).objective();
    }

    @Override
    public double gradientNorm(int m) {
        return record(m).gradientNorm();
    }

    @Override
    public int steps(int m) {
        return record(m).steps();
    }

    @Override
    public Status status(int m) {
        return record(m).status();
    }

    @Override
    public double[] x(int m) {
        return record(m).x();
    }

    @Override
    public Map<String, Double> hyperparameters(int m) {
        Map<String, Double> h = new LinkedHashMap<>();
        r.rule().parameters().forEach((k, p) -> h.put(k.id(), p.at(m)));
        return h;
    }

    /** The basins the run was asked for (--minima), with the tolerances of the command. */
    @Override
    public Basins basins(double xTol, double fTol) {
        Basins b = r.basins().orElseThrow(() -> new IllegalStateException("the run found no minima: none were "
                + "asked for"));
        if (b.xTol() != xTol || b.fTol() != fTol) {
            throw new IllegalStateException("the run found its minima with x tol " + b.xTol() + ", f tol " + b.fTol()
                    + ", not " + xTol + ", " + fTol);
        }
        return b;
    }

    /** The judgement the tasks made against the objective's known minimum. */
    @Override
    public Optional<KnownOptimum> known(double tolerance, double xTol) {
        Optional<KnownOptimum> k = r.known();
        k.ifPresent(v -> sameJudgement(v, v.fStar(), tolerance, xTol));
        return k;
    }

    /** The judgement the tasks made against {@code fStar} (--f-star). */
    @Override
    public KnownOptimum known(double fStar, double tolerance, double xTol) {
        KnownOptimum k = r.known().orElseThrow(() -> new IllegalStateException("the run was given no f*"));
        sameJudgement(k, fStar, tolerance, xTol);
        return k;
    }

    private static void sameJudgement(KnownOptimum k, double fStar, double tolerance, double xTol) {
        if (k.fStar() != fStar || k.tolerance() != tolerance || k.xTol() != xTol) {
            throw new IllegalStateException("the tasks judged the members against f* " + k.fStar() + " (tolerance "
                    + k.tolerance() + ", x " + k.xTol() + "), not " + fStar + " (" + tolerance + ", " + xTol + ")");
        }
    }

    @Override
    public List<CombinationSummary> combinations(double target, double tolerance) {
        return r.combinations(target, tolerance);
    }

    @Override
    public int historyEvery() {
        return 0;
    }

    @Override
    public int historySize() {
        return 0;
    }

    @Override
    public double[] history(int m, int k) {
        throw new IllegalArgumentException("a run on Spark keeps no history");
    }
}
