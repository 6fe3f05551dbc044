package org.batchopt.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.TestAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Which dimensions each built-in accepts, and how the public factories reach every built-in. */
class BuiltInDimensionTest {

    @ParameterizedTest
    @EnumSource(BuiltIn.class)
    void dimensionBelowTheMinimumIsRejected(BuiltIn b) {
        int d = b.minDimension() - 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.create(d));
        assertTrue(e.getMessage().startsWith("dimension " + d + " "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Objectives.byName(b.id(), d));
        assertTrue(e.getMessage().startsWith("dimension " + d + " "), e.getMessage());
    }

    /** The built-ins with a largest dimension (the 2-D ones); the others take any D from their minimum. */
    static Stream<BuiltIn> bounded() {
        List<BuiltIn> bounded = Arrays.stream(BuiltIn.values()).filter(b -> b.maxDimension() < Integer.MAX_VALUE)
                .toList();
        assertEquals(10, bounded.size(), bounded.toString());
        return bounded.stream();
    }

    @ParameterizedTest
    @MethodSource("bounded")
    void dimensionAboveTheMaximumIsRejected(BuiltIn b) {
        int d = b.maxDimension() + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.create(d));
        assertTrue(e.getMessage().startsWith("dimension " + d + " "), e.getMessage());
    }

    @ParameterizedTest(name = "{0} D={1}")
    @MethodSource("org.batchopt.objective.BuiltInCases#cases")
    void allowedDimensionBuildsAConsistentObjective(BuiltIn b, int d) {
        Objective o = Objectives.byName(b.id(), d);
        assertEquals(b.id(), o.name());
        assertEquals(d, o.dimension());
        assertEquals(d, o.box().dimension());
        assertEquals(d, TestAccess.source(o).twin64(d).dimension());
        assertEquals(d, TestAccess.source(o).twin32(d).dimension());
        assertTrue(o.formula().startsWith("f("), o.formula());
        assertSame(b, BuiltIn.byName(b.id()));
    }

    /** Every built-in has its factory in {@link Objectives}: "six-hump-camel" is {@code sixHumpCamel()}. */
    @ParameterizedTest
    @EnumSource(BuiltIn.class)
    void objectivesHasAFactory(BuiltIn b) throws ReflectiveOperationException {
        StringBuilder name = new StringBuilder();
        for (String part : b.id().split("-")) {
            name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        boolean fixed = b.minDimension() == b.maxDimension();
        Method m = fixed ? Objectives.class.getMethod(name.toString())
                : Objectives.class.getMethod(name.toString(), int.class);
        assertTrue(Modifier.isStatic(m.getModifiers()));
        Object o = fixed ? m.invoke(null) : m.invoke(null, b.minDimension());
        assertEquals(b.id(), ((Objective) o).name());
        assertEquals(b.minDimension(), ((Objective) o).dimension());
        assertTrue(Objectives.names().contains(b.id()));
    }
}
