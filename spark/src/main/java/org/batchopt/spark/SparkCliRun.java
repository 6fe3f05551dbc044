package org.batchopt.spark;

import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.batchopt.BackendException;
import org.batchopt.cli.ClusterRun;
import org.batchopt.cli.JobLine;
import org.batchopt.cli.PreparedJob;
import org.batchopt.cli.RunOutcome;

/**
 * {@code batchopt run --spark MASTER}: the command's job on Spark, each task rebuilding it from the command line.
 * Found by the command line through {@link java.util.ServiceLoader} ({@code META-INF/services}).
 */
public final class SparkCliRun implements ClusterRun {
    /** Spark's messages for the command line on this machine: errors only (a cluster's own settings win). */
    private static final String LOG_CONFIG = "org/batchopt/spark/log4j2-cli.properties";

    @Override
    public RunOutcome run(ClusterJob job, ClusterProgress progress) {
        boolean local = job.master().startsWith("local");
        if (local && job.backend().toLowerCase(Locale.ROOT).startsWith("cuda")) {
            throw new IllegalArgumentException("--backend " + job.backend() + " with --spark " + job.master()
                    + ": local mode assigns no GPUs to tasks; use a cluster whose executors have GPUs, or "
                    + "--backend auto (the tasks' cores here)");
        }
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        }
        SparkSession.Builder builder = SparkSession.builder().appName("batchopt");
        if (!job.master().equals("submit")) {
            builder.master(job.master());
        }
        if (local) {
            // One JVM: no web UI, the loopback address whatever the host's name resolves to, frequent heartbeats for
            // the progress line.
            builder.config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").config("spark.executor.heartbeatInterval", "2s");
        }
        // A program that runs the command in its own Spark application keeps its session; ours ends with the run.
        boolean own = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = builder.getOrCreate();
        try {
            JobLine line = job.line();
            JobRecipe recipe = () -> {
                PreparedJob p = line.prepare();
                return new BatchJob(p.objective(), p.rule(), p.batch(), p.settings());
            };
            SparkBatch batch = SparkBatch.on(spark).tasks(job.tasks()).best(job.best()).backend(job.backend())
                    .maxBlockMembers(job.blockMembers()).progress(progress::update);
            if (job.minima()) {
                batch = batch.minima(job.xTol(), job.fTol());
            }
            batch = job.fStar() != null ? batch.known(job.fStar(), job.successTol(), job.xTol())
                    : batch.known(job.successTol(), job.xTol());
            if (job.results() != null) {
                batch = batch.members(job.results(), MemberTable.Format.valueOf(job.format().toUpperCase(Locale.ROOT)));
            }
            return new SparkOutcome(batch.run(recipe), job.master());
        } catch (RuntimeException e) {
            throw userError(e);
        } finally {
            if (own) {
                spark.stop();
            }
        }
    }

    /**
     * A task's usage error or unavailable backend as itself (Spark wraps it in its own exception), so that the command
     * exits as a local run would; anything else as it came.
     */
    private static RuntimeException userError(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof BackendException) {
                return (RuntimeException) t;
            }
        }
        return e;
    }
}
