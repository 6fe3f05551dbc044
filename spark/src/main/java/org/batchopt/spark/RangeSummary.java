package org.batchopt.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What the driver needs of one task's range: its status counts, its best members, the founders of its minima (when
 * asked for), the member-steps it took, the local engine's timing and where it ran.
 *
 * @param statusCounts members per {@link org.batchopt.Status}, by ordinal
 * @param best         its best members, best first
 * @param founders     the founders of the minima among its members, best first; empty when minima were not asked for
 * @param combinations its part of every grid combination it touches, in grid order
 * @param known        its part of the judgement against a known optimum, null when none is known or asked for
 * @param seconds      the local engine's compile, transfer and run seconds ({@link org.batchopt.Timing})
 * @param penalized    whether the objective has penalties besides f ({@link org.batchopt.Result#hasPenalty})
 * @param backend      the backends that ran it, as {@link org.batchopt.Result#backend}
 */
record RangeSummary(int first, int count, long[] statusCounts, List<MemberRecord> best, List<MemberRecord> founders,
                    List<CombinationPart> combinations, KnownPart known, long memberSteps, double[] seconds,
                    boolean penalized, String backend, String device) implements Serializable {
}
