package org.batchopt.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.batchopt.Dataset;
import org.batchopt.Models;
import org.batchopt.Result;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Learning curves of {@code batchopt fit}: the training loss (dashed) and, with validation rows, the validation loss
 * (solid) of the best models over the steps, one colour per model, each named by its values of the grid's axes.
 * The loss axis is logarithmic where every loss drawn is positive and they span more than a
 * decade.
 */
final class FitPlot {
    /** The most models drawn: the best ones by the score the table ranks by. */
    static final int MODELS = 5;
    private static final BasicStroke SOLID = new BasicStroke(2.5f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 6f}, 0f);

    private FitPlot() {
    }

    static JFreeChart chart(FitCommand.Job job, Result result) {
        Models models = result.models();
        int[] best = models.best(Math.min(MODELS, result.members()));
        List<String> axes = job.grid() == null ? List.of() : job.grid().names();
        XYSeriesCollection curves = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < best.length; k++) {
            int m = best[k];
            String name = "model " + m + label(result.hyperparameters(m), axes);
            XYSeries train = new XYSeries(name + ", training", false, true);
            XYSeries validation = new XYSeries(name + ", validation", false, true);
            for (Models.Evaluation e : models.history(m)) {
                if (Double.isFinite(e.trainLoss())) {
                    train.add(e.step(), e.trainLoss());
                    lo = Math.min(lo, e.trainLoss());
                    hi = Math.max(hi, e.trainLoss());
                }
                if (models.hasValidation() && Double.isFinite(e.validationLoss())) {
                    validation.add(e.step(), e.validationLoss());
                    lo = Math.min(lo, e.validationLoss());
                    hi = Math.max(hi, e.validationLoss());
                }
            }
            Color colour = Plots.CATEGORY[k % Plots.CATEGORY.length];
            if (models.hasValidation()) {
                curves.addSeries(validation);
                renderer.setSeriesPaint(curves.getSeriesCount() - 1, colour);
                renderer.setSeriesStroke(curves.getSeriesCount() - 1, SOLID);
            }
            curves.addSeries(train);
            renderer.setSeriesPaint(curves.getSeriesCount() - 1, colour);
            renderer.setSeriesStroke(curves.getSeriesCount() - 1, DASHED);
        }
        String what = models.hasValidation() ? "loss (solid: validation, dashed: training)" : "training loss";
        ValueAxis y;
        if (lo > 0 && hi / lo > 10) {
            y = Plots.decades(what + ", log scale", lo, hi);
        } else {
            NumberAxis linear = new NumberAxis(what);
            linear.setAutoRangeIncludesZero(false);
            y = linear;
        }
        NumberAxis x = new NumberAxis("step");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(curves, x, y, renderer);
        Dataset d = models.dataset();
        String title = models.model() + " on " + d.source() + ": the " + (best.length == 1 ? "best model"
                : best.length + " best models") + " over the steps";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        Plots.theme(chart);
        chart.addSubtitle(new TextTitle(result.rule().name() + ", " + d.rows() + " training rows x " + d.features()
                + " features, " + result.members() + " models, loss evaluated every " + models.evaluateEvery()
                + " steps, " + RunReport.precision(job.precision()) + " on " + result.backend()));
        return chart;
    }

    /** The values of the grid's axes, e.g. " (lr 0.1, l2 0)"; empty without a grid. */
    private static String label(Map<String, Double> h, List<String> axes) {
        StringBuilder s = new StringBuilder();
        for (String a : axes) {
            s.append(s.length() == 0 ? " (" : ", ").append(a).append(' ').append(Numbers.brief(h.get(a)));
        }
        return s.length() == 0 ? "" : s.append(')').toString();
    }
}
