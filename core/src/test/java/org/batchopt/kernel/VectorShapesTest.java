package org.batchopt.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchopt.SourceDependencies;
import org.junit.jupiter.api.Test;

/**
 * Every Vector API class takes its species from {@link VectorShapes}, so that a JVM runs one vector class per
 * element type (two shapes of one type pollute the API's type profiles and box the vectors).
 */
class VectorShapesTest {
    /** Whatever makes a species of its own: the API's constants, a lookup by shape, a change of lanes or shape. */
    static final Pattern OWN_SPECIES = Pattern.compile(
            "\\bSPECIES_\\w+|\\bVectorSpecies\\s*\\.\\s*of\\s*\\(|\\.\\s*with(?:Lanes|Shape)\\s*\\(|\\bVectorShape\\b");

    @Test
    void noClassButVectorShapesChoosesASpecies() throws IOException {
        List<String> found = new ArrayList<>();
        int users = 0;
        for (Path root : List.of(OneMathTest.MAIN, OneMathTest.GENERATED)) {
            for (Path f : OneMathTest.sources(root, ".java")) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                String code = SourceDependencies.codeOnly(Files.readString(f));
                if (rel.equals("org/batchopt/kernel/VectorShapes.java")) {
                    continue;
                }
                if (code.contains("VectorShapes.of(")) {
                    users++;
                }
                for (Matcher m = OWN_SPECIES.matcher(code); m.find(); ) {
                    found.add(rel + ": " + m.group());
                }
            }
        }
        assertTrue(users >= 4, users + " classes take their species from VectorShapes (VectorMath32, VectorMath64, "
                + "DataVector64/32)");
        assertEquals(List.of(), found);
    }

    @Test
    void floatsAndLongsHaveTheDoublesLanes() {
        assertTrue(VectorLanes.ENABLED, "the test JVM lacks --add-modules " + VectorLanes.MODULE);
        int lanes = VectorShapes.of(double.class).length();
        assertEquals(lanes, VectorShapes.of(float.class).length());
        assertEquals(lanes, VectorShapes.of(long.class).length());
        assertEquals(jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED, VectorShapes.of(double.class));
        assertThrows(IllegalArgumentException.class, () -> VectorShapes.of(int.class));
    }
}
