package org.batchopt;

/**
 * Where a run's time went, in seconds: building kernels, moving data between host and device, computing,
 * and the whole call. On the CPU backend compile and transfer are zero.
 */
public record Timing(double compileSeconds, double transferSeconds, double runSeconds, double totalSeconds) {
}
