package org.batchopt.objective;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchopt.Objective;
import org.batchopt.TestAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each built-in's kernel source keeps to the portable subset of {@code kernels/}: the math of
 * {@code math.cl} instead of the compilers' own, no fused or contracted operations, every floating literal
 * as {@code R(v)}; and it names its Java twin.
 */
class BuiltInKernelSourceTest {
    /**
     * Math that differs between compilers, or that fuses: bit parity needs the portable kernels/math.cl and no
     * contraction (README, "Bit-identical backends").
     */
    private static final Pattern NON_PORTABLE = Pattern.compile(
            "(?<![\\w.])(sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|exp|exp2|exp10|expm1|log|log2|log10|log1p"
                    + "|pow|pown|powr|rootn|rsqrt|cbrt|hypot|fma|mad|native_\\w+|half_\\w+)\\s*\\(");
    /** A floating literal: digits with a point or an exponent. */
    private static final Pattern FLOATING = Pattern.compile(
            "(?<![\\w.])(\\d+\\.\\d*|\\.\\d+|\\d+[eE][-+]?\\d+)([eE][-+]?\\d+)?[fF]?");

    @ParameterizedTest
    @EnumSource(BuiltIn.class)
    void kernelKeepsToThePortableSubset(BuiltIn b) {
        Objective o = b.create(b.minDimension());
        String code = withoutComments(TestAccess.source(o).kernelSource());
        assertTrue(code.contains("BO_FN real obj_value(OBJ_X_PARAMS)"), b.id());
        assertTrue(code.contains("BO_FN real obj_value_grad(OBJ_XG_PARAMS)"), b.id());
        Matcher m = NON_PORTABLE.matcher(code);
        assertTrue(!m.find(), () -> b.id() + ": non-portable call " + m.group());
        Matcher f = FLOATING.matcher(code);
        while (f.find()) {
            String before = code.substring(Math.max(0, f.start() - 3), f.start());
            final String literal = f.group();
            assertTrue(before.endsWith("R(") || before.endsWith("R(-"),
                    () -> b.id() + ": floating literal " + literal + " outside R()");
        }
    }

    @ParameterizedTest
    @EnumSource(BuiltIn.class)
    void kernelNamesItsTwin(BuiltIn b) {
        Objective o = b.create(b.minDimension());
        String twin = TestAccess.source(o).twin64(b.minDimension()).getClass().getSimpleName() + ".java";
        assertTrue(TestAccess.source(o).kernelSource().contains("Twin: " + twin), () -> b.id() + " does not name " + twin);
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }
}
