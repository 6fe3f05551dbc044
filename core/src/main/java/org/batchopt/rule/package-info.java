/**
 * The update rules, torch.optim term by term: one record per rule with its exact formula in the javadoc, built
 * with its {@code builder()}, with a schedule ({@code org.batchopt.schedule}) and a
 * {@link org.batchopt.rule.Regularization}.
 */
package org.batchopt.rule;
