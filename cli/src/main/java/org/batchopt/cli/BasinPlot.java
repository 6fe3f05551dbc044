package org.batchopt.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Optional;
import org.batchopt.Basin;
import org.batchopt.Basins;
import org.batchopt.KnownOptimum;
import org.batchopt.Objective;
import org.batchopt.Result;
import org.batchopt.Status;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The picture of a 2-D multi-start run: f over the box as filled contours (grey, light where f is low), every
 * start point coloured by the minimum its member reached, the end points in the same colours, the known global
 * minimizers as black crosses, and with history the paths of a few members.
 */
final class BasinPlot {
    /** Pixels of the contour image: about those of the plot area, so that the lines stay thin. */
    private static final int IMAGE_WIDTH = 840;
    private static final int IMAGE_HEIGHT = 580;
    /** Contour bands, log-spaced in f above its lowest value. */
    private static final int BANDS = 14;
    /** Start and end points drawn at most (evenly spaced members); the rest would only hide the contours. */
    private static final int MAX_POINTS = 4000;
    /** Paths drawn at most, one per coloured minimum. */
    private static final int MAX_PATHS = Plots.CATEGORY.length;

    private BasinPlot() {
    }

    static JFreeChart chart(PreparedJob job, Result r, Basins basins, Optional<KnownOptimum> known) {
        Objective f = r.objective();
        double[][] range = range(job, r);
        int n = r.members();
        int stride = Math.max(1, (int) Math.ceil((double) n / MAX_POINTS));
        int colours = Math.min(Plots.CATEGORY.length, basins.basins().size());
        int[] basinOf = new int[n];
        Arrays.fill(basinOf, -1);
        for (int k = 0; k < basins.basins().size(); k++) {
            for (int m : basins.basins().get(k).minimum().members()) {
                basinOf[m] = Math.min(k, colours);
            }
        }
        XYSeriesCollection starts = new XYSeriesCollection();
        XYSeriesCollection ends = new XYSeriesCollection();
        for (int k = 0; k <= colours; k++) {
            starts.addSeries(new XYSeries("starts " + k, false, true));
            ends.addSeries(new XYSeries("ends " + k, false, true));
        }
        double[] start = new double[2];
        for (int m = 0; m < n; m += stride) {
            if (r.status(m) == Status.DIVERGED) {
                continue;
            }
            int k = basinOf[m] < 0 ? colours : basinOf[m];
            job.batch().startPoints(m, 1, start);
            starts.getSeries(k).add(start[0], start[1]);
            ends.getSeries(k).add(r.x(m, 0), r.x(m, 1));
        }
        XYSeriesCollection paths = new XYSeriesCollection();
        if (r.historyEvery() > 0) {
            for (int k = 0; k < Math.min(colours, MAX_PATHS); k++) {
                int[] members = basins.basins().get(k).minimum().members();
                int m = Arrays.stream(members).min().orElseThrow();
                XYSeries path = new XYSeries("path " + k, false, true);
                for (int p = 0; p < r.historySize(); p++) {
                    double[] x = r.history(m, p);
                    path.add(x[0], x[1]);
                }
                paths.addSeries(path);
            }
        }
        XYSeriesCollection minimizers = new XYSeriesCollection();
        XYSeries z = new XYSeries("known global minimizers", false, true);
        known.ifPresent(k -> k.minimizers().forEach(mz -> z.add(mz.x()[0], mz.x()[1])));
        minimizers.addSeries(z);

        NumberAxis x1 = new NumberAxis("x1");
        NumberAxis x2 = new NumberAxis("x2");
        x1.setRange(range[0][0], range[0][1]);
        x2.setRange(range[1][0], range[1][1]);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x1);
        plot.setRangeAxis(x2);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        // Datasets draw in reverse index order: starts, then ends, paths and the minimizers on top.
        plot.setDataset(0, minimizers);
        plot.setRenderer(0, minimizerRenderer());
        plot.setDataset(1, paths);
        plot.setRenderer(1, pathRenderer(paths.getSeriesCount()));
        plot.setDataset(2, ends);
        plot.setRenderer(2, pointRenderer(colours, 11, 255, true));
        plot.setDataset(3, starts);
        XYLineAndShapeRenderer startRenderer = pointRenderer(colours, 3, 150, false);
        plot.setRenderer(3, startRenderer);

        Contours contours = Contours.of(f, range, known.map(KnownOptimum::fStar));
        startRenderer.addAnnotation(new XYDataImageAnnotation(contours.image, range[0][0], range[1][0],
                range[0][1] - range[0][0], range[1][1] - range[1][0]), Layer.BACKGROUND);
        plot.setFixedLegendItems(legend(r, basins, colours, known, paths.getSeriesCount() > 0));

