package org.batchopt.spark;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Follows the tasks of a run on the driver: a range is done when a task that ran it succeeded; member-steps are the
 * member-steps accumulator of each finished range, and of each running task as the executors' heartbeats last
 * reported it (a failed attempt's are dropped, its retry starts again). Later passes over the kept members report
 * the accumulator untouched, which changes nothing.
 */
final class ProgressListener extends SparkListener {
    private final long accumulator;
    private final int tasks;
    private final long budget;
    private final SparkProgress progress;
    private final long t0 = System.nanoTime();
    /** Member-steps of each finished range, by partition. */
    private final Map<Integer, Long> finished = new HashMap<>();
    /** Member-steps of each running task, by task id. */
    private final Map<Long, Long> running = new HashMap<>();
    /** Tasks that ended, whose late heartbeats are ignored. */
    private final Set<Long> ended = new HashSet<>();
    private boolean closed;
    private long lastReport;

    ProgressListener(long accumulator, int tasks, long budget, SparkProgress progress) {
        this.accumulator = accumulator;
        this.tasks = tasks;
        this.budget = budget;
        this.progress = progress;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (closed) {
            return;
        }
        ended.add(end.taskInfo().taskId());
        Long steps = steps(CollectionConverters.asJava(end.taskInfo().accumulables()));
        if (steps == null) {
            return;
        }
        running.remove(end.taskInfo().taskId());
        if (end.reason() == Success$.MODULE$) {
            finished.merge(end.taskInfo().index(), steps, Math::max);
        }
        report(finished.size() == tasks);
    }

    @Override
    public synchronized void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        if (closed) {
            return;
        }
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t
                : CollectionConverters.asJava(update.accumUpdates())) {
            Long steps = steps(CollectionConverters.asJava(t._4()));
            if (steps != null && steps > 0 && !ended.contains((Long) t._1())) {
                running.put((Long) t._1(), steps);
            }
        }
        report(false);
    }

    /**
     * Reports the end of the tasks with the member-steps their results counted (Spark's events about them may still
     * be on their way), and ignores what comes after.
     */
    synchronized void finish(long memberSteps) {
        closed = true;
        if (progress != null) {
            progress.update(tasks, tasks, memberSteps, budget, (System.nanoTime() - t0) * 1e-9);
        }
    }

    /** Tasks done so far. */
    synchronized int tasksDone() {
        return finished.size();
    }

    synchronized long memberSteps() {
        return finished.values().stream().mapToLong(Long::longValue).sum()
                + running.values().stream().mapToLong(Long::longValue).sum();
    }

    private Long steps(List<AccumulableInfo> infos) {
        for (AccumulableInfo a : infos) {
            if (a.id() == accumulator && a.update().isDefined()) {
                return ((Number) a.update().get()).longValue();
            }
        }
        return null;
    }

    private void report(boolean always) {
        long now = System.nanoTime();
        if (progress != null && (always || now - lastReport >= 200_000_000L)) {
            lastReport = now;
            progress.update(finished.size(), tasks, memberSteps(), budget, (now - t0) * 1e-9);
        }
    }
}
