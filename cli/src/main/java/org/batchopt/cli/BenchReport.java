package org.batchopt.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.batchopt.Constraint;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Timing;

/**
 * What {@code batchopt bench} prints: per backend the time split, member-steps per second, speed-up against the
 * first backend, and how far its results are from the first backend's; as a table, CSV or JSON, and the figures
 * {@link BenchPlot} draws.
 */
final class BenchReport {

    /**
     * One backend of the comparison.
     *
     * @param result the run, null when the backend is not available
     * @param reason why not, when not available
     */
    record Entry(String spec, Result result, String reason) {
    }

    /**
     * The largest difference of a backend's results from the reference's over every member: in units in the
     * last place of the run precision and relative, for the coordinates of x and for f, and how many members
     * ended with another status. {@link Long#MAX_VALUE} ulps and an infinite relative difference mean that one
     * value is NaN and the other is not.
     */
    record Difference(long xUlps, long fUlps, double xRelative, double fRelative, long statusDiffers) {
        static Difference between(Result reference, Result other) {
            Precision p = reference.precision();
            long xUlps = 0;
            long fUlps = 0;
            double xRel = 0;
            double fRel = 0;
            long status = 0;
            for (int m = 0; m < reference.members(); m++) {
                double[] a = reference.x(m);
                double[] b = other.x(m);
                for (int i = 0; i < a.length; i++) {
                    xUlps = Math.max(xUlps, Numbers.ulps(a[i], b[i], p));
                    xRel = Math.max(xRel, Numbers.relative(a[i], b[i]));
                }
                fUlps = Math.max(fUlps, Numbers.ulps(reference.f(m), other.f(m), p));
                fRel = Math.max(fRel, Numbers.relative(reference.f(m), other.f(m)));
                status += reference.status(m) == other.status(m) ? 0 : 1;
            }
            return new Difference(xUlps, fUlps, xRel, fRel, status);
        }
    }

    /** An entry with its figures. */
    private record Row(Entry entry, long memberSteps, double rate, double runSpeedup, double totalSpeedup,
                       Difference difference) {
        boolean ran() {
            return entry.result() != null;
        }

        Timing timing() {
            return entry.result().timing();
        }
    }

    private final PreparedJob job;
    private final List<Row> rows = new ArrayList<>();

    /** @param entries the backends in order; the first one ran and is the reference */
    BenchReport(PreparedJob job, List<Entry> entries) {
        this.job = job;
        Result reference = entries.get(0).result();
        for (Entry e : entries) {
            Result r = e.result();
            if (r == null) {
                rows.add(new Row(e, 0, 0, 0, 0, null));
                continue;
            }
            long steps = 0;
            for (int m = 0; m < r.members(); m++) {
                steps += r.steps(m);
            }
            Timing t = r.timing();
            Timing ref = reference.timing();
            rows.add(new Row(e, steps, steps / seconds(t), seconds(ref) / seconds(t),
                    ref.totalSeconds() / t.totalSeconds(), Difference.between(reference, r)));
        }
    }

    /** Run seconds, or the total where a backend reports no run time. */
    private static double seconds(Timing t) {
        return t.runSeconds() > 0 ? t.runSeconds() : t.totalSeconds();
    }

    void write(Format format, PrintWriter out) {
        switch (format) {
            case TABLE -> {
                out.println(title() + "; reference: " + rows.get(0).entry().spec());
                out.println();
                table(false).print(out);
            }
            case CSV -> table(true).printCsv(out);
            case JSON -> json(out);
        }
    }

    private String title() {
        return job.objective().name() + " D=" + job.objective().dimension() + ", " + job.batch().members()
                + " members, " + job.rule().name() + ", at most " + job.settings().stopping().maxSteps() + " steps, "
                + RunReport.precision(job.settings().precision())
                + job.constraints().stream().map(c -> ", " + (c instanceof Constraint.General ? "subject to " : "in the ")
                        + c).collect(Collectors.joining());
    }

