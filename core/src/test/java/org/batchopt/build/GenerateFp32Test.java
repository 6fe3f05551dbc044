package org.batchopt.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fp32 twins that were compiled are exactly what {@link GenerateFp32} makes now from the fp64 sources, no
 * more and no fewer; and the generator changes what it says it changes and nothing else.
 */
class GenerateFp32Test {
    static final Path SOURCES = Path.of("src/main/java");
    static final Path GENERATED = Path.of("target/generated-sources/fp32");

    @Test
    void theCompiledTwinsAreWhatTheGeneratorMakesNow() throws IOException {
        List<Path> inputs = GenerateFp32.inputs(SOURCES);
        assertTrue(inputs.size() >= 20, "fp64 twins found: " + inputs);
        Set<String> twins = GenerateFp32.twinClasses(SOURCES);
        for (Path in : inputs) {
            Path relative = SOURCES.relativize(in);
            Path out = GENERATED.resolve(GenerateFp32.fp32Path(relative));
            assertTrue(Files.exists(out), out + " was not generated");
            assertEquals(GenerateFp32.generate(relative, Files.readString(in), twins), Files.readString(out),
                    out + " differs from what the generator makes of " + in);
        }
        try (Stream<Path> files = Files.walk(GENERATED)) {
            List<Path> generated = files.filter(Files::isRegularFile).map(GENERATED::relativize).sorted().toList();
            assertEquals(inputs.stream().map(SOURCES::relativize).map(GenerateFp32::fp32Path).sorted().toList(),
                    generated, "generated files without an fp64 source, or sources without a twin");
        }
    }

    @Test
    void handWrittenFp32TwinsAreLeftAlone() {
        List<Path> inputs = GenerateFp32.inputs(SOURCES);
        assertFalse(inputs.stream().anyMatch(p -> p.getFileName().toString().equals("Math64.java")), inputs.toString());
        assertTrue(GenerateFp32.twinClasses(SOURCES).contains("Math64"), "Math64 is still renamed where used");
    }

    @Test
    void theGeneratorChangesTheRealTypeAndTheTwinNamesOnly() {
        String fp64 = "import static a.Math64.c;\n"
                + "/** The fp64 twin of Foo64: double x. */\n"
                + "final class Foo64 extends Base64 {\n"
                + "    double f(double[] x, long int64) { // a double, fp64\n"
                + "        String s = \"double Foo64 fp64\";\n"
                + "        char q = '\"';\n"
                + "        return Double.MAX_VALUE + c(0.5) + toDouble(x) + Other64.y + int64;\n"
                + "    }\n"
                + "    DoubleVector v(VectorSpecies<Double> s) { return DoubleVector.zero(s); }\n"
                + "}\n";
        String fp32 = "import static a.Math32.c;\n"
                + "/** The fp32 twin of Foo32: float x. */\n"
                + "final class Foo32 extends Base32 {\n"
                + "    float f(float[] x, long int64) { // a float, fp32\n"
                + "        String s = \"double Foo64 fp64\";\n"
                + "        char q = '\"';\n"
                + "        return Float.MAX_VALUE + c(0.5) + toDouble(x) + Other64.y + int64;\n"
                + "    }\n"
                + "    FloatVector v(VectorSpecies<Float> s) { return FloatVector.zero(s); }\n"
                + "}\n";
        String generated = GenerateFp32.generate(Path.of("a/Foo64.java"), fp64, Set.of("Foo64", "Base64", "Math64"));
        assertEquals(String.format(GenerateFp32.HEADER, "a/Foo64.java") + fp32, generated);
    }
}
