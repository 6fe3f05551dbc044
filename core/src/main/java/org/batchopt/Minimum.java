package org.batchopt;

/**
 * A distinct minimum found by a batch: members whose final points lie within the x tolerance of its best
 * point (in every coordinate) and whose objective lies within the f tolerance of its best one.
 *
 * The arrays are the record's own, not copies: do not modify them.
 *
 * @param x         the best point (lowest objective; highest when maximizing), {@code D} coordinates
 * @param f         f at {@code x}, without penalties
 * @param objective the objective at {@code x}: f with the regularization penalties ({@link Result#objectiveValue})
 * @param count     members that reached it, {@code members.length}
 * @param members   their indices, best first
 */
public record Minimum(double[] x, double f, double objective, int count, int[] members) {
}
