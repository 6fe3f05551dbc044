package org.batchopt;

/**
 * Where a run's time went, in seconds: building kernels, moving data between host and device, computing,
 * and the whole call. On the CPU backend compile and transfer are zero.
 *
 * @param compileSeconds  building kernel programs, or finding them in the cache
 * @param transferSeconds copying start points, hyperparameters and results between host and device
 * @param runSeconds      computing: the steps on the device, or on the CPU
 * @param totalSeconds    the whole {@link Engine#run} call, start-point generation and collection included
 */
public record Timing(double compileSeconds, double transferSeconds, double runSeconds, double totalSeconds) {
}
