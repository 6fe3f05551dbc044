package org.batchopt.backend;

/**
 * A contiguous range of members handed to a backend: global indices {@code first .. first+count-1} and
 * their start points, member-major ({@code start[j*D + i]} is coordinate i of member first+j).
 */
public record MemberBlock(long first, int count, double[] start) {
    public MemberBlock {
        if (count < 0) {
            throw new IllegalArgumentException("block of " + count + " members");
        }
    }
}
