package org.batchopt.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.batchopt.Basin;
import org.batchopt.Gradient;
import org.batchopt.Grid;
import org.batchopt.Hyperparameter;
import org.batchopt.Minimum;
import org.batchopt.Param;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Status;
import org.batchopt.Timing;

/**
 * What {@code batchopt run} prints: a summary, the best members (or all), the distinct minima and, for a grid,
 * the statistics of each combination; as a table, CSV or JSON. Every member has {@code f}, the objective
 * function at its final point, and {@code objective}, what it minimized there: f with the regularization
 * penalties ({@link Result#objectiveValue}); members, minima and combinations are ranked by the latter. The figures
 * that judge the batch (known optimum, basins, saturation, combinations) come from {@link Figures}.
 */
final class RunReport {
    static final double DEFAULT_X_TOL = 1e-2;
    static final double DEFAULT_F_TOL = 1e-3;
    /** Coordinates of a point shown in a table row. */
    private static final int SHOWN_COORDINATES = 6;

    /**
     * What to show.
     *
     * @param all    every member in index order, every minimum and combination
     * @param top    otherwise the {@code top} best of each
     * @param minima whether to cluster the final points
     */
    record Selection(boolean all, int top, boolean minima, double xTol, double fTol) {
        int limit(long available) {
            return (int) (all ? available : Math.min(top, available));
        }
    }

    private final PreparedJob job;
    private final RunOutcome result;
    private final Selection selection;
    private final Precision precision;
    private final int[] rows;
    private final Figures figures;
    /** With --minima, else null. */
    private final List<Minimum> minima;
    /** The search's part, null for a run without a search. */
    private final SearchReport search;

    RunReport(PreparedJob job, Figures figures, Selection selection) {
        this.job = job;
        this.result = figures.result;
        this.selection = selection;
        this.precision = result.precision();
        this.rows = selection.all() ? IntStream.range(0, result.members()).toArray()
                : result.best(selection.limit(result.members()));
        this.figures = figures;
        this.minima = selection.minima() ? figures.basins.minima() : null;
        this.search = SearchReport.of(result);
    }

    void write(Format format, PrintWriter out) {
        switch (format) {
            case TABLE -> table(out);
            case CSV -> csv(out);
            case JSON -> json(out);
        }
    }

    // ---- table

    private void table(PrintWriter out) {
        summary().print(out);
        out.println();
        out.println(selection.all() ? "every member:" : rows.length + " best of " + result.members() + " members:");
        List<String> axes = axes();
        boolean ranked = !selection.all();
        List<String> header = new ArrayList<>(ranked ? List.of("rank") : List.of());
        header.addAll(List.of("member", "f"));
        if (result.hasPenalty()) {
            header.add("objective");
        }
        header.addAll(List.of("grad_norm", "steps", "status"));
        boolean constrained = !result.constraints().isEmpty();
        if (constrained) {
            header.addAll(List.of("violation", "kkt_residual", "multipliers", "constraints"));
        }
        header.addAll(axes);
        header.add("x");
        Table t = new Table(header);
        for (int r = 0; r < rows.length; r++) {
            int m = rows[r];
            List<String> cells = new ArrayList<>(ranked ? List.of(Integer.toString(r + 1)) : List.of());
            cells.addAll(List.of(Integer.toString(m), Numbers.brief(result.f(m))));
            if (result.hasPenalty()) {
                cells.add(Numbers.brief(result.objectiveValue(m)));
            }
            cells.addAll(List.of(Numbers.brief(result.gradientNorm(m)), Integer.toString(result.steps(m)),
                    status(result.status(m))));
            if (constrained) {
                cells.addAll(List.of(Numbers.brief(result.violation(m)), Numbers.brief(result.kktResidual(m)),
                        Numbers.brief(result.multipliers(m), SHOWN_COORDINATES),
                        Numbers.brief(result.constraintValues(m), SHOWN_COORDINATES)));
            }
            Map<String, Double> h = result.hyperparameters(m);
            axes.forEach(a -> cells.add(Numbers.brief(h.get(a))));
            cells.add(Numbers.brief(result.x(m), SHOWN_COORDINATES));
            t.row(cells);
        }
        t.print(out);
        if (minima != null) {
            out.println();
            figures.basinsTable(out, selection);
        }
        if (figures.combinations != null) {
            out.println();
            figures.combinationsTable(out, selection, axes);
        }
    }

