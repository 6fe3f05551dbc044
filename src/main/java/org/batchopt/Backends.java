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

    /**
     * @throws IllegalArgumentException for a malformed name
     * @throws BackendException         with {@link BackendException.Code#UNAVAILABLE} when it cannot run here
     */
    public static Backend open(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("cpu")) {
            return new CpuBackend();
        }
        throw new IllegalArgumentException("unknown backend '" + spec + "' (expected auto, cpu, opencl[:P[:D]], "
                + "opencl:all, cuda[:D], cuda:all)");
    }
}
