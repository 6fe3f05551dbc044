package org.batchopt.parity;

import static org.junit.jupiter.api.Assertions.fail;

import org.batchopt.Result;

/** Bit-for-bit comparison of one member of one result with one member of another. */
public final class ResultAssert {
    private ResultAssert() {
    }

    public static void assertSameMember(Result a, int ma, Result b, int mb, String what) {
        boolean same = a.status(ma) == b.status(mb) && a.steps(ma) == b.steps(mb)
                && bits(a.f(ma)) == bits(b.f(mb)) && bits(a.gradientNorm(ma)) == bits(b.gradientNorm(mb));
        for (int i = 0; i < a.dimension() && same; i++) {
            same = bits(a.x(ma, i)) == bits(b.x(mb, i));
        }
        if (!same) {
            fail(what + ": member " + ma + " " + describe(a, ma) + " vs member " + mb + " " + describe(b, mb));
        }
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static String describe(Result r, int m) {
        return r.status(m) + " after " + r.steps(m) + " steps, f=" + r.f(m) + ", |g|=" + r.gradientNorm(m) + ", x="
                + java.util.Arrays.toString(r.x(m));
    }
}
