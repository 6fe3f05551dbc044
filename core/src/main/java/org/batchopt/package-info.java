/**
 * The API: a batch of members ({@link org.batchopt.Batch}, {@link org.batchopt.Starts}, {@link org.batchopt.Grid})
 * on an objective ({@link org.batchopt.Objectives}) with an update rule ({@code org.batchopt.rule}), run by an
 * {@link org.batchopt.Engine} on a {@link org.batchopt.Backend} opened with {@link org.batchopt.Backends}, ending in
 * a {@link org.batchopt.Result}. Together with {@code org.batchopt.rule}, {@code org.batchopt.schedule} and
 * {@code org.batchopt.objective} this is everything a user imports; the other packages are internal.
 */
package org.batchopt;
