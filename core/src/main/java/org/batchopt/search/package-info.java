/**
 * Global search over a batch: the strategies ({@link org.batchopt.search.SearchStrategy}: multistart, restarts,
 * basin hopping, memetic differential evolution), the budget that ends a search ({@link org.batchopt.search.Budget})
 * and what a search reports ({@link org.batchopt.search.SearchSummary}). {@link org.batchopt.Search} runs them.
 */
package org.batchopt.search;
