package org.batchopt.cli;

import org.junit.jupiter.api.Test;

/**
 * {@code --spark} in a JVM without the Spark module (as {@code target/batchopt.jar} is): exit 3 saying how to get
 * it; the Spark options are checked before anything runs. The module's own tests run it for real.
 */
class SparkOptionTest {
    private static final String RUN = "run --function himmelblau --members 8 --steps 2 ";

    @Test
    void withoutTheSparkModuleSparkIsUnavailable() {
        Cli.run(RUN + "--spark local[2]").failsWith(3, "--spark needs the Spark module");
    }

    @Test
    void sparkOptionsAreCheckedFirst() {
        Cli.run(RUN + "--spark-tasks 4").failsWith(2, "need --spark");
        Cli.run(RUN + "--spark local[2] --all").failsWith(2, "--spark-results DIR writes every member");
        Cli.run(RUN + "--spark local[2] --spark-tasks 0").failsWith(2, "--spark-tasks 0 must be at least 1");
        Cli.run(RUN + "--spark local[2] --spark-results-format orc").failsWith(2, "expected parquet or csv");
        Cli.run(RUN + "--spark local[2] --format json --history 1").failsWith(2, "--history cannot be combined");
        // The basins picture needs every member's final point; the tasks keep those.
        Cli.run(RUN + "--spark local[2] --plot basins.png").failsWith(2,
                "--plot basins.png draws the basins from every");
    }
}
