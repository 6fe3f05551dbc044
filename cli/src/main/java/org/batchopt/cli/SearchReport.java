package org.batchopt.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.search.BasinHopping;
import org.batchopt.search.Memetic;
import org.batchopt.search.Restarts;
import org.batchopt.search.SearchStrategy;
import org.batchopt.search.SearchSummary;

/**
 * What {@code batchopt run} adds for a search: the strategy and its budget, the rounds it ran and why it stopped,
 * how the best member's chain found its point, and how many descents reached the known optimum (the members that
 * reached it are the judging rows' "reached f*", from the same f* and tolerance) or, where none is known, the
 * target.
 */
final class SearchReport {
    private final Result result;
    private final SearchSummary s;

    private SearchReport(Result result, SearchSummary s) {
        this.result = result;
        this.s = s;
    }

    /** The report of the outcome's search, null for a run without one (a run on a cluster has none). */
    static SearchReport of(RunOutcome outcome) {
        return outcome instanceof LocalOutcome local
                ? local.r().search().map(s -> new SearchReport(local.r(), s)).orElse(null) : null;
    }

    /** Rows of the table's summary. */
    void summary(Table t) {
        t.row("search", s.strategy().describe() + ", seed " + s.seed());
        t.row("budget", s.budget().describe() + "; ran " + s.rounds() + " round" + (s.rounds() == 1 ? "" : "s")
                + " (" + stop() + "), " + s.memberSteps() + " member-steps, " + Numbers.seconds(s.seconds()));
        result.best().ifPresent(b -> t.row("best found", howFound(b)));
        if (!Double.isNaN(s.reference())) {
            t.row(s.referenceIsTarget() ? "reached target" : "descents at f*", reached());
        }
    }

    /** How member b's chain found its best point, in words. */
    String howFound(int b) {
        SearchStrategy st = s.strategy();
        String at = "member " + b + ", in round " + s.foundAt(b);
        String how;
        if (st instanceof BasinHopping) {
            how = s.foundAt(b) == 0 ? "its first descent" : "hop " + s.foundAt(b) + " of its chain, "
                    + s.accepted(b) + " of " + (s.rounds() - 1) + " hops accepted, step now "
                    + Numbers.brief(s.stepSize(b)) + " of the box";
        } else if (st instanceof Memetic) {
            how = s.foundAt(b) == 0 ? "its first descent" : "generation " + s.foundAt(b) + " of its island, "
                    + s.accepted(b) + " of " + (s.rounds() - 1) + " offspring kept";
        } else if (st instanceof Restarts) {
            how = s.foundAt(b) == 0 ? "its first descent" : "restart " + s.foundAt(b);
        } else {
            how = "its descent";
        }
        return at + " (" + how + "); its descents took " + s.memberSteps(b) + " steps";
    }

    /**
     * The descents that reached the reference and the first round one did; for the target, also the members (for
     * f*, the judging rows count them).
     */
    String reached() {
        long members = s.membersAtReference();
        long descents = s.descentsAtReference();
        String ref = Numbers.brief(s.reference());
        String rule = s.referenceIsTarget() ? " (f " + (result.objective().isMaximized() ? ">= " : "<= ") + ref + ")"
                : " (within " + Numbers.brief(s.tolerance()) + " max(1, |" + ref + "|))";
        if (members == 0) {
            return "none of " + s.descents() + " descents reached " + ref + rule;
        }
        return (s.referenceIsTarget() ? members + " of " + s.members() + " members (" + percent(members, s.members())
                + "); " : "") + descents + " of " + s.descents() + " descents (" + percent(descents, s.descents())
                + "), the first in round " + s.firstRoundAtReference() + rule;
    }

    private String stop() {
        return switch (s.stop()) {
            case SINGLE_ROUND -> "one descent per member";
            case ROUNDS -> "the rounds were done";
            case MEMBER_STEPS -> "another round might pass the member-step budget";
            case TIME_LIMIT -> "another round would likely pass the time limit";
            case TARGET -> "a member reached the target";
        };
    }

    private static String percent(long part, long whole) {
        double p = 100.0 * part / whole;
        return String.format(Locale.ROOT, p >= 10 || p == 0 ? "%.0f %%" : p >= 0.1 ? "%.1f %%" : "%.2g %%", p);
    }

    /** The CSV and table settings a search adds. */
    void settings(Map<String, String> out) {
        out.put("search", s.strategy().name());
        out.put("search_parameters", s.strategy().describe());
        out.put("rounds", Integer.toString(s.rounds()));
        out.put("search_seed", Long.toString(s.seed()));
    }

    /** The {@code search} object of the JSON document. */
    void json(JsonGenerator g, Precision precision) throws IOException {
        g.writeObjectFieldStart("search");
        g.writeStringField("strategy", s.strategy().name());
        g.writeStringField("description", s.strategy().describe());
        g.writeNumberField("seed", s.seed());
        g.writeObjectFieldStart("budget");
        g.writeNumberField("rounds", s.budget().rounds());
        g.writeNumberField("member_steps", s.budget().memberSteps());
        g.writeNumberField("seconds", s.budget().seconds());
        Json.number(g, "target", s.budget().target(), Precision.FP64);
        g.writeEndObject();
        g.writeNumberField("rounds", s.rounds());
        g.writeNumberField("member_steps", s.memberSteps());
        g.writeNumberField("seconds", s.seconds());
        g.writeStringField("stop", s.stop().name().toLowerCase(Locale.ROOT));
        if (result.best().isPresent()) {
            int b = result.best().getAsInt();
            g.writeObjectFieldStart("best");
            g.writeNumberField("member", b);
            member(g, b);
            g.writeStringField("how", howFound(b));
            g.writeEndObject();
        }
        Json.number(g, "reference", s.reference(), Precision.FP64);
        g.writeStringField("reference_kind", Double.isNaN(s.reference()) ? "none"
                : s.referenceIsTarget() ? "target" : "f_star");
        g.writeNumberField("tolerance", s.tolerance());
        g.writeNumberField("members_at_reference", s.membersAtReference());
        g.writeNumberField("descents_at_reference", s.descentsAtReference());
        g.writeNumberField("descents", s.descents());
        g.writeNumberField("first_round_at_reference", s.firstRoundAtReference());
        g.writeEndObject();
    }

    /** Member m's chain, inside its JSON object. */
    void member(JsonGenerator g, int m) throws IOException {
        g.writeNumberField("found_in_round", s.foundAt(m));
        g.writeNumberField("accepted", s.accepted(m));
        g.writeNumberField("chain_steps", s.memberSteps(m));
        if (!Double.isNaN(s.stepSize(m))) {
            g.writeNumberField("step_size", s.stepSize(m));
        }
    }
}
