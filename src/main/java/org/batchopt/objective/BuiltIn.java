package org.batchopt.objective;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.batchopt.Box;
import org.batchopt.Objective;
import org.batchopt.backend.KernelSources;
import org.batchopt.backend.cpu.twin.ObjectiveTwin32;
import org.batchopt.backend.cpu.twin.ObjectiveTwin64;
import org.batchopt.objective.twin.Himmelblau32;
import org.batchopt.objective.twin.Himmelblau64;
import org.batchopt.objective.twin.Rastrigin32;
import org.batchopt.objective.twin.Rastrigin64;
import org.batchopt.objective.twin.Rosenbrock32;
import org.batchopt.objective.twin.Rosenbrock64;
import org.batchopt.objective.twin.Sphere32;
import org.batchopt.objective.twin.Sphere64;

/**
 * The built-in objectives, each with its formula, the dimensions it allows, its usual search box and its
 * known global minima (all of them where there are several). Kernel source: {@code kernels/objectives/<name>.cl};
 * twins: {@code objective/twin/<Name>64.java} and the generated {@code <Name>32}.
 */
public enum BuiltIn {
    SPHERE("sphere", 1, Integer.MAX_VALUE,
            "f(x) = sum_i x_i^2",
            d -> Box.cube(d, -5.12, 5.12), d -> 0.0, d -> List.of(new double[d]),
            Sphere64::new, Sphere32::new),
    ROSENBROCK("rosenbrock", 2, Integer.MAX_VALUE,
            "f(x) = sum_{i<D-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2",
            d -> Box.cube(d, -2.048, 2.048), d -> 0.0, d -> List.of(filled(d, 1.0)),
            Rosenbrock64::new, Rosenbrock32::new),
    RASTRIGIN("rastrigin", 1, Integer.MAX_VALUE,
            "f(x) = 10 D + sum_i (x_i^2 - 10 cos(2 pi x_i))",
            d -> Box.cube(d, -5.12, 5.12), d -> 0.0, d -> List.of(new double[d]),
            Rastrigin64::new, Rastrigin32::new),
    HIMMELBLAU("himmelblau", 2, 2,
            "f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2",
            d -> Box.cube(2, -5, 5), d -> 0.0,
            d -> List.of(new double[] {3, 2},
                    new double[] {-2.805118086952745, 3.131312518250573},
                    new double[] {-3.779310253377747, -3.283185991286170},
                    new double[] {3.584428340330492, -1.848126526964404}),
            Himmelblau64::new, Himmelblau32::new);

    private final String name;
    private final int minDimension;
    private final int maxDimension;
    private final String formula;
    private final IntFunction<Box> box;
    private final IntToDoubleFunction minimum;
    private final IntFunction<List<double[]>> minimizers;
    private final IntFunction<ObjectiveTwin64> twin64;
    private final IntFunction<ObjectiveTwin32> twin32;

    BuiltIn(String name, int minDimension, int maxDimension, String formula, IntFunction<Box> box,
            IntToDoubleFunction minimum, IntFunction<List<double[]>> minimizers,
            IntFunction<ObjectiveTwin64> twin64, IntFunction<ObjectiveTwin32> twin32) {
        this.name = name;
        this.minDimension = minDimension;
        this.maxDimension = maxDimension;
        this.formula = formula;
        this.box = box;
        this.minimum = minimum;
        this.minimizers = minimizers;
        this.twin64 = twin64;
        this.twin32 = twin32;
    }

    /** The name as the API and the command line spell it. */
    public String id() {
        return name;
    }

    public int minDimension() {
        return minDimension;
    }

    /** The largest allowed dimension; {@link Integer#MAX_VALUE} for "any". */
    public int maxDimension() {
        return maxDimension;
    }

    public String formula() {
        return formula;
    }

    /** The objective in {@code dimension} variables. */
    public Objective create(int dimension) {
        if (dimension < minDimension || dimension > maxDimension) {
            throw new IllegalArgumentException("dimension " + dimension + " is not allowed for " + name + ": "
                    + dimensions());
        }
        return new Objective(name, dimension, new Source(), box.apply(dimension), minimum.applyAsDouble(dimension),
                minimizers.apply(dimension), formula);
    }

    /** The allowed dimensions in words: "2", "any D >= 1". */
    public String dimensions() {
        if (minDimension == maxDimension) {
            return "D = " + minDimension;
        }
        return "any D >= " + minDimension;
    }

    /** The built-in called {@code name}, or null. */
    public static BuiltIn byName(String name) {
        for (BuiltIn b : values()) {
            if (b.name.equals(name)) {
                return b;
            }
        }
        return null;
    }

    static double[] filled(int d, double v) {
        double[] x = new double[d];
        java.util.Arrays.fill(x, v);
        return x;
    }

    private final class Source implements ObjectiveSource {
        @Override
        public String id() {
            return name;
        }

        @Override
        public String kernelSource() {
            return KernelSources.read("objectives/" + name + ".cl");
        }

        @Override
        public ObjectiveTwin64 twin64(int dimension) {
            return twin64.apply(dimension);
        }

        @Override
        public ObjectiveTwin32 twin32(int dimension) {
            return twin32.apply(dimension);
        }
    }
}
