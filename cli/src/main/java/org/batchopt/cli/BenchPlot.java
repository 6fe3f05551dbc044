package org.batchopt.cli;

import java.awt.Color;
import java.awt.Font;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The picture of {@code batchopt bench}: member-steps per second per backend, labelled with the speed-up against the
 * reference (the first backend), above the largest difference of each backend's final x and f from the reference's,
 * in units in the last place (0: bit-identical).
 */
final class BenchPlot {
    private BenchPlot() {
    }

    static JFreeChart chart(BenchReport report) {
        List<BenchReport.Ran> ran = report.ran();
        DefaultCategoryDataset rate = new DefaultCategoryDataset();
        DefaultCategoryDataset parity = new DefaultCategoryDataset();
        for (int k = 0; k < ran.size(); k++) {
            BenchReport.Ran r = ran.get(k);
            String backend = (k + 1) + ". " + r.result().backend();
            rate.addValue(r.rate(), "member-steps per second", backend);
            parity.addValue(ulps(r.difference().xUlps()), "x, largest over members and coordinates", backend);
            parity.addValue(ulps(r.difference().fUlps()), "f, largest over members", backend);
        }
        NumberAxis rateAxis = new NumberAxis("member-steps per second");
        rateAxis.setNumberFormatOverride(new SiFormat());
        rateAxis.setUpperMargin(0.15);
        CategoryPlot top = new CategoryPlot(rate, null, rateAxis, bars(new Color[] {Plots.CATEGORY[0]},
                (data, row, col) -> SiFormat.of(ran.get(col).rate()) + "/s, " + String.format(Locale.ROOT, "%.2fx",
                        ran.get(col).runSpeedup())));
        NumberAxis ulpAxis = new NumberAxis("max difference (ulp)");
        ulpAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ulpAxis.setUpperMargin(0.2);
        double most = 0;
        for (BenchReport.Ran r : ran) {
            most = Math.max(most, Math.max(ulps(r.difference().xUlps()), ulps(r.difference().fUlps())));
        }
        ulpAxis.setRange(0, Math.max(1, most) * 1.2);
        CategoryPlot bottom = new CategoryPlot(parity, null, ulpAxis, bars(new Color[] {Plots.CATEGORY[1],
                Plots.CATEGORY[2]}, (data, row, col) -> {
                    long u = row == 0 ? ran.get(col).difference().xUlps() : ran.get(col).difference().fUlps();
                    String what = row == 0 ? "x: " : "f: ";
                    return what + (u == Long.MAX_VALUE ? "nan" : u == 0 ? "bit-identical" : u + " ulp");
                }));
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis("backend"));
        plot.add(top, 3);
        plot.add(bottom, 2);
        plot.setGap(18);
        JFreeChart chart = new JFreeChart("batchopt bench: throughput and parity per backend",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Plots.theme(chart);
        chart.addSubtitle(new TextTitle(report.job()));
        chart.addSubtitle(new TextTitle("fastest of the repeats; speed-up and differences against backend 1, the "
                + "reference"));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(BlockBorder.NONE);
        return chart;
    }

    private static double ulps(long u) {
        return u == Long.MAX_VALUE ? 0 : u;
    }

    private static BarRenderer bars(Color[] colours, Label label) {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.18);
        r.setItemMargin(0.05);
        for (int k = 0; k < colours.length; k++) {
            r.setSeriesPaint(k, colours[k]);
        }
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                return label.text(dataset, row, column);
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        return r;
    }

    /** Numbers with an SI prefix: 850 k, 2.14 M, 1.3 G. */
    private static final class SiFormat extends NumberFormat {
        static String of(double v) {
            String[] prefix = {"", " k", " M", " G", " T", " P"};
            int p = 0;
            double a = v;
            while (Math.abs(a) >= 1000 && p < prefix.length - 1) {
                a /= 1000;
                p++;
            }
            return Numbers.brief(Math.round(a * 100) / 100.0) + prefix[p];
        }

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            return to.append(of(v));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return to.append(of(v));
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    }

    @FunctionalInterface
    private interface Label {
        String text(CategoryDataset data, int row, int column);
    }
}
