package org.batchopt.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CUDA backend's use of the driver API, through JCuda, against a stand-in libcuda.so.1
 * (src/test/resources/fakecuda/libcuda.c, compiled here with the C compiler) in a child JVM: what the listing
 * says when cuInit fails, when there is no device, when NVRTC cannot compile for the device; and with a
 * device: the program goes from NVRTC to the driver as a cubin, copies round-trip through page-locked
 * buffers, the launch geometry and arguments arrive as the kernels declare them, the active set shrinks
 * between chunks, kernel time comes from events, two devices share a batch from two threads (each making its
 * context current), and out-of-memory is reported as such; a fit in fast math calls the stand-in cuBLAS
 * (src/test/resources/fakecublas/libcublas.c) on the backend's stream between the kernels, and without cuBLAS is
 * refused naming the places looked at. Skipped, with the reason, without a C compiler or NVRTC; real kernels run
 * only on a GPU (CudaBackendTest and the parity suite).
 */
class FakeDriverTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void buildTheFakeDriver() throws IOException, InterruptedException {
        String cc = onPath("cc", "gcc");
        Assumptions.assumeTrue(cc != null, "no C compiler (cc, gcc) on the PATH to build the stand-in libcuda.so.1");
        Path source = dir.resolve("libcuda.c");
        try (InputStream in = FakeDriverTest.class.getResourceAsStream("/fakecuda/libcuda.c")) {
            Files.copy(in, source);
        }
        Process p = new ProcessBuilder(cc, "-shared", "-fPIC", "-o", dir.resolve("libcuda.so.1").toString(),
                source.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(p.waitFor() == 0, "the stand-in libcuda.so.1 did not build: " + log);
        CublasTest.build(dir);
    }

    static String onPath(String... names) {
        for (String name : names) {
            for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                File f = new File(folder, name);
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }

    record Outcome(List<String> lines, List<String> launches) {
        String line(String prefix) {
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line '" + prefix + "...' in\n" + String.join("\n", lines)));
        }
    }

    static Outcome run(String mode, String spec, String... jvmOptions) throws IOException, InterruptedException {
        return run(mode, new String[] {spec}, jvmOptions);
    }

    static Outcome run(String mode, String[] arguments, String... jvmOptions) throws IOException,
            InterruptedException {
        Path log = dir.resolve("launches-" + mode + "-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FakeDriverMain.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("LD_LIBRARY_PATH", dir.toString());
        env.put("FAKE_CUDA", mode);
        env.put("FAKE_CUDA_LOG", log.toString());
        env.put("FAKE_CUBLAS_LOG", log.toString());
        env.put(CubinCache.ENV, dir.resolve("cache").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<String> launches = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return new Outcome(out.lines().toList(), launches);
    }

    static void needNvrtc() {
        NvrtcTest.nvrtc();
    }

    @Test
    void whenCuInitFailsCudaIsUnavailableWithTheDriversReason() throws Exception {
        Outcome o = run("nodevice", "cuda");
        assertEquals("info cuda unavailable: cuInit failed: CUDA_ERROR_NO_DEVICE (no CUDA-capable device is visible)",
                o.line("info"));
        assertTrue(o.line("open cuda").startsWith("open cuda UNAVAILABLE: cuInit failed"), o.lines().toString());
        assertTrue(!o.line("auto").startsWith("auto cuda"), o.line("auto"));
    }

    @Test
    void withoutADeviceCudaIsUnavailable() throws Exception {
        Outcome o = run("none", "cuda:0");
        assertTrue(o.line("info cuda unavailable: no CUDA device").contains("CUDA 13.0"), o.line("info"));
        assertTrue(o.line("open cuda:0").startsWith("open cuda:0 UNAVAILABLE: no CUDA device"), o.lines().toString());
    }

    @Test
    void aDeviceOlderThanNvrtcKnowsIsListedWithWhy() throws Exception {
        needNvrtc();
        Outcome o = run("old", "cuda:0");
        assertTrue(o.line("info cuda:0 unavailable").contains("cannot compile for compute capability 3.0"),
                o.line("info"));
        assertTrue(o.line("open cuda:0").startsWith("open cuda:0 UNAVAILABLE: NVRTC"), o.lines().toString());
        assertEquals("auto cpu", o.line("auto"));
    }

    @Test
    void aJobRunsThroughTheDriverApi() throws Exception {
        needNvrtc();
        Outcome o = run("one", "cuda");
        assertTrue(o.line("info cuda:0 available: Fake GPU 0 (compute capability 9.0, 132 SMs, 1024 MiB, "
                + "CUDA driver 13.0, NVRTC ").endsWith(": sm_90 cubin)"), o.line("info"));
        assertEquals("auto cuda:0", o.line("auto"));
        assertTrue(o.line("opened cuda:0: Fake GPU 0").contains("sm_90 cubin"), o.line("opened"));
        String outcome = " MAX_STEPS@12 CONVERGED_GRADIENT@0".repeat(5);
        for (int run = 1; run <= 2; run++) {
            assertEquals("run " + run + " x unchanged true", o.line("run " + run + " x"), "fp" + (run == 1 ? 32 : 64));
            assertEquals("run " + run + " outcome" + outcome, o.line("run " + run + " outcome"));
            assertEquals("run " + run + " cuda:0 runSeconds 7.5E-4", o.line("run " + run + " cuda:0"),
                    "three chunks, each timed by one pair of events (0.25 ms each from the stand-in)");
        }
        List<String> perRun = List.of(
                "bo_init nactive=10 nm=10 grid=1 block=128",
                "bo_fused nactive=10 s0=0 k=5 grid=1 block=128",
                "bo_fused nactive=5 s0=5 k=5 grid=1 block=128",
                "bo_fused nactive=5 s0=10 k=3 grid=1 block=128");
        List<String> both = new ArrayList<>(perRun);
        both.addAll(perRun);
        assertEquals(both, o.launches());
        assertEquals("pinned true", o.line("pinned"));
        assertTrue(o.line("huge allocation").startsWith("huge allocation OUT_OF_MEMORY: cuda:0: allocating"),
                o.line("huge allocation"));
        assertEquals("after close: cuda:0 is closed", o.line("after close"));
        try (var files = Files.list(dir.resolve("cache"))) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(".cubin")), "the cubins are cached on disk");
        }
    }

