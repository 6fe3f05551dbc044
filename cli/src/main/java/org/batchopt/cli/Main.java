package org.batchopt.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchopt.BackendException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code batchopt} command. Data goes to stdout (or {@code --out}); messages, progress and errors to
 * stderr. Exit codes: {@value #OK} success, {@value #USAGE} usage error, {@value #UNAVAILABLE} backend or
 * precision not available, {@value #FAILED} anything else. Errors are one line, "batchopt: message"; the stack
 * trace only with {@code --debug} or {@code BATCHOPT_DEBUG=1}.
 */
@Command(name = "batchopt", versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, FunctionsCommand.class, DevicesCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        description = "Runs thousands to hundreds of millions of independent gradient-based optimizations at once "
                + "on CUDA GPUs, OpenCL devices or the CPU, with the same arithmetic on all of them.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:any other failure",
                "2:usage error: unknown option, malformed or out-of-range value, unknown function, "
                        + "dimension not allowed",
                "3:the requested backend or precision is not available here (the message says why)"})
public final class Main implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNAVAILABLE = 3;

    @Mixin
    HelpOption help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "show the version")
    boolean version;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "print the stack trace of an error (also: BATCHOPT_DEBUG=1)")
    boolean debug;

    @Spec
    CommandSpec spec;

    /** Longest error line printed; longer messages are cut (quoted values first, see {@link #oneLine}). */
    static final int MAX_MESSAGE = 400;
    /** Longest quoted value an error line shows whole. */
    private static final int MAX_QUOTED = 60;
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

    /** {@code batchopt} with no subcommand: one line with the commands and where to read more. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given: "
                + String.join(", ", spec.commandLine().getSubcommands().keySet()));
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Output.Channel stdout = Output.Channel.stdout();
        int code;
        try {
            code = commandLine().setOut(stdout).execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("batchopt: out of memory (" + e.getMessage() + "); run fewer members or "
                    + heapHint(2.0 * Runtime.getRuntime().maxMemory()));
            code = FAILED;
        }
        // Whatever wrote to stdout (data, help, the version), a failed write is a failed command.
        stdout.flush();
        if (stdout.checkError() && code == OK) {
            System.err.println("batchopt: cannot write stdout: "
                    + (stdout.failure() == null ? "write error" : Output.describe(stdout.failure())));
            code = FAILED;
        }
        System.exit(code);
    }

    /** System property the {@code ./batchopt} launcher sets, so that advice names JAVA_OPTS only to its users. */
    static final String LAUNCHER = "batchopt.launcher";

    /**
     * How to give this Java more heap ({@code bytes} of it, rounded up to whole GB), the way batchopt was started:
     * JAVA_OPTS for the {@code ./batchopt} launcher, java's -Xmx option for {@code java -jar} and others.
     */
    static String heapHint(double bytes) {
        String xmx = "-Xmx" + Math.max(1, (long) Math.ceil(bytes / (1L << 30))) + "g";
        if (System.getProperty(LAUNCHER) != null) {
            return "give Java more heap: JAVA_OPTS=" + xmx + " ./batchopt ...";
        }
        String command = System.getProperty("sun.java.command", "");
        String first = command.isBlank() ? "" : command.split(" ")[0];
        if (first.endsWith(".jar")) {
            return "give Java more heap: java " + xmx + " -jar " + first + " ...";
        }
        return "give Java more heap with java's " + xmx + " option";
    }

    /** The command line with batchopt's error handling and exit codes; tests run it in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.registerConverter(Double.class, Numbers::parse);
        cl.registerConverter(Double.TYPE, Numbers::parse);
        cl.setExecutionStrategy(parsed -> {
            checkRepeats(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> error(e, cmd.getErr(), debug(parsed)));
        HelpSections.install(cl);
        return cl;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            message = (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first + "'";
            if (!u.getSuggestions().isEmpty()) {
                message += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
            }
        }
        String help = cmd.getCommandSpec().qualifiedName() + " --help";
        return error(new IllegalArgumentException(message + " (see '" + help + "')", e), cmd.getErr(),
                debug(cmd.getParseResult()));
    }

    /** Prints the one-line message of {@code e} and returns its exit code. */
    static int error(Exception e, PrintWriter err, boolean debug) {
        int code = exitCode(e);
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        err.println("batchopt: " + oneLine(message));
        if (e instanceof BackendException b && b.log() != null && debug) {
            err.println(b.log());
        }
        if (debug || "1".equals(System.getenv("BATCHOPT_DEBUG"))) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * The first line of {@code message}, at most {@link #MAX_MESSAGE} characters: a quoted value longer than
     * {@link #MAX_QUOTED} keeps its start and end around "...", and what is still too long is cut.
     */
    static String oneLine(String message) {
        String line = message.lines().findFirst().orElse("");
        Matcher quoted = QUOTED.matcher(line);
        StringBuilder b = new StringBuilder();
        while (quoted.find()) {
            String q = quoted.group();
            int keep = (MAX_QUOTED - 5) / 2;
            quoted.appendReplacement(b, Matcher.quoteReplacement(q.length() <= MAX_QUOTED ? q
                    : q.substring(0, keep + 1) + "..." + q.substring(q.length() - keep - 1) + " (" + (q.length() - 2)
                            + " characters)"));
        }
        quoted.appendTail(b);
        return b.length() <= MAX_MESSAGE ? b.toString() : b.substring(0, MAX_MESSAGE - 3) + "...";
    }

    /**
     * Refuses an option given twice ({@code --lr 0.1 --lr 0.2}: a grid is one comma list) and a comma list with
     * an empty value ({@code --lr 0.1,}), which picocli would otherwise accept.
     */
    private static void checkRepeats(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (OptionSpec o : p.matchedOptions()) {
                List<String> given = o.originalStringValues();
                // A list option without a comma split (--subject-to, --param) is meant to be given many times.
                boolean repeatable = o.typeInfo().isMultiValue() && o.splitRegex().isEmpty();
                if (given.size() > 1 && !o.usageHelp() && !o.versionHelp() && !repeatable) {
                    throw new ParameterException(p.commandSpec().commandLine(), o.longestName()
                            + " is given " + given.size() + " times" + (o.splitRegex().isEmpty() ? ""
                            : "; give one comma list instead, e.g. " + o.longestName() + " "
                                    + String.join(",", given)));
                }
                if (!o.splitRegex().isEmpty() && given.size() == 1
                        && Arrays.stream(given.get(0).split(o.splitRegex(), -1)).anyMatch(String::isBlank)) {
                    throw new ParameterException(p.commandSpec().commandLine(), o.longestName() + " '"
                            + given.get(0) + "' has an empty value in its comma list");
                }
            }
        }
    }

    static int exitCode(Throwable e) {
        if (e instanceof IllegalArgumentException || e instanceof ParameterException) {
            return USAGE;
        }
        if (e instanceof BackendException b) {
            return b.code() == BackendException.Code.UNAVAILABLE
                    || b.code() == BackendException.Code.UNSUPPORTED_PRECISION ? UNAVAILABLE : FAILED;
        }
        return FAILED;
    }

    /** Whether --debug was given to any command on the line. */
    private static boolean debug(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** -h, --help on every command. */
    static final class HelpOption {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"batchopt " + (v == null ? "(development build)" : v),
                    "Java " + Runtime.version() + " on " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch")};
        }
    }
}
