package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchopt.SourceDependencies;
import org.junit.jupiter.api.Test;

/** The command-line tool is a user of the library: it uses the API packages only. */
class ApiOnlyTest {

    @Test
    void theCliUsesTheApiOnly() {
        Map<String, Set<String>> deps = SourceDependencies.of(Path.of("src/main/java"), Set.of());
        assertTrue(deps.size() > 10, deps.keySet().toString());
        List<String> internal = new ArrayList<>();
        deps.forEach((cls, used) -> used.stream()
                .filter(u -> !u.startsWith("org.batchopt.cli.")
                        && !SourceDependencies.API_PACKAGES.contains(SourceDependencies.packageOf(u)))
                .forEach(u -> internal.add(cls + " uses " + u)));
        assertEquals(List.of(), internal);
    }
}
