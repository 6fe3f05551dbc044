package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The API's javadoc is complete and well formed: doclint, the checker {@code mvn javadoc:javadoc} runs, with every
 * group on ({@code missing} included: a public or protected type or member without a comment, a parameter without
 * {@code @param}, a method without {@code @return}), finds nothing in the API packages. It runs in javac over the
 * API sources against the compiled classes and writes nothing, a few seconds where a javadoc run takes a quarter
 * of a minute. Only javadoc itself checks the comments of an exception's serialized fields ({@code @serial}); a
 * warning fails {@code mvn javadoc:javadoc} too.
 */
class ApiJavadocTest {
    @Test
    void everyPublicTypeAndMemberOfTheApiPackagesIsDocumented() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String pkg : SourceDependencies.API_PACKAGES) {
            try (Stream<Path> files = Files.list(ArchitectureTest.MAIN.resolve(pkg.replace('.', '/')))) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
            }
        }
        assertTrue(sources.size() > 40, sources.size() + " API sources");
        List<String> findings = doclint(files -> files.getJavaFileObjectsFromPaths(sources));
        assertTrue(findings.isEmpty(), findings.size() + " doclint findings in the API's javadoc:\n"
                + String.join("\n", findings));
    }

    /** The check itself finds a missing comment, so that an empty list above means a documented API. */
    @Test
    void doclintReportsAPublicMethodWithoutAComment() throws IOException {
        JavaFileObject undocumented = new SimpleJavaFileObject(URI.create("string:///org/batchopt/Undocumented.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "package org.batchopt;\n/** A class. */\npublic final class Undocumented {\n"
                        + "    private Undocumented() {\n    }\n\n    public static int value() {\n        return 1;\n"
                        + "    }\n}\n";
            }
        };
        assertEquals(List.of("Undocumented.java:7: no comment"), doclint(files -> List.of(undocumented)));
    }

    /** Doclint's findings on the sources (in the API packages only), as {@code File.java:line: message}. */
    static List<String> doclint(Function<StandardJavaFileManager, Iterable<? extends JavaFileObject>> sources)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler: the tests need a JDK");
        DiagnosticCollector<JavaFileObject> found = new DiagnosticCollector<>();
        List<String> options = List.of("-proc:none", "-implicit:none", "-Xdoclint:all/protected",
                "-Xdoclint/package:" + String.join(",", SourceDependencies.API_PACKAGES),
                "-classpath", System.getProperty("java.class.path"), "-sourcepath", "",
                "-Xmaxwarns", "100000", "-Xmaxerrs", "100000");
        try (StandardJavaFileManager files = javac.getStandardFileManager(found, Locale.ROOT, StandardCharsets.UTF_8)) {
            ((JavacTask) javac.getTask(null, files, found, options, null, sources.apply(files))).analyze();
        }
        List<String> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : found.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.NOTE) {
                continue;
            }
            String file = d.getSource() == null ? ""
                    : d.getSource().getName().replaceFirst(".*/org/batchopt/", "") + ":";
            out.add(file + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
        }
        return out;
    }
}
