package org.batchopt;

/**
 * A distinct minimum found by a batch: members whose final points lie within the x tolerance of its best
 * point (in every coordinate) and whose f lies within the f tolerance of its best f.
 *
 * The arrays are the record's own, not copies: do not modify them.
 *
 * @param x       the best point (lowest f; highest when maximizing), {@code D} coordinates
 * @param f       f at {@code x}
 * @param count   members that reached it, {@code members.length}
 * @param members their indices, best first
 */
public record Minimum(double[] x, double f, int count, int[] members) {
}
