package org.batchopt.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.batchopt.Dataset;
import org.batchopt.MathMode;
import org.batchopt.Models;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Status;

/**
 * What {@code batchopt fit} prints: per model its hyperparameters, grid combination, coefficients and intercepts,
 * training loss (the data term), objective (with the penalties), validation loss and accuracy, steps and status;
 * as a table of the best models, CSV (one row per model) or JSON (the fields of issue 11's contract).
 */
final class FitReport {
    private final FitCommand.Job job;
    private final Result result;
    private final Models models;
    private final Precision precision;
    private final int[] rows;

    FitReport(FitCommand.Job job, Result result, boolean all, int top) {
        this.job = job;
        this.result = result;
        this.models = result.models();
        this.precision = job.precision();
        this.rows = all ? IntStream.range(0, result.members()).toArray() : models.best(top);
    }

    void write(Format format, PrintWriter out) {
        switch (format) {
            case TABLE -> table(out);
            case CSV -> csv(out);
            case JSON -> json(out);
        }
        out.flush();
    }

    private List<String> axes() {
        return job.grid() == null ? List.of() : job.grid().names();
    }

    private boolean classifies() {
        return !models.classes().isEmpty();
    }

    private void table(PrintWriter out) {
        Dataset d = models.dataset();
        Table summary = new Table();
        summary.row("model", models.model() + " on " + d.source() + " (" + d.rows() + " rows x " + d.features()
                + " features" + (d.standardized() ? ", standardized" : "") + (models.intercept() ? "" : ", no intercept")
                + ")");
        summary.row("target", d.target() + (classifies() ? " (classes " + String.join(", ", models.classes())
                + ")" : ""));
        summary.row("validation", models.hasValidation() ? d.validationRows() + " rows from " + d.validationSource()
                : "none: models are ranked by their objective");
        summary.row("members", result.members() + (job.grid() == null ? "" : " = " + job.grid().combinations()
                + " combinations x " + result.startsPerCombination() + " starts") + " (starts: " + job.starts() + ")");
        summary.row("optimizer", result.rule().name() + ", " + job.stopping().maxSteps() + " steps"
                + (job.training().batchSize() > 0 ? ", minibatches of " + job.training().batchSize() : ", full batch"));
        summary.row("backend", result.backend() + " (" + result.device() + "), " + RunReport.precision(precision)
                + (job.math().fast() ? ", math " + job.math().label() + " (cuBLAS: not bit-identical to the CPU)"
                : ""));
        summary.row("time", Numbers.seconds(result.timing().totalSeconds()));
        summary.print(out);
        out.println();
        List<String> header = new ArrayList<>(List.of("rank", "member"));
        if (job.grid() != null) {
            header.add("combination");
        }
        header.addAll(axes());
        header.addAll(List.of("train_loss", "objective"));
        if (models.hasValidation()) {
            header.add("validation_loss");
            if (classifies()) {
                header.add("validation_accuracy");
            }
        }
        header.addAll(List.of("steps", "status"));
        Table t = new Table(header);
        for (int k = 0; k < rows.length; k++) {
            int m = rows[k];
            List<String> cells = new ArrayList<>(List.of(String.valueOf(k + 1), String.valueOf(m)));
            if (job.grid() != null) {
                cells.add(String.valueOf(m / result.startsPerCombination()));
            }
            Map<String, Double> h = result.hyperparameters(m);
            axes().forEach(a -> cells.add(Numbers.brief(h.get(a))));
            cells.add(Numbers.brief(models.trainLoss(m)));
            cells.add(Numbers.brief(models.objective(m)));
            if (models.hasValidation()) {
                cells.add(Numbers.brief(models.validationLoss(m)));
                if (classifies()) {
                    cells.add(Numbers.brief(models.validationAccuracy(m)));
                }
            }
            cells.add(String.valueOf(result.steps(m)));
            cells.add(RunReport.status(result.status(m)));
            t.row(cells);
        }
        t.print(out);
        if (rows.length > 0) {
            int best = rows[0];
            out.println();
            out.println("best model (member " + best + ")" + (d.standardized() ? ", in the original units:" : ":"));
            double[][] w = models.originalCoefficients(best);
            double[] b = models.originalIntercepts(best);
            Table c = new Table();
            for (int o = 0; o < w.length; o++) {
                String prefix = w.length > 1 ? "class " + models.classes().get(o) + ": " : "";
                for (int f = 0; f < w[o].length; f++) {
                    c.row(prefix + d.featureNames().get(f), Numbers.brief(w[o][f]));
                }
                if (models.intercept()) {
                    c.row(prefix + "intercept", Numbers.brief(b[o]));
                }
            }
            c.print(out);
        }
    }

