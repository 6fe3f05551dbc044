/**
 * Internal, not part of batchopt's API: what the kernels and Java share. The kernel sources on the classpath
 * ({@link org.batchopt.kernel.KernelSources}), the contract the program assembly emits as {@code #define}s
 * ({@link org.batchopt.kernel.KernelRule}, {@link org.batchopt.kernel.KernelSchedule},
 * {@link org.batchopt.kernel.StepScalars}), the portable math twins of {@code kernels/math.cl}
 * ({@link org.batchopt.kernel.Math64}, {@link org.batchopt.kernel.Math32}) and an objective as every backend runs
 * it ({@link org.batchopt.kernel.ObjectiveSource}, {@link org.batchopt.kernel.ObjectiveTwin64}). Depends on no
 * other batchopt package, so that objectives and backends both build on it.
 */
package org.batchopt.kernel;
