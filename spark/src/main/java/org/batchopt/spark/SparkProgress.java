package org.batchopt.spark;

/** Receives a Spark run's progress on the driver, from Spark's listener thread, a few times a second at most. */
@FunctionalInterface
public interface SparkProgress {

    /**
     * @param tasksDone   tasks (member ranges) finished
     * @param tasks       tasks of the run
     * @param memberSteps member-steps done so far: the finished tasks' and, as the executors' heartbeats report them,
     *                    the running ones'
     * @param budget      member-steps if every member used its whole step budget
     * @param seconds     seconds since the run started
     */
    void update(int tasksDone, int tasks, long memberSteps, long budget, double seconds);
}