    private Table table(boolean exact) {
        Table t = exact
                ? new Table("backend", "compile_s", "transfer_s", "run_s", "total_s", "member_steps_per_s",
                        "run_speedup", "total_speedup", "x_ulp", "f_ulp", "x_rel", "f_rel", "status_differs", "device")
                : new Table("backend", "compile", "transfer", "run", "total", "member-steps/s", "run speed-up",
                        "total speed-up", "max ulp x", "max ulp f", "max rel x", "max rel f", "status differs",
                        "device");
        for (Row r : rows) {
            if (!r.ran()) {
                t.row(r.entry().spec(), "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-",
                        "unavailable: " + r.entry().reason());
                continue;
            }
            Timing tm = r.timing();
            Difference d = r.difference();
            t.row(r.entry().result().backend(), time(tm.compileSeconds(), exact), time(tm.transferSeconds(), exact),
                    time(tm.runSeconds(), exact), time(tm.totalSeconds(), exact), number(r.rate(), exact),
                    ratio(r.runSpeedup(), exact), ratio(r.totalSpeedup(), exact), ulps(d.xUlps()), ulps(d.fUlps()),
                    number(d.xRelative(), exact), number(d.fRelative(), exact), d.statusDiffers(),
                    r.entry().result().device());
        }
        return t;
    }

    private static String time(double s, boolean exact) {
        return exact ? Double.toString(s) : Numbers.seconds(s);
    }

    private static String number(double v, boolean exact) {
        return exact ? Double.toString(v) : Numbers.brief(v);
    }

    private static String ratio(double v, boolean exact) {
        return exact ? Double.toString(v) : String.format(Locale.ROOT, "%.2fx", v);
    }

    private static String ulps(long u) {
        return u == Long.MAX_VALUE ? "nan" : Long.toString(u);
    }

    private void json(PrintWriter out) {
        try (JsonGenerator g = Json.open(out)) {
            g.writeStartObject();
            g.writeStringField("function", job.objective().name());
            g.writeNumberField("dimension", job.objective().dimension());
            g.writeNumberField("members", job.batch().members());
            g.writeNumberField("max_steps", job.settings().stopping().maxSteps());
            g.writeStringField("precision", RunReport.precision(job.settings().precision()));
            g.writeStringField("optimizer", job.rule().name());
            g.writeStringField("reference", rows.get(0).entry().spec());
            g.writeArrayFieldStart("backends");
            for (Row r : rows) {
                g.writeStartObject();
                g.writeStringField("spec", r.entry().spec());
                g.writeBooleanField("available", r.ran());
                if (!r.ran()) {
                    g.writeStringField("reason", r.entry().reason());
                    g.writeEndObject();
                    continue;
                }
                Result res = r.entry().result();
                g.writeStringField("backend", res.backend());
                g.writeStringField("device", res.device());
                Timing t = res.timing();
                g.writeObjectFieldStart("timing");
                g.writeNumberField("compile", t.compileSeconds());
                g.writeNumberField("transfer", t.transferSeconds());
                g.writeNumberField("run", t.runSeconds());
                g.writeNumberField("total", t.totalSeconds());
                g.writeEndObject();
                g.writeNumberField("member_steps", r.memberSteps());
                Json.number(g, "member_steps_per_second", r.rate(), Precision.FP64);
                g.writeObjectFieldStart("speedup");
                Json.number(g, "run", r.runSpeedup(), Precision.FP64);
                Json.number(g, "total", r.totalSpeedup(), Precision.FP64);
                g.writeEndObject();
                Difference d = r.difference();
                g.writeObjectFieldStart("difference");
                writeUlps(g, "x_ulp", d.xUlps());
                writeUlps(g, "f_ulp", d.fUlps());
                Json.number(g, "x_rel", d.xRelative(), Precision.FP64);
                Json.number(g, "f_rel", d.fRelative(), Precision.FP64);
                g.writeNumberField("status_differs", d.statusDiffers());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void writeUlps(JsonGenerator g, String field, long ulps) throws IOException {
        if (ulps == Long.MAX_VALUE) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, ulps);
        }
    }

    /** The backends that ran, in order, with their figures (the reference first). */
    List<Ran> ran() {
        return rows.stream().filter(Row::ran).map(r -> new Ran(r.entry().result(), r.rate(), r.runSpeedup(),
                r.difference())).toList();
    }

    /** One backend that ran: its result, member-steps per second, run speed-up and difference from the reference. */
    record Ran(Result result, double rate, double runSpeedup, Difference difference) {
    }

    /** What the benchmark ran, in one line. */
    String job() {
        return title();
    }
}
