package org.batchopt.cli;

import picocli.CommandLine.Option;

/** Whether a command shows its progress on stderr. */
final class ProgressOptions implements HelpSections.Section {
    @Override
    public String heading() {
        return "Progress:";
    }

    @Option(names = "--progress", paramLabel = "WHEN", description = "auto | always | never (default: auto: a line "
            + "redrawn in place when stderr is a terminal, none otherwise; always: also a line every "
            + ProgressLine.LOG_SECONDS + " s in a log or CI)")
    ProgressLine.Mode progress;

    @Option(names = {"-q", "--quiet"}, description = "no progress (--progress never)")
    boolean quiet;

    /** The mode asked for; -q with --progress other than never is a usage error. */
    ProgressLine.Mode mode() {
        if (quiet && progress != null && progress != ProgressLine.Mode.NEVER) {
            throw new IllegalArgumentException("--quiet and --progress " + progress + " cannot be combined");
        }
        return quiet ? ProgressLine.Mode.NEVER : progress != null ? progress : ProgressLine.Mode.AUTO;
    }
}
