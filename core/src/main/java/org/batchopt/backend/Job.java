package org.batchopt.backend;

import org.batchopt.Gradient;
import org.batchopt.Objective;
import org.batchopt.Precision;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.rule.UpdateRule;

/**
 * Everything a backend needs to run members, except the members themselves ({@link MemberBlock}).
 *
 * @param fdStep          central-difference step h (see {@link Gradient}); ignored for analytic gradients
 * @param stepsPerLaunch  iterations per fused launch, 0 for the planner's choice
 * @param historyEvery    record x every this many steps, 0 for none
 */
public record Job(Objective objective, UpdateRule rule, Stopping stopping, Precision precision, Gradient gradient,
                  double fdStep, Strategy strategy, int stepsPerLaunch, int historyEvery) {

    public int dimension() {
        return objective.dimension();
    }

    public ParamLayout params() {
        return ParamLayout.of(rule);
    }
}
