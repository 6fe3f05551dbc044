package org.batchopt.backend.opencl;

import org.batchopt.backend.BrokenObjective;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.BackendInfo;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Dataset;
import org.batchopt.Engine;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.objective.BuiltIn;
import org.batchopt.rule.Adam;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The documented failures of the OpenCL backend: a kernel that does not build, and backends that cannot run. */
class OpenClBackendTest {

    static OpenClDevices.Device firstDevice() {
        List<OpenClDevices.Device> devices;
        try {
            devices = OpenClDevices.list();
        } catch (BackendException e) {
            Assumptions.abort("no OpenCL device: " + e.getMessage());
            throw e;
        }
        return devices.get(0);
    }


    @Test
    void aKernelThatDoesNotBuildRaisesBuildFailedWithTheFullLog() {
        OpenClDevices.Device device = firstDevice();
        try (Backend cl = new OpenClBackend(device)) {
            Batch batch = Batch.builder(2).members(4).starts(Starts.point(1, 2)).build();
            BackendException e = assertThrows(BackendException.class, () -> Engine.on(cl)
                    .stopping(Stopping.maxSteps(3)).run(BrokenObjective.create(), Adam.builder().build(), batch));
            assertEquals(BackendException.Code.BUILD_FAILED, e.code());
            assertTrue(e.log().contains(BrokenObjective.UNDECLARED), e.log());
            assertTrue(e.getMessage().contains(device.spec()), e.getMessage());
        }
    }

    @Test
    void aModelOnADeviceWithWorkGroupsSmallerThanItsTilesIsRefused() {
        OpenClDevices.Device d = firstDevice();
        OpenClDevices.Device small = new OpenClDevices.Device(d.platformIndex(), d.deviceIndex(), d.platform(), d.id(),
                d.platformName(), d.name(), d.version(), d.driver(), d.type(), d.computeUnits(), d.globalMemory(),
                d.maxAllocation(), 64, d.fp64(), d.fp32CorrectlyRounded());
        Objective f = Objectives.linear(Dataset.of(new double[][] {{1}, {2}, {3}}, new double[] {1, 2, 4}).build());
        try (Backend cl = new OpenClBackend(small)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Engine.on(cl)
                    .run(f, Adam.builder().build(), Batch.builder(2).members(1).starts(Starts.point(0, 0)).build()));
            assertTrue(e.getMessage().contains(d.spec() + " runs work-groups of at most 64 work-items"),
                    e.getMessage());
        }
    }

    /** Both precisions: the fp32 transcendental functions of math.cl evaluate in double. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void aDeviceWithoutFp64IsRefusedWithTheReason(Precision precision) {
        OpenClDevices.Device d = firstDevice();
        OpenClDevices.Device noFp64 = new OpenClDevices.Device(d.platformIndex(), d.deviceIndex(), d.platform(), d.id(),
                d.platformName(), d.name(), d.version(), d.driver(), d.type(), d.computeUnits(), d.globalMemory(),
                d.maxAllocation(), d.maxWorkGroup(), false, d.fp32CorrectlyRounded());
        try (Backend cl = new OpenClBackend(noFp64)) {
            BackendException e = assertThrows(BackendException.class, () -> Engine.on(cl).precision(precision)
                    .run(BuiltIn.SPHERE.create(2), Adam.builder().build(),
                            Batch.builder(2).members(1).starts(Starts.point(1, 1)).build()));
            assertEquals(BackendException.Code.UNSUPPORTED_PRECISION, e.code());
            assertTrue(e.getMessage().contains("cl_khr_fp64"), e.getMessage());
            assertEquals(precision == Precision.FP32, e.getMessage().contains("fp32 exp, log, sin and cos"), e.getMessage());
        }
    }

    @Test
    void aDeviceThatDoesNotExistIsUnavailable() {
        firstDevice();
        BackendException e = assertThrows(BackendException.class, () -> Backends.open("opencl:9:0"));
        assertEquals(BackendException.Code.UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("9:0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backends.open("opencl:x"));
        assertThrows(IllegalArgumentException.class, () -> Backends.open("opencl:0:0:0"));
    }

    /** In a JVM whose ICD loader finds no ICD: OpenCL is listed as unavailable, with why, and auto takes the CPU. */
    @Test
    void withoutAPlatformOpenClIsUnavailableAndAutoTakesTheCpu(@TempDir Path empty) throws Exception {
        Assumptions.assumeTrue(OpenClLibrary.failure() == null, () -> "no OpenCL library here, so no ICD loader to "
                + "find no ICD: " + OpenClLibrary.failure());
        ProcessBuilder pb = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                NoPlatform.class.getName())
                .redirectErrorStream(true).redirectOutput(empty.resolve("out.txt").toFile());
        pb.environment().put("OCL_ICD_VENDORS", empty.toString());
        int code = pb.start().waitFor();
        String out = Files.readString(empty.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("opencl unavailable: no OpenCL platform"), out);
        assertTrue(out.contains("auto -> cpu"), out);
    }

    /**
     * As on a fresh machine with no OpenCL library at all (.ci/without-opencl hides libOpenCL.so in a private mount
     * namespace): OpenCL is unavailable with JOCL's reason, auto takes the CPU, and JOCL's own message about the
     * missing library, which its native code prints on stdout, is not on stdout.
     */
    @Test
    void withoutTheLibraryOpenClIsUnavailableAndStdoutHasNothingOfJocl(@TempDir Path dir) throws Exception {
        Path script = Path.of("").toAbsolutePath().getParent().resolve(".ci/without-opencl");
        ProcessBuilder pb = new ProcessBuilder(script.toString(), java(), "-cp", System.getProperty("java.class.path"),
                NoPlatform.class.getName())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        int code = pb.start().waitFor();
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        Assumptions.assumeFalse(code == 125, () -> "cannot hide the OpenCL library here: " + err);
        assertEquals(0, code, out + err);
        assertEquals(List.of("opencl unavailable: no OpenCL library (JOCL needs libOpenCL.so: install "
                + "ocl-icd-opencl-dev or a vendor's ICD loader): Could not load libOpenCL.so, error libOpenCL.so: "
                + "cannot open shared object file: No such file or directory", "auto -> cpu"), out.lines().toList(),
                "stdout holds the program's lines only; stderr: " + err);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Run by the tests above, with OCL_ICD_VENDORS pointing at an empty folder or without libOpenCL.so. */
    public static final class NoPlatform {
        public static void main(String[] args) {
            for (BackendInfo b : Backends.available()) {
                if (b.spec().equals("opencl")) {
                    System.out.println("opencl " + (b.available() ? "available" : "unavailable: " + b.description()));
                }
            }
            try (Backend auto = Backends.open("auto")) {
                System.out.println("auto -> " + auto.id());
            }
        }
    }
}
