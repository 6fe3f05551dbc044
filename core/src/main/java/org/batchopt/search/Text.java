package org.batchopt.search;

import java.math.BigDecimal;

/** Numbers as the descriptions show them. */
final class Text {
    private Text() {
    }

    /** The shortest decimal that reads back as {@code v}, without a trailing ".0" or an exponent below 1e7. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e7 ? new BigDecimal(s).toPlainString() : s;
    }
}
