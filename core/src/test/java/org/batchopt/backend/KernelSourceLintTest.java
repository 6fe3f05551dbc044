package org.batchopt.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The portable kernel source keeps to the subset that makes every backend compute the same bits: floating
 * literals only inside R(...), and only literals whose double and float readings agree (so R(v) is the same
 * float whether a compiler reads v as double then narrows or reads it as float), or inside D(...), a double
 * constant (math.cl's fp32 functions, which evaluate in double); no native transcendental
 * function; fma only in math.cl (whose functions are written with it), where torch fuses (rules.cl) and in the dot
 * products of data.cl (a model's X W^T and R^T X, each an fma chain over increasing k, as DataTwin64 sums them with
 * Math.fma), never in an objective.
 */
class KernelSourceLintTest {
    static final Pattern FLOAT = Pattern.compile("(?<![\\w.])(\\d+\\.\\d*(?:[eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+|\\.\\d+(?:[eE][+-]?\\d+)?)(?![\\w.])");
    static final Pattern WRAPPED = Pattern.compile("R\\(\\s*-?\\s*$");
    static final Pattern DOUBLE = Pattern.compile("D\\(\\s*-?\\s*$");
    static final Pattern FORBIDDEN = Pattern.compile("(?<![\\w.])(sin|cos|tan|exp|exp2|exp10|log|log2|log10|pow|pown|powr|"
            + "rootn|cbrt|rsqrt|hypot|mad|fmin|fmax|sincos|atan|asin|acos|sinh|cosh|tanh|expm1|log1p)\\s*\\(|native_|half_");
    static final Pattern FMA = Pattern.compile("(?<![\\w.])fma\\s*\\(");

    static List<Path> sources() throws IOException, URISyntaxException {
        Path root = Path.of(KernelSourceLintTest.class.getResource("/kernels/math.cl").toURI()).getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".cl")).sorted().toList();
        }
    }

    static String withoutComments(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    static List<String> problems(String name, String source) {
        List<String> problems = new ArrayList<>();
        String code = withoutComments(source);
        Matcher m = FLOAT.matcher(code);
        while (m.find()) {
            String before = code.substring(Math.max(0, m.start() - 8), m.start());
            if (DOUBLE.matcher(before).find()) {
                continue;
            }
            if (!WRAPPED.matcher(before).find()) {
                problems.add(name + ": literal " + m.group(1) + " is not inside R(...)");
            }
            double d = Double.parseDouble(m.group(1));
            if ((float) d != Float.parseFloat(m.group(1))) {
                problems.add(name + ": literal " + m.group(1) + " narrows differently from double and from text");
            }
        }
        Matcher bad = FORBIDDEN.matcher(code);
        while (bad.find()) {
            problems.add(name + ": calls " + bad.group() + " (use the bo_ functions of math.cl)");
        }
        boolean fmaAllowed = name.endsWith("/rules.cl") || name.endsWith("/math.cl") || name.endsWith("/data.cl");
        if (!fmaAllowed && FMA.matcher(code).find()) {
            problems.add(name + ": calls fma, which only rules.cl (where torch fuses), math.cl and data.cl (its dot "
                    + "products) may");
        }
        return problems;
    }

    @Test
    void everyKernelFileKeepsToThePortableSubset() throws IOException, URISyntaxException {
        List<String> problems = new ArrayList<>();
        List<Path> files = sources();
        assertTrue(files.size() >= 11, "kernel sources found: " + files);
        for (Path f : files) {
            problems.addAll(problems(f.getParent().getFileName() + "/" + f.getFileName(), Files.readString(f)));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theLintFindsWhatItLooksFor() {
        String bad = "real f = x * 0.5 + R(2.5) + sin(x) + native_exp(x) + fma(a, b, c); // 0.25 in a comment\n"
                + "real g = R(1.0000000596046447753906250001);";
        List<String> found = problems("objectives/bad.cl", bad);
        assertEquals(5, found.size(), found.toString());
        assertTrue(problems("kernels/math.cl", "double d = fma(x, D(1.0000000596046447753906250001), D(-0.5));").isEmpty());
        assertTrue(problems("kernels/rules.cl", "x = fma(a, b, c);").isEmpty());
        assertTrue(problems("kernels/data.cl", "acc = fma(a, b, acc);").isEmpty());
    }
}
