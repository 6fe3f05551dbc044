package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchopt.BackendInfo;
import org.batchopt.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --math strict|fast} and {@code --tf32}: strict is the default and says so in the JSON; fast is refused with
 * exit 2 and one line naming the backend where it is not CUDA (cpu, OpenCL), TF32 without fast or in fp64, and fast
 * given to {@code run} (closed-form objectives have no matrix products), with nothing written to --out; the help says
 * that fast results are not bit-identical to the CPU's. (A fast fit through a stand-in cuBLAS, and its refusal
 * without cuBLAS, are core's FakeDriverTest.)
 */
class MathOptionTest {
    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void writeData() throws IOException {
        StringBuilder b = new StringBuilder("x1,x2,y\n");
        for (int r = 0; r < 40; r++) {
            b.append(Math.sin(r)).append(',').append(Math.cos(0.3 * r)).append(',').append(r % 3 == 0 ? 1 : 0)
                    .append('\n');
        }
        data = dir.resolve("data.csv");
        Files.writeString(data, b);
    }

    private String fit() {
        return "fit --data " + data + " --model logistic --steps 5 ";
    }

    @Test
    void strictIsTheDefaultAndTheJsonSaysSo() {
        JsonNode j = Cli.run(fit() + "--format json").succeeds().json();
        assertEquals("strict", j.get("math").asText());
        assertFalse(j.get("tf32").asBoolean());
        JsonNode same = Cli.run(fit() + "--math strict --format json").succeeds().json();
        assertEquals(j.get("members"), same.get("members"));
    }

    @Test
    void fastOnTheCpuIsRefusedNamingTheBackendAndWritesNothing() {
        Path out = dir.resolve("out.json");
        Cli.run(fit() + "--math fast --format json --out " + out).failsWith(2,
                "math fast runs on CUDA backends (through cuBLAS); backend cpu computes strict math only");
        assertFalse(Files.exists(out), "nothing written to --out");
        Cli.run(fit() + "--math fast --backend auto --out " + out).failsWith(2, "computes strict math only");
        assertFalse(Files.exists(out), "nothing written to --out");
    }

    @Test
    void fastOnOpenClIsRefusedNamingTheDevice() {
        BackendInfo device = Backends.available().stream().filter(b -> b.spec().startsWith("opencl") && b.available())
                .findFirst().orElse(null);
        Assumptions.assumeTrue(device != null, "no OpenCL device here");
        Path out = dir.resolve("out.json");
        Cli.run(fit() + "--math fast --backend " + device.spec() + " --out " + out).failsWith(2,
                "backend " + device.spec() + " computes strict math only");
        assertFalse(Files.exists(out), "nothing written to --out");
    }

    @Test
    void tf32NeedsFastMathInFp32() {
        Path out = dir.resolve("out.json");
        Cli.run(fit() + "--tf32 --out " + out).failsWith(2, "--tf32 applies to cuBLAS's products: add --math fast");
        Cli.run(fit() + "--math fast --tf32 --precision fp64 --out " + out).failsWith(2,
                "--tf32 rounds fp32 products; the run is fp64");
        Cli.run(fit() + "--math tf32").failsWith(2, "--math");
        assertFalse(Files.exists(out), "nothing written to --out");
    }

    @Test
    void runTakesStrictMathOnlyAsClosedFormsHaveNoProducts() {
        Path out = dir.resolve("run.json");
        Cli.run("run --function rosenbrock --dim 2 --members 4 --steps 5 --math fast --out " + out).failsWith(2,
                "--math fast computes the matrix products of models fitted to a dataset (batchopt fit) through "
                        + "cuBLAS; rosenbrock");
        assertFalse(Files.exists(out), "nothing written to --out");
        Cli.run("run --function rosenbrock --dim 2 --members 4 --steps 5 --math strict").succeeds();
    }

    @Test
    void theHelpSaysFastIsNotBitIdentical() {
        String help = Cli.run("fit --help").succeeds().out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--math=M strict | fast (default: strict)"), help);
        assertTrue(help.contains("results NOT bit-identical to the CPU's"), help);
        assertTrue(help.contains("--tf32 with --math fast in fp32"), help);
    }
}
