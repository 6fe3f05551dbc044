package org.batchopt.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchopt.Basins;
import org.batchopt.CombinationSummary;
import org.batchopt.KnownOptimum;
import org.batchopt.Minimum;
import org.batchopt.Objective;
import org.batchopt.Precision;
import org.batchopt.Status;
import org.batchopt.Timing;
import org.batchopt.rule.UpdateRule;

/**
 * The merged outcome of a batch run on Spark: what a local run's {@link org.batchopt.Result} says of the whole batch
 * (status counts, best members, distinct minima, grid combinations), with the same values, but without every member
 * on the driver: those are in the member table ({@link SparkBatch#members}) when one was asked for.
 */
public final class SparkResult {
    private final BatchJob job;
    private final long[] statusCounts;
    private final List<MemberRecord> best;
    private final Basins basins;
    private final int rounds;
    private final List<GridCombination> combinations;
    private final List<CombinationPart> combinationMembers;
    private final KnownOptimum known;
    private final int tasks;
    private final long memberSteps;
    private final boolean penalized;
    private final Map<String, String> backends;
    private final Timing timing;

    SparkResult(BatchJob job, long[] statusCounts, List<MemberRecord> best, Basins basins, int rounds,
                List<GridCombination> combinations, List<CombinationPart> combinationMembers, KnownOptimum known,
                int tasks, long memberSteps, boolean penalized, Map<String, String> backends, Timing timing) {
        this.job = job;
        this.statusCounts = statusCounts;
        this.best = best;
        this.basins = basins;
        this.rounds = rounds;
        this.combinations = List.copyOf(combinations);
        this.combinationMembers = List.copyOf(combinationMembers);
        this.known = known;
        this.tasks = tasks;
        this.memberSteps = memberSteps;
        this.penalized = penalized;
        this.backends = Collections.unmodifiableMap(backends);
        this.timing = timing;
    }

    /** The job as the driver built it. */
    public BatchJob job() {
        return job;
    }

    public Objective objective() {
        return job.objective();
    }

    public UpdateRule rule() {
        return job.rule();
    }

    public int members() {
        return job.batch().members();
    }

    public int dimension() {
        return job.objective().dimension();
    }

    public Precision precision() {
        return job.settings().precision();
    }

    /** Whether the objective differs from f: the rule has a penalty ({@link org.batchopt.Result#hasPenalty}). */
    public boolean hasPenalty() {
        return penalized;
    }

    /** Members that ended with {@code status}. */
    public long count(Status status) {
        return statusCounts[status.ordinal()];
    }

    /**
     * The best members, best first, as many as {@link SparkBatch#best} asked for but at least one (fewer when fewer
     * did not diverge).
     */
    public List<MemberRecord> best() {
        return best;
    }

    /**
     * The distinct minima, best first, as {@link org.batchopt.Result#minima} gives them, except that each lists
     * only its best members (as many as {@link SparkBatch#best}, at least one); {@link Minimum#count} counts them
     * all. Empty when minima were not asked for.
     */
    public Optional<List<Minimum>> minima() {
        return basins().map(Basins::minima);
    }

    /**
     * The minima with their shares, mean steps, value levels and saturation, as {@link org.batchopt.Result#basins}
     * gives them for the tolerances of {@link SparkBatch#minima}; empty when minima were not asked for.
     */
    public Optional<Basins> basins() {
        return Optional.ofNullable(basins);
    }

    /**
     * How the batch did against the known optimum of {@link SparkBatch#known}, as {@link org.batchopt.Result#known}
     * says; empty when none was asked for or (without an f* of its own) the objective has none.
     */
    public Optional<KnownOptimum> known() {
        return Optional.ofNullable(known);
    }

    /**
     * Every grid combination's summary, in grid order, as {@link org.batchopt.Result#combinations(double, double)}
     * makes it (from every member of the combination, sent by the tasks); empty for a batch that is not a grid.
     */
    public List<CombinationSummary> combinations(double target, double tolerance) {
        boolean max = job.objective().isMaximized();
        List<CombinationSummary> out = new ArrayList<>(combinationMembers.size());
        for (CombinationPart p : combinationMembers) {
            boolean[] diverged = new boolean[p.members().length];
            for (int j = 0; j < diverged.length; j++) {
                diverged[j] = p.status()[j] == Status.DIVERGED.ordinal();
            }
            out.add(CombinationSummary.of(p.combination(), SparkBatch.axes(job, p.combination()), p.members(),
                    p.objective(), p.steps(), diverged, target, tolerance, max));
        }
        return out;
    }

    /** Passes over the kept members the minima took (1 unless a founder was absorbed far away); 0 without minima. */
    public int minimaRounds() {
        return rounds;
    }

    /** Every grid combination's best member and counts, in grid order; empty for a batch that is not a grid. */
    public List<GridCombination> combinations() {
        return combinations;
    }

    /** The member ranges, one task each. */
    public int tasks() {
        return tasks;
    }

    /** Member-steps over all members. */
    public long memberSteps() {
        return memberSteps;
    }

    /** The backends the tasks ran on ({@link org.batchopt.Result#backend}), each with its device. */
    public Map<String, String> backends() {
        return backends;
    }

    /**
     * Compile, transfer and run seconds summed over the tasks (which overlap in time); total, the driver's wall time
     * from the job's build to the merged result.
     */
    public Timing timing() {
        return timing;
    }
}
