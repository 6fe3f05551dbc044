package org.batchopt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.batchopt.Progress;

/**
 * A one-line progress report on stderr, redrawn in place while a batch runs: members still active, member-steps
 * done, elapsed time and an estimate of the time left. Active only when stderr is a terminal and the user did not
 * ask for quiet; {@link #close()} erases it.
 */
final class ProgressLine implements Progress, AutoCloseable {
    private final PrintWriter err;
    private final boolean active;
    private int shown;
    /** A search's best f so far and its round, NaN and -1 before the first. */
    private double best = Double.NaN;
    private int round = -1;

    private ProgressLine(PrintWriter err, boolean active) {
        this.err = err;
        this.active = active;
    }

    /** A progress line on {@code err}, silent when {@code quiet} or when stderr is not a terminal. */
    static ProgressLine open(PrintWriter err, boolean quiet) {
        return new ProgressLine(err, !quiet && stderrIsTerminal());
    }

    @Override
    public synchronized void update(long memberSteps, long budget, long finished, int members, double seconds) {
        if (!active) {
            return;
        }
        double done = budget == 0 ? 1 : (double) memberSteps / budget;
        String eta = memberSteps == 0 ? "?" : String.format(Locale.ROOT, "%.0f s",
                seconds * (budget - memberSteps) / memberSteps);
        String line = String.format(Locale.ROOT, "%3.0f%%  %d of %d members active  %s member-steps  %.0f s, ETA %s",
                100 * done, members - finished, members, count(memberSteps), seconds, eta)
                + (round < 0 ? "" : String.format(Locale.ROOT, "  best f %.6g after round %d", best, round));
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
    }

    @Override
    public synchronized void best(double f, int round) {
        this.best = f;
        this.round = round;
    }

    @Override
    public synchronized void close() {
        if (active && shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    private static String count(long n) {
        if (n < 10_000) {
            return Long.toString(n);
        }
        String[] unit = {"k", "M", "G", "T", "P"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < unit.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f%s", v, unit[u]);
    }

    /**
     * Whether file descriptor 2 is a terminal. Java 17 can only tell whether the JVM has a console (stdin and
     * stdout both terminals), which is wrong both ways for stderr; on Linux /proc says where fd 2 points.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
