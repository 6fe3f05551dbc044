package org.batchopt.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.batchopt.Precision;
import picocli.CommandLine.TypeConversionException;

/** Parsing and printing of numbers on the command line, and distances between results in ulps. */
final class Numbers {
    private Numbers() {
    }

    /**
     * What the command line accepts as a number: decimal, with an optional sign, fraction and exponent
     * ({@code 2}, {@code -0.5}, {@code .5}, {@code 1e-3}, {@code 1E+6}). Java's own parser would also take
     * {@code 1f}, {@code 1d}, hexadecimal and {@code NaN}, which no option means.
     */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Whether {@code text} is a number as the command line and start files write one. */
    static boolean isNumber(String text) {
        return NUMBER.matcher(text).matches();
    }

    /** An option value that is one number. */
    static double parse(String text) {
        return parse(text, text);
    }

    /** A number inside option value {@code whole}; a bad one is a usage error naming both. */
    static double parse(String text, String whole) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new TypeConversionException(text.equals(whole) ? "an empty value where a number belongs"
                    : "an empty value in '" + whole + "' where a number belongs");
        }
        if (!isNumber(t)) {
            throw new TypeConversionException(text.equals(whole) ? "'" + text + "' is not a number"
                    : "'" + text + "' in '" + whole + "' is not a number");
        }
        return Double.parseDouble(t);
    }

    /** A comma list of numbers inside option value {@code whole}. */
    static double[] parseList(String text, String whole) {
        String[] parts = text.split(",", -1);
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = parse(parts[i], whole);
        }
        return v;
    }

    /**
     * A value in the shortest form that reads back exactly in the run's precision: a result computed in fp32
     * prints as the float it is, not as the double it was widened to. Non-finite values print as nan, inf, -inf;
     * a negative zero prints as 0.0 (it equals 0, and spreadsheets and readers should not see two zeros).
     */
    static String exact(double v, Precision p) {
        if (v == 0) {
            return "0.0";
        }
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return p == Precision.FP32 ? Float.toString((float) v) : Double.toString(v);
    }

    /** A value for reading: six significant digits. */
    static String brief(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceFirst("\\.?0+$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    /** A point for reading: at most {@code shown} coordinates, then an ellipsis. */
    static String brief(double[] x, int shown) {
        String head = Arrays.stream(x).limit(shown).mapToObj(Numbers::brief).collect(Collectors.joining(", "));
        return "(" + head + (x.length > shown ? ", ... [" + x.length + "]" : "") + ")";
    }

    /** Seconds for reading. */
    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    /**
     * Units in the last place between {@code a} and {@code b} in precision {@code p}: the number of
     * representable values between them, 0 for equal values and for two NaNs, {@link Long#MAX_VALUE} when only
     * one is NaN.
     */
    static long ulps(double a, double b, Precision p) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        if (p == Precision.FP32) {
            return Math.abs(ordered((float) a) - ordered((float) b));
        }
        long d = ordered(a) - ordered(b);
        boolean overflow = (ordered(a) ^ ordered(b)) < 0 && (d ^ ordered(a)) < 0;
        return overflow ? Long.MAX_VALUE : Math.abs(d);
    }

    /** Relative difference {@code |a - b| / max(|a|, |b|)}; 0 when equal, infinite when only one is NaN. */
    static double relative(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (a == b) {
            return 0;
        }
        return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    }

    /** Float bits mapped to a line where adjacent floats differ by one (-0 and +0 meet at 0). */
    private static long ordered(float v) {
        int bits = Float.floatToIntBits(v);
        return bits < 0 ? (long) Integer.MIN_VALUE - bits : bits;
    }

    private static long ordered(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }
}
