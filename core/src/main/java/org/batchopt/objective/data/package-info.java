/**
 * Internal, not part of batchopt's API: models fitted to a dataset as the backends run them ({@code ModelSource}),
 * their full-batch loss as a plain objective twin ({@code FullBatch64} and the generated {@code FullBatch32}), and
 * the CSV reader behind {@link org.batchopt.Dataset}.
 */
package org.batchopt.objective.data;
