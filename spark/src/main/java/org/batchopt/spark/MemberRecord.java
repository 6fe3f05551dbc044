package org.batchopt.spark;

import java.io.Serializable;
import org.batchopt.Result;
import org.batchopt.Status;

/**
 * One member's full result, as the local engine gave it: what a task sends to the driver for the members the merged
 * result shows (best members, founders of minima).
 *
 * @param index     the member's index in the batch
 * @param x         its final point (the run's precision, held as double)
 * @param f         f there, without penalties
 * @param objective what it minimized there ({@link Result#objectiveValue})
 */
public record MemberRecord(int index, double[] x, double f, double objective, double gradientNorm, int steps,
                           Status status) implements Serializable {

    static MemberRecord of(Result r, int m) {
        return new MemberRecord(m, r.x(m), r.f(m), r.objectiveValue(m), r.gradientNorm(m), r.steps(m), r.status(m));
    }
}
