package org.batchopt.backend.opencl;

import static org.jocl.CL.CL_DEVICE_DOUBLE_FP_CONFIG;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_SINGLE_FP_CONFIG;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.batchopt.BackendException;
import org.batchopt.backend.SignalGuard;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** The OpenCL platforms and devices of this machine, as JOCL reports them. */
public final class OpenClDevices {
    private static final int PLATFORM_NOT_FOUND_KHR = -1001;

    private OpenClDevices() {
    }

    /** One OpenCL device and what batchopt needs to know about it. */
    public record Device(int platformIndex, int deviceIndex, cl_platform_id platform, cl_device_id id,
                         String platformName, String name, String version, String driver, long type,
                         int computeUnits, long globalMemory, long maxAllocation, long maxWorkGroup, boolean fp64,
                         boolean fp32CorrectlyRounded) {

        public String spec() {
            return "opencl:" + platformIndex + ":" + deviceIndex;
        }

        public boolean isGpuOrAccelerator() {
            return (type & (CL_DEVICE_TYPE_GPU | CL_DEVICE_TYPE_ACCELERATOR)) != 0;
        }

        /** The device in words. */
        public String description() {
            return name + " (" + platformName + ", " + version + ", driver " + driver + ", " + computeUnits
                    + " compute units, " + (globalMemory >> 20) + " MiB)";
        }

        /** A key that changes when the device or its compiler changes. */
        String cacheKey() {
            return platformName + "|" + name + "|" + version + "|" + driver;
        }
    }

    /**
     * Every OpenCL device, platform by platform. Loading a driver may replace the JVM's signal handlers (POCL
     * does); {@link SignalGuard} puts them back.
     *
     * @throws BackendException UNAVAILABLE when there is no OpenCL library or no platform, with the reason
     */
    public static List<Device> list() {
        String failure = OpenClLibrary.failure();
        if (failure != null) {
            throw new BackendException(BackendException.Code.UNAVAILABLE, "no OpenCL library (JOCL needs "
                    + "libOpenCL.so: install ocl-icd-opencl-dev or a vendor's ICD loader): " + failure);
        }
        return SignalGuard.call(OpenClDevices::query);
    }

    private static List<Device> query() {
        try {
            int[] count = new int[1];
            try {
                clGetPlatformIDs(0, null, count);
            } catch (CLException e) {
                if (e.getStatus() == PLATFORM_NOT_FOUND_KHR) {
                    count[0] = 0;
                } else {
                    throw e;
                }
            }
            if (count[0] == 0) {
                throw new BackendException(BackendException.Code.UNAVAILABLE, "no OpenCL platform: no ICD is "
                        + "registered (install one, e.g. pocl-opencl-icd, or name one in OCL_ICD_VENDORS)");
            }
            cl_platform_id[] platforms = new cl_platform_id[count[0]];
            clGetPlatformIDs(platforms.length, platforms, null);
            List<Device> devices = new ArrayList<>();
            for (int p = 0; p < platforms.length; p++) {
                int[] n = new int[1];
                try {
                    clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, 0, null, n);
                } catch (CLException e) {
                    continue;
                }
                cl_device_id[] ids = new cl_device_id[n[0]];
                clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, ids.length, ids, null);
                String platformName = platformString(platforms[p], CL_PLATFORM_NAME);
                for (int d = 0; d < ids.length; d++) {
                    devices.add(new Device(p, d, platforms[p], ids[d], platformName, string(ids[d], CL_DEVICE_NAME),
                            string(ids[d], CL_DEVICE_VERSION), string(ids[d], CL_DRIVER_VERSION),
                            longInfo(ids[d], CL_DEVICE_TYPE), (int) intInfo(ids[d], CL_DEVICE_MAX_COMPUTE_UNITS),
                            longInfo(ids[d], CL_DEVICE_GLOBAL_MEM_SIZE), longInfo(ids[d], CL_DEVICE_MAX_MEM_ALLOC_SIZE),
                            longInfo(ids[d], CL_DEVICE_MAX_WORK_GROUP_SIZE),
                            longInfo(ids[d], CL_DEVICE_DOUBLE_FP_CONFIG) != 0,
                            (longInfo(ids[d], CL_DEVICE_SINGLE_FP_CONFIG) & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0));
                }
            }
            return devices;
        } catch (CLException e) {
            throw new BackendException(BackendException.Code.UNAVAILABLE, "OpenCL platforms could not be listed: "
                    + e.getMessage(), null, e);
        }
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(p, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        clGetPlatformInfo(p, param, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    private static String string(cl_device_id d, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(d, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        clGetDeviceInfo(d, param, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    private static long longInfo(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.cl_ulong, Pointer.to(v), null);
        return v[0];
    }

    private static long intInfo(cl_device_id d, int param) {
        int[] v = new int[1];
        clGetDeviceInfo(d, param, Sizeof.cl_uint, Pointer.to(v), null);
        return v[0];
    }

    private static String text(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).trim();
    }
}
