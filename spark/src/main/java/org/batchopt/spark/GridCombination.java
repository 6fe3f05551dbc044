package org.batchopt.spark;

import java.util.Map;

/**
 * How the members of one grid combination ended, over every task that ran some of them.
 *
 * @param combination     its index in grid order
 * @param hyperparameters the grid's axes as the combination has them, by {@link org.batchopt.Hyperparameter#id}
 * @param bestMember      its best member (ranked as {@link org.batchopt.Result#best}), -1 when all diverged
 * @param bestF           f of the best member, NaN when all diverged
 * @param bestObjective   the best member's objective, NaN when all diverged
 * @param converged       members that converged (gradient or value tolerance)
 * @param diverged        members that diverged
 */
public record GridCombination(long combination, Map<String, Double> hyperparameters, int bestMember, double bestF,
                              double bestObjective, long converged, long diverged) {
}
