package org.batchopt.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.batchopt.BackendException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The NVRTC binding: where the library is looked for, which target a device gets, and, where an NVRTC library
 * is found (Debian's libnvrtc11.2 on CI, CUDA 12 or 13 on GPU machines), real compilations: options that keep
 * arithmetic identical to the other backends, and a failed build that carries the full log.
 */
class NvrtcTest {

    /** This machine's NVRTC, or the test is skipped with where it was looked for. */
    static Nvrtc nvrtc() {
        try {
            return Nvrtc.find();
        } catch (BackendException e) {
            Assumptions.abort(e.getMessage());
            throw e;
        }
    }

    @Test
    void theSearchFollowsTheDocumentedOrder() {
        List<String> c = Nvrtc.candidates(null, null, "/opt/cuda", null);
        assertEquals("nvrtc", c.get(0));
        assertEquals("libnvrtc.so.13", c.get(1));
        assertEquals("/opt/cuda/lib64/libnvrtc.so.13", c.get(2));
        assertEquals("/usr/local/cuda/lib64/libnvrtc.so.13", c.get(3));
        assertEquals("/usr/local/cuda/targets/x86_64-linux/lib/libnvrtc.so.13", c.get(4));
        assertEquals("/usr/lib/x86_64-linux-gnu/libnvrtc.so.13", c.get(5));
        assertEquals("libnvrtc.so.12", c.get(6));
        assertEquals("/usr/lib/x86_64-linux-gnu/libnvrtc.so.11.2", c.get(c.size() - 1));
        assertEquals(1 + 3 * 5, c.size());
    }

    @Test
    void aGivenPathIsTheOnlyPlaceTried() {
        assertEquals(List.of("/x/libnvrtc.so"), Nvrtc.candidates("/x/libnvrtc.so", "/y/libnvrtc.so", null, null));
        assertEquals(List.of("/y/libnvrtc.so"), Nvrtc.candidates(" ", "/y/libnvrtc.so", null, null));
    }

    @Test
    void whenNothingLoadsEveryPlaceTriedIsNamed() {
        BackendException e = assertThrows(BackendException.class,
                () -> Nvrtc.load(List.of("libnvrtc-not-here.so.99", "/no/such/folder/libnvrtc.so.13")));
        assertEquals(BackendException.Code.UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("libnvrtc-not-here.so.99"), e.getMessage());
        assertTrue(e.getMessage().contains("/no/such/folder/libnvrtc.so.13 (no such file)"), e.getMessage());
        assertTrue(e.getMessage().contains(Nvrtc.PROPERTY), e.getMessage());
    }

    @Test
    void aLibraryThatIsNotNvrtcIsPassedOver() {
        BackendException e = assertThrows(BackendException.class, () -> Nvrtc.load(List.of("libm.so.6")));
        assertTrue(e.getMessage().contains("nvrtcVersion"), e.getMessage());
    }

    @Test
    void aDeviceGetsACubinForItsArchitectureWhereNvrtcHasIt() {
        int[] nvrtc118 = {35, 37, 50, 52, 53, 60, 61, 62, 70, 72, 75, 80, 86, 87, 89, 90};
        assertEquals(new Nvrtc.Target(90, true), Nvrtc.target(nvrtc118, 90));
        assertEquals(new Nvrtc.Target(86, true), Nvrtc.target(nvrtc118, 86));
        int[] withoutMinor = {75, 80, 90};
        assertEquals(new Nvrtc.Target(80, true), Nvrtc.target(withoutMinor, 86), "sm_80 cubins run on sm_86");
        assertEquals(new Nvrtc.Target(80, true), Nvrtc.target(withoutMinor, 89));
        assertEquals(new Nvrtc.Target(90, false), Nvrtc.target(withoutMinor, 100), "no 10.x cubin: PTX for compute_90");
        assertEquals(new Nvrtc.Target(90, false), Nvrtc.target(nvrtc118, 120), "newer than NVRTC: PTX for the driver");
        assertEquals(new Nvrtc.Target(90, false), Nvrtc.target(nvrtc118, 100));
        assertNull(Nvrtc.target(withoutMinor, 70), "older than everything NVRTC knows");
        assertEquals(new Nvrtc.Target(61, true), Nvrtc.target(new int[0], 61), "unknown list: the device's own");
        assertEquals("-arch=sm_90", new Nvrtc.Target(90, true).option());
        assertEquals("-arch=compute_90", new Nvrtc.Target(90, false).option());
    }

    @Test
    void theOptionsForbidContractionAndKeepCorrectRounding() {
        List<String> o = Nvrtc.options(new Nvrtc.Target(90, true));
        assertTrue(o.contains("--fmad=false"), o.toString());
        assertTrue(o.contains("--prec-div=true") && o.contains("--prec-sqrt=true") && o.contains("--ftz=false"),
                o.toString());
        assertEquals("-arch=sm_90", o.get(o.size() - 1));
    }

    @Test
    void theLibraryReportsItsVersionAndArchitectures() {
        Nvrtc n = nvrtc();
        assertTrue(n.major() >= 11, n.toString());
        int[] archs = n.supportedArchs();
        assertTrue(archs.length > 0, n + " lists no architectures");
        assertTrue(archs[archs.length - 1] >= 90, n + " cannot compile for sm_90 (H100, H200)");
        assertEquals(n.version(), Nvrtc.open(n.library()).version(), "loading " + n.library() + " by path");
    }

    @Test
    void noMultiplyAddIsContracted() {
        Nvrtc n = nvrtc();
        for (String real : new String[] {"float", "double"}) {
            String src = "extern \"C\" __global__ void k(" + real + "* a) { a[0] = a[1] * a[2] + a[3]; }\n";
            String ptx = ptx(n.compile(src, "k.cu", new Nvrtc.Target(80, false)));
            String suffix = real.equals("float") ? "f32" : "f64";
            assertTrue(ptx.contains("mul.rn." + suffix) && ptx.contains("add.rn." + suffix), ptx);
            assertFalse(ptx.contains("fma."), ptx);
        }
    }

    @Test
    void divisionAndSquareRootAreCorrectlyRounded() {
        Nvrtc n = nvrtc();
        String src = "extern \"C\" __global__ void k(float* a) { a[0] = a[1] / a[2] + sqrtf(a[3]); }\n";
        String ptx = ptx(n.compile(src, "k.cu", new Nvrtc.Target(80, false)));
        assertTrue(ptx.contains("div.rn.f32") && ptx.contains("sqrt.rn.f32"), ptx);
        assertFalse(ptx.contains(".ftz"), ptx);
    }

    @Test
    void aProgramThatDoesNotCompileRaisesBuildFailedWithTheFullLog() {
        Nvrtc n = nvrtc();
        String src = "extern \"C\" __global__ void k(float* a) {\n  a[0] = undeclared_variable;\n}\n";
        BackendException e = assertThrows(BackendException.class,
                () -> n.compile(src, "broken.cu", new Nvrtc.Target(90, true)));
        assertEquals(BackendException.Code.BUILD_FAILED, e.code());
        assertTrue(e.log().contains("undeclared_variable") && e.log().contains("broken.cu(2)"), e.log());
        assertTrue(e.getMessage().contains(e.log()), e.getMessage());
        assertTrue(e.getMessage().contains("--fmad=false"), e.getMessage());
    }

    @Test
    void aCubinIsAnElfImage() {
        Nvrtc.Image image = nvrtc().compile("extern \"C\" __global__ void k(int* a) { a[0] = 1; }\n", "k.cu",
                new Nvrtc.Target(90, true));
        assertTrue(image.cubin());
        assertEquals("\u007fELF", new String(image.bytes(), 0, 4, StandardCharsets.ISO_8859_1));
    }

    static String ptx(Nvrtc.Image image) {
        assertFalse(image.cubin());
        return new String(image.bytes(), 0, image.bytes().length - 1, StandardCharsets.US_ASCII);
    }
}
