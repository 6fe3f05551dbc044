package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * of a minute. Doclint does not look at an exception's serialized fields, which javadoc's serialized-form page
 * documents and whose missing comments fail {@code mvn javadoc:javadoc}: the second test checks them.
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

    /** Every instance field of a serializable API class (its serialized form) has a comment. */
    @Test
    void everySerializedFieldOfTheApiHasAComment() throws IOException {
        List<String> undocumented = new ArrayList<>();
        int fields = 0;
        for (String pkg : SourceDependencies.API_PACKAGES) {
            try (Stream<Path> files = Files.list(ArchitectureTest.MAIN.resolve(pkg.replace('.', '/')))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("-"))
                        .sorted().toList()) {
                    Class<?> type = Class.forName(pkg + "." + p.getFileName().toString().replace(".java", ""));
                    if (!Serializable.class.isAssignableFrom(type) || type.isEnum()) {
                        continue;
                    }
                    String text = Files.readString(p);
                    for (Field f : type.getDeclaredFields()) {
                        int m = f.getModifiers();
                        if (Modifier.isStatic(m) || Modifier.isTransient(m)) {
                            continue;
                        }
                        fields++;
                        Matcher declared = Pattern.compile("(\\*/)?\\s*private final [\\w.<>]+ " + f.getName() + ";")
                                .matcher(text);
                        if (!declared.find() || declared.group(1) == null) {
                            undocumented.add(type.getSimpleName() + "." + f.getName());
                        }
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        assertTrue(fields >= 6, fields + " serialized fields");
        assertTrue(undocumented.isEmpty(), "serialized fields without a comment: " + undocumented);
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
