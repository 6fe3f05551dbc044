package org.batchopt.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.io.Writer;
import org.batchopt.Box;
import org.batchopt.Precision;

/**
 * Writing JSON with jackson's streaming generator. Results print in their run precision (an fp32 value as the
 * float it is). Every generator {@link #open} returns writes a non-finite number as null, since JSON has no NaN
 * or infinity (jackson would write the string "Infinity"), and a negative zero as 0, as the table and CSV do.
 */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private Json() {
    }

    /** A pretty-printing generator on {@code out}; closing it flushes but leaves {@code out} open. */
    static JsonGenerator open(Writer out) throws IOException {
        return new FiniteOrNull(FACTORY.createGenerator(out).useDefaultPrettyPrinter());
    }

    /** Every double and float that reaches the output passes here: NaN and infinities become null, -0 becomes 0. */
    private static final class FiniteOrNull extends JsonGeneratorDelegate {
        FiniteOrNull(JsonGenerator g) {
            super(g, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                delegate.writeNumber(v == 0 ? 0.0 : v);
            } else {
                delegate.writeNull();
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                delegate.writeNumber(v == 0 ? 0.0f : v);
            } else {
                delegate.writeNull();
            }
        }

        @Override
        public void writeArray(double[] values, int offset, int length) throws IOException {
            writeStartArray();
            for (int i = offset; i < offset + length; i++) {
                writeNumber(values[i]);
            }
            writeEndArray();
        }
    }

    static void number(JsonGenerator g, String field, double v, Precision p) throws IOException {
        g.writeFieldName(field);
        number(g, v, p);
    }

    static void number(JsonGenerator g, double v, Precision p) throws IOException {
        if (p == Precision.FP32) {
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
