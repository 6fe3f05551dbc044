package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of the library and what each may see, as README's architecture section draws them, from the bottom:
 * <ol>
 *   <li>{@code kernel}: what the kernels and Java share; no other batchopt package;</li>
 *   <li>the API's model (the root package but its facade, {@code rule}, {@code schedule}, {@code objective},
 *       {@code search}) and the implementations of objectives and strategies ({@code objective.builtin},
 *       {@code objective.expression}, {@code search.chains});</li>
 *   <li>{@code backend} (the SPI) and its implementations;</li>
 *   <li>the facade that runs batches and searches: {@link Engine}, {@link Backends}, {@link Result}, {@link Search}.</li>
 * </ol>
 * No class uses one of a higher layer; the public API shows API types only; javadoc leaves out exactly the internal
 * packages.
 */
class ArchitectureTest {
    static final Path MAIN = Path.of("src/main/java");
    static final Path GENERATED = Path.of("target/generated-sources/fp32");
    static final Set<String> API_PACKAGES = SourceDependencies.API_PACKAGES;
    static final Set<String> FACADE = Set.of("org.batchopt.Engine", "org.batchopt.Backends", "org.batchopt.Result",
            "org.batchopt.Search");

    /** The layer of a class, 0 at the bottom. */
    static int layer(String className) {
        if (FACADE.contains(className)) {
            return 3;
        }
        String pkg = SourceDependencies.packageOf(className);
        if (pkg.equals("org.batchopt.kernel")) {
            return 0;
        }
        if (pkg.equals("org.batchopt.backend") || pkg.startsWith("org.batchopt.backend.")) {
            return 2;
        }
        if (API_PACKAGES.contains(pkg) || pkg.startsWith("org.batchopt.objective.")
                || pkg.startsWith("org.batchopt.search.")) {
            return 1;
        }
        throw new AssertionError(className + " is in no layer: give its package one in ArchitectureTest and README");
    }