    @Test
    void twoDevicesShareABatchFromTwoThreads() throws Exception {
        needNvrtc();
        Outcome o = run("two", "cuda:all", "-D" + CudaBackend.BLOCK_PROPERTY + "=256");
        assertTrue(o.line("opened cuda:0+cuda:1: Fake GPU 0").contains("; Fake GPU 1"), o.line("opened"));
        assertEquals("run 1 x unchanged true", o.line("run 1 x"));
        assertEquals(16, o.launches().size(), o.launches().toString());
        assertEquals(4, o.launches().stream().filter(l -> l.equals("bo_init nactive=5 nm=5 grid=1 block=256")).count(),
                o.launches().toString());
        assertEquals("run 1 cuda:0+cuda:1 runSeconds 0.0015", o.line("run 1 cuda"), "device seconds of both");
    }

    /**
     * A model fitted to a dataset goes through the batched host loop: the tiled kernels as blocks of 16 x 16 threads
     * over the tiles of (rows, members) and (coordinates, members), the row functions, chunk sums and totals per
     * element, the stopping tests per member and step, the members' outcomes back; the dataset goes to the device
     * once per precision (training and validation rows), a second fit over it reads it there.
     */
    @Test
    void aModelIsFittedThroughTheBatchedHostLoop() throws Exception {
        needNvrtc();
        Outcome o = run("one", new String[] {"cuda", "fit"});
        String outcome = " MAX_STEPS@3 CONVERGED_GRADIENT@0".repeat(3);
        assertEquals("fit FP64 outcome" + outcome, o.line("fit FP64"));
        assertEquals("fit FP32 outcome" + outcome, o.line("fit FP32"));
        assertEquals("fit uploads 4", o.line("fit uploads"));
        List<String> step = List.of(
                "bo_data_z grid=15 block=256",
                "bo_data_rows grid=12 block=128",
                "bo_data_chunks grid=1 block=128",
                "bo_data_total grid=1 block=128",
                "bo_data_grad grid=2 block=256");
        List<String> evaluation = List.of(
                "bo_data_z grid=15 block=256",
                "bo_data_rows grid=12 block=128",
                "bo_data_chunks grid=1 block=128",
                "bo_data_total grid=1 block=128",
                "bo_data_z grid=4 block=256",
                "bo_data_rows grid=3 block=128",
                "bo_data_chunks grid=1 block=128",
                "bo_data_total grid=1 block=128");
        List<String> run = new ArrayList<>(List.of("bo_init nactive=6 nm=6 grid=1 block=128"));
        for (int s = 0; s <= 3; s++) {
            run.addAll(step);
            run.add("bo_data_eval nactive=6 s=" + s + " grid=1 block=128");
            run.add("bo_data_update grid=1 block=128");
        }
        run.addAll(evaluation);
        List<String> three = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            three.addAll(run);
        }
        assertEquals(three, o.launches());
    }

    /**
     * A fit in fast math: cuBLAS's handle is made once per math mode on the backend's stream (TF32 only when asked);
     * per step the products are gemms between the element-wise kernels (Z and its intercept, the row function, chunk
     * sums and totals, then the gradient and its intercept), no tiled product kernel runs, and minibatch rows are
     * gathered by bo_data_gather first; the handles go when the backend closes.
     */
    @Test
    void aFastFitCallsCublasBetweenTheKernels() throws Exception {
        needNvrtc();
        Outcome o = run("one", new String[] {"cuda", "fast"});
        assertEquals("fast fast outcome" + " MAX_STEPS@2 CONVERGED_GRADIENT@0".repeat(3), o.line("fast fast "));
        assertEquals("fast fast-tf32 outcome" + " MAX_STEPS@2 CONVERGED_GRADIENT@0".repeat(3),
                o.line("fast fast-tf32"));
        List<String> l = o.launches();
        assertEquals(List.of("create", "stream set", "math 0", "bo_init nactive=6 nm=6 grid=1 block=128"),
                l.subList(0, 4));
        List<String> step = List.of(
                "sgemm NN m=6 n=240 k=20 lda=6 ldb=20 ldc=6 beta=0 math=0",
                "sgemm NN m=6 n=240 k=1 lda=6 ldb=1 ldc=6 beta=1 math=0",
                "bo_data_rows grid=12 block=128",
                "bo_data_chunks grid=1 block=128",
                "bo_data_total grid=1 block=128",
                "sgemm NT m=6 n=20 k=240 lda=6 ldb=20 ldc=6 beta=0 math=0",
                "sgemm NN m=6 n=1 k=240 lda=6 ldb=240 ldc=6 beta=0 math=0",
                "bo_data_eval nactive=6 s=0 grid=1 block=128",
                "bo_data_update grid=1 block=128");
        assertEquals(step, l.subList(4, 4 + step.size()));
        assertTrue(l.stream().noneMatch(s -> s.startsWith("bo_data_z") || s.startsWith("bo_data_grad")), l.toString());
        int tf32 = l.indexOf("math 3");
        assertTrue(tf32 > 0 && l.get(tf32 - 1).equals("stream set") && l.get(tf32 - 2).equals("create"),
                "a second handle for TF32: " + l);
        List<String> minibatch = l.subList(tf32, l.size());
        int gather = minibatch.indexOf("bo_data_gather grid=16 block=128");
        assertTrue(gather > 0, "100 rows x 20 features gathered: " + minibatch);
        assertEquals("sgemm NN m=6 n=100 k=20 lda=6 ldb=20 ldc=6 beta=0 math=3", minibatch.get(gather + 1));
        assertEquals(List.of("destroy", "destroy"), l.subList(l.size() - 2, l.size()), "both handles go at close");
    }

    @Test
    void withoutCublasAFastFitIsRefusedNamingWhereItLooked() throws Exception {
        needNvrtc();
        Outcome o = run("one", new String[] {"cuda", "fast"}, "-D" + Cublas.PROPERTY + "=/nowhere/libcublas.so.13");
        assertEquals("fast fast UNAVAILABLE: cuda:0: cuBLAS (libcublas, needed by math fast) not found; set -D"
                + Cublas.PROPERTY + " or " + Cublas.ENV + " to its path. Tried: /nowhere/libcublas.so.13 (no such "
                + "file)",
                o.line("fast fast "));
        assertTrue(o.launches().stream().noneMatch(s -> s.startsWith("bo_")), "nothing ran: " + o.launches());
    }
}
