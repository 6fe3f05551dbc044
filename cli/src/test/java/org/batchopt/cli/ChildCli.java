package org.batchopt.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line in a child JVM (real file descriptors, real signals), as the launcher does. */
final class ChildCli {
    private ChildCli() {
    }

    /** What a child did: exit code, stdout, stderr. */
    record Outcome(int code, String out, String err) {
    }

    /**
     * {@code java -cp <this test's classpath> org.batchopt.cli.Main args}, optionally behind {@code prefix}. The
     * JVM gets the test JVM's LD_PRELOAD (the signal-chaining library); run it with {@link #process} so that the
     * commands in front do not (the library warns on stderr in every other program that sets a signal handler).
     */
    static List<String> command(List<String> prefix, String... args) {
        List<String> c = new ArrayList<>(prefix);
        if (System.getenv("LD_PRELOAD") != null) {
            c.addAll(List.of("env", "LD_PRELOAD=" + System.getenv("LD_PRELOAD")));
        }
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(Main.class.getName());
        c.addAll(List.of(args));
        return c;
    }

    /** Runs {@code command} to its end with stdout sent to {@code stdout} (a file, /dev/full, ...). */
    static Outcome run(List<String> command, File stdout, Path dir) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = process(command).redirectOutput(stdout).redirectError(err.toFile()).start();
        int code = p.waitFor();
        String out = stdout.isFile() ? Files.readString(stdout.toPath(), StandardCharsets.UTF_8) : "";
        String e = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(err);
        return new Outcome(code, out, e);
    }

    /** A process builder for {@code command}, without the test JVM's LD_PRELOAD (see {@link #command}). */
    static ProcessBuilder process(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("LD_PRELOAD");
        return pb;
    }

    /** The repository's root, from the module's folder where the tests run. */
    static Path repository() {
        return Path.of("").toAbsolutePath().getParent();
    }
}
