package org.batchopt.backend.opencl;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jocl.CL;

/**
 * Loads JOCL and the OpenCL library once per process, keeping what JOCL's native code prints off stdout.
 *
 * <p>Where {@code libOpenCL.so} is missing, JOCL's native loader prints {@code Could not load libOpenCL.so, error
 * ...} with C's {@code printf}, on the process's stdout, where batchopt's data goes (and where a library user's
 * own output goes). No Java stream sees it, so while JOCL loads, file descriptor 1 points at a temporary file:
 * what lands there becomes part of the reason OpenCL is unavailable, or, if OpenCL loaded, goes to stderr.
 */
final class OpenClLibrary {
    /** Null when JOCL and the OpenCL library loaded, else why not. */
    private static final String FAILURE = load();

    private OpenClLibrary() {
    }

    /** Null when OpenCL can be used, else why not (with what the native loader printed). */
    static String failure() {
        return FAILURE;
    }

    private static String load() {
        StdoutCapture capture = StdoutCapture.start();
        String failure = null;
        try {
            CL.setExceptionsEnabled(true);
        } catch (LinkageError e) {
            failure = e.getMessage();
        }
        String printed = capture.stop().strip();
        if (printed.isEmpty()) {
            return failure;
        }
        if (failure == null) {
            System.err.println(printed);
            return null;
        }
        return printed.lines().findFirst().orElse("");
    }

    /** File descriptor 1 sent to a temporary file and back, through the C library (JNA). */
    private static final class StdoutCapture {
        private static final int STDOUT = 1;
        private static final int O_WRONLY = 1;

        /** The C functions used; only on Linux and macOS, whose libc has them all. */
        interface C extends Library {
            int dup(int fd);

            int dup2(int from, int to);

            int open(String path, int flags);

            int close(int fd);

            int fflush(Pointer stream);
        }

        private final C c;
        private final Path file;
        private final int saved;

        private StdoutCapture(C c, Path file, int saved) {
            this.c = c;
            this.file = file;
            this.saved = saved;
        }

        /** Starts capturing; when that is not possible here, a capture that holds nothing back. */
        static StdoutCapture start() {
            if (!Platform.isLinux() && !Platform.isMac()) {
                return new StdoutCapture(null, null, -1);
            }
            Path file = null;
            try {
                C c = Native.load(Platform.C_LIBRARY_NAME, C.class);
                file = Files.createTempFile("batchopt-opencl-", ".out");
                System.out.flush();
                c.fflush(null);
                int fd = c.open(file.toString(), O_WRONLY);
                int saved = fd < 0 ? -1 : c.dup(STDOUT);
                if (saved < 0 || c.dup2(fd, STDOUT) < 0) {
                    if (fd >= 0) {
                        c.close(fd);
                    }
                    if (saved >= 0) {
                        c.close(saved);
                    }
                    Files.deleteIfExists(file);
                    return new StdoutCapture(null, null, -1);
                }
                c.close(fd);
                return new StdoutCapture(c, file, saved);
            } catch (IOException | LinkageError e) {
                deleteQuietly(file);
                return new StdoutCapture(null, null, -1);
            }
        }

        /** Restores stdout and returns what was written meanwhile. */
        String stop() {
            if (c == null) {
                return "";
            }
            System.out.flush();
            c.fflush(null);
            c.dup2(saved, STDOUT);
            c.close(saved);
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            } finally {
                deleteQuietly(file);
            }
        }

        private static void deleteQuietly(Path file) {
            if (file == null) {
                return;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file in the temporary folder; the system cleans it.
            }
        }
    }
}
