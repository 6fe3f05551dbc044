package org.batchopt.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Optional;
import org.batchopt.KnownOptimum;
import org.batchopt.Result;
import org.batchopt.Status;
import org.batchopt.ValueQuantiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * f over the steps of a run with history: the best member's value, and the median with a band from the best 10 %
 * to the best 90 % of the members. With a known optimum the axis shows f − f* on a log scale (values at or below f*
 * drawn at the bottom of the axis); otherwise f, on a log scale where every value is positive.
 */
final class StepsPlot {
    private StepsPlot() {
    }

    static JFreeChart chart(PreparedJob job, Result r, Optional<KnownOptimum> known) {
        ValueQuantiles q = r.valueQuantiles();
        double shift = known.map(KnownOptimum::fStar).orElse(0.0);
        boolean maximized = r.objective().isMaximized();
        // With f* the distance to it, else f itself.
        double sign = known.isPresent() && maximized ? -1 : 1;
        int points = q.steps().length;
        double lowestPositive = Double.POSITIVE_INFINITY;
        boolean positive = true;
        double[][] series = {q.best(), q.p10(), q.median(), q.p90()};
        for (double[] s : series) {
            for (double v : s) {
                double d = sign * (v - shift);
                if (Double.isFinite(d)) {
                    positive &= d > 0 || known.isPresent();
                    if (d > 0) {
                        lowestPositive = Math.min(lowestPositive, d);
                    }
                }
            }
        }
        boolean log = positive && lowestPositive < Double.POSITIVE_INFINITY;
        double floor = log ? lowestPositive / 2 : Double.NaN;
        XYSeries best = new XYSeries("best member", false, true);
        YIntervalSeries band = new YIntervalSeries("median, with the band from the best 10 % to the best 90 %",
                false, true);
        for (int k = 0; k < points; k++) {
            if (q.counted()[k] == 0) {
                continue;
            }
            int step = q.steps()[k];
            best.add(step, shown(q.best()[k], shift, sign, floor, log));
            double a = shown(q.p10()[k], shift, sign, floor, log);
            double b = shown(q.p90()[k], shift, sign, floor, log);
            band.add(step, shown(q.median()[k], shift, sign, floor, log), Math.min(a, b), Math.max(a, b));
        }
        String what = known.isPresent() ? (maximized ? "f* − f" : "f − f*") : "f";
        ValueAxis y;
        if (log) {
            double highest = floor;
            for (double[] s : series) {
                for (double v : s) {
                    highest = Math.max(highest, sign * (v - shift));
                }
            }
            y = Plots.decades(what + " (log scale" + (known.isPresent() ? "; f* = " + Numbers.brief(shift)
                    + ", values at f* drawn at the bottom)" : ")"), floor, highest);
        } else {
            NumberAxis axis = new NumberAxis(what);
            axis.setAutoRangeIncludesZero(false);
            y = axis;
        }
        NumberAxis x = new NumberAxis("step");
        x.setAutoRangeIncludesZero(true);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        XYSeriesCollection bestData = new XYSeriesCollection(best);
        plot.setDataset(0, bestData);
        XYLineAndShapeRenderer bestLine = new XYLineAndShapeRenderer(true, false);
        bestLine.setSeriesPaint(0, Plots.CATEGORY[3]);
        bestLine.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(0, bestLine);
        YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
        bandData.addSeries(band);
        plot.setDataset(1, bandData);
        DeviationRenderer deviation = new DeviationRenderer(true, false);
        deviation.setSeriesPaint(0, Plots.CATEGORY[0]);
        deviation.setSeriesFillPaint(0, new Color(0x1F77B4));
        deviation.setAlpha(0.22f);
        deviation.setSeriesStroke(0, new BasicStroke(2.2f));
        plot.setRenderer(1, deviation);
        String title = r.objective().name() + " D=" + r.dimension() + ": " + what + " over the steps of "
                + Figures.count(r.members(), "member", "members");
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Plots.theme(chart);
        chart.addSubtitle(new TextTitle(Plots.describe(job, RunOutcome.of(r))));
        chart.addSubtitle(new TextTitle("f at the points recorded every " + r.historyEvery() + " steps (fp64 on the "
                + "CPU); a member that stopped keeps its last value" + (r.count(Status.DIVERGED) > 0
                ? "; diverged members left out" : "")));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(BlockBorder.NONE);
        return chart;
    }

    /** The value as drawn: its distance to f* (or f), on a log axis at least {@code floor}. */
    private static double shown(double v, double shift, double sign, double floor, boolean log) {
        double d = sign * (v - shift);
        return !log || d > floor ? d : floor;
    }
}
