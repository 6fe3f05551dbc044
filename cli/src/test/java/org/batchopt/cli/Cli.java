package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process, through picocli, with stdout and stderr captured. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a command did. */
    record Outcome(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("stdout is not JSON:\n" + out + "\nstderr:\n" + err, e);
            }
        }

        /** Asserts a usage or backend error: the code, one line "batchopt: ..." containing {@code text}. */
        Outcome failsWith(int expected, String text) {
            assertEquals(expected, code, () -> "exit code; stderr: " + err + "; stdout: " + out);
            assertEquals(1, err.lines().count(), () -> "one line expected, got:\n" + err);
            assertTrue(err.startsWith("batchopt: "), err);
            assertTrue(err.contains(text), () -> "'" + text + "' expected in: " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), () -> "stack trace in: " + err);
            assertEquals("", out, "no data on stdout after an error");
            return this;
        }

        Outcome succeeds() {
            assertEquals(0, code, () -> "exit code; stderr: " + err);
            return this;
        }
    }

    private Cli() {
    }

    /** {@code batchopt ARGS}, the arguments split at spaces. */
    static Outcome run(String line) {
        return run(line.trim().split("\\s+"));
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Every number of a JSON array. */
    static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
