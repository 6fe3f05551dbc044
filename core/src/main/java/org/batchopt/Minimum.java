package org.batchopt;

/**
 * A distinct minimum found by a batch: members whose final points lie within the x tolerance of its best
 * point (in every coordinate) and whose f lies within the f tolerance of its best f.
 *
 * @param x       the best point (lowest f; highest when maximizing)
 * @param f       f at {@code x}
 * @param count   members that reached it
 * @param members their indices, best first
 */
public record Minimum(double[] x, double f, int count, int[] members) {
}
