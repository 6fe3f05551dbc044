package org.batchopt.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchopt.BackendException;
import org.batchopt.Constraint;
import org.batchopt.MathMode;
import org.batchopt.RunSettings;
import org.batchopt.TestAccess;
import org.batchopt.Gradient;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.kernel.DataObjectiveSource;
import org.batchopt.kernel.KernelSources;
import org.batchopt.backend.KernelProgram;
import org.batchopt.backend.cuda.Nvrtc;
import org.batchopt.objective.BuiltIn;
import org.batchopt.rule.Adam;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiles the CUDA flavour of the kernel programs (prelude_cuda.h + the portable source) to PTX with nvcc
 * whenever nvcc is on the PATH, so that CUDA syntax stays valid on machines without a GPU: every rule variant,
 * every schedule, every regularizer, every objective, every constraint kind, both precisions and both strategies
 * appear at least once, and every model fitted to a dataset (the batched kernels of data.cl, with DataParityTest's
 * rules) in both precisions, with and without an intercept, and in fast math (with data_fast.cl's row gather).
 * Skipped, with the reason, where there is no nvcc. The
 * same programs are compiled with NVRTC, the compiler the CUDA backend uses at run time, to cubins for sm_80 and
 * sm_90 and to PTX for the newest architecture NVRTC knows; skipped, with the reason, where no NVRTC library is
 * found.
 */
class CudaFlavourTest {

    static List<KernelProgram> programs() {
        List<KernelProgram> programs = new ArrayList<>();
        List<Map.Entry<String, ParityCases.RuleFactory>> rules = List.copyOf(ParityCases.rules().entrySet());
        List<Schedule> schedules = List.copyOf(ParityCases.schedules().values());
        List<ParityCases.Regularizer> regs = List.copyOf(ParityCases.regularizers().values());
        for (int k = 0; k < rules.size(); k++) {
            UpdateRule rule = rules.get(k).getValue().build(schedules.get(k % schedules.size()),
                    regs.get(k % regs.size()), k % 4 == 0 ? 8 : 0);
            Strategy strategy = k % 2 == 0 ? Strategy.FUSED : Strategy.STREAMING;
            programs.add(program(Objectives.rosenbrock(5), rule, Precision.values()[(k / 2) % 2],
                    k % 3 == 0 ? Gradient.CENTRAL : Gradient.ANALYTIC, strategy));
        }
        int k = 0;
        for (BuiltIn b : BuiltIn.values()) {
            Objective f = b.create(Math.max(b.minDimension(), Math.min(4, b.maxDimension())));
            Strategy strategy = k % 2 == 0 ? Strategy.FUSED : Strategy.STREAMING;
            programs.add(program(k % 3 == 0 ? f.maximize() : f, Adam.builder().build(),
                    Precision.values()[k % 2], Gradient.ANALYTIC, strategy));
            k++;
        }
        Map<String, KernelProgram> models = new java.util.LinkedHashMap<>();
        for (DataParityTest.Case c : DataParityTest.cases()) {
            RunSettings settings = RunSettings.DEFAULTS.withStopping(Stopping.maxSteps(c.steps()))
                    .withPrecision(c.precision());
            DataObjectiveSource d = (DataObjectiveSource) TestAccess.source(c.objective());
            models.computeIfAbsent(d.model() + " " + d.intercept() + " " + c.precision(),
                    key -> TestAccess.plan(c.objective(), c.rule(), settings).program());
        }
        programs.addAll(models.values());
        Map<String, KernelProgram> fast = new java.util.LinkedHashMap<>();
        for (DataParityTest.Case c : DataParityTest.cases()) {
            DataObjectiveSource d = (DataObjectiveSource) TestAccess.source(c.objective());
            Precision p = fast.size() % 2 == 0 ? Precision.FP32 : Precision.FP64;
            RunSettings settings = RunSettings.DEFAULTS.withStopping(Stopping.maxSteps(c.steps())).withPrecision(p)
                    .withMath(MathMode.FAST);
            fast.computeIfAbsent(d.model().toString(), key -> TestAccess.plan(c.objective(), c.rule(), settings)
                    .program());
        }
        programs.addAll(fast.values());
        for (ConstraintParityTest.Case c : ConstraintParityTest.cases()) {
            RunSettings settings = RunSettings.DEFAULTS.withStopping(c.stopping()).withPrecision(c.precision())
                    .withStrategy(c.strategy());
            programs.add(TestAccess.plan(c.objective(), c.rule(), settings, c.constraints().toArray(Constraint[]::new))
                    .program());
        }
        return programs;
    }

    static KernelProgram program(Objective f, UpdateRule rule, Precision p, Gradient g, Strategy s) {
        RunSettings settings = RunSettings.DEFAULTS.withStopping(Stopping.maxSteps(10)).withPrecision(p)
                .withGradient(g).withStrategy(s);
        return TestAccess.plan(f, rule, g == Gradient.CENTRAL ? settings.withCentralDifferences(1e-3) : settings)
                .program();
    }

    static String nvcc() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, "nvcc");
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }

    @Test
    void everyProgramCompilesToPtx(@TempDir Path dir) throws IOException, InterruptedException {
        String nvcc = nvcc();
        Assumptions.assumeTrue(nvcc != null, "nvcc is not on the PATH: the CUDA flavour of the kernels was not compiled");
        List<String> command = new ArrayList<>(List.of(nvcc, "-ptx", "--fmad=false", "-arch=compute_80",
                "-diag-suppress", "177", "--output-directory", dir.toString()));
        List<KernelProgram> programs = programs();
        String prelude = KernelSources.read("prelude_cuda.h");
        for (int i = 0; i < programs.size(); i++) {
            Path cu = dir.resolve("program" + i + ".cu");
            Files.writeString(cu, programs.get(i).text(prelude), StandardCharsets.UTF_8);
            command.add(cu.toString());
        }
        Process nv = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(nv.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, nv.waitFor(), "nvcc failed:\n" + log);
        for (int i = 0; i < programs.size(); i++) {
            String ptx = Files.readString(dir.resolve("program" + i + ".ptx"));
            for (String kernel : kernels(programs.get(i))) {
                assertTrue(ptx.contains(".entry " + kernel), "program " + i + " has no kernel " + kernel);
            }
        }
    }

    static Nvrtc nvrtc() {
        try {
            return Nvrtc.find();
        } catch (BackendException e) {
            Assumptions.abort(e.getMessage());
            throw e;
        }
    }

    static final byte[] ELF = {0x7f, 'E', 'L', 'F'};

    @ParameterizedTest(name = "sm_{0}")
    @ValueSource(ints = {80, 90})
    void everyProgramCompilesToACubinWithNvrtc(int arch) {
        Nvrtc nvrtc = nvrtc();
        String prelude = KernelSources.read("prelude_cuda.h");
        List<KernelProgram> programs = programs();
        for (int i = 0; i < programs.size(); i++) {
            Nvrtc.Image image = nvrtc.compile(programs.get(i).text(prelude), "program" + i + ".cu",
                    new Nvrtc.Target(arch, true));
            assertTrue(image.cubin());
            assertArrayEquals(ELF, java.util.Arrays.copyOf(image.bytes(), 4), "program " + i + " is not an ELF cubin");
            String symbols = new String(image.bytes(), StandardCharsets.ISO_8859_1);
            for (String kernel : kernels(programs.get(i))) {
                assertTrue(symbols.contains(kernel), "program " + i + " has no kernel " + kernel);
            }
        }
    }

    @Test
    void aProgramCompilesToPtxForTheNewestArchitectureNvrtcKnows() {
        Nvrtc nvrtc = nvrtc();
        int[] archs = nvrtc.supportedArchs();
        int newest = archs.length > 0 ? archs[archs.length - 1] : 80;
        String prelude = KernelSources.read("prelude_cuda.h");
        for (KernelProgram p : programs().subList(0, 2)) {
            Nvrtc.Image image = nvrtc.compile(p.text(prelude), "program.cu", new Nvrtc.Target(newest, false));
            assertFalse(image.cubin());
            assertEquals(0, image.bytes()[image.bytes().length - 1], "PTX is handed to the driver NUL-terminated");
            String ptx = new String(image.bytes(), StandardCharsets.US_ASCII);
            assertTrue(ptx.contains(".target sm_" + newest), ptx.substring(0, Math.min(600, ptx.length())));
            for (String kernel : kernels(p)) {
                assertTrue(ptx.contains(".entry " + kernel), "no kernel " + kernel);
            }
        }
    }

    static List<String> kernels(KernelProgram p) {
        if (p.strategy() == Strategy.BATCHED && p.text("").contains("void " + KernelProgram.DATA_GATHER + "(")) {
            List<String> fast = new ArrayList<>(kernels(Strategy.BATCHED));
            fast.add(KernelProgram.DATA_GATHER);
            return fast;
        }
        return kernels(p.strategy());
    }

    private static List<String> kernels(Strategy strategy) {
        return switch (strategy) {
            case FUSED -> List.of(KernelProgram.INIT, KernelProgram.FUSED);
            case BATCHED -> List.of(KernelProgram.INIT, KernelProgram.DATA_Z, KernelProgram.DATA_ROWS,
                    KernelProgram.DATA_CHUNKS, KernelProgram.DATA_TOTAL, KernelProgram.DATA_GRAD,
                    KernelProgram.DATA_EVAL, KernelProgram.DATA_UPDATE);
            default -> List.of(KernelProgram.INIT, KernelProgram.STREAM_EVAL, KernelProgram.STREAM_UPDATE,
                    KernelProgram.STREAM_PROJECT);
        };
    }
}
