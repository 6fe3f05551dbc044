package org.batchopt.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Engine;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Status;
import org.batchopt.Stopping;
import org.batchopt.backend.opencl.OpenClDevices;
import org.batchopt.objective.BuiltIn;
import org.batchopt.rule.Adam;
import org.jocl.CL;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM keeps its own signal handlers when OpenCL loads POCL. Each case runs in a fresh JVM without the
 * signal-chaining library that the test JVMs preload (with it, POCL's handlers never reach the kernel, so
 * nothing could fail here).
 */
class SignalGuardTest {

    /** POCL is the driver known to replace the handlers; the cases need it. */
    private static void requirePocl() {
        try {
            Assumptions.assumeTrue(OpenClDevices.list().stream().anyMatch(d -> d.platformName().contains("Portable")),
                    "no POCL platform");
        } catch (BackendException e) {
            Assumptions.abort("no OpenCL: " + e.getMessage());
        }
    }

    /** Runs {@code main} in a fresh JVM without LD_PRELOAD; returns its exit code and output. */
    private static String[] child(Path dir, Class<?> main) throws IOException, InterruptedException {
        Path out = dir.resolve(main.getSimpleName() + ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), main.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().remove("LD_PRELOAD");
        int code = pb.start().waitFor();
        return new String[] {Integer.toString(code), Files.readString(out, StandardCharsets.UTF_8)};
    }

    /**
     * After an OpenCL job, SIGSEGV, SIGBUS, SIGILL and SIGFPE are handled by the JVM again (POCL replaced them at
     * its device query and the guard put them back) and an integer division by zero throws.
     */
    @Test
    void anOpenClJobLeavesTheJvmItsSignalHandlers(@TempDir Path dir) throws Exception {
        requirePocl();
        String[] r = child(dir, OpenClJob.class);
        assertEquals("0", r[0], r[1]);
        for (String signal : new String[] {"SIGILL 4", "SIGBUS 7", "SIGFPE 8", "SIGSEGV 11"}) {
            assertTrue(r[1].lines().anyMatch(l -> l.startsWith(signal + " ") && l.contains("libjvm")),
                    signal + " must be handled by libjvm:\n" + r[1]);
        }
        assertTrue(r[1].contains("1/0 threw java.lang.ArithmeticException"), r[1]);
        assertTrue(r[1].contains("reinstated > 0"), "POCL is expected to replace handlers here:\n" + r[1]);
    }

    /** When something else loaded POCL before batchopt's first OpenCL call, a warning says so and how to avoid it. */
    @Test
    void handlersReplacedBeforeBatchoptAreReportedWithTheRemedy(@TempDir Path dir) throws Exception {
        requirePocl();
        String[] r = child(dir, ForeignLoad.class);
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].contains("SIGSEGV handler was replaced by") && r[1].contains("libjsig.so"), r[1]);
    }

    /** Child: an OpenCL job, then the owners of the fault handlers and a division by zero. */
    public static final class OpenClJob {
        public static void main(String[] args) {
            try (Backend b = Backends.open("opencl")) {
                Result r = Engine.on(b).stopping(Stopping.maxSteps(50)).run(BuiltIn.SPHERE.create(2),
                        Adam.builder().lr(0.1).build(),
                        Batch.builder(2).members(64).starts(Starts.point(1, 2)).build());
                System.out.println("status " + r.status(0) + (r.status(0) == Status.MAX_STEPS ? "" : " (unexpected)"));
            }
            for (int s : new int[] {4, 7, 8, 11}) {
                String name = s == 4 ? "SIGILL" : s == 7 ? "SIGBUS" : s == 8 ? "SIGFPE" : "SIGSEGV";
                System.out.println(name + " " + s + " " + SignalGuard.handlerLibrary(s));
            }
            System.out.println(SignalGuard.reinstated() > 0 ? "reinstated > 0" : "reinstated 0");
            try {
                System.out.println("1/0 = " + (1 / Integer.parseInt("0")));
            } catch (ArithmeticException e) {
                System.out.println("1/0 threw " + e);
            }
        }
    }

    /** Child: POCL loaded and its compiler run through JOCL directly, then batchopt's device list. */
    public static final class ForeignLoad {
        public static void main(String[] args) {
            CL.setExceptionsEnabled(true);
            int[] n = new int[1];
            CL.clGetPlatformIDs(0, null, n);
            cl_platform_id[] platforms = new cl_platform_id[n[0]];
            CL.clGetPlatformIDs(n[0], platforms, null);
            // POCL's LLVM installs its handlers when it compiles (the device query alone does not always): on the
            // first device of every platform a program of its own, new each run so that no kernel cache answers.
            for (cl_platform_id p : platforms) {
                cl_device_id[] device = new cl_device_id[1];
                CL.clGetDeviceIDs(p, CL.CL_DEVICE_TYPE_ALL, 1, device, null);
                cl_context context = CL.clCreateContext(null, 1, device, null, null, null);
                cl_program program = CL.clCreateProgramWithSource(context, 1, new String[] {
                    "__kernel void k(__global int* a) { a[0] = " + System.nanoTime() % 1_000_000 + "; }"}, null,
                        null);
                CL.clBuildProgram(program, 0, null, null, null, null);
            }
            System.out.println("SIGSEGV before batchopt: " + SignalGuard.handlerLibrary(11));
            System.out.println(Backends.available().size() + " backends");
        }
    }
}
