package org.batchopt.backend.cuda;

import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuInit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jcuda.CudaException;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUresult;
import java.util.stream.Collectors;
import org.batchopt.BackendException;
import org.batchopt.BackendInfo;

/**
 * The CUDA devices of this machine, as the driver API (through JCuda) reports them. JCuda's native library
 * needs only the driver's {@code libcuda.so.1}; no CUDA toolkit. The driver is asked once per process.
 */
public final class CudaDevices {
    private static List<Device> devices;
    private static BackendException failure;

    private CudaDevices() {
    }

    /**
     * One CUDA device.
     *
     * @param index          the driver's ordinal, as in {@code cuda:<index>}
     * @param ccMajor        compute capability, major
     * @param ccMinor        compute capability, minor
     * @param totalMemory    bytes of device memory
     * @param driverVersion  the driver's CUDA version as {@code cuDriverGetVersion} gives it (13000 is 13.0)
     */
    public record Device(int index, String name, int ccMajor, int ccMinor, int multiprocessors, long totalMemory,
                         int driverVersion) {

        public String spec() {
            return "cuda:" + index;
        }

        /** The device in words. */
        public String description() {
            return name + " (" + details() + ")";
        }

        /** Compute capability, SMs, memory and driver version. */
        String details() {
            return "compute capability " + ccMajor + "." + ccMinor + ", " + multiprocessors + " SMs, "
                    + (totalMemory >> 20) + " MiB, CUDA driver " + version(driverVersion);
        }
    }

    /**
     * Every CUDA device as {@code batchopt devices} lists it, each with the NVRTC build it would get, or one
     * unavailable entry {@code cuda} with the reason: no driver library, {@code cuInit} failed, no device, or no
     * NVRTC (naming every place looked at). A device NVRTC cannot compile for is listed unavailable, with why.
     */
    public static List<BackendInfo> available() {
        List<Device> found;
        Nvrtc nvrtc;
        try {
            found = list();
        } catch (BackendException e) {
            return List.of(new BackendInfo("cuda", false, e.getMessage(), false));
        }
        try {
            nvrtc = Nvrtc.find();
        } catch (BackendException e) {
            return List.of(new BackendInfo("cuda", false, found.size() + " CUDA device(s) ("
                    + found.stream().map(Device::name).distinct().collect(Collectors.joining(", ")) + ") but "
                    + e.getMessage(), false));
        }
        List<BackendInfo> out = new ArrayList<>();
        for (Device d : found) {
            try {
                out.add(new BackendInfo(d.spec(), true, describe(d, nvrtc, nvrtc.target(d.ccMajor(), d.ccMinor())), true));
            } catch (BackendException e) {
                out.add(new BackendInfo(d.spec(), false, d.description() + ": " + e.getMessage(), false));
            }
        }
        return out;
    }

    /** A device with the NVRTC build it gets, in words. */
    static String describe(Device d, Nvrtc nvrtc, Nvrtc.Target target) {
        return d.name() + " (" + d.details() + ", NVRTC " + nvrtc.version() + ": " + target
                + (target.cubin() ? " cubin" : " PTX, compiled by the driver") + ")";
    }

    /** {@code 13000} as {@code 13.0}. */
    public static String version(int cudaVersion) {
        return cudaVersion / 1000 + "." + cudaVersion % 1000 / 10;
    }

    /**
     * Every CUDA device.
     *
     * @throws BackendException UNAVAILABLE when the driver library cannot be loaded, {@code cuInit} fails, or
     *                          there is no device, with the reason
     */
    public static synchronized List<Device> list() {
        if (devices == null && failure == null) {
            try {
                devices = probe();
            } catch (BackendException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new BackendException(failure.code(), failure.getMessage(), null, failure);
        }
        return devices;
    }

    private static List<Device> probe() {
        try {
            int r = cuInit(0);
            if (r != CUresult.CUDA_SUCCESS) {
                throw new BackendException(BackendException.Code.UNAVAILABLE, "cuInit failed: " + CUresult.stringFor(r)
                        + explain(r));
            }
            int[] version = new int[1];
            check(cuDriverGetVersion(version), "cuDriverGetVersion");
            int[] count = new int[1];
            check(cuDeviceGetCount(count), "cuDeviceGetCount");
            if (count[0] == 0) {
                throw new BackendException(BackendException.Code.UNAVAILABLE, "no CUDA device (the driver, CUDA "
                        + version(version[0]) + ", sees none; check CUDA_VISIBLE_DEVICES)");
            }
            List<Device> out = new ArrayList<>();
            for (int i = 0; i < count[0]; i++) {
                CUdevice d = new CUdevice();
                check(cuDeviceGet(d, i), "cuDeviceGet");
                byte[] name = new byte[256];
                check(cuDeviceGetName(name, name.length, d), "cuDeviceGetName");
                long[] memory = new long[1];
                check(cuDeviceTotalMem(memory, d), "cuDeviceTotalMem");
                out.add(new Device(i, text(name), attribute(d, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR),
                        attribute(d, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR),
                        attribute(d, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT), memory[0],
                        version[0]));
            }
            return List.copyOf(out);
        } catch (LinkageError e) {
            throw new BackendException(BackendException.Code.UNAVAILABLE, noDriver(e.getMessage()), null, e);
        } catch (CudaException e) {
            throw new BackendException(BackendException.Code.UNAVAILABLE, "the CUDA driver failed: " + e.getMessage(),
                    null, e);
        }
    }

    /** Why JCuda's native library did not load, in one line. */
    static String noDriver(String message) {
        String m = message == null ? "" : message;
        if (m.contains("libcuda.so")) {
            return "no libcuda.so.1 (the NVIDIA driver's CUDA library) on the loader path: no NVIDIA driver here";
        }
        String detail = m;
        for (String line : m.split("\n")) {
            if (line.contains("UnsatisfiedLinkError:") && line.contains(".so")) {
                detail = line.substring(line.indexOf("UnsatisfiedLinkError:") + "UnsatisfiedLinkError:".length()).trim();
            }
        }
        int nl = detail.indexOf('\n');
        return "JCuda's driver library did not load: " + (nl < 0 ? detail : detail.substring(0, nl));
    }

    private static String explain(int result) {
        return switch (result) {
            case CUresult.CUDA_ERROR_NO_DEVICE -> " (no CUDA-capable device is visible)";
            case CUresult.CUDA_ERROR_STUB_LIBRARY -> " (the libcuda.so.1 found is the CUDA toolkit's stub, not the driver's; "
                    + "take the toolkit's stubs folder off LD_LIBRARY_PATH)";
            case CUresult.CUDA_ERROR_SYSTEM_DRIVER_MISMATCH -> " (libcuda.so.1 and the kernel module differ in version)";
            case CUresult.CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE -> " (a forward-compatibility libcuda that this GPU "
                    + "does not support)";
            default -> "";
        };
    }

    private static int attribute(CUdevice d, int attribute) {
        int[] v = new int[1];
        check(cuDeviceGetAttribute(v, attribute, d), "cuDeviceGetAttribute(" + attribute + ")");
        return v[0];
    }

    private static void check(int result, String call) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new BackendException(BackendException.Code.UNAVAILABLE, call + " failed: " + CUresult.stringFor(result));
        }
    }

    private static String text(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).trim();
    }
}
