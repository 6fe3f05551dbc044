package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every picture --plot draws is a PNG (or SVG) of the stated size, not blank, with the colours it promises (one per
 * basin), the same bytes from the same data; a name that is neither .png nor .svg, or a picture the run cannot
 * draw, is a usage error before anything runs.
 */
class PlotTest {
    private static final String HIMMELBLAU = "run --function himmelblau --members 400 --lr 0.1 --schedule cosine:500 "
            + "--steps 500 -q ";
    private static final String GRID = "run --function rosenbrock --dim 2 --optimizer sgd --lr 1e-4,1e-3,1e-2 "
            + "--momentum 0,0.9 --members 20 --steps 200 -q ";

    @TempDir
    Path dir;

    @BeforeEach
    void fonts() {
        assumeFalse(Plots.fontsMissing(), "Java finds no fonts here (no fontconfig or no font installed): pictures "
                + "cannot be drawn");
    }

    static BufferedImage png(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4), "PNG signature");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(Plots.WIDTH, image.getWidth());
        assertEquals(Plots.HEIGHT, image.getHeight());
        return image;
    }

    static Set<Integer> colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen;
    }

    static void notBlank(Set<Integer> colours) {
        assertTrue(colours.size() > 50, colours.size() + " colours: a blank picture");
    }

    static String svg(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml") || text.startsWith("<svg"), text.substring(0, 80));
        Matcher size = Pattern.compile("<svg[^>]* width=['\"]([0-9.]+)['\"] height=['\"]([0-9.]+)['\"]").matcher(text);
        assertTrue(size.find(), "an svg element with a size");
        assertEquals(Plots.WIDTH, Double.parseDouble(size.group(1)));
        assertEquals(Plots.HEIGHT, Double.parseDouble(size.group(2)));
        assertTrue(text.trim().endsWith("</svg>"), "a whole document");
        assertTrue(text.contains("<text") || text.contains("<path"), "not blank");
        return text;
    }

    static String rgb(Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    @Test
    void basinsOfA2dObjectiveShowOneColourPerMinimum() throws IOException {
        Path file = dir.resolve("basins.png");
        Cli.run(HIMMELBLAU + "--history 10 --plot " + file).succeeds();
        Set<Integer> seen = colours(png(file));
        notBlank(seen);
        for (int k = 0; k < 4; k++) {
            assertTrue(seen.contains(Plots.CATEGORY[k].getRGB() & 0xFFFFFF), "the colour of minimum " + (k + 1));
        }
        assertTrue(!seen.contains(Plots.CATEGORY[4].getRGB() & 0xFFFFFF), "no fifth minimum, no fifth colour");
        Path again = dir.resolve("again.png");
        Cli.run(HIMMELBLAU + "--history 10 --plot " + again).succeeds();
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again), "the same picture from the same run");

        Path vector = dir.resolve("basins.svg");
        Cli.run(HIMMELBLAU + "--plot " + vector).succeeds();
        String text = svg(vector);
        for (int k = 0; k < 4; k++) {
            assertTrue(text.contains(rgb(Plots.CATEGORY[k])), "the colour of minimum " + (k + 1) + " in the SVG");
        }
        assertTrue(text.contains("himmelblau: 4 minima found by 400 members"), "the title names the job");
        Path vectorAgain = dir.resolve("again.svg");
        Cli.run(HIMMELBLAU + "--plot " + vectorAgain).succeeds();
        assertEquals(text, Files.readString(vectorAgain), "SVG is reproducible too");
    }

    @Test
    void fOverTheStepsNeedsHistory() throws IOException {
        String line = "run --function rastrigin --dim 4 --members 300 --lr 0.5 --steps 200 -q ";
        Cli.run(line + "--plot " + dir.resolve("steps.png")).failsWith(Main.USAGE, "needs the members' history: "
                + "add --history EVERY");
        assertEquals(0, dir.toFile().list().length, "nothing written, nothing run");
        Path file = dir.resolve("steps.png");
        Cli.run(line + "--history 10 --plot " + file).succeeds();
        Set<Integer> seen = colours(png(file));
        notBlank(seen);
        assertTrue(seen.contains(Plots.CATEGORY[0].getRGB() & 0xFFFFFF), "the median line");
        assertTrue(seen.contains(Plots.CATEGORY[3].getRGB() & 0xFFFFFF), "the best member's line");
        Path vector = dir.resolve("steps.svg");
        Cli.run(HIMMELBLAU + "--history 10 --plot-kind steps --plot " + vector).succeeds();
        assertTrue(svg(vector).contains(rgb(Plots.CATEGORY[3])));
    }

    @Test
    void aGridIsAHeatmapOverTwoAxes() throws IOException {
        Path file = dir.resolve("grid.png");
        Cli.run(GRID + "--plot " + file).succeeds();
        notBlank(colours(png(file)));
        Path vector = dir.resolve("grid.svg");
        Cli.run(GRID + "--rank-by success --plot-axes momentum,lr --plot " + vector).succeeds();
        String text = svg(vector);
        assertTrue(text.contains("share of members that reach f*"), "the figure drawn is named");
        assertTrue(text.contains(">momentum<"), "the axes labelled");
        Cli.run(GRID + "--plot-axes lr,beta1 --plot " + dir.resolve("x.png")).failsWith(Main.USAGE,
                "'beta1' is not an axis of the grid");
        Cli.run(GRID + "--plot-axes lr,lr --plot " + dir.resolve("x.png")).failsWith(Main.USAGE,
                "give one or two different grid axes");
        Cli.run(HIMMELBLAU + "--plot-kind grid --plot " + dir.resolve("x.png")).failsWith(Main.USAGE,
                "--plot-kind grid needs a grid");
        Cli.run(HIMMELBLAU + "--plot-axes lr").failsWith(Main.USAGE, "--plot-axes needs --plot FILE");
    }

    @Test
    void benchDrawsThroughputAndParity() throws IOException {
        String bench = "bench --function sphere --dim 2 --members 64 --steps 20 --backends cpu,cpu -q --plot ";
        Path file = dir.resolve("bench.png");
        Cli.run(bench + file).succeeds();
        notBlank(colours(png(file)));
        Path vector = dir.resolve("bench.svg");
        Cli.run(bench + vector).succeeds();
        String text = svg(vector);
        assertTrue(text.contains("member-steps per second"), "throughput axis");
        assertTrue(text.contains("x: bit-identical") && text.contains("f: bit-identical"), "parity labels");
    }

    @Test
    void aNameThatIsNeitherPngNorSvgIsAUsageError() {
        for (String name : new String[] {"basins.jpg", "basins", "basins.png.txt"}) {
            Cli.run(HIMMELBLAU + "--plot " + dir.resolve(name)).failsWith(Main.USAGE, "the picture is PNG or SVG");
        }
        Cli.run(HIMMELBLAU.replace("himmelblau", "sphere --dim 3") + "--plot-kind basins --plot "
                + dir.resolve("a.png")).failsWith(Main.USAGE, "basins draws 2-D objectives");
        assertEquals(0, dir.toFile().list().length, "no file written");
    }
}
