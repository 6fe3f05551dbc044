package org.batchopt.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command's data goes and in which format. */
class OutputOptions implements HelpSections.Section {
    @Override
    public String heading() {
        return "Output:";
    }

    @Option(names = "--format", paramLabel = "F", description = "table | csv | json (default: table)")
    Format format = Format.TABLE;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write the data to FILE instead of stdout; "
            + "the file appears only when the command succeeds")
    Path out;
}
