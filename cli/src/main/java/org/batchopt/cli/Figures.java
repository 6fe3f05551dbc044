package org.batchopt.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.batchopt.Basin;
import org.batchopt.Basins;
import org.batchopt.CombinationSummary;
import org.batchopt.KnownOptimum;
import org.batchopt.Minimum;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Saturation;

/**
 * The figures {@code batchopt run} judges a batch by, computed by {@link Result} (or a cluster run's merged
 * {@link RunOutcome}) and formatted here: the known
 * optimum (gap, success share, minimizers reached), the basins (shares, mean steps, value levels, saturation) and
 * the grid combinations' summaries, ranked.
 */
final class Figures {
    /** Coordinates of a point shown in a table row. */
    private static final int SHOWN_COORDINATES = 6;

    final RunOutcome result;
    final Optional<KnownOptimum> known;
    /** Null unless asked for (--minima) or drawn. */
    final Basins basins;
    /** In grid order with --all, else ranked; null without a grid. */
    final List<CombinationSummary> combinations;
    final CombinationSummary.RankBy rankBy;
    final double successTol;

    Figures(RunOutcome result, FigureOptions options, boolean cluster, double xTol, double fTol, boolean grid,
            boolean all) {
        this.result = result;
        this.successTol = options.successTol();
        this.rankBy = options.rankBy();
        this.known = options.fStar != null ? Optional.of(result.known(options.fStar, successTol, xTol))
                : result.known(successTol, xTol);
        this.basins = cluster ? result.basins(xTol, fTol) : null;
        if (grid) {
            List<CombinationSummary> c = new ArrayList<>(known.isPresent()
                    ? result.combinations(known.get().fStar(), successTol) : result.combinations(successTol));
            if (!all) {
                c.sort(rankBy.comparator(result.objective().isMaximized()));
            }
            this.combinations = c;
        } else {
            this.combinations = null;
        }
    }

    private Precision precision() {
        return result.precision();
    }

    // ---- table

    /** Rows for the summary: the known optimum, the gap, the share that reached it, the minimizers reached. */
    void summaryRows(Table t) {
        if (known.isEmpty()) {
            return;
        }
        KnownOptimum k = known.get();
        t.row("known optimum", "f* = " + Numbers.brief(k.fStar()) + ", gap of the best member "
                + (Double.isNaN(k.gap()) ? "-" : Numbers.brief(k.gap())));
        t.row("reached f*", percent(k.successShare()) + " of members (" + number(k.successes()) + " of "
                + number(k.members()) + ") within " + Numbers.brief(k.tolerance()) + " max(1, |f*|)");
        if (k.minimizersKnown() > 0) {
            StringBuilder s = new StringBuilder(k.minimizersFound() + " of " + k.minimizersKnown());
            if (k.minimizersKnown() <= 8) {
                List<String> each = new ArrayList<>();
                for (KnownOptimum.Minimizer z : k.minimizers()) {
                    each.add(Numbers.brief(z.x(), 3) + " " + percent((double) z.members() / k.members()));
                }
                s.append(": ").append(String.join(", ", each));
            }
            t.row("minimizers reached", s.toString());
        }
    }

    /** The minima with their shares, the value levels, and the saturation in words. */
    void basinsTable(PrintWriter out, RunReport.Selection selection) {
        List<Basin> list = basins.basins();
        int shown = selection.limit(list.size());
        out.println(count(list.size(), "distinct minimum", "distinct minima") + " on "
                + count(basins.levels().size(), "f level", "f levels") + " (x tol " + basins.xTol() + ", f tol "
                + basins.fTol() + ")" + (shown < list.size() ? ", " + shown + " best:" : ":"));
        boolean penalty = result.hasPenalty();
        List<String> header = new ArrayList<>(List.of("rank", "f"));
        if (penalty) {
            header.add("objective");
        }
        header.addAll(List.of("members", "share", "mean steps", "best member", "x"));
        Table mt = new Table(header);
        for (int k = 0; k < shown; k++) {
            Basin b = list.get(k);
            Minimum mn = b.minimum();
            List<String> cells = new ArrayList<>(List.of(Integer.toString(k + 1), Numbers.brief(mn.f())));
            if (penalty) {
                cells.add(Numbers.brief(mn.objective()));
            }
            cells.addAll(List.of(Integer.toString(mn.count()), percent(b.share()),
                    Numbers.brief(round(b.meanSteps())), Integer.toString(b.bestMember()),
                    Numbers.brief(mn.x(), SHOWN_COORDINATES)));
            mt.row(cells);
        }
        mt.print(out);
        if (basins.levels().size() < list.size()) {
            out.println();
            int levels = selection.limit(basins.levels().size());
            out.println("minima on one f level are different points with the same f"
                    + (levels < basins.levels().size() ? "; the " + levels + " best levels:" : ":"));
            Table lt = new Table("f", "minima", "members");
            basins.levels().stream().limit(levels).forEach(l -> lt.row(Numbers.brief(l.f()), l.minima(), l.members()));
            lt.print(out);
        }
        out.println();
        out.println(saturation(basins.saturation()));
    }

