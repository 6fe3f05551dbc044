package org.batchopt;

import org.batchopt.backend.cpu.CpuBackend;

/**
 * Opens backends by name: {@code cpu}, {@code opencl[:P[:D]]}, {@code opencl:all}, {@code cuda[:D]},
 * {@code cuda:all}, or {@code auto} for the best one available (a CUDA GPU, else an OpenCL GPU or
 * accelerator, else the CPU). Asking for a backend that cannot run here is an error that says why; there is
 * no silent fallback.
 */
public final class Backends {
    private Backends() {
    }

    /** Every backend kind and device this machine has, with the reason for each one that cannot run. */
    public static java.util.List<BackendInfo> available() {
        java.util.List<BackendInfo> all = new java.util.ArrayList<>();
        all.add(new BackendInfo("cpu", true, CpuBackend.description(Runtime.getRuntime().availableProcessors()), true));
        return all;
    }

    /**
     * @throws IllegalArgumentException for a malformed name
     * @throws BackendException         with {@link BackendException.Code#UNAVAILABLE} when it cannot run here
     */
    public static Backend open(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("cpu") || s.equals("auto")) {
            return new CpuBackend();
        }
        throw new IllegalArgumentException("unknown backend '" + spec + "' (expected auto, cpu, opencl[:P[:D]], "
                + "opencl:all, cuda[:D], cuda:all)");
    }
}
