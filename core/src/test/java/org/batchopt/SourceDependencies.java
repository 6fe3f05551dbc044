package org.batchopt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The batchopt classes each source file of a tree refers to: its imports (static ones included) and the fully
 * qualified names in its code, comments and literals left out; and, for the files of the root package, the
 * root-package classes it names without an import.
 */
public final class SourceDependencies {
    /** The packages a user imports: the API. Every other package is internal. */
    public static final Set<String> API_PACKAGES = Set.of("org.batchopt", "org.batchopt.rule", "org.batchopt.schedule",
            "org.batchopt.objective", "org.batchopt.search");
    private static final Pattern QUALIFIED = Pattern.compile("\\borg\\.batchopt(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*");
    private static final Pattern NAME = Pattern.compile("\\b[A-Z]\\w*\\b");

    private SourceDependencies() {
    }

    /** Class (fully qualified, top level) to the batchopt classes it uses, for every .java file under {@code root}. */
    public static Map<String, Set<String>> of(Path root, Set<String> rootPackageClasses) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replace('\\', '.');
                name = name.substring(0, name.length() - ".java".length());
                if (name.endsWith("package-info")) {
                    continue;
                }
                out.put(name, uses(Files.readString(f), packageOf(name), rootPackageClasses));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Set<String> uses(String source, String pkg, Set<String> rootPackageClasses) {
        String code = codeOnly(source);
        Set<String> used = new TreeSet<>();
        Matcher m = QUALIFIED.matcher(code);
        while (m.find()) {
            used.add(m.group());
        }
        if (pkg.equals("org.batchopt")) {
            Matcher n = NAME.matcher(code);
            while (n.find()) {
                if (rootPackageClasses.contains(n.group())) {
                    used.add("org.batchopt." + n.group());
                }
            }
        }
        return used;
    }

    /** {@code a.b.C} to {@code a.b}. */
    public static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    /** The source without comments and string or character literals. */
    public static String codeOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
