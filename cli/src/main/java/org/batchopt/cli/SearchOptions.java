package org.batchopt.cli;

import java.util.Locale;
import org.batchopt.search.BasinHopping;
import org.batchopt.search.Budget;
import org.batchopt.search.Memetic;
import org.batchopt.search.Multistart;
import org.batchopt.search.SearchStrategy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --search} and the budget that ends a search. */
final class SearchOptions implements HelpSections.Section {
    /** The forms {@code --search} accepts, as its help shows them. */
    static final String FORMS = "multistart | restarts | basin-hopping[:T[:STEP[:RATE[:K]]]] | "
            + "memetic[:ISLAND[:F[:CR]]] | auto";

    @Override
    public String heading() {
        return "Search (every member a chain of descents, each a run of the rule above):";
    }

    @Option(names = "--search", paramLabel = "NAME", converter = Converter.class, description = {FORMS
            + " (default: multistart).",
            "multistart: one descent per member (the run without a search).",
            "restarts: every round, every member descends again from a fresh start, uniform in the box and keyed by "
                    + "(seed, member, round); each keeps its best end.",
            "basin-hopping: every member perturbs K coordinates (0, the default: all) of its current minimum by up to "
                    + "STEP (default 0.05) of the box's width, descends, and keeps the new minimum by the Metropolis "
                    + "rule at temperature T (default 1; 0: only when no worse); its step adapts towards acceptance "
                    + "rate RATE (default 0.5).",
            "memetic: differential evolution (DE/best/1/bin) in islands of ISLAND consecutive members (default 32), "
                    + "weight F (0.5), crossover CR (0.7), each offspring polished by a descent; a collapsed island "
                    + "starts afresh.",
            "auto: the recommended strategy, memetic with its defaults.",
            "Every random choice is keyed by (seed, member, round): a search ends with the same bits on every "
                    + "backend, whatever the batch size (memetic: whatever the other islands)."})
    SearchStrategy strategy;

    @Option(names = "--rounds", paramLabel = "R", description = "end after R rounds, round 0 (the first descent of "
            + "every member) included (default: 10 when no --budget and no --time-limit is given)")
    Integer rounds;

    @Option(names = "--budget", paramLabel = "MEMBER_STEPS", description = "end before a round that might pass "
            + "MEMBER_STEPS member-steps in all (every member taking --steps); reproducible on every backend")
    Long budget;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "end before a round that would likely end "
            + "past SECONDS; the result says how many rounds ran (--rounds reproduces them)")
    Double timeLimit;

    @Option(names = "--target", paramLabel = "F", description = "end after the first round in which a member reaches "
            + "F (f <= F; f >= F when maximizing). The report counts the descents that reached f* (--f-star, "
            + "--success-tol), or F where no f* is known")
    Double target;

    /** Whether the run is the plain multi-start run: no --search, or multistart, and no budget. */
    boolean plain() {
        return (strategy == null || strategy instanceof Multistart) && !budgeted();
    }

    private boolean budgeted() {
        return rounds != null || budget != null || timeLimit != null || target != null;
    }

    /** The strategy, multistart when none was given. */
    SearchStrategy strategy() {
        return strategy == null ? SearchStrategy.multistart() : strategy;
    }

    /** The budget; a usage error for a budget of a multi-start run or a value out of range. */
    Budget budget() {
        if (strategy() instanceof Multistart && budgeted()) {
            throw new IllegalArgumentException(option() + " needs --search restarts, basin-hopping, memetic or auto: "
                    + "multistart runs every member once");
        }
        if (rounds != null && rounds < 1) {
            throw new IllegalArgumentException("--rounds " + rounds + " must be at least 1");
        }
        if (budget != null && budget < 1) {
            throw new IllegalArgumentException("--budget " + budget + " must be at least 1 member-step");
        }
        if (timeLimit != null && !(timeLimit > 0 && Double.isFinite(timeLimit))) {
            throw new IllegalArgumentException("--time-limit " + timeLimit + " must be a finite number of seconds > 0");
        }
        if (target != null && !Double.isFinite(target)) {
            throw new IllegalArgumentException("--target " + target + " must be finite");
        }
        int r = rounds != null ? rounds : budget == null && timeLimit == null ? Budget.DEFAULT.rounds() : 0;
        return new Budget(r, budget == null ? 0 : budget, timeLimit == null ? 0 : timeLimit,
                target == null ? Double.NaN : target);
    }

    private String option() {
        return rounds != null ? "--rounds" : budget != null ? "--budget" : timeLimit != null ? "--time-limit"
                : "--target";
    }

    static final class Converter implements ITypeConverter<SearchStrategy> {
        @Override
        public SearchStrategy convert(String value) {
            String[] parts = value.split(":", -1);
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            try {
                return switch (name) {
                    case "multistart" -> none(value, parts, SearchStrategy.multistart());
                    case "restarts" -> none(value, parts, SearchStrategy.restarts());
                    case "auto" -> none(value, parts, SearchStrategy.recommended());
                    case "basin-hopping" -> hopping(value, parts);
                    case "memetic" -> memetic(value, parts);
                    default -> throw new TypeConversionException("unknown search '" + value + "' (expected " + FORMS
                            + ")");
                };
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }

        private static SearchStrategy none(String value, String[] parts, SearchStrategy s) {
            if (parts.length > 1) {
                throw new TypeConversionException("search '" + value + "' takes no parameters (expected " + FORMS
                        + ")");
            }
            return s;
        }

        private static BasinHopping hopping(String value, String[] parts) {
            fields(value, parts, 4);
            BasinHopping b = BasinHopping.DEFAULTS;
            if (parts.length > 1) {
                b = b.withTemperature(Numbers.parse(parts[1], value));
            }
            if (parts.length > 2) {
                b = b.withStepSize(Numbers.parse(parts[2], value));
            }
            if (parts.length > 3) {
                b = b.withAcceptanceRate(Numbers.parse(parts[3], value));
            }
            if (parts.length > 4) {
                b = b.withCoordinates(whole(parts[4], value));
            }
            return b;
        }

        private static Memetic memetic(String value, String[] parts) {
            fields(value, parts, 3);
            Memetic m = Memetic.DEFAULTS;
            if (parts.length > 1) {
                m = m.withIslandSize(whole(parts[1], value));
            }
            if (parts.length > 2) {
                m = m.withWeight(Numbers.parse(parts[2], value));
            }
            if (parts.length > 3) {
                m = m.withCrossover(Numbers.parse(parts[3], value));
            }
            return m;
        }

        private static void fields(String value, String[] parts, int most) {
            if (parts.length - 1 > most) {
                throw new TypeConversionException("search '" + value + "' has " + (parts.length - 1)
                        + " parameters (expected " + FORMS + ")");
            }
        }

        private static int whole(String text, String value) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' in '" + value + "' is not a whole number");
            }
        }
    }
}
