package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.batchopt.Hyperparameter;
import org.batchopt.Precision;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The small parsers and printers: schedules, intervals, numbers, ulps, CSV cells. */
class ParsingTest {
    private final ScheduleSpec.Converter schedules = new ScheduleSpec.Converter();

    @Test
    void scheduleForms() {
        ScheduleSpec s = schedules.convert("inverse-time:0.1,0.2");
        assertEquals("inverse-time", s.kind());
        assertArrayEquals(new double[] {0.1, 0.2}, s.values().get(Hyperparameter.KAPPA));
        assertArrayEquals(new double[] {1}, s.values().get(Hyperparameter.POWER), "default power");
        assertArrayEquals(new double[] {0}, schedules.convert("cosine:100").values().get(Hyperparameter.ETA_MIN));
        ScheduleSpec m = schedules.convert("multistep:10/20/30:0.5");
        assertArrayEquals(new int[] {10, 20, 30}, m.milestones());
        assertArrayEquals(new double[] {0.5}, m.values().get(Hyperparameter.GAMMA));
        assertEquals(List.of(Hyperparameter.STEP_SIZE, Hyperparameter.GAMMA), List.copyOf(schedules.convert("step:5:0.9").values().keySet()));
        assertEquals("constant", schedules.convert("Constant").kind());
        for (String bad : List.of("constant:1", "step:5", "exponential", "exponential:0.5:1", "cosine:x",
                "multistep:0.5", "inverse", "")) {
            assertThrows(TypeConversionException.class, () -> schedules.convert(bad), bad);
        }
    }

    @Test
    void intervals() {
        Interval.Converter c = new Interval.Converter();
        assertEquals(new Interval(-1.5, 2), c.convert("-1.5:2"));
        assertEquals(new Interval(-1e3, -1), c.convert("-1e3:-1"));
        for (String bad : List.of("1", "1:2:3", "a:1", ":")) {
            assertThrows(TypeConversionException.class, () -> c.convert(bad), bad);
        }
    }

    @Test
    void ulpsCountRepresentableValuesInThePrecision() {
        assertEquals(0, Numbers.ulps(1.0, 1.0, Precision.FP32));
        assertEquals(1, Numbers.ulps(1.0f, Math.nextUp(1.0f), Precision.FP32));
        assertEquals(1, Numbers.ulps(1.0, Math.nextUp(1.0), Precision.FP64));
        assertEquals(0, Numbers.ulps(-0.0, 0.0, Precision.FP64), "-0 and +0 are equal");
        assertEquals(2, Numbers.ulps(-Float.MIN_VALUE, Float.MIN_VALUE, Precision.FP32), "across zero");
        assertEquals(0, Numbers.ulps(Double.NaN, Double.NaN, Precision.FP64));
        assertEquals(Long.MAX_VALUE, Numbers.ulps(Double.NaN, 1, Precision.FP64));
        assertEquals(Long.MAX_VALUE, Numbers.ulps(-Double.MAX_VALUE, Double.MAX_VALUE, Precision.FP64),
                "saturates instead of overflowing");
        assertEquals(0.5, Numbers.relative(1, 2));
        assertEquals(0, Numbers.relative(0, 0));
        assertEquals(Double.POSITIVE_INFINITY, Numbers.relative(Double.NaN, 0));
    }

    @Test
    void numbersPrintInTheirPrecision() {
        assertEquals("0.1", Numbers.exact(0.1f, Precision.FP32));
        assertEquals("0.10000000149011612", Numbers.exact(0.1f, Precision.FP64));
        assertEquals("nan", Numbers.exact(Double.NaN, Precision.FP32));
        assertEquals("-inf", Numbers.exact(Double.NEGATIVE_INFINITY, Precision.FP64));
        assertEquals("120000", Numbers.brief(120000));
        assertEquals("0.5", Numbers.brief(0.5));
        assertEquals("1e-05", Numbers.brief(1e-5));
        assertEquals("123457", Numbers.brief(123456.7));
        assertEquals("(1, 2, ... [3])", Numbers.brief(new double[] {1, 2, 3}, 2));
    }

    @Test
    void csvQuotesCellsThatNeedIt() {
        StringWriter out = new StringWriter();
        new Table("a", "b").row("x,y", "say \"hi\"").printCsv(new PrintWriter(out, true));
        assertEquals("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n", out.toString().replace(System.lineSeparator(), "\n"));
    }

    /** Every hyperparameter can be given on the command line, by the option its type names. */
    @Test
    void everyHyperparameterHasItsOption() {
        picocli.CommandLine.Model.CommandSpec run = Main.commandLine().getSubcommands().get("run").getCommandSpec();
        for (Hyperparameter h : Hyperparameter.values()) {
            assertNotNull(run.findOption(h.option()), h + ": " + h.option());
        }
    }
}
