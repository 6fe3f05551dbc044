package org.batchopt.spark;

import java.io.Serializable;
import java.util.List;

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

    /** Consecutive parts of one combination as one, in member order. */
    static CombinationPart join(List<CombinationPart> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int n = parts.stream().mapToInt(p -> p.members.length).sum();
        int[] members = new int[n];
        double[] objective = new double[n];
        double[] f = new double[n];
        int[] steps = new int[n];
        byte[] status = new byte[n];
        int at = 0;
        for (CombinationPart p : parts) {
            int k = p.members.length;
            System.arraycopy(p.members, 0, members, at, k);
            System.arraycopy(p.objective, 0, objective, at, k);
            System.arraycopy(p.f, 0, f, at, k);
            System.arraycopy(p.steps, 0, steps, at, k);
            System.arraycopy(p.status, 0, status, at, k);
            at += k;
        }
        return new CombinationPart(parts.get(0).combination, members, objective, f, steps, status);
    }
}
