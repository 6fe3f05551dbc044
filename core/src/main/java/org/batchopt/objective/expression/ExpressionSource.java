package org.batchopt.objective.expression;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.batchopt.kernel.ObjectiveTwin32;
import org.batchopt.kernel.ObjectiveTwin64;
import org.batchopt.kernel.ObjectiveSource;
import org.batchopt.objective.expression.Expression32;
import org.batchopt.objective.expression.Expression64;

/**
 * An expression over a fixed dimension as every backend runs it: the kernel source printed from its
 * {@link Program} and CPU twins interpreting that program. Immutable; each twin call returns a new twin (twins
 * keep per-lane scratch).
 */
public final class ExpressionSource implements ObjectiveSource {
    private final String text;
    private final Program program;
    private final List<String> parameters;
    private final String kernel;
    private final String id;

    private ExpressionSource(String text, Program program, List<String> parameters) {
        this.text = text;
        this.program = program;
        this.parameters = List.copyOf(parameters);
        this.kernel = KernelWriter.write(program, text, parameters);
        this.id = "expr:" + sha256(kernel).substring(0, 16);
    }

    /**
     * Compiles {@code text} over {@code dimension} variables.
     *
     * @throws IllegalArgumentException a {@link ExpressionSyntaxException} with the column for a syntax error;
     *                                  for a dimension below 1
     */
    public static ExpressionSource compile(String text, int dimension) {
        return compile(text, dimension, List.of());
    }

    /**
     * Compiles {@code text} over {@code dimension} variables in which {@code parameters} are named parameters, read
     * by the kernel as {@code hp[HP_<name>]}.
     *
     * @throws IllegalArgumentException as {@link #compile(String, int)}, and for a name that cannot be a
     *                                  parameter's ({@link #parameterNameProblem})
     */
    public static ExpressionSource compile(String text, int dimension, List<String> parameters) {
        for (String p : parameters) {
            String problem = Parser.parameterNameProblem(p);
            if (problem != null) {
                throw new IllegalArgumentException("parameter " + problem);
            }
        }
        return new ExpressionSource(text == null ? null : text.strip(), Program.compile(text, dimension, parameters),
                parameters);
    }

    /** Why {@code name} cannot name a parameter of a formula, or null when it can. */
    public static String parameterNameProblem(String name) {
        return Parser.parameterNameProblem(name);
    }

    /** The named parameters, in their order (PARAM k is the k-th). */
    @Override
    public List<String> parameters() {
        return parameters;
    }

    /**
     * The smallest dimension {@code text} compiles for: its highest variable, {@code x1..xN}, or {@code x, y, z}
     * as 1, 2, 3; at least 1.
     */
    public static int dimensionOf(String text) {
        return Parser.highestVariable(text);
    }

    /** The expression as given, without leading and trailing blanks. */
    public String text() {
        return text;
    }

    public Program program() {
        return program;
    }

    public int dimension() {
        return program.dimension();
    }

    /** "expr:" and 16 hex digits of the SHA-256 of the kernel source: equal ids, equal programs. */
    @Override
    public String id() {
        return id;
    }

    @Override
    public String kernelSource() {
        return kernel;
    }

    @Override
    public ObjectiveTwin64 twin64(int dimension) {
        check(dimension);
        return new Expression64(program);
    }

    @Override
    public ObjectiveTwin32 twin32(int dimension) {
        check(dimension);
        return new Expression32(program);
    }

    private void check(int dimension) {
        if (dimension != program.dimension()) {
            throw new IllegalArgumentException("expression \"" + text + "\" was compiled for dimension "
                    + program.dimension() + ", not " + dimension);
        }
    }

    static String sha256(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
