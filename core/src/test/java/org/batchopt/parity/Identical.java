package org.batchopt.parity;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import org.batchopt.Result;

/** Asserts that two results agree bit for bit, member by member, naming the first difference. */
final class Identical {
    private Identical() {
    }

    static void assertIdentical(Result expected, Result actual, String what) {
        if (expected.members() != actual.members()) {
            fail(what + ": " + expected.members() + " vs " + actual.members() + " members");
        }
        for (int m = 0; m < expected.members(); m++) {
            String member = what + ", member " + m + " (" + expected.backend() + " vs " + actual.backend() + "): ";
            if (expected.status(m) != actual.status(m) || expected.steps(m) != actual.steps(m)) {
                fail(member + expected.status(m) + " after " + expected.steps(m) + " steps vs " + actual.status(m)
                        + " after " + actual.steps(m));
            }
            for (int i = 0; i < expected.dimension(); i++) {
                same(member + "x[" + i + "]", expected.x(m, i), actual.x(m, i), expected, actual, m);
            }
            same(member + "f", expected.f(m), actual.f(m), expected, actual, m);
            same(member + "gradient norm", expected.gradientNorm(m), actual.gradientNorm(m), expected, actual, m);
            double[] le = expected.multipliers(m);
            double[] la = actual.multipliers(m);
            double[] ce = expected.constraintValues(m);
            double[] ca = actual.constraintValues(m);
            if (le.length != la.length) {
                fail(member + le.length + " vs " + la.length + " multipliers");
            }
            for (int j = 0; j < le.length; j++) {
                same(member + "multiplier " + j, le[j], la[j], expected, actual, m);
                same(member + "constraint " + j, ce[j], ca[j], expected, actual, m);
            }
            same(member + "violation", expected.violation(m), actual.violation(m), expected, actual, m);
            same(member + "KKT residual", expected.kktResidual(m), actual.kktResidual(m), expected, actual, m);
        }
    }

    private static void same(String what, double a, double b, Result ea, Result eb, int m) {
        if (Double.doubleToLongBits(a) != Double.doubleToLongBits(b)) {
            fail(what + " differs: " + a + " vs " + b + " (" + ulps(a, b, ea) + " ulp); x = "
                    + Arrays.toString(ea.x(m)) + " vs " + Arrays.toString(eb.x(m)));
        }
    }

    static double ulps(double a, double b, Result r) {
        double ulp = r.precision() == org.batchopt.Precision.FP32 ? Math.ulp((float) a) : Math.ulp(a);
        return Math.abs(a - b) / ulp;
    }
}
