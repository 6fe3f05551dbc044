package org.batchopt.spark;

import java.io.Serializable;

/**
 * The members of one grid combination that lie in one task's range, with what a combination's summary is made of:
 * their objectives, f, steps and statuses (by ordinal). A combination cut by a range boundary has a part in each task;
 * the driver puts the parts together before it summarizes, so that order statistics such as the median are exact.
 *
 * @param combination the combination's index in grid order
 * @param members     the members' indices, ascending
 */
record CombinationPart(long combination, int[] members, double[] objective, double[] f, int[] steps, byte[] status)
        implements Serializable {
}
