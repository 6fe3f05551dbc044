/**
 * Internal, not part of batchopt's API: the backend SPI. The engine turns each run into one
 * {@link org.batchopt.backend.RunPlan} (the planner: strategy, {@link org.batchopt.backend.KernelProgram},
 * {@link org.batchopt.backend.DeviceLayout}, steps per launch) and hands it with each
 * {@link org.batchopt.backend.MemberBlock} to a {@link org.batchopt.backend.BackendSpi}, which writes
 * {@link org.batchopt.backend.MemberResults} and reports into a {@link org.batchopt.backend.RunContext}.
 * Implementations: {@code cpu/}, {@code device/} (shared by {@code opencl/} and {@code cuda/}) and
 * {@link org.batchopt.backend.MultiBackend}.
 */
package org.batchopt.backend;
