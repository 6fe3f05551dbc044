package org.batchopt.cli;

import java.io.Serializable;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * A {@code batchopt run} command line that builds its job in any JVM: a cluster's tasks rebuild the very job the
 * driver parsed, from its arguments, with the rows of its {@code --starts} file (read once, on the driver) instead of
 * the file.
 *
 * @param args      the whole command line, {@code run} and its options
 * @param startRows the rows of the {@code --starts} file, null without one (not modified)
 */
public record JobLine(List<String> args, double[][] startRows) implements Serializable {
    public JobLine {
        args = List.copyOf(args);
    }

    /**
     * The job, as {@code batchopt} with these arguments builds it.
     *
     * @throws IllegalArgumentException when the arguments are not a {@code run} command or the job is not valid
     */
    public PreparedJob prepare() {
        CommandLine cl = Main.commandLine();
        ParseResult parsed = cl.parseArgs(args.toArray(new String[0]));
        ParseResult run = parsed.subcommand();
        if (run == null || !(run.commandSpec().userObject() instanceof RunCommand command)) {
            throw new IllegalArgumentException("not a run command line: " + args);
        }
        return command.job.prepare(startRows);
    }
}