    private void csv(PrintWriter out) {
        Dataset d = models.dataset();
        List<String> header = new ArrayList<>(List.of("index", "combination"));
        List<String> params = new ArrayList<>(result.hyperparameters(0).keySet());
        header.addAll(params);
        header.addAll(List.of("train_loss", "objective", "validation_loss", "validation_accuracy", "steps",
                "status"));
        boolean many = models.outputs() > 1;
        for (int o = 0; o < models.outputs(); o++) {
            String prefix = many ? models.classes().get(o) + ":" : "";
            for (String f : d.featureNames()) {
                header.add("coefficient:" + prefix + f);
            }
            header.add("intercept" + (many ? ":" + models.classes().get(o) : ""));
        }
        Table t = new Table(header);
        for (int m : rows) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(m),
                    String.valueOf(m / result.startsPerCombination())));
            Map<String, Double> h = result.hyperparameters(m);
            params.forEach(p -> cells.add(Numbers.exact(h.get(p), Precision.FP64)));
            cells.add(Numbers.exact(models.trainLoss(m), Precision.FP64));
            cells.add(Numbers.exact(models.objective(m), Precision.FP64));
            cells.add(Numbers.exact(models.validationLoss(m), Precision.FP64));
            cells.add(Numbers.exact(models.validationAccuracy(m), Precision.FP64));
            cells.add(String.valueOf(result.steps(m)));
            cells.add(RunReport.status(result.status(m)));
            double[][] w = models.coefficients(m);
            double[] b = models.intercepts(m);
            for (int o = 0; o < w.length; o++) {
                for (double v : w[o]) {
                    cells.add(Numbers.exact(v, precision));
                }
                cells.add(Numbers.exact(b[o], precision));
            }
            t.row(cells);
        }
        t.printCsv(out);
    }

    private void json(PrintWriter out) {
        Dataset d = models.dataset();
        try (JsonGenerator g = Json.open(out)) {
            g.writeStartObject();
            g.writeStringField("model", models.model());
            g.writeObjectFieldStart("data");
            g.writeStringField("source", d.source());
            g.writeNumberField("rows", d.rows());
            g.writeNumberField("features", d.features());
            g.writeArrayFieldStart("feature_names");
            for (String f : d.featureNames()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeStringField("target", d.target());
            g.writeArrayFieldStart("classes");
            for (String c : models.classes()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeNumberField("validation_rows", d.validationRows());
            g.writeStringField("validation_source", d.validationSource());
            g.writeBooleanField("standardized", d.standardized());
            g.writeBooleanField("intercept", models.intercept());
            g.writeEndObject();
            g.writeStringField("backend", result.backend());
            g.writeStringField("device", result.device());
            g.writeStringField("precision", RunReport.precision(precision));
            g.writeStringField("math", job.math().fast() ? "fast" : "strict");
            g.writeBooleanField("tf32", job.math() == MathMode.FAST_TF32);
            g.writeStringField("optimizer", result.rule().name());
            g.writeStringField("schedule", result.rule().schedule().name());
            g.writeNumberField("max_steps", job.stopping().maxSteps());
            g.writeNumberField("batch_size", job.training().batchSize());
            g.writeNumberField("history_every", job.training().evaluateEvery());
            g.writeNumberField("patience", job.training().patience());
            g.writeStringField("starts", job.starts());
            g.writeNumberField("member_count", result.members());
            g.writeFieldName("grid");
            if (job.grid() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                for (String a : axes()) {
                    Json.numbers(g, a, IntStream.range(0, (int) job.grid().combinations())
                            .mapToDouble(c -> job.grid().value(a, c)).distinct().toArray(), Precision.FP64);
                }
                g.writeNumberField("combinations", job.grid().combinations());
                g.writeNumberField("starts_per_combination", result.startsPerCombination());
                g.writeEndObject();
            }
            g.writeObjectFieldStart("status_counts");
            for (Status s : Status.values()) {
                if (s != Status.RUNNING) {
                    g.writeNumberField(RunReport.status(s), result.count(s));
                }
            }
            g.writeEndObject();
            g.writeFieldName("best");
            int[] best = models.best(1);
            if (best.length == 0) {
                g.writeNull();
            } else {
                writeMember(g, best[0]);
            }
            g.writeArrayFieldStart("members");
            for (int m : rows) {
                writeMember(g, m);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("timing");
            g.writeNumberField("run", result.timing().runSeconds());
            g.writeNumberField("total", result.timing().totalSeconds());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private void writeMember(JsonGenerator g, int m) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", m);
        g.writeObjectFieldStart("hyperparameters");
        for (Map.Entry<String, Double> e : result.hyperparameters(m).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("combination", m / result.startsPerCombination());
        writeModel(g, "coefficients", "intercept", models.coefficients(m), models.intercepts(m));
        if (models.dataset().standardized()) {
            writeModel(g, "original_coefficients", "original_intercept", models.originalCoefficients(m),
                    models.originalIntercepts(m));
        }
        g.writeNumberField("train_loss", models.trainLoss(m));
        g.writeNumberField("objective", models.objective(m));
        g.writeNumberField("validation_loss", models.validationLoss(m));
        g.writeNumberField("validation_accuracy", models.validationAccuracy(m));
        g.writeNumberField("steps", result.steps(m));
        g.writeStringField("status", RunReport.status(result.status(m)));
        if (models.evaluateEvery() > 0) {
            g.writeArrayFieldStart("history");
            for (Models.Evaluation e : models.history(m)) {
                g.writeStartObject();
                g.writeNumberField("step", e.step());
                g.writeNumberField("train_loss", e.trainLoss());
                g.writeNumberField("validation_loss", e.validationLoss());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** A list of F numbers and a number; for softmax C lists of F and a list of C. */
    private void writeModel(JsonGenerator g, String coefficients, String intercept, double[][] w, double[] b)
            throws IOException {
        boolean many = w.length > 1;
        g.writeArrayFieldStart(coefficients);
        for (double[] row : w) {
            if (many) {
                g.writeStartArray();
            }
            for (double v : row) {
                Json.number(g, v, precision);
            }
            if (many) {
                g.writeEndArray();
            }
        }
        g.writeEndArray();
        if (many) {
            Json.numbers(g, intercept, b, precision);
        } else {
            Json.number(g, intercept, b[0], precision);
        }
    }
}
