package org.batchopt;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.batchopt.objective.BuiltIn;

/** Factories for the built-in objectives; {@link BuiltIn} documents each one. */
public final class Objectives {
    private Objectives() {
    }

    /**
     * The built-in called {@code name} in {@code dimension} variables.
     *
     * @throws IllegalArgumentException for an unknown name or a dimension the function does not allow
     */
    public static Objective byName(String name, int dimension) {
        BuiltIn b = BuiltIn.byName(name);
        if (b == null) {
            throw new IllegalArgumentException("unknown objective '" + name + "' (built-ins: " + names() + ")");
        }
        return b.create(dimension);
    }

    /** The built-ins' names, comma-separated. */
    public static String names() {
        return Arrays.stream(BuiltIn.values()).map(BuiltIn::id).collect(Collectors.joining(", "));
    }

    public static Objective sphere(int dimension) {
        return BuiltIn.SPHERE.create(dimension);
    }

    public static Objective rosenbrock(int dimension) {
        return BuiltIn.ROSENBROCK.create(dimension);
    }

    public static Objective rastrigin(int dimension) {
        return BuiltIn.RASTRIGIN.create(dimension);
    }

    public static Objective himmelblau() {
        return BuiltIn.HIMMELBLAU.create(2);
    }
}
