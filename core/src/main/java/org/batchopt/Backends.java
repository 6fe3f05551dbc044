package org.batchopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.batchopt.backend.BackendSpi;
import org.batchopt.backend.MultiBackend;
import org.batchopt.backend.cpu.CpuBackend;
import org.batchopt.backend.cuda.CudaBackend;
import org.batchopt.backend.cuda.CudaDevices;
import org.batchopt.backend.opencl.OpenClBackend;
import org.batchopt.backend.opencl.OpenClDevices;

/**
 * Opens backends by name: {@code cpu}; {@code opencl} (the first GPU or accelerator, else the first device),
 * {@code opencl:P} (platform P's first device), {@code opencl:P:D}, {@code opencl:all}; {@code cuda},
 * {@code cuda:D}, {@code cuda:all}; or {@code auto} for the best available: a CUDA GPU, else an OpenCL GPU or
 * accelerator, else the CPU (an OpenCL CPU device such as POCL is not preferred to the CPU backend). Asking
 * for a backend that cannot run here is an error that says why; there is no silent fallback, and the
 * backend that {@code auto} chose is in every result.
 */
public final class Backends {
    private static final String FORMS = "auto, cpu, opencl[:P[:D]], opencl:all, cuda[:D], cuda:all";

    private Backends() {
    }

    /**
     * Every backend and device this machine has, with the reason for each kind that cannot run. Opens no backend.
     *
     * @return the CPU first, then every CUDA device (or one unavailable {@code cuda} entry with the reason), then
     *         every OpenCL device (or one unavailable {@code opencl} entry with the reason)
     */
    public static List<BackendInfo> available() {
        List<BackendInfo> all = new ArrayList<>();
        all.add(new BackendInfo("cpu", true, CpuBackend.description(Runtime.getRuntime().availableProcessors()), true));
        all.addAll(CudaDevices.available());
        try {
            for (OpenClDevices.Device d : OpenClDevices.list()) {
                all.add(new BackendInfo(d.spec(), true, d.description(), d.fp64()));
            }
        } catch (BackendException e) {
            all.add(new BackendInfo("opencl", false, e.getMessage(), false));
        }
        return all;
    }

    /**
     * Opens the backend {@code spec} names (see the class description); the caller owns it and closes it.
     *
     * @param spec the name, case-insensitive, surrounding blanks ignored: {@code auto}, {@code cpu},
     *             {@code opencl[:P[:D]]}, {@code opencl:all}, {@code cuda[:D]}, {@code cuda:all}
     * @return the backend, open; {@code auto} never fails and takes the CPU when nothing better can run
     * @throws IllegalArgumentException for a malformed name or a device index that is not a number {@code >= 0}
     * @throws BackendException         with {@link BackendException.Code#UNAVAILABLE} and the reason when it
     *                                  cannot run here (no driver, no library, no such device)
     */
    public static Backend open(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String[] parts = s.split(":", -1);
        switch (parts[0]) {
            case "cpu":
                if (parts.length != 1) {
                    throw malformed(spec);
                }
                return new CpuBackend();
            case "auto":
                if (parts.length != 1) {
                    throw malformed(spec);
                }
                return auto();
            case "opencl":
                return openCl(spec, parts);
            case "cuda":
                return cuda(spec, parts);
            default:
                throw malformed(spec);
        }
    }

    /**
     * The CPU backend with {@code threads} worker threads ({@code open("cpu")} takes every core): for a process
     * that runs several batches side by side, such as a Spark executor with one task per core. Results do not
     * depend on the number of threads.
     *
     * @param threads the worker threads, at least 1
     * @return a CPU backend of its own
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    public static Backend cpu(int threads) {
        return new CpuBackend(threads);
    }

    private static Backend auto() {
        try {
            for (CudaDevices.Device d : CudaDevices.list()) {
                try {
                    return new CudaBackend(d);
                } catch (BackendException e) {
                    // Not this one (no NVRTC for it): the next, else OpenCL.
                }
            }
        } catch (BackendException e) {
            // No CUDA here.
        }
        try {
            for (OpenClDevices.Device d : OpenClDevices.list()) {
                if (d.isGpuOrAccelerator()) {
                    return new OpenClBackend(d);
                }
            }
        } catch (BackendException e) {
            // No OpenCL here: the CPU is the best available.
        }
        return new CpuBackend();
    }

    private static Backend openCl(String spec, String[] parts) {
        if (parts.length > 3) {
            throw malformed(spec);
        }
        List<OpenClDevices.Device> devices = OpenClDevices.list();
        if (parts.length == 1) {
            return new OpenClBackend(devices.stream().filter(OpenClDevices.Device::isGpuOrAccelerator).findFirst()
                    .orElse(devices.get(0)));
        }
        if (parts.length == 2 && parts[1].equals("all")) {
            List<BackendSpi> all = new ArrayList<>();
            try {
                for (OpenClDevices.Device d : devices) {
                    all.add(new OpenClBackend(d));
                }
            } catch (RuntimeException e) {
                all.forEach(BackendSpi::close);
                throw e;
            }
            return all.size() == 1 ? all.get(0) : new MultiBackend(all, true);
        }
        int platform = index(spec, parts[1]);
        int device = parts.length == 3 ? index(spec, parts[2]) : 0;
        for (OpenClDevices.Device d : devices) {
            if (d.platformIndex() == platform && d.deviceIndex() == device) {
                return new OpenClBackend(d);
            }
        }
        throw new BackendException(BackendException.Code.UNAVAILABLE, "no OpenCL device " + platform + ":" + device
                + " (found: " + devices.stream().map(OpenClDevices.Device::spec).toList() + ")");
    }

    /** cuda (the first device), cuda:D, or cuda:all (every device, sharing each batch). */
    private static Backend cuda(String spec, String[] parts) {
        if (parts.length > 2) {
            throw malformed(spec);
        }
        if (parts.length == 2 && !parts[1].equals("all")) {
            index(spec, parts[1]);
        }
        List<CudaDevices.Device> devices = CudaDevices.list();
        if (parts.length == 1) {
            return new CudaBackend(devices.get(0));
        }
        if (parts[1].equals("all")) {
            List<BackendSpi> all = new ArrayList<>();
            try {
                for (CudaDevices.Device d : devices) {
                    all.add(new CudaBackend(d));
                }
            } catch (RuntimeException e) {
                for (int i = all.size() - 1; i >= 0; i--) {
                    all.get(i).close();
                }
                throw e;
            }
            return all.size() == 1 ? all.get(0) : new MultiBackend(all, true);
        }
        int index = index(spec, parts[1]);
        for (CudaDevices.Device d : devices) {
            if (d.index() == index) {
                return new CudaBackend(d);
            }
        }
        throw new BackendException(BackendException.Code.UNAVAILABLE, "no CUDA device " + index + " (found: "
                + devices.stream().map(CudaDevices.Device::spec).toList() + ")");
    }

    private static int index(String spec, String part) {
        try {
            int v = Integer.parseInt(part);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("backend '" + spec + "': '" + part + "' is not a device index");
    }

    private static IllegalArgumentException malformed(String spec) {
        return new IllegalArgumentException("unknown backend '" + spec + "' (expected " + FORMS + ")");
    }
}
