package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The --starts file: a header only when every field is a name, a byte order mark ignored, no data row ever
 * dropped, and bad bytes or rows named with file and line.
 */
class StartsFileTest {
    @TempDir
    Path dir;

    private double[][] read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private double[][] read(byte[] bytes) throws IOException {
        Path file = dir.resolve("starts.csv");
        Files.write(file, bytes);
        return StartsCsv.read(file);
    }

    private String error(String text) {
        return error(text.getBytes(StandardCharsets.UTF_8));
    }

    private String error(byte[] bytes) {
        return assertThrows(IllegalArgumentException.class, () -> read(bytes)).getMessage();
    }

    @Test
    void aHeaderOfNamesIsSkipped() throws IOException {
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, read("x1,x2\n1,2\n3,4\n"));
        assertArrayEquals(new double[][] {{1, 2}}, read("\"x\", \"y\"\r\n1,2\r\n"), "quoted names, CRLF");
        assertArrayEquals(new double[][] {{1, 2}}, read("# from a script\n\nx,y\n# a comment\n1,2\n"));
    }

    @Test
    void aByteOrderMarkIsIgnoredAndTheFirstRowKept() throws IOException {
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, read("\uFEFF1,2\n3,4\n"));
        assertArrayEquals(new double[][] {{1, 2}}, read("\uFEFFx1,x2\n1,2\n"));
    }

    /** A first row that is neither numbers nor names is an error, not a header silently dropped. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1;2\\n3;4 | line 1: '1;2' is not a number (fields are separated by commas)",
            "x1,2\\n3,4 | line 1: 'x1' is not a number",
            "1,2\\n3,abc | line 2: 'abc' is not a number",
            "1,2\\n3,1f | line 2: '1f' is not a number",
            "1,2\\n3 | line 2 has 1 values, the first row has 2",
            "x,y,z\\n1,2 | line 2 has 2 values, the header has 3",
            "x,y\\n# only a comment | has no start points"})
    void badRowsAreErrorsWithTheLine(String text, String message) {
        String m = error(text.replace("\\n", "\n"));
        assertEquals(true, m.contains(message), m);
        assertEquals(true, m.startsWith(dir.resolve("starts.csv").toString()), m);
    }

    @Test
    void bytesThatAreNotUtf8AreNamedWithLineAndByte() {
        byte[] latin1 = "1,2\n3,4\n5,\u00e96\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(dir.resolve("starts.csv") + " line 3, byte 3: not UTF-8 (0xe9); save the file as UTF-8",
                error(latin1));
    }

    @Test
    void theCommandSaysWhichFileAndLine() throws IOException {
        Path file = dir.resolve("s.csv");
        Files.writeString(file, "1;2\n");
        Cli.run("run --function sphere --dim 2 --starts " + file).failsWith(Main.USAGE, file + " line 1: '1;2'");
        Files.writeString(file, "\uFEFF0.5,0.5\n");
        assertEquals(1, Cli.run("run --function sphere --steps 1 --format json --starts " + file).succeeds().json()
                .get("member_count").asInt(), "the row after the byte order mark is a member");
    }
}
