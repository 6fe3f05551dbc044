package org.batchopt.kernel;

import java.util.Locale;

/**
 * Whether the CPU's lane loops may use the Java Vector API ({@code jdk.incubator.vector}). The API is an
 * incubator module in Java 17 to 25: it is there only when the JVM starts with
 * {@code --add-modules jdk.incubator.vector} (the {@code batchopt} launcher and the test JVMs pass it). Code that
 * uses it lives in classes of its own, which are loaded only when {@link #ENABLED} is true; every such class has
 * a plain-Java twin that gives the same bits (the Vector API's lane-wise add, multiply, fma, divide, sqrt and
 * compare are the IEEE operations of the scalar code; its SVML-backed transcendental operators are never used),
 * so the switch changes speed only. {@code -Dbatchopt.vector=false} turns it off where the module is present
 * (to compare the two, or to rule the API out).
 */
public final class VectorLanes {
    /** The module that holds the API. */
    public static final String MODULE = "jdk.incubator.vector";

    private static final boolean PRESENT = ModuleLayer.boot().findModule(MODULE).isPresent();

    /** True when the lane loops use the Vector API: the module is in the boot layer and not turned off. */
    public static final boolean ENABLED = PRESENT
            && !"false".equals(System.getProperty("batchopt.vector", "").trim().toLowerCase(Locale.ROOT));

    private VectorLanes() {
    }

    /** The lane loops in words, for a backend's description: which path, and how to get the faster one. */
    public static String describe() {
        if (ENABLED) {
            return "Vector API lanes";
        }
        return PRESENT
                ? "plain lanes (-Dbatchopt.vector=false)"
                : "plain lanes (--add-modules " + MODULE + " for SIMD)";
    }
}
