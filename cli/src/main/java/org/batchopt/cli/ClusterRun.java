package org.batchopt.cli;

/**
 * Runs a {@code batchopt run} job on a cluster rather than in this JVM: the Spark module provides one, found with
 * {@link java.util.ServiceLoader} where it is on the classpath ({@code ./batchopt} puts it there for {@code --spark};
 * {@code target/batchopt.jar} has none).
 */
public interface ClusterRun {

    /**
     * Runs the job and merges its outcome.
     *
     * @throws IllegalArgumentException for a job or setting the cluster cannot take (a usage error)
     */
    RunOutcome run(ClusterJob job, ClusterProgress progress);

    /**
     * A job for the cluster.
     *
     * @param line        the command line, which rebuilds the job in every task
     * @param job         the job as this JVM (the driver) built it
     * @param master      the Spark master ({@code local[4]}, {@code spark://host:7077}, {@code yarn}, ...), or
     *                    {@code submit} for the one {@code spark-submit} was given
     * @param tasks       member ranges, one task each
     * @param backend     where each task runs ({@code auto}: its GPUs, else its cores)
     * @param blockMembers at most this many members per block on a task's backend, 0 for what it holds
     * @param best        best members to keep, and members listed per minimum
     * @param minima      whether to find the distinct minima, with {@code xTol} and {@code fTol}
     * @param fStar       the known optimum to judge members by, null for the objective's own (if it has one)
     * @param successTol  how near f* a member must end to reach it; {@code xTol} for the known minimizers
     * @param results     where to write every member's result (a directory), null for nowhere
     * @param format      {@code parquet} or {@code csv}
     */
    record ClusterJob(JobLine line, PreparedJob job, String master, int tasks, String backend, int blockMembers,
                      int best, boolean minima, double xTol, double fTol, Double fStar, double successTol,
                      String results, String format) {
    }

    /** A cluster run's progress on the driver. */
    @FunctionalInterface
    interface ClusterProgress {
        void update(int tasksDone, int tasks, long memberSteps, long budget, double seconds);
    }
}
