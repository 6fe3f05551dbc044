package org.batchopt.cli;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchopt.CombinationSummary;
import org.batchopt.Grid;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A grid's combinations as a heatmap of the {@code --rank-by} figure (median f, success share or best f) over two of
 * its axes, each cell labelled with its value; the grid's other axes are held at the values of the best
 * combination. A grid of one axis is one row.
 */
final class GridPlot {
    /** Colours from worse to better (viridis, reversed where lower is better): light is good. */
    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x482878), new Color(0x3E4A89),
            new Color(0x31688E), new Color(0x26828E), new Color(0x1F9E89), new Color(0x35B779), new Color(0x6ECE58),
            new Color(0xB5DE2B), new Color(0xFDE725)};
    private static final Color DIVERGED = new Color(0xC8C8C8);

    private GridPlot() {
    }

    /**
     * @param ranked the combinations, best first
     * @param axes   the two axes to draw (one for a grid of one axis), by result name
     */
    static JFreeChart chart(PreparedJob job, Figures figures, List<String> axes) {
        Grid grid = job.grid();
        List<CombinationSummary> ranked = new ArrayList<>(figures.combinations);
        boolean maximized = figures.result.objective().isMaximized();
        ranked.sort(figures.rankBy.comparator(maximized));
        CombinationSummary top = ranked.get(0);
        Map<String, Double> fixed = new LinkedHashMap<>(top.hyperparameters());
        axes.forEach(fixed::remove);
        String ax = axes.get(0);
        String ay = axes.size() > 1 ? axes.get(1) : null;
        double[] xs = values(grid, ax);
        double[] ys = ay == null ? new double[] {0} : values(grid, ay);
        List<double[]> cells = new ArrayList<>();
        List<CombinationSummary> shown = new ArrayList<>();
        for (CombinationSummary c : ranked) {
            boolean match = fixed.entrySet().stream().allMatch(e -> c.hyperparameters().get(e.getKey())
                    .equals(e.getValue()));
            if (match) {
                int i = indexOf(xs, c.hyperparameters().get(ax));
                int j = ay == null ? 0 : indexOf(ys, c.hyperparameters().get(ay));
                cells.add(new double[] {i, j, c.bestMember() < 0 ? Double.NaN : c.metric(figures.rankBy), 0});
                shown.add(c);
            }
        }
        boolean share = figures.rankBy == CombinationSummary.RankBy.SUCCESS;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] c : cells) {
            if (Double.isFinite(c[2])) {
                lo = Math.min(lo, c[2]);
                hi = Math.max(hi, c[2]);
            }
        }
        boolean log = !share && lo > 0 && hi / lo > 100;
        if (share) {
            lo = 0;
            hi = 1;
        }
        if (!(hi > lo)) {
            hi = lo + Math.max(1e-12, Math.abs(lo) * 1e-6);
        }
        boolean lowerIsBetter = !share && !maximized;
        double k0 = log ? Math.log10(lo) : lo;
        double k1 = log ? Math.log10(hi) : hi;
        LookupPaintScale lookup = new LookupPaintScale(k0, k1, VIRIDIS[lowerIsBetter ? 0 : VIRIDIS.length - 1]);
        for (int k = 0; k < VIRIDIS.length; k++) {
            lookup.add(k0 + (k1 - k0) * k / VIRIDIS.length, VIRIDIS[lowerIsBetter ? VIRIDIS.length - 1 - k : k]);
        }
        // Cells whose figure is not finite (every member diverged, or half of them for the median) are grey.
        PaintScale scale = new PaintScale() {
            @Override
            public double getLowerBound() {
                return k0;
            }

            @Override
            public double getUpperBound() {
                return k1;
            }

            @Override
            public java.awt.Paint getPaint(double v) {
                return Double.isFinite(v) ? lookup.getPaint(v) : DIVERGED;
            }
        };
        for (double[] c : cells) {
            c[3] = c[2];
            c[2] = log ? Math.log10(c[2]) : c[2];
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] series = new double[3][cells.size()];
        for (int k = 0; k < cells.size(); k++) {
            for (int a = 0; a < 3; a++) {
                series[a][k] = cells.get(k)[a];
            }
        }
        data.addSeries(figures.rankBy.name(), series);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis x = new SymbolAxis(ax, labels(xs));
        SymbolAxis y = new SymbolAxis(ay == null ? "" : ay, ay == null ? new String[] {""} : labels(ys));
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int k = 0; k < cells.size(); k++) {
            double[] c = cells.get(k);
            CombinationSummary s = shown.get(k);
            String text = s.bestMember() < 0 ? "all diverged" : share ? Figures.percent(c[3])
                    : Double.isFinite(c[3]) ? Numbers.brief(c[3]) : "half or more diverged";
            XYTextAnnotation label = new XYTextAnnotation(text, c[0], c[1]);
            label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            Color cell = (Color) scale.getPaint(c[2]);
            label.setPaint(luminance(cell) > 0.5 ? Color.BLACK : Color.WHITE);
            renderer.addAnnotation(label);
        }
        String figure = switch (figures.rankBy) {
            case MEDIAN -> "median f";
            case SUCCESS -> "share of members that reach " + (figures.known.isPresent() ? "f*" : "the best f");
            case BEST -> "best f";
        };
        String title = figures.result.objective().name() + " D=" + figures.result.dimension() + ": " + figure
                + " per combination";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Plots.theme(chart);
        chart.addSubtitle(new TextTitle(Plots.describe(job, figures.result) + ", " + job.startsPerCombination()
                + " starts per combination"));
        if (!fixed.isEmpty()) {
            StringBuilder s = new StringBuilder("other axes at the best combination's values:");
            fixed.forEach((k, v) -> s.append(' ').append(k).append(" = ").append(Numbers.brief(v)).append(';'));
            chart.addSubtitle(new TextTitle(s.substring(0, s.length() - 1)));
        }
        chart.addSubtitle(Plots.key(lookup, k0, k1, log, figure + (log ? " (log scale)" : "")));
        return chart;
    }

    /** The axis values of the grid in the order given. */
    static double[] values(Grid grid, String axis) {
        List<Double> v = new ArrayList<>();
        for (long c = 0; c < grid.combinations(); c++) {
            double value = grid.value(axis, c);
            if (!v.contains(value)) {
                v.add(value);
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (Double.compare(values[i], v) == 0) {
                return i;
            }
        }
        throw new IllegalStateException("value " + v + " on no axis");
    }

    private static String[] labels(double[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = Numbers.brief(values[i]);
        }
        return s;
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }
}
