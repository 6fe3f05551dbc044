package org.batchopt.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.batchopt.BackendInfo;
import org.batchopt.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code batchopt devices}: every backend and device found, and why each unavailable one cannot run. */
@Command(name = "devices", sortOptions = false,
        description = "Lists every backend and device this machine has, with the spec that opens it for --backend, "
                + "whether it computes in fp64, and for each one that cannot run, why not.")
final class DevicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Main.HelpOption help;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        List<BackendInfo> found = Backends.available();
        try (Output out = Output.to(output.out, spec.commandLine().getOut())) {
            PrintWriter w = out.writer();
            if (output.format == Format.JSON) {
                try (JsonGenerator g = Json.open(w)) {
                    g.writeStartArray();
                    for (BackendInfo b : found) {
                        g.writeStartObject();
                        g.writeStringField("spec", b.spec());
                        g.writeBooleanField("available", b.available());
                        g.writeStringField(b.available() ? "description" : "reason", b.description());
                        g.writeBooleanField("fp64", b.fp64());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                w.println();
            } else {
                Table t = new Table("spec", "available", "fp64", "device, or why not");
                found.forEach(b -> t.row(b.spec(), b.available() ? "yes" : "no", b.fp64() ? "yes" : "no",
                        b.description()));
                if (output.format == Format.CSV) {
                    t.printCsv(w);
                } else {
                    t.print(w);
                }
            }
            out.commit();
        }
        return Main.OK;
    }
}
