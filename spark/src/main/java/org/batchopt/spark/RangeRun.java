package org.batchopt.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.util.LongAccumulator;
import org.batchopt.Backend;
import org.batchopt.Engine;
import org.batchopt.KnownOptimum;
import org.batchopt.Result;
import org.batchopt.Status;

/**
 * One task: builds the job from its recipe, runs the members of its range on the backends Spark gave it with the
 * local engine, and keeps what the driver merges ({@link RangeSummary}) beside every member's result
 * ({@link RangeData}).
 *
 * @param data null when nothing after the first pass needs the members
 */
record RangeRun(RangeSummary summary, RangeData data) implements Serializable {

    /**
     * What a task computes besides the members: which backends, how many best members, which minima, and the
     * judgement against which known optimum (null: none).
     */
    record Plan(String backend, int blockMembers, int best, MinimaMerge.Rule minima, KnownRule known,
                boolean keepMembers) implements Serializable {
    }

    /**
     * The known optimum members are judged by ({@link Result#known}): {@code fStar}, or where it is null the
     * objective's own known minimum (if it has one).
     */
    record KnownRule(Double fStar, double tolerance, double xTol) implements Serializable {
        Optional<KnownOptimum> of(Result r) {
            return fStar != null ? Optional.of(r.known(fStar, tolerance, xTol)) : r.known(tolerance, xTol);
        }
    }

    static RangeRun run(JobRecipe recipe, int first, int count, Plan plan, LongAccumulator memberSteps) {
        BatchJob job = recipe.build();
        List<String> specs = TaskBackends.specs(plan.backend(), TaskContext.get());
        List<Backend> backends = TaskBackends.borrow(specs);
        Result r;
        try {
            long[] reported = {0};
            Engine engine = Engine.on(backends.toArray(new Backend[0])).settings(job.settings())
                    .maxBlockMembers(plan.blockMembers()).progress((steps, budget, finished, members, seconds) -> {
                        memberSteps.add(steps - reported[0]);
                        reported[0] = steps;
                    });
            r = engine.run(job.objective(), job.rule(), job.batch(), first, count);
        } finally {
            TaskBackends.giveBack(specs, backends);
        }
        RangeData data = RangeData.of(r);
        long steps = 0;
        for (int j = 0; j < count; j++) {
            steps += data.steps[j];
        }
        long[] counts = new long[Status.values().length];
        for (Status s : Status.values()) {
            counts[s.ordinal()] = r.count(s);
        }
        List<MemberRecord> best = new ArrayList<>();
        for (int m : r.best(plan.best())) {
            best.add(MemberRecord.of(r, m));
        }
        List<MemberRecord> founders = plan.minima() == null ? List.of() : MinimaMerge.founders(data, plan.minima());
        List<CombinationPart> combinations = combinations(data, job.batch().startsPerCombination(),
                job.batch().members());
        KnownPart known = plan.known() == null ? null
                : plan.known().of(r).map(k -> KnownPart.of(k, data)).orElse(null);
        double[] seconds = {r.timing().compileSeconds(), r.timing().transferSeconds(), r.timing().runSeconds()};
        RangeSummary summary = new RangeSummary(first, count, counts, best, founders, combinations, known, steps,
                seconds, r.hasPenalty(), r.backend(), r.device());
        return new RangeRun(summary, plan.keepMembers() ? data : null);
    }

    /** The parts of the grid combinations in the range; none for a batch that is not a grid. */
    private static List<CombinationPart> combinations(RangeData data, int starts, int members) {
        if (starts == members) {
            return List.of();
        }
        List<CombinationPart> out = new ArrayList<>();
        int end = data.first + data.count;
        for (int from = data.first; from < end; ) {
            long c = from / starts;
            int to = (int) Math.min(end, (c + 1) * starts);
            int n = to - from;
            int j = from - data.first;
            int[] index = new int[n];
            byte[] status = new byte[n];
            for (int k = 0; k < n; k++) {
                index[k] = from + k;
                status[k] = (byte) data.status(j + k).ordinal();
            }
            out.add(new CombinationPart(c, index, Arrays.copyOfRange(data.objective, j, j + n),
                    Arrays.copyOfRange(data.f, j, j + n), Arrays.copyOfRange(data.steps, j, j + n), status));
            from = to;
        }
        return out;
    }
}