        String title = f.name() + ": " + Figures.count(basins.basins().size(), "minimum", "minima") + " found by "
                + Figures.count(n, "member", "members");
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Plots.theme(chart);
        chart.addSubtitle(new TextTitle(Plots.describe(job, RunOutcome.of(r))));
        chart.addSubtitle(new TextTitle("dots: start points, coloured by the minimum their member reached; large dots: "
                + "end points" + (paths.getSeriesCount() > 0 ? "; lines: paths of a few members" : "")
                + (stride > 1 ? "; every " + stride + "th member drawn" : "")));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        chart.addSubtitle(contours.key);
        return chart;
    }

    /** The box drawn: the sampler's box, the objective's, or the hull of the start and end points. */
    private static double[][] range(PreparedJob job, Result r) {
        if (job.starts().box() != null) {
            return new double[][] {{job.starts().box().lo(0), job.starts().box().hi(0)},
                    {job.starts().box().lo(1), job.starts().box().hi(1)}};
        }
        if (r.objective().hasBox()) {
            return new double[][] {{r.objective().box().lo(0), r.objective().box().hi(0)},
                    {r.objective().box().lo(1), r.objective().box().hi(1)}};
        }
        double[][] hull = {{Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
                {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}};
        double[] s = new double[2];
        for (int m = 0; m < r.members(); m++) {
            job.batch().startPoints(m, 1, s);
            for (int i = 0; i < 2; i++) {
                for (double v : new double[] {s[i], r.x(m, i)}) {
                    if (Double.isFinite(v)) {
                        hull[i][0] = Math.min(hull[i][0], v);
                        hull[i][1] = Math.max(hull[i][1], v);
                    }
                }
            }
        }
        for (double[] h : hull) {
            double pad = Math.max(0.05 * (h[1] - h[0]), 1e-3 * Math.max(1, Math.abs(h[0])));
            h[0] -= pad;
            h[1] += pad;
        }
        return hull;
    }

    private static XYLineAndShapeRenderer pointRenderer(int colours, double size, int alpha, boolean outlined) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        Shape dot = new Ellipse2D.Double(-size / 2, -size / 2, size, size);
        for (int k = 0; k <= colours; k++) {
            Color c = k < colours ? Plots.CATEGORY[k] : Plots.OTHER;
            r.setSeriesShape(k, dot);
            r.setSeriesPaint(k, new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha));
            r.setSeriesOutlinePaint(k, Color.BLACK);
            r.setSeriesOutlineStroke(k, new BasicStroke(0.8f));
        }
        r.setUseOutlinePaint(true);
        r.setDrawOutlines(outlined);
        return r;
    }

    private static XYLineAndShapeRenderer pathRenderer(int paths) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < paths; k++) {
            Color c = Plots.CATEGORY[k].darker();
            r.setSeriesPaint(k, c);
            r.setSeriesStroke(k, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        return r;
    }

    /** Known minimizers: black rings, around the end points that reach them. */
    private static XYLineAndShapeRenderer minimizerRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, RING);
        r.setSeriesPaint(0, Color.BLACK);
        r.setSeriesOutlinePaint(0, Color.BLACK);
        r.setSeriesOutlineStroke(0, new BasicStroke(2f));
        r.setUseFillPaint(false);
        r.setDrawOutlines(true);
        r.setSeriesShapesFilled(0, false);
        return r;
    }

    private static final Shape RING = new Ellipse2D.Double(-10, -10, 20, 20);

    private static LegendItemCollection legend(Result r, Basins basins, int colours, Optional<KnownOptimum> known,
                                               boolean paths) {
        LegendItemCollection items = new LegendItemCollection();
        Shape dot = new Ellipse2D.Double(-5, -5, 10, 10);
        for (int k = 0; k < colours; k++) {
            Basin b = basins.basins().get(k);
            String label = "(" + Numbers.brief(b.minimum().x()[0]) + ", " + Numbers.brief(b.minimum().x()[1])
                    + ")  f = " + Numbers.brief(b.minimum().f()) + "  " + Figures.percent(b.share()) + "   ";
            items.add(item(label, dot, Plots.CATEGORY[k]));
        }
        int rest = basins.basins().size() - colours;
        if (rest > 0) {
            double share = basins.basins().subList(colours, basins.basins().size()).stream()
                    .mapToDouble(Basin::share).sum();
            items.add(item(Figures.count(rest, "other minimum", "other minima") + "  " + Figures.percent(share)
                    + "   ", dot, Plots.OTHER));
        }
        if (known.isPresent() && known.get().minimizersKnown() > 0) {
            LegendItem ring = new LegendItem("known global minimizer (" + known.get().minimizersFound() + " of "
                    + known.get().minimizersKnown() + " reached)", null, null, null, true,
                    new Ellipse2D.Double(-6, -6, 12, 12), false, Color.BLACK, true, Color.BLACK,
                    new BasicStroke(1.6f), false, null, new BasicStroke(1f), Color.BLACK);
            ring.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            items.add(ring);
        }
        long diverged = r.count(Status.DIVERGED);
        if (diverged > 0) {
            items.add(item(Figures.count(diverged, "member", "members") + " diverged (not drawn)", dot,
                    Color.WHITE));
        }
        return items;
    }

    private static LegendItem item(String label, Shape shape, Color colour) {
        LegendItem item = new LegendItem(label, null, null, null, shape, colour, new BasicStroke(0.8f),
                Color.BLACK);
        item.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return item;
    }

    /** f over the box as an image of log-spaced grey bands with darker lines between them, and its colour key. */
    private record Contours(BufferedImage image, PaintScaleLegend key) {
        static Contours of(Objective f, double[][] range, Optional<Double> fStar) {
            int w = IMAGE_WIDTH;
            int h = IMAGE_HEIGHT;
            double[][] v = new double[h][w];
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            double[] x = new double[2];
            for (int row = 0; row < h; row++) {
                x[1] = range[1][1] - (row + 0.5) / h * (range[1][1] - range[1][0]);
                for (int col = 0; col < w; col++) {
                    x[0] = range[0][0] + (col + 0.5) / w * (range[0][1] - range[0][0]);
                    double value = f.value(x);
                    v[row][col] = value;
                    if (Double.isFinite(value)) {
                        low = Math.min(low, value);
                        high = Math.max(high, value);
                    }
                }
            }
            double ref = fStar.isPresent() ? Math.min(low, fStar.get()) : low;
            double top = Math.max(high - ref, Double.MIN_NORMAL);
            // The bands span f above its lowest from the 2nd percentile of the box up (at least 1e-8 of the top),
            // so that they fall where the picture has area.
            double[] sorted = new double[w * h];
            int k = 0;
            for (double[] row : v) {
                for (double value : row) {
                    if (Double.isFinite(value)) {
                        sorted[k++] = value - ref;
                    }
                }
            }
            Arrays.sort(sorted, 0, k);
            double bottom = Math.max(Math.max(k == 0 ? 0 : sorted[k / 50], top * 1e-8), Double.MIN_NORMAL);
            bottom = Math.pow(10, Math.floor(Math.log10(bottom)));
            top = Math.pow(10, Math.ceil(Math.log10(top)));
            double[] edges = new double[BANDS + 1];
            for (int b = 0; b <= BANDS; b++) {
                edges[b] = bottom * Math.pow(top / bottom, (double) b / BANDS);
            }
            Color[] colours = new Color[BANDS];
            for (int b = 0; b < BANDS; b++) {
                // From near white (low f) to a light blue-grey (high f): the points on top keep their colours.
                double t = (double) b / (BANDS - 1);
                colours[b] = new Color((int) Math.round(252 - 90 * t), (int) Math.round(252 - 78 * t),
                        (int) Math.round(250 - 56 * t));
            }
            int[][] band = new int[h][w];
            for (int row = 0; row < h; row++) {
                for (int col = 0; col < w; col++) {
                    double d = v[row][col] - ref;
                    int b = 0;
                    while (b < BANDS - 1 && !(d < edges[b + 1])) {
                        b++;
                    }
                    band[row][col] = Double.isFinite(d) ? b : BANDS - 1;
                }
            }
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int line = new Color(0x8A93A3).getRGB();
            for (int row = 0; row < h; row++) {
                for (int col = 0; col < w; col++) {
                    int b = band[row][col];
                    boolean edge = (col + 1 < w && band[row][col + 1] != b) || (row + 1 < h && band[row + 1][col] != b);
                    image.setRGB(col, row, edge ? line : colours[b].getRGB());
                }
            }
            double e0 = Math.log10(bottom);
            double e1 = Math.log10(top);
            LookupPaintScale scale = new LookupPaintScale(e0, e1, colours[BANDS - 1]);
            for (int b = 0; b < BANDS; b++) {
                scale.add(e0 + (e1 - e0) * b / BANDS, colours[b]);
            }
            String label = fStar.isPresent() ? "f − f*" : "f − " + Numbers.brief(low) + " (its lowest in the box)";
            PaintScaleLegend key = Plots.key(scale, e0, e1, true, label);
            return new Contours(image, key);
        }
    }
}
