package org.batchopt.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import org.batchopt.Box;
import org.batchopt.Precision;

/**
 * Writing JSON with jackson's streaming generator. Results print in their run precision (an fp32 value as the
 * float it is); a non-finite value is written as null, since JSON has no NaN or infinity.
 */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private Json() {
    }

    /** A pretty-printing generator on {@code out}; closing it flushes but leaves {@code out} open. */
    static JsonGenerator open(Writer out) throws IOException {
        return FACTORY.createGenerator(out).useDefaultPrettyPrinter();
    }

    static void number(JsonGenerator g, String field, double v, Precision p) throws IOException {
        g.writeFieldName(field);
        number(g, v, p);
    }

    static void number(JsonGenerator g, double v, Precision p) throws IOException {
        if (!Double.isFinite(v)) {
            g.writeNull();
        } else if (p == Precision.FP32) {
            g.writeNumber((float) v);
        } else {
            g.writeNumber(v);
        }
    }

    static void numbers(JsonGenerator g, String field, double[] v, Precision p) throws IOException {
        g.writeArrayFieldStart(field);
        for (double x : v) {
            number(g, x, p);
        }
        g.writeEndArray();
    }

    static void box(JsonGenerator g, String field, Box box) throws IOException {
        int d = box.dimension();
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int i = 0; i < d; i++) {
            lo[i] = box.lo(i);
            hi[i] = box.hi(i);
        }
        g.writeObjectFieldStart(field);
        numbers(g, "lo", lo, Precision.FP64);
        numbers(g, "hi", hi, Precision.FP64);
        g.writeEndObject();
    }
}
