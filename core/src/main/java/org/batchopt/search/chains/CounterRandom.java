package org.batchopt.search.chains;

/**
 * The counter-based random numbers of a search: number {@code k} of stream (seed, member, event) is a pure function
 * of those four integers, so any member's draws can be made in any order, on any thread, in any batch. The stream's
 * key is {@code mix(mix(mix(seed ^ SALT) + member) + event)} and draw k is {@code mix(key + (k+1)*GAMMA)}: SplitMix64
 * (the generator of Java's SplittableRandom, Steele, Lea and Flood, OOPSLA 2014) started at the key, whose output
 * function {@link #mix} is a bijection of 64-bit words. Host-only: the devices never draw.
 */
public final class CounterRandom {
    /** Keeps the search's streams apart from the start points', which key the same seed. */
    private static final long SALT = 0x5EA2C4B0A7E1D3F9L;
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private CounterRandom() {
    }

    /** The key of stream (seed, member, event). */
    public static long key(long seed, long member, long event) {
        return mix(mix(mix(seed ^ SALT) + member) + event);
    }

    /** Draw {@code k} of the stream with {@code key}, as 64 random bits. */
    public static long bits(long key, long k) {
        return mix(key + (k + 1) * GAMMA);
    }

    /** Draw {@code k} as a double uniform in [0, 1): its top 53 bits. */
    public static double unit(long key, long k) {
        return (bits(key, k) >>> 11) * 0x1.0p-53;
    }

    /** Draw {@code k} as an integer uniform in [0, n), n >= 1: the top bits scaled (a bias below n/2^63). */
    public static int below(long key, long k, int n) {
        return (int) Math.multiplyHigh(bits(key, k) >>> 1, (long) n << 1);
    }

    /** The SplitMix64 output function (David Stafford's Mix13 variant). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
