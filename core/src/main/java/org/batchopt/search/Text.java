package org.batchopt.search;

import java.math.BigDecimal;

/** Numbers as the descriptions show them. */
final class Text {
    private Text() {
    }

    /**
     * The shortest decimal that reads back as {@code v}, without a trailing ".0" or an exponent between 1e-3 and
     * 1e7, and with a lower-case exponent elsewhere ({@code 1e-6}, {@code 2.5e-9}).
     */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e7 ? new BigDecimal(s).toPlainString()
                : s.replace(".0E", "E").replace('E', 'e');
    }
}