    /** The saturation as a sentence. */
    static String saturation(Saturation s) {
        if (s.members() == 0) {
            return "saturation: no member to judge it by (every member diverged)";
        }
        String estimate = String.format(Locale.ROOT, "%.3g", s.newMinimumProbability());
        String base = "saturation: " + number(s.singletons()) + " of the " + count(s.minima(), "minimum", "minima")
                + (s.singletons() == 1 ? " was" : " were") + " reached by one member only, so one more start finds a minimum no member reached with "
                + "probability about " + estimate + " (Good-Turing: singletons / members).";
        if (s.singletons() == 0) {
            return "saturation: every minimum was reached by more than one member: more starts are unlikely to find "
                    + "a new one (Good-Turing estimate 0).";
        }
        if (s.clearlyUnsaturated()) {
            return base + " The search is not saturated: more starts will keep finding new minima, and the best "
                    + "found is only the best so far.";
        }
        return base;
    }

    /** The grid combinations, ranked, with their statistics. */
    void combinationsTable(PrintWriter out, RunReport.Selection selection, List<String> axes) {
        int shown = selection.limit(combinations.size());
        out.println(combinations.size() + " grid combinations" + (selection.all() ? ", in grid order"
                : ", the " + shown + " best by " + rankName()) + "; success: f within " + Numbers.brief(successTol)
                + " max(1, |target|) of " + target() + ":");
        List<String> header = new ArrayList<>(axes);
        String v = result.hasPenalty() ? "objective" : "f";
        header.addAll(List.of("best " + v, "median " + v, "worst " + v, "success", "diverged", "mean steps",
                "best member"));
        Table ct = new Table(header);
        for (CombinationSummary c : combinations.subList(0, shown)) {
            List<String> cells = new ArrayList<>();
            axes.forEach(a -> cells.add(Numbers.brief(c.hyperparameters().get(a))));
            boolean none = c.bestMember() < 0;
            cells.addAll(List.of(none ? "-" : Numbers.brief(c.best()), none ? "-" : Numbers.brief(c.median()),
                    none ? "-" : Numbers.brief(c.worst()), percent(c.successShare()), percent(c.divergedShare()),
                    none ? "-" : Numbers.brief(round(c.meanSteps())), none ? "-" : Integer.toString(c.bestMember())));
            ct.row(cells);
        }
        ct.print(out);
    }

    private String rankName() {
        return switch (rankBy) {
            case MEDIAN -> "median " + (result.hasPenalty() ? "objective" : "f") + " (diverged members count as worst)";
            case SUCCESS -> "success share";
            case BEST -> "best " + (result.hasPenalty() ? "objective" : "f");
        };
    }

    /** What success is measured against, in words. */
    private String target() {
        return known.map(k -> "f* = " + Numbers.brief(k.fStar()))
                .orElse("the best f found (no f* known; give --f-star)");
    }

    // ---- json

