package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./batchopt} launcher's first build, with a stand-in for Maven that prints colour escapes as Maven 3.8
 * does even with {@code -q -B}: stderr says only that it builds (and the JVM's one line on the Vector API module,
 * which the launcher adds), or on failure what Maven said without escapes.
 */
class LauncherTest {
    private static final String ESCAPE = "\u001b[";

    /** What the stand-in jar runs. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("probe ran " + String.join(" ", args) + " with the Vector API: "
                    + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        }
    }

    @Test
    void firstBuildShowsNoMavenOutput(@TempDir Path dir) throws Exception {
        Outcome o = launch(dir, false);
        assertEquals(0, o.code(), o.err());
        assertEquals("probe ran functions with the Vector API: true\n", o.out());
        assertEquals("batchopt: building " + dir.resolve("repo/target/batchopt.jar") + " (once) ...\n"
                + "WARNING: Using incubator modules: jdk.incubator.vector\n", o.err());
    }

    @Test
    void aFailedBuildShowsMavensOutputWithoutEscapes(@TempDir Path dir) throws Exception {
        Outcome o = launch(dir, true);
        assertEquals(1, o.code());
        assertEquals("", o.out());
        assertTrue(o.err().contains("[ERROR] the stand-in build failed"), o.err());
        assertTrue(o.err().contains("batchopt: the build failed"), o.err());
        assertFalse(o.err().contains(ESCAPE), o.err());
    }

    private record Outcome(int code, String out, String err) {
    }

    /** Runs {@code batchopt functions} from a copy of the launcher in {@code dir/repo}, with the stand-in Maven. */
    private static Outcome launch(Path dir, boolean fail) throws IOException, InterruptedException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path launcher = repo.resolve("batchopt");
        Files.copy(ChildCli.repository().resolve("batchopt"), launcher);
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Path jar = probeJar(dir.resolve("probe.jar"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\nprintf '" + ESCAPE.replace("\u001b", "\\033") + "0m" + ESCAPE.replace(
                "\u001b", "\\033") + "0m'\n"
                + (fail ? "echo '[ERROR] the stand-in build failed'; exit 1\n"
                : "mkdir -p target && cp '" + jar + "' target/batchopt.jar\n"));
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "functions")
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        int code = pb.start().waitFor();
        return new Outcome(code, Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    /** A runnable jar holding {@link Probe}. */
    private static Path probeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        String entry = Probe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = LauncherTest.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
