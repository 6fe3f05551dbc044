package org.batchopt.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector species per element type that every Vector API class of the CPU backend uses (loaded only when
 * {@link VectorLanes#ENABLED}): doubles in the CPU's preferred shape, floats and longs with as many lanes as the
 * doubles. Floats have as many lanes as doubles because {@link VectorMath32} evaluates each float lane in a double
 * lane.
 *
 * <p>Why one species per type: the Vector API's shared methods ({@code FloatVector.fma}, {@code intoArray}, ...)
 * dispatch on the concrete vector class, and C2 on JDK 17 inlines that dispatch from the call site's type profile.
 * When two shapes of one element type run in a JVM (say 512-bit floats in the data products and 256-bit floats in
 * the math lanes), the profiles name both classes, intrinsification fails, and the vectors live on the heap: a
 * logistic grid ran three times slower than the plain loops (native-notes/cpu-vectorization.md).
 * {@code VectorShapesTest} fails when a class of the tree names a species of its own.
 */
final class VectorShapes {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = VectorSpecies.of(float.class,
            VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
    private static final VectorSpecies<Long> LONGS = DOUBLES.withLanes(long.class);

    private VectorShapes() {
    }

    /**
     * The species of {@code element} ({@code double.class}, {@code float.class} or {@code long.class}), to be held
     * in a static final field (a constant to C2). Written with the element's class so that the fp32 twin of an fp64
     * source ({@code double.class} becomes {@code float.class}) gets the float species.
     */
    @SuppressWarnings("unchecked")
    static <E> VectorSpecies<E> of(Class<E> element) {
        if (element == double.class) {
            return (VectorSpecies<E>) DOUBLES;
        }
        if (element == float.class) {
            return (VectorSpecies<E>) FLOATS;
        }
        if (element == long.class) {
            return (VectorSpecies<E>) LONGS;
        }
        throw new IllegalArgumentException("no vector species chosen for " + element);
    }
}
