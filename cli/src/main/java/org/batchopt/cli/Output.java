package org.batchopt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a command's data goes: stdout, or a file that appears only when the command succeeds. A file is
 * written under a temporary name in its own directory (created at once, so a bad path fails before any work)
 * and renamed into place by {@link #commit()}; closing without a commit deletes it, so a failed run leaves no
 * partial file and an existing file untouched.
 */
final class Output implements AutoCloseable {
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Path target;
    private final Path temp;
    private final PrintWriter stdout;
    private PrintWriter writer;
    private boolean committed;

    private Output(Path target, Path temp, PrintWriter stdout) {
        this.target = target;
        this.temp = temp;
        this.stdout = stdout;
    }

    /** Output to {@code file}, or to {@code stdout} when {@code file} is null. */
    static Output to(Path file, PrintWriter stdout) {
        if (file == null) {
            return new Output(null, null, stdout);
        }
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + COUNTER.incrementAndGet() + ".tmp");
        try {
            Files.createFile(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + describe(e), e);
        }
        return new Output(target, temp, null);
    }

    /** The text stream. */
    PrintWriter writer() {
        if (writer == null) {
            try {
                writer = temp == null ? stdout : new PrintWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + describe(e), e);
            }
        }
        return writer;
    }

    /** The file to write binary data to; only for output to a file. */
    Path file() {
        if (temp == null) {
            throw new IllegalStateException("output goes to stdout");
        }
        return temp;
    }

    /** Makes the output final: flushes stdout, or moves the file into place. */
    void commit() {
        if (writer != null) {
            writer.flush();
            if (writer.checkError()) {
                throw new UncheckedIOException(new IOException("cannot write " + (target == null ? "stdout" : target)));
            }
        }
        if (temp != null) {
            if (writer != null) {
                writer.close();
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + describe(e), e);
            }
        }
        committed = true;
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() {
        if (temp == null || committed) {
            return;
        }
        if (writer != null) {
            writer.close();
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Nothing better to do: the command is failing already and the name marks the file as temporary.
        }
    }

    /** Why an I/O operation failed, in words, without the path: "no such file or directory". */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
