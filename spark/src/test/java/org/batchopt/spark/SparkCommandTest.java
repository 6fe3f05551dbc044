package org.batchopt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchopt.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batchopt run ... --spark local[2]}: the command finds the Spark module, runs the job on Spark (each task
 * rebuilding it from the command line) and prints what the same command prints without {@code --spark}: a grid's
 * best members, minima (with their shares and levels), the known optimum and the combinations' summaries, every value
 * the same, only the backend and the timing differ; and draws the grid's picture (where Java finds fonts).
 */
class SparkCommandTest {
    private static final String JOB = "run --function rosenbrock --dim 2 --optimizer sgd --lr 1e-3,2e-3 "
            + "--momentum 0,0.9 --members 50 --steps 300 --minima --top 6 --format json";

    @Test
    void aGridOnSparkPrintsWhatTheLocalRunPrints(@TempDir Path dir) throws Exception {
        JsonNode local = run(JOB);
        Path results = dir.resolve("members");
        JsonNode spark = run(JOB + " --spark local[2] --spark-tasks 3 --spark-results " + results
                + " --spark-results-format csv");
        assertTrue(spark.get("backend").asText().startsWith("spark local[2]: cpu"), spark.get("backend").asText());
        for (ObjectNode doc : new ObjectNode[] {(ObjectNode) local, (ObjectNode) spark}) {
            doc.remove("backend");
            doc.remove("device");
            doc.remove("timing");
        }
        assertEquals(local, spark);
        assertTrue(Files.exists(results.resolve("_SUCCESS")), "the member table in " + results);
    }

    @Test
    void aGridOnSparkDrawsItsHeatmap(@TempDir Path dir) throws Exception {
        assumeFalse(fontsMissing(), "Java finds no fonts here (no fontconfig or no font installed): pictures cannot "
                + "be drawn");
        Path picture = dir.resolve("grid.png");
        run("run --function rosenbrock --dim 2 --optimizer sgd --lr 1e-3,2e-3 --momentum 0,0.9 --members 8 --steps 20 "
                + "--format json --spark local[2] --spark-tasks 2 --plot " + picture);
        assertTrue(Files.size(picture) > 1000, "the grid's picture " + picture);
    }

    /** Whether Java fails to lay out text here, as where fontconfig or every font is missing. */
    private static boolean fontsMissing() {
        try {
            Graphics2D g = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB).createGraphics();
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("f", 0, 8);
            g.dispose();
            return false;
        } catch (RuntimeException | InternalError | UnsatisfiedLinkError e) {
            return true;
        }
    }

    private static JsonNode run(String line) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(line.split(" "));
        assertEquals(0, code, err::toString);
        return new ObjectMapper().readTree(out.toString());
    }
}