    private Table summary() {
        Table t = new Table();
        t.row("function", result.objective().name() + ", D = " + result.dimension()
                + (result.objective().isMaximized() ? ", maximized" : ", minimized"));
        t.row("members", result.members() + (job.grid() == null ? ""
                : " = " + job.grid().combinations() + " combinations x " + job.startsPerCombination() + " starts"));
        t.row("starts", job.starts().describe());
        t.row("rule", result.rule().name() + (job.switches().isEmpty() ? "" : job.switches().entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() ? " on" : " off")).collect(Collectors.joining(", ", " (", ")")))
                + ", schedule " + result.rule().schedule().name() + (job.milestones() == null ? ""
                : " at steps " + milestones()));
        t.row("hyperparameters", result.parameters().entrySet().stream()
                .map(e -> e.getKey() + " " + describe(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")));
        if (!job.constraints().isEmpty()) {
            t.row("constraints", constraintsDescription());
        }
        t.row("stopping", stopping());
        t.row("backend", result.backend() + " (" + result.device() + ")");
        t.row("precision", precision(precision));
        t.row("status", Arrays.stream(Status.values()).filter(s -> result.count(s) > 0)
                .map(s -> status(s) + " " + result.count(s)).collect(Collectors.joining(", ")));
        t.row(result.hasPenalty() ? "best objective" : "best f", result.best().stream()
                .mapToObj(b -> result.hasPenalty()
                        ? Numbers.brief(result.objectiveValue(b)) + " (f " + Numbers.brief(result.f(b))
                                + " plus the penalties) at member " + b
                        : Numbers.brief(result.f(b)) + " at member " + b)
                .findFirst().orElse("none: every member diverged"));
        figures.summaryRows(t);
        if (search != null) {
            search.summary(t);
        }
        Timing tm = result.timing();
        t.row("timing", "compile " + Numbers.seconds(tm.compileSeconds()) + ", transfer "
                + Numbers.seconds(tm.transferSeconds()) + ", run " + Numbers.seconds(tm.runSeconds()) + ", total "
                + Numbers.seconds(tm.totalSeconds()));
        return t;
    }

    /**
     * The projection and the general constraints as given, with the feasibility tolerance, and the multipliers' sign
     * convention.
     */
    private String constraintsDescription() {
        List<String> parts = new ArrayList<>();
        if (job.projection() != null) {
            parts.add("projection onto the " + job.projection());
        }
        if (!job.general().isEmpty()) {
            parts.add("subject to " + job.general().stream().map(Object::toString).collect(Collectors.joining("; "))
                    + " (augmented Lagrangian, feasibility tolerance "
                    + Numbers.brief(job.lagrangian().feasibilityTolerance())
                    + "; multipliers: grad f = sum_j multiplier_j grad LEFT_j)");
        }
        return String.join(", ", parts);
    }

    private String describe(String name, Param p) {
        if (p.isUniform()) {
            return Numbers.brief(p.value());
        }
        return Arrays.stream(axisValues(job.grid(), name)).mapToObj(Numbers::brief)
                .collect(Collectors.joining("|", "{", "}"));
    }

    private String stopping() {
        String s = "at most " + job.settings().stopping().maxSteps() + " steps";
        if (job.settings().stopping().gradientTolerance() > 0) {
            s += ", gradient norm <= " + Numbers.brief(job.settings().stopping().gradientTolerance());
        }
        if (job.settings().stopping().valueTolerance() > 0) {
            s += ", f change <= " + Numbers.brief(job.settings().stopping().valueTolerance()) + " (1 + |f|)";
        }
        return s + "; " + gradient() + " gradient" + (job.settings().gradient() == Gradient.CENTRAL
                ? ", step h = " + Numbers.brief(job.fdStepUsed()) + " max(1, |x_i|)" : "");
    }

    private String gradient() {
        return job.settings().gradient().toString().toLowerCase(Locale.ROOT);
    }

    /** The multi-step milestones as M1/M2/... */
    private String milestones() {
        return Arrays.stream(job.milestones()).mapToObj(Integer::toString).collect(Collectors.joining("/"));
    }

    /**
     * What shaped every member's result besides its own hyperparameters, by CSV column name: the objective, the
     * rule's switches, the schedule, the gradient, the precision, the stopping rule, the start points and the
     * backend. CSV rows carry these so that a file describes its run alone; the table and JSON show the same.
     */
    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("function", result.objective().name());
        s.put("maximize", Boolean.toString(result.objective().isMaximized()));
        s.put("optimizer", result.rule().name());
        job.switches().forEach((k, v) -> s.put(k, v.toString()));
        s.put("schedule", result.rule().schedule().name());
        if (job.milestones() != null) {
            s.put("milestones", milestones());
        }
        s.put("gradient", gradient());
        if (job.settings().gradient() == Gradient.CENTRAL) {
            s.put("fd_step", Numbers.exact(job.fdStepUsed(), Precision.FP64));
        }
        s.put("precision", precision(precision));
        s.put("max_steps", Integer.toString(job.settings().stopping().maxSteps()));
        s.put("grad_tol", Numbers.exact(job.settings().stopping().gradientTolerance(), Precision.FP64));
        s.put("f_tol", Numbers.exact(job.settings().stopping().valueTolerance(), Precision.FP64));
        s.put("starts", job.starts().describe());
        if (job.projection() != null) {
            s.put("constrain", job.projection().toString());
        }
        if (!job.general().isEmpty()) {
            s.put("subject_to", job.general().stream().map(Object::toString).collect(Collectors.joining("; ")));
            s.put("feasibility_tol", Numbers.exact(job.lagrangian().feasibilityTolerance(), Precision.FP64));
        }
        s.put("backend", result.backend());
        if (search != null) {
            search.settings(s);
        }
        return s;
    }

    // ---- csv

    /**
     * Member rows, or with --minima the minima; then the hyperparameters (for minima only those every member
     * shares, not a grid's axes) and the {@link #settings()}, the same in every row.
     */
    private void csv(PrintWriter out) {
        int d = result.dimension();
        Map<String, String> settings = settings();
        List<String> header = new ArrayList<>();
        Table t;
        if (minima != null) {
            Map<String, Param> shared = new LinkedHashMap<>(result.parameters());
            shared.values().removeIf(p -> !p.isUniform());
            header.addAll(List.of("rank", "f", "objective", "members", "best_member", "share", "mean_steps"));
            IntStream.range(0, d).forEach(i -> header.add("x" + i));
            header.addAll(shared.keySet());
            header.addAll(settings.keySet());
            t = new Table(header);
            for (int k = 0; k < selection.limit(minima.size()); k++) {
                Basin b = figures.basins.basins().get(k);
                Minimum mn = b.minimum();
                List<String> cells = new ArrayList<>(List.of(Integer.toString(k + 1), exact(mn.f()),
                        exact(mn.objective()), Integer.toString(mn.count()), Integer.toString(mn.members()[0]),
                        Double.toString(b.share()), Double.toString(b.meanSteps())));
                Arrays.stream(mn.x()).forEach(x -> cells.add(exact(x)));
                shared.values().forEach(p -> cells.add(Numbers.exact(p.value(), Precision.FP64)));
                cells.addAll(settings.values());
                t.row(cells);
            }
        } else {
            List<String> names = result.hyperparameterNames();
            int j = result.constraints().size();
            header.addAll(List.of("member", "f", "objective", "grad_norm", "steps", "status"));
            if (j > 0) {
                header.addAll(List.of("violation", "kkt_residual"));
            }
            IntStream.range(0, d).forEach(i -> header.add("x" + i));
            IntStream.range(0, j).forEach(k -> header.add("multiplier" + k));
            IntStream.range(0, j).forEach(k -> header.add("constraint" + k));
            header.addAll(names);
            header.addAll(settings.keySet());
            t = new Table(header);
            for (int m : rows) {
                List<String> cells = new ArrayList<>(List.of(Integer.toString(m), exact(result.f(m)),
                        exact(result.objectiveValue(m)), exact(result.gradientNorm(m)),
                        Integer.toString(result.steps(m)), status(result.status(m))));
                if (j > 0) {
                    cells.addAll(List.of(exact(result.violation(m)), exact(result.kktResidual(m))));
                }
                Arrays.stream(result.x(m)).forEach(x -> cells.add(exact(x)));
                Arrays.stream(result.multipliers(m)).forEach(v -> cells.add(exact(v)));
                Arrays.stream(result.constraintValues(m)).forEach(v -> cells.add(exact(v)));
                Map<String, Double> h = result.hyperparameters(m);
                names.forEach(n -> cells.add(Numbers.exact(h.get(n), Precision.FP64)));
                cells.addAll(settings.values());
                t.row(cells);
            }
        }
        t.printCsv(out);
    }

    // ---- json

    private void json(PrintWriter out) {
        try (JsonGenerator g = Json.open(out)) {
            g.writeStartObject();
            g.writeStringField("function", result.objective().name());
            g.writeNumberField("dimension", result.dimension());
            g.writeBooleanField("maximize", result.objective().isMaximized());
            g.writeStringField("backend", result.backend());
            g.writeStringField("device", result.device());
            g.writeStringField("precision", precision(precision));
            g.writeStringField("optimizer", result.rule().name());
            g.writeObjectFieldStart("switches");
            for (Map.Entry<String, Boolean> e : job.switches().entrySet()) {
                g.writeBooleanField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeStringField("schedule", result.rule().schedule().name());
            if (job.milestones() != null) {
                g.writeFieldName("milestones");
                g.writeArray(job.milestones(), 0, job.milestones().length);
            }
            writeStarts(g);
            g.writeObjectFieldStart("stopping");
            g.writeNumberField("max_steps", job.settings().stopping().maxSteps());
            g.writeNumberField("grad_tol", job.settings().stopping().gradientTolerance());
            g.writeNumberField("f_tol", job.settings().stopping().valueTolerance());
            g.writeStringField("gradient", gradient());
            if (job.settings().gradient() == Gradient.CENTRAL) {
                g.writeNumberField("fd_step", job.fdStepUsed());
            }
            g.writeEndObject();
            writeConstraints(g);
            g.writeNumberField("member_count", result.members());
            writeGrid(g);
            g.writeObjectFieldStart("status_counts");
            for (Status s : Status.values()) {
                if (s != Status.RUNNING) {
                    g.writeNumberField(status(s), result.count(s));
                }
            }
            g.writeEndObject();
            g.writeFieldName("best");
            if (result.best().isEmpty()) {
                g.writeNull();
            } else {
                writeMember(g, result.best().getAsInt());
            }
            figures.writeKnown(g);
            g.writeArrayFieldStart("members");
            for (int m : rows) {
                writeMember(g, m);
            }
            g.writeEndArray();
            if (minima != null) {
                figures.writeBasins(g, selection);
            } else {
                g.writeNullField("saturation");
            }
            if (search != null) {
                search.json(g, precision);
            }
            Timing t = result.timing();
            g.writeObjectFieldStart("timing");
            g.writeNumberField("compile", t.compileSeconds());
            g.writeNumberField("transfer", t.transferSeconds());
            g.writeNumberField("run", t.runSeconds());
            g.writeNumberField("total", t.totalSeconds());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /** {@code constrain} (the projection) and {@code subject_to}, {@code feasibility_tol}, when given. */
    private void writeConstraints(JsonGenerator g) throws IOException {
        if (job.projection() != null) {
            g.writeStringField("constrain", job.projection().toString());
        }
        if (!job.general().isEmpty()) {
            g.writeArrayFieldStart("subject_to");
            for (Object c : job.general()) {
                g.writeString(c.toString());
            }
            g.writeEndArray();
            g.writeNumberField("feasibility_tol", job.lagrangian().feasibilityTolerance());
        }
    }

    private void writeStarts(JsonGenerator g) throws IOException {
        PreparedJob.StartsInfo s = job.starts();
        g.writeObjectFieldStart("starts");
        g.writeStringField("sampler", s.kind());
        if (s.sampler() != null) {
            g.writeNumberField("seed", s.seed());
            Json.box(g, "box", s.box());
        }
        if (s.file() != null) {
            g.writeStringField("file", s.file());
        }
        g.writeNumberField("per_combination", job.startsPerCombination());
        g.writeEndObject();
    }

    private void writeGrid(JsonGenerator g) throws IOException {
        Grid grid = job.grid();
        if (grid == null) {
            return;
        }
        g.writeObjectFieldStart("grid");
        g.writeObjectFieldStart("axes");
        for (String a : grid.names()) {
            g.writeArrayFieldStart(a);
            for (double v : axisValues(grid, a)) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeNumberField("combinations", grid.combinations());
        g.writeNumberField("starts_per_combination", job.startsPerCombination());
        figures.writeCombinations(g, selection);
        g.writeEndObject();
    }

    private void writeMember(JsonGenerator g, int m) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", m);
        Json.numbers(g, "x", result.x(m), precision);
        Json.number(g, "f", result.f(m), precision);
        Json.number(g, "objective", result.objectiveValue(m), precision);
        Json.number(g, "grad_norm", result.gradientNorm(m), precision);
        g.writeNumberField("steps", result.steps(m));
        g.writeStringField("status", status(result.status(m)));
        if (!result.constraints().isEmpty()) {
            Json.numbers(g, "multipliers", result.multipliers(m), precision);
            Json.numbers(g, "constraints", result.constraintValues(m), precision);
            Json.number(g, "violation", result.violation(m), precision);
            Json.number(g, "kkt_residual", result.kktResidual(m), precision);
        }
        if (job.grid() != null) {
            g.writeNumberField("combination", m / job.startsPerCombination());
        }
        writeDoubles(g, "hyperparameters", result.hyperparameters(m));
        if (search != null) {
            g.writeObjectFieldStart("search");
            search.member(g, m);
            g.writeEndObject();
        }
        if (result.historyEvery() > 0) {
            g.writeNumberField("history_every", result.historyEvery());
            g.writeArrayFieldStart("history");
            for (int k = 0; k < result.historySize(); k++) {
                g.writeStartArray();
                for (double x : result.history(m, k)) {
                    Json.number(g, x, precision);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeDoubles(JsonGenerator g, String field, Map<String, Double> values) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    // ---- shared

    /** The grid axes as names (the per-row columns of the table). */
    private List<String> axes() {
        return job.grid() == null ? List.of() : job.grid().names();
    }

    /** The values of one grid axis, in the order given. */
    private static double[] axisValues(Grid grid, String axis) {
        return IntStream.range(0, (int) grid.combinations()).mapToDouble(c -> grid.value(axis, c)).distinct().toArray();
    }

    private String exact(double v) {
        return Numbers.exact(v, precision);
    }

    static String status(Status s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    static String precision(Precision p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
