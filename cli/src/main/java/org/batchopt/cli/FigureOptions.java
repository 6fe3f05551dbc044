package org.batchopt.cli;

import java.nio.file.Path;
import java.util.List;
import org.batchopt.CombinationSummary;
import org.batchopt.KnownOptimum;
import picocli.CommandLine.Option;

/** How {@code batchopt run} judges its members (a known optimum, the ranking of combinations) and draws them. */
final class FigureOptions implements HelpSections.Section {
    @Override
    public String heading() {
        return "Judging and pictures:";
    }

    @Option(names = "--f-star", paramLabel = "V", description = "the known optimum: report the best member's gap to "
            + "it and the share of members that reach it, and with --search the descents that reach it (default: the "
            + "built-in function's known minimum)")
    Double fStar;

    @Option(names = "--success-tol", paramLabel = "V", description = "a member reaches f* when its f is within "
            + "V max(1, |f*|) of it, or better (default: " + KnownOptimum.DEFAULT_TOLERANCE + ")")
    Double successTol;

    @Option(names = "--rank-by", paramLabel = "KEY", description = "median | success | best: how grid combinations "
            + "are ordered, by the median f of their members, their success share or their best member "
            + "(default: median)")
    CombinationSummary.RankBy rankBy;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "draw the run, " + Plots.WIDTH + " x "
            + Plots.HEIGHT + " pixels, as PNG, or as SVG when FILE ends in .svg: see --plot-kind")
    Path plot;

    @Option(names = "--plot-kind", paramLabel = "KIND", description = "basins | steps | grid (default: grid for a "
            + "grid, basins for D = 2, else steps). basins: f over the box as a filled contour, the start points "
            + "and end points coloured by the minimum they reached, the known minimizers, a few paths with "
            + "--history; steps: the best, 10 %%, median and 90 %% of f over the steps (needs --history); grid: the "
            + "--rank-by figure over two grid axes")
    Plots.Kind plotKind;

    @Option(names = "--plot-axes", split = ",", paramLabel = "A,B", hideParamSyntax = true, description = "the two "
            + "grid axes of the grid picture, by result name (lr,momentum); the other axes at their best "
            + "combination's values (default: the first two)")
    List<String> plotAxes;

    /** Checks --f-star and --success-tol; a bad value is a usage error before anything runs. */
    void check() {
        if (fStar != null && !Double.isFinite(fStar)) {
            throw new IllegalArgumentException("--f-star " + fStar + " must be finite");
        }
        successTol();
    }

    double successTol() {
        double tol = successTol == null ? KnownOptimum.DEFAULT_TOLERANCE : successTol;
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("--success-tol " + tol + " must be finite and >= 0");
        }
        return tol;
    }

    CombinationSummary.RankBy rankBy() {
        return rankBy == null ? CombinationSummary.RankBy.MEDIAN : rankBy;
    }
}
