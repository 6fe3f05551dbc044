package org.batchopt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.batchopt.Progress;

/**
 * Progress on stderr while a batch runs: members still active, member-steps done, elapsed time and an estimate of
 * the time left. On a terminal one line redrawn in place, which {@link #close()} erases; elsewhere (a log, CI) with
 * {@link Mode#ALWAYS} a new line every {@value #LOG_SECONDS} seconds.
 */
final class ProgressLine implements Progress, AutoCloseable {
    /** Seconds between the lines written where stderr is not a terminal. */
    static final int LOG_SECONDS = 5;

    /** When to show progress. */
    enum Mode {
        /** On a terminal only. */
        AUTO,
        /** On a terminal in place, elsewhere a line every few seconds. */
        ALWAYS,
        /** Never. */
        NEVER;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final PrintWriter err;
    private final boolean active;
    private final boolean inPlace;
    private int shown;
    private double lastLine = Double.NEGATIVE_INFINITY;
    /** A search's best f so far and its round, NaN and -1 before the first. */
    private double best = Double.NaN;
    private int round = -1;

    private ProgressLine(PrintWriter err, boolean active, boolean inPlace) {
        this.err = err;
        this.active = active;
        this.inPlace = inPlace;
    }

    /** Progress on {@code err} as {@code mode} says. */
    static ProgressLine open(PrintWriter err, Mode mode) {
        boolean terminal = mode != Mode.NEVER && stderrIsTerminal();
        return new ProgressLine(err, terminal || mode == Mode.ALWAYS, terminal);
    }

    @Override
    public synchronized void update(long memberSteps, long budget, long finished, int members, double seconds) {
        if (!active || (!inPlace && seconds - lastLine < LOG_SECONDS)) {
            return;
        }
        double done = budget == 0 ? 1 : (double) memberSteps / budget;
        String eta = memberSteps == 0 ? "?" : String.format(Locale.ROOT, "%.0f s",
                seconds * (budget - memberSteps) / memberSteps);
        String line = String.format(Locale.ROOT, "%3.0f%%  %d of %d members active  %s member-steps  %.0f s, ETA %s",
                100 * done, members - finished, members, count(memberSteps), seconds, eta)
                + (round < 0 ? "" : String.format(Locale.ROOT, "  best f %.6g after round %d", best, round));
        show(line, seconds);
    }

    /** The progress of a run on a cluster: tasks done, member-steps done, elapsed time and an estimate of the rest. */
    synchronized void tasks(int tasksDone, int tasks, long memberSteps, long budget, double seconds) {
        if (!active || (!inPlace && seconds - lastLine < LOG_SECONDS)) {
            return;
        }
        double done = budget == 0 ? 1 : (double) memberSteps / budget;
        String eta = memberSteps == 0 ? "?" : String.format(Locale.ROOT, "%.0f s",
                seconds * (budget - memberSteps) / memberSteps);
        show(String.format(Locale.ROOT, "%3.0f%%  %d of %d tasks done  %s member-steps  %.0f s, ETA %s", 100 * done,
                tasksDone, tasks, count(memberSteps), seconds, eta), seconds);
    }

    private void show(String line, double seconds) {
        if (inPlace) {
            err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
            shown = line.length();
        } else {
            err.println("progress: " + line);
            lastLine = seconds;
        }
        err.flush();
    }

    @Override
    public synchronized void best(double f, int round) {
        this.best = f;
        this.round = round;
    }

    @Override
    public synchronized void close() {
        if (inPlace && shown > 0) {
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