    void writeKnown(JsonGenerator g) throws IOException {
        g.writeFieldName("known");
        if (known.isEmpty()) {
            g.writeNull();
            return;
        }
        KnownOptimum k = known.get();
        g.writeStartObject();
        g.writeNumberField("f_star", k.fStar());
        g.writeNumberField("success_tol", k.tolerance());
        Json.number(g, "gap", k.gap(), Precision.FP64);
        g.writeNumberField("successes", k.successes());
        g.writeNumberField("success_share", k.successShare());
        g.writeNumberField("minimizers_known", k.minimizersKnown());
        g.writeNumberField("minimizers_found", k.minimizersFound());
        g.writeNumberField("x_tol", k.xTol());
        g.writeArrayFieldStart("minimizers");
        for (KnownOptimum.Minimizer z : k.minimizers()) {
            g.writeStartObject();
            Json.numbers(g, "x", z.x(), Precision.FP64);
            g.writeNumberField("members", z.members());
            g.writeNumberField("share", (double) z.members() / k.members());
            g.writeFieldName("best_member");
            if (z.bestMember() < 0) {
                g.writeNull();
            } else {
                g.writeNumber(z.bestMember());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@code clustering}, {@code minima} and {@code saturation}. */
    void writeBasins(JsonGenerator g, RunReport.Selection selection) throws IOException {
        g.writeObjectFieldStart("clustering");
        g.writeNumberField("x_tol", basins.xTol());
        g.writeNumberField("f_tol", basins.fTol());
        g.writeNumberField("minima_count", basins.basins().size());
        g.writeNumberField("level_count", basins.levels().size());
        g.writeArrayFieldStart("levels");
        for (Basins.Level l : basins.levels().subList(0, selection.limit(basins.levels().size()))) {
            g.writeStartObject();
            Json.number(g, "f", l.f(), precision());
            g.writeNumberField("minima", l.minima());
            g.writeNumberField("members", l.members());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("minima");
        for (Basin b : basins.basins().subList(0, selection.limit(basins.basins().size()))) {
            Minimum mn = b.minimum();
            g.writeStartObject();
            Json.numbers(g, "x", mn.x(), precision());
            Json.number(g, "f", mn.f(), precision());
            Json.number(g, "objective", mn.objective(), precision());
            g.writeNumberField("count", mn.count());
            g.writeNumberField("share", b.share());
            g.writeNumberField("mean_steps", b.meanSteps());
            g.writeNumberField("best_member", b.bestMember());
            int[] members = mn.members();
            g.writeFieldName("members");
            g.writeArray(members, 0, selection.limit(members.length));
            g.writeEndObject();
        }
        g.writeEndArray();
        Saturation s = basins.saturation();
        g.writeObjectFieldStart("saturation");
        g.writeNumberField("minima", s.minima());
        g.writeNumberField("singletons", s.singletons());
        g.writeNumberField("members", s.members());
        Json.number(g, "new_minimum_probability", s.newMinimumProbability(), Precision.FP64);
        g.writeBooleanField("clearly_unsaturated", s.clearlyUnsaturated());
        g.writeEndObject();
    }

    /** The ranking fields of {@code grid} and its {@code best_per_combination}. */
    void writeCombinations(JsonGenerator g, RunReport.Selection selection) throws IOException {
        g.writeStringField("rank_by", rankBy.name().toLowerCase(Locale.ROOT));
        g.writeNumberField("success_tol", successTol);
        g.writeFieldName("success_target");
        if (known.isPresent()) {
            g.writeNumber(known.get().fStar());
        } else {
            g.writeNull();
        }
        g.writeArrayFieldStart("best_per_combination");
        for (CombinationSummary c : combinations.subList(0, selection.limit(combinations.size()))) {
            g.writeStartObject();
            g.writeNumberField("combination", c.combination());
            g.writeObjectFieldStart("hyperparameters");
            for (var e : c.hyperparameters().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeFieldName("best");
            if (c.bestMember() < 0) {
                g.writeNull();
            } else {
                g.writeNumber(c.bestMember());
            }
            Json.number(g, "best_f", c.bestMember() < 0 ? Double.NaN : result.f(c.bestMember()), precision());
            Json.number(g, "best_objective", c.best(), precision());
            Json.number(g, "median_f", c.median(), Precision.FP64);
            Json.number(g, "worst_f", c.worst(), precision());
            g.writeNumberField("members", c.members());
            g.writeNumberField("successes", c.successes());
            g.writeNumberField("success_share", c.successShare());
            g.writeNumberField("diverged", c.diverged());
            g.writeNumberField("diverged_share", c.divergedShare());
            Json.number(g, "mean_steps", c.meanSteps(), Precision.FP64);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    // ---- shared

    static String percent(double share) {
        if (share == 0 || share == 1) {
            return (share == 0 ? "0" : "100") + " %";
        }
        double p = 100 * share;
        return String.format(Locale.ROOT, p < 0.1 ? "%.2g %%" : "%.1f %%", p);
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
    }

    static String count(long n, String one, String many) {
        return number(n) + " " + (n == 1 ? one : many);
    }

    /** A count with its thousands apart: 99 999. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
