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

    public static Objective ackley(int dimension) {
        return BuiltIn.ACKLEY.create(dimension);
    }

    public static Objective griewank(int dimension) {
        return BuiltIn.GRIEWANK.create(dimension);
    }

    public static Objective styblinskiTang(int dimension) {
        return BuiltIn.STYBLINSKI_TANG.create(dimension);
    }

    public static Objective levy(int dimension) {
        return BuiltIn.LEVY.create(dimension);
    }

    public static Objective zakharov(int dimension) {
        return BuiltIn.ZAKHAROV.create(dimension);
    }

    public static Objective dixonPrice(int dimension) {
        return BuiltIn.DIXON_PRICE.create(dimension);
    }

    public static Objective schwefel(int dimension) {
        return BuiltIn.SCHWEFEL.create(dimension);
    }

    public static Objective branin() {
        return BuiltIn.BRANIN.create(2);
    }

    public static Objective sixHumpCamel() {
        return BuiltIn.SIX_HUMP_CAMEL.create(2);
    }

    public static Objective threeHumpCamel() {
        return BuiltIn.THREE_HUMP_CAMEL.create(2);
    }

    public static Objective beale() {
        return BuiltIn.BEALE.create(2);
    }

    public static Objective booth() {
        return BuiltIn.BOOTH.create(2);
    }

    public static Objective matyas() {
        return BuiltIn.MATYAS.create(2);
    }

    public static Objective goldsteinPrice() {
        return BuiltIn.GOLDSTEIN_PRICE.create(2);
    }

    public static Objective easom() {
        return BuiltIn.EASOM.create(2);
    }

    public static Objective mccormick() {
        return BuiltIn.MCCORMICK.create(2);
    }
}
