package org.batchopt.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.batchopt.BackendException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    /** {@code batchopt} with no subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("batchopt: out of memory (" + e.getMessage() + "); run fewer members or "
                    + heapHint(2.0 * Runtime.getRuntime().maxMemory()));
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
        err.println("batchopt: " + message.lines().findFirst().orElse(""));
        if (e instanceof BackendException b && b.log() != null && debug) {
            err.println(b.log());
        }
        if (debug || "1".equals(System.getenv("BATCHOPT_DEBUG"))) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
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
