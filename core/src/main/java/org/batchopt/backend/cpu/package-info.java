/**
 * Internal, not part of batchopt's API: the CPU backend, the Java twin of the kernels ({@code Tile64} of
 * {@code fused.cl} and {@code step.cl}, {@code Rules64} of {@code rules.cl}, {@code Schedule64} of
 * {@code schedule.cl}, and their generated fp32 twins), run over tiles of members on every core.
 */
package org.batchopt.backend.cpu;
