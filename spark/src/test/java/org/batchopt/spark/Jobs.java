package org.batchopt.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.batchopt.Batch;
import org.batchopt.Grid;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.RunSettings;
import org.batchopt.SharedBackends;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.Engine;
import org.batchopt.rule.Adam;
import org.batchopt.rule.Sgd;

/** The jobs the Spark tests run, and their local runs (once per JVM) to compare with. */
final class Jobs {
    private Jobs() {
    }

    /**
     * A multi-start search on Himmelblau's function: 600 members from Sobol points end in its four minima, each of
     * which every task finds.
     */
    static BatchJob multiStart() {
        var f = Objectives.byName("himmelblau", 2);
        return new BatchJob(f, Adam.builder().lr(0.05).build(),
                Batch.builder(2).members(600).starts(Starts.sobol(f.box(), 3)).build(),
                RunSettings.DEFAULTS.withStopping(Stopping.maxSteps(300).gradientTolerance(1e-4)));
    }

    /** A grid: 3 learning rates x 2 momenta from the same 40 starts on Rosenbrock's function, with L2. */
    static BatchJob grid() {
        var f = Objectives.rosenbrock(3);
        Grid g = Grid.of("lr", 1e-4, 1e-3, 3e-3).and("momentum", 0, 0.9);
        int starts = 40;
        return new BatchJob(f, Sgd.builder().lr(g.column("lr", starts)).momentum(g.column("momentum", starts))
                .l2(1e-3).build(), g.batch(starts, Starts.uniform(f.box(), 11)),
                RunSettings.DEFAULTS.withPrecision(Precision.FP64).withStopping(Stopping.maxSteps(400)));
    }

    /**
     * Four members that stay where they start (lr 0) on x^2, at 0, 2.5, 0.9 and 1.8, so that with x tolerance 1 and
     * three tasks ([0], [1], [2, 3]) the founder 0.9 of the last task is absorbed by 0 while its member 1.8 is not near
     * 0: 1.8 founds a minimum that absorbs 2.5, which the first round took for a founder.
     */
    static BatchJob chain() {
        var f = Objectives.sphere(1);
        return new BatchJob(f, Sgd.builder().lr(0).build(),
                Batch.builder(1).members(4).starts(Starts.points(new double[][] {{0}, {2.5}, {0.9}, {1.8}})).build(),
                RunSettings.DEFAULTS.withPrecision(Precision.FP64).withStopping(Stopping.maxSteps(3)));
    }

    static Result local(BatchJob job) {
        return Engine.on(SharedBackends.cpu()).settings(job.settings()).run(job.objective(), job.rule(), job.batch());
    }

    /** Tasks the test hook of {@link #failingOnce} failed in this JVM (local mode runs the tasks here). */
    static final AtomicInteger FAILED = new AtomicInteger();

    /** A recipe whose first attempt of range {@code failing} throws, in every stage: Spark must retry it. */
    static JobRecipe failingOnce(JobRecipe recipe, int failing) {
        return () -> {
            TaskContext t = TaskContext.get();
            if (t != null && t.partitionId() == failing && t.attemptNumber() == 0) {
                FAILED.incrementAndGet();
                throw new IllegalStateException("test hook: the first attempt of task " + failing + " fails");
            }
            return recipe.build();
        };
    }
}
