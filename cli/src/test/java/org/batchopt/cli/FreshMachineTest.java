package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command on a machine with a JDK and nothing of OpenCL or CUDA ({@code .ci/without-opencl} hides the
 * libraries in a private mount namespace): the default {@code --backend auto} runs on the CPU and stdout holds
 * batchopt's data only, valid JSON or CSV, whatever JOCL's native loader prints about the missing library.
 */
class FreshMachineTest {

    private static ChildCli.Outcome run(Path dir, String... args) throws Exception {
        List<String> prefix = List.of(ChildCli.repository().resolve(".ci/without-opencl").toString());
        ChildCli.Outcome o = ChildCli.run(ChildCli.command(prefix, args), dir.resolve("stdout.txt").toFile(), dir);
        Assumptions.assumeFalse(o.code() == 125, () -> "cannot hide the OpenCL library here: " + o.err());
        return o;
    }

    @Test
    void autoRunsOnTheCpuAndStdoutIsValidJson(@TempDir Path dir) throws Exception {
        ChildCli.Outcome o = run(dir, "run", "--function", "sphere", "--dim", "2", "--members", "4", "--steps", "2",
                "--format", "json");
        assertEquals(0, o.code(), o.err());
        JsonNode json = new ObjectMapper().readTree(o.out());
        assertEquals("cpu", json.get("backend").asText());
        assertEquals("", o.err(), "nothing on stderr either");
    }

    @Test
    void csvHasItsRowsAndNothingElse(@TempDir Path dir) throws Exception {
        ChildCli.Outcome o = run(dir, "run", "--function", "sphere", "--dim", "2", "--members", "4", "--steps", "2",
                "--format", "csv", "--all");
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(5, lines.size(), o.out());
        assertTrue(lines.get(0).startsWith("member,f,"), o.out());
        assertFalse(o.out().contains("libOpenCL"), o.out());
    }

    @Test
    void devicesSaysWhyOpenClCannotRun(@TempDir Path dir) throws Exception {
        ChildCli.Outcome o = run(dir, "devices", "--format", "json");
        assertEquals(0, o.code(), o.err());
        JsonNode opencl = null;
        for (JsonNode b : new ObjectMapper().readTree(o.out())) {
            if (b.get("spec").asText().equals("opencl")) {
                opencl = b;
            }
        }
        assertTrue(opencl != null && !opencl.get("available").asBoolean(), o.out());
        assertTrue(opencl.get("reason").asText().startsWith("no OpenCL library (JOCL needs libOpenCL.so"),
                opencl.toString());
        assertTrue(opencl.get("reason").asText().contains("cannot open shared object file"), opencl.toString());
        assertEquals("", o.err());
    }
}
