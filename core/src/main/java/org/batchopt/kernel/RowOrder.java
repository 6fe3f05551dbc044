package org.batchopt.kernel;

/**
 * The order of a dataset's rows, the same on every backend: the minibatches of epoch e are the rows of
 * {@code permutation(seed, e)} taken in turn, {@code batch} at a time (the last batch of an epoch may be smaller),
 * shared by every member, so that the gradient of all members is one matrix product and a member's trajectory
 * depends on its own inputs only; a validation split takes the first rows of {@code permutation(seed, SPLIT)}.
 * The permutation is Fisher-Yates driven by a counter-based hash of (seed, stream, position), so any range of it is
 * computed alike anywhere.
 */
public final class RowOrder {
    /** The stream of the validation split (epochs are streams 0, 1, ...). */
    public static final long SPLIT = -1;

    private RowOrder() {
    }

    /** {@code out[0..n)} = the rows {@code 0..n-1} in the order of (seed, stream). */
    public static void permutation(long seed, long stream, int n, int[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        long key = mix(mix(seed ^ 0x0DDBA11L) + stream);
        for (int i = n - 1; i > 0; i--) {
            long h = mix(key + i);
            int j = (int) (((h >>> 32) * (long) (i + 1)) >>> 32);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    }

    /** SplitMix64's finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
