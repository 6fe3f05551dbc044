package org.batchopt.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a command's data goes: stdout, or {@code --out FILE}. Everything about the target is checked when the
 * output is opened, before any work: a directory, a missing folder or a file that cannot be written is an error
 * then, not after the run.
 *
 * <ul>
 *   <li>A regular file (or a new one) appears only when the command succeeds: the data is written under a
 *       temporary name beside it and renamed into place by {@link #commit()}, keeping an existing file's mode,
 *       owner and group; a failed or interrupted run (an exception, Ctrl-C, SIGTERM, SIGHUP) leaves no partial or
 *       temporary file and an existing file untouched.</li>
 *   <li>A symbolic link is written through: the file it points to is replaced, the link stays.</li>
 *   <li>Anything else (a device such as /dev/null, a FIFO, a socket) is written directly, never replaced.</li>
 * </ul>
 *
 * A failed write (a full disk, a closed pipe) is an {@link UncheckedIOException} from {@link #commit()} that
 * names the target and the reason.
 */
final class Output implements AutoCloseable {
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Temporary files not yet renamed into place, deleted by a shutdown hook when the JVM is stopped. */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    /** A symbolic link chain longer than this is a loop, as Linux's ELOOP limit says. */
    private static final int MAX_LINKS = 40;

    /** Set when the JVM is stopping, so that a temporary file created while the hook runs removes itself. */
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            PENDING.forEach(Output::deleteQuietly);
        }, "batchopt-output-cleanup"));
    }

    /** How the data reaches the target. */
    private enum Mode { STDOUT, REPLACE, DIRECT }

    private final Mode mode;
    /** The name the user gave, for messages. */
    private final String name;
    /** The file written in the end: the user's path with symbolic links followed. */
    private final Path target;
    private final Path temp;
    private Channel writer;
    private boolean committed;

    private Output(Mode mode, String name, Path target, Path temp, Channel writer) {
        this.mode = mode;
        this.name = name;
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    /**
     * Output to {@code file}, or to {@code stdout} when {@code file} is null.
     *
     * @throws UncheckedIOException when {@code file} cannot be written, with the reason
     */
    static Output to(Path file, PrintWriter stdout) {
        if (file == null) {
            return new Output(Mode.STDOUT, "stdout", null, null, Channel.of(stdout));
        }
        String name = file.toString();
        try {
            Path target = followLinks(file.toAbsolutePath());
            if (Files.isDirectory(target)) {
                throw new FileSystemException(name, null, "is a directory");
            }
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                if (!Files.isWritable(target)) {
                    throw new AccessDeniedException(name);
                }
                return new Output(Mode.DIRECT, name, target, null, null);
            }
            return new Output(Mode.REPLACE, name, target, createTemp(target), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + ": " + describe(e), e);
        }
    }

    /** The path with every symbolic link in its last component followed; the end may not exist yet. */
    private static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return p;
    }

    /**
     * An empty temporary file beside {@code target}, with the mode, owner and group of the file it replaces.
     * The name is short, so that a target whose name is as long as the file system allows still gets one.
     */
    private static Path createTemp(Path target) throws IOException {
        Path temp = target.resolveSibling(".batchopt-" + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + ".tmp");
        PosixFileAttributes existing = null;
        if (Files.isRegularFile(target)) {
            PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            existing = view == null ? null : view.readAttributes();
        }
        // Listed before it exists, and deleted here if the JVM began to stop meanwhile: a signal at any moment
        // leaves no file.
        PENDING.add(temp);
        try {
            if (existing == null) {
                Files.createFile(temp);
            } else {
                // Private until it has the target's mode, so that a private file's data is never readable by others.
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            }
        } catch (IOException e) {
            PENDING.remove(temp);
            throw e;
        }
        if (stopping) {
            deleteQuietly(temp);
        }
        if (existing != null) {
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            try {
                view.setOwner(existing.owner());
                view.setGroup(existing.group());
            } catch (IOException e) {
                // Only the superuser may give a file away; like an editor's save, the writer then owns it.
            }
            view.setPermissions(existing.permissions());
        }
        return temp;
    }

    /** The text stream. */
    PrintWriter writer() {
        if (writer == null) {
            try {
                writer = Channel.of(Files.newOutputStream(mode == Mode.REPLACE ? temp : target,
                        StandardOpenOption.WRITE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + name + ": " + describe(e), e);
            }
        }
        return writer;
    }

    /** The file to write binary data to; only for output to a file. */
    Path file() {
        if (mode == Mode.STDOUT) {
            throw new IllegalStateException("output goes to stdout");
        }
        return mode == Mode.REPLACE ? temp : target;
    }

    /** Makes the output final: flushes the data, and moves a replacing file into place. */
    void commit() {
        if (writer != null) {
            writer.flush();
            if (mode != Mode.STDOUT) {
                writer.close();
            }
            if (writer.checkError()) {
                IOException failure = writer.failure();
                throw new UncheckedIOException("cannot write " + name + ": " + (failure == null ? "write error"
                        : describe(failure)), failure == null ? new IOException("write error") : failure);
            }
        }
        if (mode == Mode.REPLACE) {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + name + ": " + describe(e), e);
            }
            PENDING.remove(temp);
        }
        committed = true;
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() {
        if (writer != null && mode != Mode.STDOUT) {
            writer.close();
        }
        if (mode == Mode.REPLACE && !committed) {
            deleteQuietly(temp);
            PENDING.remove(temp);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
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

    /**
     * A print writer that remembers why a write failed. {@link PrintWriter} only says that one did, and the
     * {@link java.io.PrintStream} of {@code System.out} not even that, so the command's stdout is one of these
     * on the file descriptor itself ({@link #stdout()}).
     */
    static final class Channel extends PrintWriter {
        private final Recorder recorder;

        private Channel(Recorder recorder) {
            super(new OutputStreamWriter(recorder, StandardCharsets.UTF_8), false);
            this.recorder = recorder;
        }

        /** Another writer wrapped so that its errors are seen; only the first failure's reason is known. */
        private Channel(PrintWriter other) {
            super(other, false);
            this.recorder = null;
        }

        static Channel of(OutputStream out) {
            return new Channel(new Recorder(out));
        }

        static Channel of(PrintWriter out) {
            return out instanceof Channel c ? c : new Channel(out);
        }

        /** The process's standard output, UTF-8. */
        static Channel stdout() {
            return of(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        }

        /** The first write error, or null. */
        IOException failure() {
            return recorder == null ? null : recorder.failure;
        }
    }

    /** Passes bytes on and keeps the first exception. */
    private static final class Recorder extends FilterOutputStream {
        private IOException failure;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }
}
