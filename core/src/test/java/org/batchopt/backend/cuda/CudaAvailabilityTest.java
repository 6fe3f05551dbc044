package org.batchopt.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jcuda.driver.CUresult;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.BackendInfo;
import org.batchopt.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What {@link Backends} says about CUDA on this machine, whichever it is: with no usable device, one
 * unavailable entry with the reason and UNAVAILABLE from every way of opening it; with devices, each listed.
 * And the small rules of the backend: names, error codes, block sizes, versions.
 */
class CudaAvailabilityTest {

    /** Why CUDA cannot run here, or null when it can. */
    static String reason() {
        try {
            CudaDevices.list();
            Nvrtc.find();
            return null;
        } catch (BackendException e) {
            return e.getMessage();
        }
    }

    static List<BackendInfo> cudaEntries() {
        return Backends.available().stream().filter(b -> b.spec().startsWith("cuda")).toList();
    }

    @Test
    void withoutCudaTheListingSaysWhyAndOpeningItFails() {
        String reason = reason();
        Assumptions.assumeTrue(reason != null, "this machine has CUDA devices and NVRTC");
        List<BackendInfo> cuda = cudaEntries();
        assertEquals(1, cuda.size(), cuda.toString());
        assertEquals("cuda", cuda.get(0).spec());
        assertFalse(cuda.get(0).available());
        assertTrue(cuda.get(0).description().contains(reason) || reason.contains("NVRTC"), cuda.get(0).description());
        assertTrue(List.of("no libcuda.so.1", "JCuda's driver library", "cuInit failed", "no CUDA device",
                        "the CUDA driver failed", "NVRTC").stream().anyMatch(reason::contains), reason);
        for (String spec : new String[] {"cuda", "cuda:0", "cuda:3", "cuda:all", "CUDA"}) {
            BackendException e = assertThrows(BackendException.class, () -> Backends.open(spec).close(), spec);
            assertEquals(BackendException.Code.UNAVAILABLE, e.code(), spec);
            assertTrue(e.getMessage().contains(reason) || reason.contains(e.getMessage()), e.getMessage());
        }
        try (Backend auto = Backends.open("auto")) {
            assertFalse(auto.id().startsWith("cuda"), auto.id());
        }
    }

    @Test
    void withCudaEveryDeviceIsListed() {
        String reason = reason();
        Assumptions.assumeTrue(reason == null, "no CUDA here: " + reason);
        List<CudaDevices.Device> devices = CudaDevices.list();
        List<BackendInfo> cuda = cudaEntries();
        assertEquals(devices.size(), cuda.size(), cuda.toString());
        for (int i = 0; i < devices.size(); i++) {
            assertEquals("cuda:" + i, cuda.get(i).spec());
            assertTrue(cuda.get(i).description().startsWith(devices.get(i).name()), cuda.get(i).description());
            assertTrue(cuda.get(i).description().contains("NVRTC " + Nvrtc.find().version()), cuda.get(i).description());
        }
    }

    @Test
    void malformedNamesAreCallerMistakes() {
        for (String spec : new String[] {"cuda:x", "cuda:-1", "cuda:0:1", "cuda:"}) {
            assertThrows(IllegalArgumentException.class, () -> Backends.open(spec), spec);
        }
    }

    @Test
    void outOfMemoryHasItsOwnCode() {
        assertEquals(BackendException.Code.OUT_OF_MEMORY, CudaErrors.code(CUresult.CUDA_ERROR_OUT_OF_MEMORY));
        assertEquals(BackendException.Code.DEVICE_ERROR, CudaErrors.code(CUresult.CUDA_ERROR_ILLEGAL_ADDRESS));
        BackendException e = CudaErrors.error(CUresult.CUDA_ERROR_OUT_OF_MEMORY, "cuda:1", "allocating 8 bytes");
        assertEquals("cuda:1: allocating 8 bytes: CUDA_ERROR_OUT_OF_MEMORY", e.getMessage());
        assertEquals(BackendException.Code.OUT_OF_MEMORY, CudaErrors.wrap(new jcuda.CudaException(
                "CUDA_ERROR_OUT_OF_MEMORY"), "cuda:0", "x").code());
        assertEquals(BackendException.Code.DEVICE_ERROR, CudaErrors.wrap(new jcuda.CudaException(
                "CUDA_ERROR_LAUNCH_FAILED"), "cuda:0", "x").code());
    }

    @Test
    void theBlockSizeIsAWholeNumberOfWarps() {
        assertEquals(CudaBackend.DEFAULT_BLOCK, CudaBackend.blockSize(null));
        assertEquals(256, CudaBackend.blockSize(" 256 "));
        for (String bad : new String[] {"100", "0", "2048", "many"}) {
            assertThrows(IllegalArgumentException.class, () -> CudaBackend.blockSize(bad), bad);
        }
    }

    @Test
    void aMissingDriverLibraryIsNamed() {
        String jcuda = "Error while loading native library \"JCudaDriver-12.6.0-linux-x86_64\"\n"
                + "Stack trace from the attempt to load the library as a resource:\n"
                + "java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: cannot "
                + "open shared object file: No such file or directory\n";
        assertTrue(CudaDevices.noDriver(jcuda).startsWith("no libcuda.so.1"), CudaDevices.noDriver(jcuda));
        String other = "x\njava.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver.so: libstdc++.so.6: cannot open\n";
        assertEquals("JCuda's driver library did not load: /tmp/libJCudaDriver.so: libstdc++.so.6: cannot open",
                CudaDevices.noDriver(other));
        assertEquals("13.0", CudaDevices.version(13000));
        assertEquals("12.8", CudaDevices.version(12080));
    }
}
