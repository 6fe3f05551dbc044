package org.batchopt.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.Result;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;

/**
 * Pictures: the kinds {@code --plot} draws, the look every chart shares, and the file formats. A chart is drawn
 * headless (no display), with fonts, sizes and colours fixed here, so that the same data give the same picture; it
 * is written as PNG, or as SVG when the file name ends in {@code .svg}.
 */
final class Plots {
    static final int WIDTH = 1000;
    static final int HEIGHT = 750;

    /** What {@code batchopt run --plot} draws. */
    enum Kind {
        /** f over the box of a 2-D objective, with start and end points coloured by basin. */
        BASINS,
        /** The best, 10 %, median and 90 % of f over the steps. */
        STEPS,
        /** A heatmap of the ranking figure over two grid axes. */
        GRID;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Colours for categories (basins, series), after Tableau 10: distinct, and readable in print. */
    static final Color[] CATEGORY = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C),
            new Color(0xD62728), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF),
            new Color(0xBCBD22)};
    /** Everything beyond the named categories. */
    static final Color OTHER = new Color(0x7F7F7F);
    static final Color GRID_LINES = new Color(0xDDDDDD);

    private Plots() {
    }

    /** The file format {@code file}'s name asks for; any other name than .png or .svg is a usage error. */
    static boolean isSvg(Path file, String option) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            return true;
        }
        if (name.endsWith(".png")) {
            return false;
        }
        throw new IllegalArgumentException(option + " " + file + ": the picture is PNG or SVG; give a name ending in "
                + ".png or .svg");
    }

    /**
     * A colour key beside the plot. With {@code log} the scale and {@code lo, hi} are in log10 of the values (a
     * key samples its scale evenly in its own units, so a log scale must be linear there), and the ticks print the
     * values themselves.
     */
    static PaintScaleLegend key(PaintScale scale, double lo,
                                                      double hi, boolean log, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(lo, hi);
        if (log) {
            axis.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil((hi - lo) / 8)),
                    new NumberFormat() {
                        @Override
                        public StringBuffer format(double e, StringBuffer to, FieldPosition pos) {
                            return to.append(Numbers.brief(Math.pow(10, Math.rint(e))));
                        }

                        @Override
                        public StringBuffer format(long e, StringBuffer to, FieldPosition pos) {
                            return format((double) e, to, pos);
                        }

                        @Override
                        public Number parse(String source, ParsePosition pos) {
                            throw new UnsupportedOperationException();
                        }
                    }));
        }
        PaintScaleLegend key = new PaintScaleLegend(scale, axis);
        key.setPosition(RectangleEdge.RIGHT);
        key.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        key.setMargin(new RectangleInsets(4, 10, 4, 4));
        key.setStripWidth(14);
        key.setAxisOffset(4);
        key.setSubdivisionCount(400);
        return key;
    }

    /** A log axis with a tick at every decade (or every few where there are many). */
    static LogAxis decades(String label, double lo, double hi) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(lo);
        double span = Math.log10(hi) - Math.log10(lo);
        axis.setAutoTickUnitSelection(false);
        axis.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(span / 10))), false, false);
        return axis;
    }

    /** The job in one line, for a subtitle: the rule and its learning rate, the schedule, steps, precision, backend. */
    static String describe(PreparedJob job, RunOutcome r) {
        Param lr = r.rule().parameters().get(Hyperparameter.LR);
        String schedule = r.rule().schedule().name();
        return r.rule().name() + (lr != null && lr.isUniform() ? " lr " + Numbers.brief(lr.value()) : "")
                + (schedule.equals("constant") ? "" : ", " + schedule) + ", at most "
                + job.settings().stopping().maxSteps() + " steps, " + RunReport.precision(r.precision()) + " on "
                + r.backend() + ", " + job.starts().kind() + " starts";
    }

    /** The fonts and colours every chart shares. */
    static void theme(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        String family = Font.SANS_SERIF;
        theme.setExtraLargeFont(new Font(family, Font.BOLD, 22));
        theme.setLargeFont(new Font(family, Font.PLAIN, 16));
        theme.setRegularFont(new Font(family, Font.PLAIN, 14));
        theme.setSmallFont(new Font(family, Font.PLAIN, 12));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID_LINES);
        theme.setRangeGridlinePaint(GRID_LINES);
        theme.setAxisLabelPaint(Color.BLACK);
        theme.setTickLabelPaint(new Color(0x333333));
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setShadowVisible(false);
        // The theme would replace the series colours the charts chose; they keep them.
        keepSeriesLook(chart.getPlot());
        theme.apply(chart);
        chart.setPadding(new RectangleInsets(10, 10, 10, 16));
        for (int k = 0; k < chart.getSubtitleCount(); k++) {
            if (chart.getSubtitle(k) instanceof TextTitle t) {
                t.setFont(new Font(family, Font.PLAIN, 14));
                t.setPaint(new Color(0x333333));
            }
        }
        Plot plot = chart.getPlot();
        plot.setOutlinePaint(new Color(0x999999));
        if (plot instanceof XYPlot xy) {
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        }
    }

    private static void keepSeriesLook(Plot plot) {
        if (plot instanceof XYPlot xy) {
            for (int k = 0; k < xy.getRendererCount(); k++) {
                if (xy.getRenderer(k) instanceof AbstractRenderer r) {
                    keep(r);
                }
            }
        } else if (plot instanceof CombinedDomainCategoryPlot combined) {
            for (Object p : combined.getSubplots()) {
                keep((AbstractRenderer) ((CategoryPlot) p).getRenderer());
            }
        } else if (plot instanceof CategoryPlot c) {
            keep((AbstractRenderer) c.getRenderer());
        }
    }

    private static void keep(AbstractRenderer r) {
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesFillPaint(false);
        r.setAutoPopulateSeriesOutlinePaint(false);
        r.setAutoPopulateSeriesStroke(false);
        r.setAutoPopulateSeriesOutlineStroke(false);
        r.setAutoPopulateSeriesShape(false);
    }

    /**
     * Writes {@code chart} to {@code file} ({@link #WIDTH} x {@link #HEIGHT} pixels), as SVG when {@code svg}.
     *
     * @throws IllegalStateException when Java has no font to draw text with (a machine without fontconfig or fonts)
     */
    static void write(JFreeChart chart, Path file, boolean svg) {
        System.setProperty("java.awt.headless", "true");
        try {
            if (svg) {
                SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
                // The default prefix of clip-path ids is a clock reading; a fixed one keeps the file reproducible.
                g.setDefsKeyPrefix("batchopt");
                chart.draw(g, new Rectangle(WIDTH, HEIGHT));
                Files.writeString(file, g.getSVGDocument() + "\n", StandardCharsets.UTF_8);
            } else {
                try (OutputStream out = Files.newOutputStream(file)) {
                    ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the picture " + file + ": " + Output.describe(e), e);
        } catch (RuntimeException | InternalError | UnsatisfiedLinkError e) {
            if (fontsMissing()) {
                throw new IllegalStateException("cannot draw " + file + ": Java finds no fonts on this machine "
                        + "(install fontconfig and a font, e.g. Debian's fontconfig and fonts-dejavu-core)", e);
            }
            throw e;
        }
    }

    /** Whether Java fails to lay out text here, as it does where fontconfig or every font is missing. */
    static boolean fontsMissing() {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.getFontMetrics().stringWidth("f");
            g.drawString("f", 0, 8);
            g.dispose();
            return false;
        } catch (RuntimeException | InternalError | UnsatisfiedLinkError e) {
            return true;
        }
    }
}