    static Set<String> rootPackageClasses() throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve("org/batchopt"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java") && !n.equals(
                    "package-info.java")).map(n -> n.substring(0, n.length() - ".java".length()))
                    .collect(Collectors.toSet());
        }
    }

    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> all = SourceDependencies.of(MAIN, rootPackageClasses());
        all.putAll(SourceDependencies.of(GENERATED, rootPackageClasses()));
        return all;
    }

    @Test
    void noClassUsesOneOfAHigherLayer() throws IOException {
        List<String> upward = new ArrayList<>();
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.size() > 100, deps.size() + " classes");
        for (Map.Entry<String, Set<String>> e : deps.entrySet()) {
            for (String used : e.getValue()) {
                if (layer(used) > layer(e.getKey())) {
                    upward.add(e.getKey() + " (layer " + layer(e.getKey()) + ") uses " + used + " (layer "
                            + layer(used) + ")");
                }
            }
        }
        assertEquals(List.of(), upward);
    }

    @Test
    void theSpiKnowsNoBackendAndNoBackendAnother() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : dependencies().entrySet()) {
            String pkg = SourceDependencies.packageOf(e.getKey());
            if (!pkg.startsWith("org.batchopt.backend")) {
                continue;
            }
            for (String used : e.getValue()) {
                String usedPkg = SourceDependencies.packageOf(used);
                boolean implementation = usedPkg.startsWith("org.batchopt.backend.");
                boolean allowed = usedPkg.equals(pkg)
                        || (usedPkg.equals("org.batchopt.backend.device")
                        && (pkg.equals("org.batchopt.backend.opencl") || pkg.equals("org.batchopt.backend.cuda")));
                if (implementation && !allowed) {
                    problems.add(e.getKey() + " uses " + used);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void onlyTheirBackendsImportJoclAndJcuda() throws IOException {
        Pattern native_ = Pattern.compile("^import\\s+(?:static\\s+)?(org\\.jocl|jcuda)\\.", Pattern.MULTILINE);
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = native_.matcher(Files.readString(f));
                String dir = MAIN.relativize(f.getParent()).toString().replace('\\', '/');
                while (m.find()) {
                    String expected = m.group(1).equals("jcuda") ? "org/batchopt/backend/cuda"
                            : "org/batchopt/backend/opencl";
                    if (!dir.equals(expected)) {
                        problems.add(f + " imports " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Every public class of the API packages, loaded. */
    static List<Class<?>> apiClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : dependencies().keySet()) {
            if (API_PACKAGES.contains(SourceDependencies.packageOf(name))) {
                Class<?> c = Class.forName(name);
                if (Modifier.isPublic(c.getModifiers())) {
                    classes.add(c);
                    Arrays.stream(c.getDeclaredClasses()).filter(n -> Modifier.isPublic(n.getModifiers()))
                            .forEach(classes::add);
                }
            }
        }
        return classes;
    }

    static boolean visible(Member m) {
        return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
    }

    /** The classes and interfaces {@code t} names that are neither java.* nor in an API package. */
    static void internalTypes(Type t, Set<String> out) {
        if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            String pkg = c.getPackageName();
            if (!c.isPrimitive() && !pkg.startsWith("java.") && !API_PACKAGES.contains(pkg)) {
                out.add(c.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            internalTypes(p.getRawType(), out);
            Arrays.stream(p.getActualTypeArguments()).forEach(a -> internalTypes(a, out));
        } else if (t instanceof WildcardType w) {
            Arrays.stream(w.getUpperBounds()).forEach(b -> internalTypes(b, out));
            Arrays.stream(w.getLowerBounds()).forEach(b -> internalTypes(b, out));
        } else if (t instanceof GenericArrayType g) {
            internalTypes(g.getGenericComponentType(), out);
        } else if (t instanceof TypeVariable<?> v) {
            // The bounds of a type variable are those of its declaration (B extends RuleBuilder<B>), seen there.
            Arrays.stream(v.getBounds()).filter(b -> !(b instanceof ParameterizedType p
                    && Arrays.asList(p.getActualTypeArguments()).contains(v))).forEach(b -> internalTypes(b, out));
        }
    }

    @Test
    void theApiShowsApiTypesOnly() throws IOException, ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> api = apiClasses();
        assertTrue(api.size() > 40, api.size() + " API classes");
        for (Class<?> c : api) {
            Set<String> found = new TreeSet<>();
            internalTypes(c.getGenericSuperclass(), found);
            Arrays.stream(c.getGenericInterfaces()).forEach(i -> internalTypes(i, found));
            if (!found.isEmpty()) {
                leaks.add(c.getName() + " extends " + found);
            }
            List<Executable> executables = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
            executables.addAll(Arrays.<Constructor<?>>asList(c.getDeclaredConstructors()));
            for (Executable e : executables) {
                if (!visible(e) || e.isSynthetic()) {
                    continue;
                }
                Set<String> types = new TreeSet<>();
                Arrays.stream(e.getGenericParameterTypes()).forEach(t -> internalTypes(t, types));
                Arrays.stream(e.getGenericExceptionTypes()).forEach(t -> internalTypes(t, types));
                if (e instanceof Method m) {
                    internalTypes(m.getGenericReturnType(), types);
                }
                if (!types.isEmpty()) {
                    leaks.add(c.getName() + "." + e.getName() + " shows " + types);
                }
            }
            for (Field f : c.getDeclaredFields()) {
                Set<String> types = new TreeSet<>();
                if (visible(f) && !f.isSynthetic()) {
                    internalTypes(f.getGenericType(), types);
                }
                if (!types.isEmpty()) {
                    leaks.add(c.getName() + "." + f.getName() + " shows " + types);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void javadocLeavesOutExactlyTheInternalPackages() throws IOException {
        Matcher m = Pattern.compile("<excludePackageNames>([^<]*)</excludePackageNames>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "core/pom.xml configures no excludePackageNames");
        Set<String> excluded = new TreeSet<>(Arrays.asList(m.group(1).trim().split(":")));
        Set<String> internal = new TreeSet<>();
        for (String name : dependencies().keySet()) {
            String pkg = SourceDependencies.packageOf(name);
            if (API_PACKAGES.contains(pkg)) {
                continue;
            }
            boolean covered = excluded.contains(pkg) || excluded.stream().anyMatch(e -> e.endsWith(".*")
                    && pkg.startsWith(e.substring(0, e.length() - 1)) && pkg.indexOf('.', e.length() - 1) < 0);
            assertTrue(covered, pkg + " is internal but javadoc documents it");
            internal.add(pkg);
        }
        for (String e : excluded) {
            assertTrue(e.endsWith(".*") || internal.contains(e), e + " is excluded from javadoc but has no class");
        }
        for (String api : API_PACKAGES) {
            assertTrue(excluded.stream().noneMatch(e -> e.equals(api)), api + " is left out of javadoc");
        }
    }
}
