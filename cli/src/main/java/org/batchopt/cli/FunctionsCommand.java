package org.batchopt.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.batchopt.Box;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.objective.BuiltIn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code batchopt functions}: the built-in objectives, or one of them in full. */
@Command(name = "functions", sortOptions = false,
        description = {"Lists the built-in objectives: name, allowed dimensions, usual search box, known minimum "
                + "and minimizers, formula.",
                "With a NAME, shows that one in full at dimension --dim, every minimizer with every coordinate."})
final class FunctionsCommand implements Callable<Integer> {
    /** Coordinates of a minimizer shown in the list. */
    private static final int SHOWN_COORDINATES = 4;

    @Spec
    CommandSpec spec;

    @Mixin
    Main.HelpOption help;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "one built-in, in full")
    String name;

    @Option(names = "--dim", paramLabel = "D", description = "the dimension to show the box and minimizers at "
            + "(default: 2 where allowed, else the smallest allowed)")
    Integer dimension;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        List<Objective> shown;
        if (name != null) {
            shown = List.of(Objectives.byName(name, dimension(JobOptions.builtIn(name))));
        } else {
            shown = Arrays.stream(BuiltIn.values()).map(b -> b.create(dimension(b))).toList();
        }
        try (Output out = Output.to(output.out, spec.commandLine().getOut())) {
            PrintWriter w = out.writer();
            switch (output.format) {
                case JSON -> json(shown, w);
                case CSV -> table(shown, true).printCsv(w);
                case TABLE -> {
                    if (name != null) {
                        detail(shown.get(0), w);
                    } else {
                        table(shown, false).print(w);
                    }
                }
            }
            out.commit();
        }
        return Main.OK;
    }

    private int dimension(BuiltIn b) {
        if (dimension != null) {
            return dimension;
        }
        return Math.max(b.minDimension(), Math.min(2, b.maxDimension()));
    }

    private static Table table(List<Objective> shown, boolean exact) {
        Table t = new Table("name", "dimensions", "D", "box", "minimum", "minimizers", "formula");
        for (Objective o : shown) {
            BuiltIn b = BuiltIn.byName(o.name());
            t.row(o.name(), b.dimensions(), o.dimension(), box(o.box()), Numbers.brief(o.minimum()),
                    minimizers(o, exact),
                    o.formula());
        }
        return t;
    }

    private static void detail(Objective o, PrintWriter w) {
        BuiltIn b = BuiltIn.byName(o.name());
        Table t = new Table();
        t.row("name", o.name());
        t.row("formula", o.formula());
        t.row("dimensions", b.dimensions());
        t.row("shown at", "D = " + o.dimension());
        t.row("box", box(o.box()));
        t.row("minimum", Numbers.exact(o.minimum(), Precision.FP64));
        List<double[]> xs = o.minimizers();
        for (int k = 0; k < xs.size(); k++) {
            t.row(k == 0 ? "minimizers" : "", Arrays.stream(xs.get(k)).mapToObj(Double::toString)
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        t.print(w);
    }

    private static void json(List<Objective> shown, PrintWriter w) throws IOException {
        try (JsonGenerator g = Json.open(w)) {
            g.writeStartArray();
            for (Objective o : shown) {
                BuiltIn b = BuiltIn.byName(o.name());
                g.writeStartObject();
                g.writeStringField("name", o.name());
                g.writeStringField("formula", o.formula());
                g.writeNumberField("min_dimension", b.minDimension());
                if (b.maxDimension() == Integer.MAX_VALUE) {
                    g.writeNullField("max_dimension");
                } else {
                    g.writeNumberField("max_dimension", b.maxDimension());
                }
                g.writeNumberField("dimension", o.dimension());
                Json.box(g, "box", o.box());
                Json.number(g, "minimum", o.minimum(), Precision.FP64);
                g.writeArrayFieldStart("minimizers");
                for (double[] x : o.minimizers()) {
                    g.writeArray(x, 0, x.length);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        w.println();
    }

    private static String box(Box box) {
        if (box.isCube()) {
            return "[" + Numbers.brief(box.lo(0)) + ", " + Numbers.brief(box.hi(0)) + "] per coordinate";
        }
        return box.toString();
    }

    /** The minimizers, a point whose coordinates are all equal shortened to (v, ..., v). */
    private static String minimizers(Objective o, boolean exact) {
        List<double[]> xs = o.minimizers();
        if (xs.isEmpty()) {
            return "unknown";
        }
        return xs.stream().map(x -> {
            boolean same = Arrays.stream(x).allMatch(v -> v == x[0]);
            if (same && x.length > 2 && !exact) {
                return "(" + Numbers.brief(x[0]) + ", ..., " + Numbers.brief(x[0]) + ")";
            }
            return exact ? Arrays.stream(x).mapToObj(Double::toString).collect(Collectors.joining(" ", "(", ")"))
                    : Numbers.brief(x, SHOWN_COORDINATES);
        }).collect(Collectors.joining("; "));
    }
}
