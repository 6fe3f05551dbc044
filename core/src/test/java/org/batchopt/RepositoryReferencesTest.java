package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reference in the repository resolves inside it: no file cites a document that lives outside it, every
 * relative Markdown link names a file or folder that exists, and every repository path a Markdown file quotes
 * ({@code `kernels/math.cl`}) exists.
 */
class RepositoryReferencesTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** Documents outside the repository (spelled in pieces, so that this file does not cite them). */
    private static final List<String> OUTSIDE = List.of("DESIGN" + ".md", "STYLE" + ".md", "TEAM" + ".md",
            "../" + "shared/", "/work/" + "shared");
    /** Folders that are built or local, never part of the repository. */
    private static final Set<String> NOT_SOURCE = Set.of(".git", "target", ".gpu", ".idea", ".vscode");
    /** The top-level folders of the repository, whose paths a document may quote. */
    private static final Pattern QUOTED_PATH = Pattern.compile(
            "`((?:core|cli|spark|kernels|native-notes|benchmarks|\\.ci)/[^`\\s<>*${}]*)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void noFileCitesADocumentOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int n = 0; n < lines.size(); n++) {
                for (String outside : OUTSIDE) {
                    if (lines.get(n).contains(outside)) {
                        found.add(ROOT.relativize(file) + ":" + (n + 1) + " cites " + outside);
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyLinkAndQuotedPathInTheDocumentsExists() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path md : textFiles()) {
            if (!md.toString().endsWith(".md")) {
                continue;
            }
            String text = Files.readString(md, StandardCharsets.UTF_8);
            for (Matcher m = LINK.matcher(text); m.find(); ) {
                String target = m.group(1).replaceFirst("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                    continue;
                }
                checked++;
                if (!Files.exists(md.getParent().resolve(target))) {
                    broken.add(ROOT.relativize(md) + ": link " + m.group(1));
                }
            }
            for (Matcher m = QUOTED_PATH.matcher(text); m.find(); ) {
                checked++;
                if (!Files.exists(ROOT.resolve(m.group(1))) && !Files.exists(md.getParent().resolve(m.group(1)))) {
                    broken.add(ROOT.relativize(md) + ": path " + m.group(1));
                }
            }
        }
        assertTrue(checked > 10, "the documents link and quote paths: " + checked);
        assertEquals(List.of(), broken);
    }

    /** Every text file of the repository (sources, documents, scripts, kernels), built and local folders left out. */
    static List<Path> textFiles() throws IOException {
        assertTrue(Files.exists(ROOT.resolve("README.md")), "the tests run in a module of the repository");
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(RepositoryReferencesTest::notSource)
                    .filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(java|md|cl|h|c|sh|py|xml|txt)$")
                            || List.of("batchopt", "run", "without-opencl").contains(p.getFileName().toString()))
                    .sorted().toList();
        }
    }

    private static boolean notSource(Path p) {
        for (Path part : ROOT.relativize(p)) {
            if (NOT_SOURCE.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }
}
