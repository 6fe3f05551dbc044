package org.batchopt.spark;

/**
 * The order the local engine ranks members by ({@link org.batchopt.Result#best(int)}): the better objective first
 * (the lower one, the higher when maximizing, as {@link Double#compare} orders them), then the lower index.
 */
final class Ranking {
    private Ranking() {
    }

    /** Negative when member {@code a} (objective {@code va}) ranks before member {@code b}. */
    static int compare(double va, int a, double vb, int b, boolean maximized) {
        int c = maximized ? Double.compare(vb, va) : Double.compare(va, vb);
        return c != 0 ? c : Integer.compare(a, b);
    }

    static int compare(MemberRecord a, MemberRecord b, boolean maximized) {
        return compare(a.objective(), a.index(), b.objective(), b.index(), maximized);
    }

    /**
     * Sorts {@code members} (positions into {@code values}, whose member indices are {@code first + position})
     * best first, with a merge sort on primitives.
     */
    static void sort(int[] members, double[] values, int first, boolean maximized) {
        int[] buffer = new int[members.length];
        for (int width = 1; width < members.length; width *= 2) {
            for (int lo = 0; lo < members.length - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, members.length);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    boolean right = compare(values[members[j]], first + members[j], values[members[i]],
                            first + members[i], maximized) < 0;
                    buffer[k++] = right ? members[j++] : members[i++];
                }
                while (i < mid) {
                    buffer[k++] = members[i++];
                }
                while (j < hi) {
                    buffer[k++] = members[j++];
                }
                System.arraycopy(buffer, lo, members, lo, hi - lo);
            }
        }
    }
}
