package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example compiles against this library and runs as written (no exception, every line it
 * prints); the API it shows is the API there is.
 */
class ReadmeJavaTest {

    @Test
    void theReadmeExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README.md has a java block");
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.group(1).lines().toList()) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        Path source = dir.resolve("ReadmeExample.java");
        Files.writeString(source, imports + "public class ReadmeExample {\n public static void main(String[] args) {\n"
                + body + "}\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Assumptions.assumeTrue(javac != null, "a JRE without the compiler");
        StringWriter log = new StringWriter();
        boolean compiled = javac.getTask(log, null, null, List.of("-d", dir.toString(), "-cp",
                System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source)).call();
        assertTrue(compiled, log::toString);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ReadmeJavaTest.class.getClassLoader())) {
            Method main = loader.loadClass("ReadmeExample").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(10, lines.size(), "best, three minima, the known optimum, the basins, the grid's best member and "
                + "best combination, the search's best, the formula's best:\n" + lines);
        assertTrue(lines.get(0).contains(": f = "), lines.get(0));
        assertTrue(lines.get(4).endsWith(" of members reached f* = 0.0"), lines.get(4));
        assertTrue(lines.get(5).contains(" f levels; a new start finds a new minimum with probability "), lines.get(5));
        assertTrue(lines.get(6).startsWith("{lr="), lines.get(6));
        assertTrue(lines.get(7).startsWith("{lr=") && lines.get(7).contains(" has the best median f, "), lines.get(7));
        assertTrue(lines.get(8).startsWith("f = 0.0 after ")
                && lines.get(8).contains(" rounds (TARGET), found in round "), lines.get(8));
        assertTrue(lines.get(9).startsWith("f = "), lines.get(9));
    }
}
