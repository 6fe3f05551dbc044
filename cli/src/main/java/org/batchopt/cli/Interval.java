package org.batchopt.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A closed interval {@code LO:HI} as the command line writes it ({@code --box}, {@code --bounds}). */
record Interval(double lo, double hi) {

    /** Parses {@code LO:HI}; the box itself checks that {@code LO <= HI}. */
    static final class Converter implements ITypeConverter<Interval> {
        @Override
        public Interval convert(String value) {
            String[] parts = value.split(":", -1);
            if (parts.length != 2) {
                throw new TypeConversionException("'" + value + "' is not an interval LO:HI");
            }
            return new Interval(Numbers.parse(parts[0], value), Numbers.parse(parts[1], value));
        }
    }
}
