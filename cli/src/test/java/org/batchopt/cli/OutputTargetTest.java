package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --out} and stdout keep their promises: nothing a target was is destroyed (devices, FIFOs, links, modes),
 * a failed write is exit 1 with the reason, and no temporary file outlives the command, not even a signal.
 */
class OutputTargetTest {
    private static final String RUN = "run --function sphere --dim 2 --members 4 --steps 2 --format csv ";

    @Test
    void aDeviceIsWrittenNotReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull), "no /dev/null");
        Cli.run(RUN + "--out /dev/null").succeeds();
        assertTrue(attributes(devNull).isOther(), "/dev/null is still a device");
        assertEquals("", Files.readString(devNull));
    }

    @Test
    void aFifoGetsTheDataAndStaysAFifo(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "read failed: " + e;
            }
        });
        Cli.run(RUN + "--out " + fifo).succeeds();
        String read = reader.get(30, TimeUnit.SECONDS);
        assertTrue(read.startsWith("member,f,") && read.lines().count() == 5, read);
        assertTrue(attributes(fifo).isOther(), "still a FIFO");
        assertEquals(List.of(fifo), list(dir));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndTheModeKept(@TempDir Path dir) throws IOException {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
        Cli.run(RUN + "--out " + link).succeeds();
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.readString(real).startsWith("member,f,"), "the file it points to has the data");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        assertEquals(List.of(link, real), list(dir), "no temporary file left");

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), Path.of("made.csv"));
        Cli.run(RUN + "--out " + dangling).succeeds();
        assertTrue(Files.readString(dir.resolve("made.csv")).startsWith("member,f,"), "created where the link points");
        assertTrue(Files.isSymbolicLink(dangling));
    }

    @Test
    void anExistingFileKeepsItsModeAndANewOneGetsTheUsualOne(@TempDir Path dir) throws IOException {
        Path existing = dir.resolve("kept.csv");
        Files.writeString(existing, "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));
        Cli.run(RUN + "--out " + existing).succeeds();
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
        Path fresh = dir.resolve("fresh.csv");
        Path plain = Files.createFile(dir.resolve("plain"));
        Cli.run(RUN + "--out " + fresh).succeeds();
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh),
                "as any new file: 0666 less the umask");
    }

    /** The directory is found before anything runs: before the backend is even looked at. */
    @Test
    void aDirectoryIsRefusedBeforeTheRun(@TempDir Path dir) throws IOException {
        Cli.run(RUN + "--out " + dir + " --backend floppy").failsWith(Main.FAILED, "cannot write " + dir
                + ": is a directory");
        assertEquals(List.of(), list(dir));
    }

    @Test
    void aNameAsLongAsTheFileSystemAllows(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a".repeat(250) + ".csv");
        Cli.run(RUN + "--out " + target).succeeds();
        assertTrue(Files.readString(target).startsWith("member,f,"));
        assertEquals(List.of(target), list(dir));
    }

    /** A full stdout (/dev/full) in-process: exit 1, the reason, nothing else. */
    @Test
    void aFailedWriteToStdoutIsExitOneWithTheReason() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full");
        StringWriter err = new StringWriter();
        try (FileOutputStream full = new FileOutputStream("/dev/full")) {
            int code = Main.commandLine().setOut(Output.Channel.of(full)).setErr(new PrintWriter(err, true))
                    .execute(RUN.trim().split(" "));
            assertEquals(Main.FAILED, code);
        }
        assertEquals("batchopt: cannot write stdout: No space left on device\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    /** The real command with its stdout on /dev/full, for the data of every command and for the help. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run --function sphere --dim 2 --members 4 --steps 2", "functions", "devices", "--help"})
    void everyCommandFailsOnAFullStdout(String line, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full");
        ChildCli.Outcome o = ChildCli.run(ChildCli.command(List.of(), line.split(" ")), new File("/dev/full"), dir);
        assertEquals(Main.FAILED, o.code(), o.err());
        assertEquals("batchopt: cannot write stdout: No space left on device\n", o.err());
    }

    /**
     * A disk that fills up during the write (a 64 KiB tmpfs in a private mount namespace): exit 1 with the
     * reason, and neither the file nor a temporary one is left.
     */
    @Test
    void aFullDiskIsExitOneWithTheReasonAndNoFileLeft(@TempDir Path dir) throws Exception {
        Path disk = Files.createDirectory(dir.resolve("disk"));
        Path listing = dir.resolve("listing.txt");
        String cli = String.join(" ", ChildCli.command(List.of(), "run", "--function", "sphere", "--dim", "2",
                "--members", "5000", "--steps", "2", "--all", "--format", "csv", "--out", disk + "/x.csv"));
        String script = "mount -t tmpfs -o size=64k tmpfs " + disk + " || exit 125; " + cli + "; code=$?; ls -A "
                + disk + " > " + listing + "; exit $code";
        ChildCli.Outcome o = ChildCli.run(List.of("unshare", "--mount", "--propagation", "private", "bash", "-c",
                script), dir.resolve("stdout.txt").toFile(), dir);
        Assumptions.assumeFalse(o.code() == 125 || !Files.exists(listing), "cannot mount a small tmpfs here: "
                + o.err());
        assertEquals(Main.FAILED, o.code(), o.err());
        assertEquals("batchopt: cannot write " + disk + "/x.csv: No space left on device\n", o.err());
        assertEquals("", Files.readString(listing), "nothing left on the full disk");
    }

    /** Ctrl-C, SIGTERM and SIGHUP while a run writes to --out: the JVM's exit leaves no file behind. */
    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM", "HUP"})
    void aSignalLeavesNoTemporaryFile(String signal, @TempDir Path dir) throws Exception {
        // A JVM started with a signal ignored ignores it too: SIGINT in a background job of a shell, SIGHUP under
        // nohup. coreutils' env gives the child the default dispositions back.
        List<String> prefix = List.of("env", "--default-signal=INT,HUP");
        Assumptions.assumeTrue(new ProcessBuilder(prefix.get(0), prefix.get(1), "true").start().waitFor() == 0,
                "env --default-signal is not available here");
        Path out = dir.resolve("out");
        Files.createDirectory(out);
        Process p = ChildCli.process(ChildCli.command(prefix, "run", "--function", "rastrigin", "--dim", "10",
                "--members", "100000", "--steps", "100000", "--backend", "cpu", "--out", out.resolve("r.json")
                        .toString())).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (list(out).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(list(out).isEmpty(), "the temporary file appears once the run starts");
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM stops");
            assertEquals(List.of(), list(out), "no temporary or partial file");
        } finally {
            p.destroyForcibly();
        }
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
