package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.batchopt.BackendInfo;
import org.batchopt.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first job, 20 000 members, in fresh JVMs as {@code java -jar target/batchopt.jar} and the
 * {@code ./batchopt} launcher run it: without the signal-chaining library the test JVMs preload, on a machine
 * where probing OpenCL loads POCL. Before the signal guard, half of the {@code auto} runs died here with exit
 * 139 (POCL's LLVM had taken SIGSEGV from the JVM; native-notes/opencl.md); every run must now end with exit 0.
 */
class FreshJvmTest {
    private static final String JOB = "run --function rastrigin --dim 10 --members 20000 --lr 2 --schedule cosine:1000 "
            + "--quiet --format csv --top 1 --backend ";
    private static final int AUTO_RUNS = 6;
    private static final int OPENCL_RUNS = 2;

    @Test
    void theReadmeJobNeverCrashesWithAutoOrOpenCl(@TempDir Path dir) throws Exception {
        List<BackendInfo> found = Backends.available();
        Assumptions.assumeTrue(found.stream().anyMatch(b -> b.spec().startsWith("opencl:") && b.available()),
                "no OpenCL device: nothing loads a driver that could take the JVM's signal handlers");
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < AUTO_RUNS + OPENCL_RUNS; k++) {
            String backend = k < AUTO_RUNS ? "auto" : "opencl";
            Path out = dir.resolve("run" + k + ".txt");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of((JOB + backend).split(" ")));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().remove("LD_PRELOAD");
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                failures.add(backend + " run " + k + ": still running after 180 s");
                continue;
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || !text.startsWith("member,")) {
                failures.add(backend + " run " + k + ": exit " + p.exitValue() + ", output: " + text);
            }
        }
        assertEquals(List.of(), failures);
    }
}
