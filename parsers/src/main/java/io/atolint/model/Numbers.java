package io.atolint.model;

import java.math.BigDecimal;

/**
 * Numbers read from input. A number whose exponent puts it beyond any quantity a template can mean
 * ({@code 1e999999999}) is not turned into a BigDecimal: writing it out in plain digits would take
 * gigabytes, and some cannot be represented at all. Callers keep such a number as its text.
 */
public final class Numbers {
    /** Digits before or after the point that any real value needs (ports, sizes, counts, CIDR math). */
    private static final int MAX_MAGNITUDE = 400;

    private Numbers() {
    }

    /** The number, or null when the text is not a number or its magnitude is unreasonable. */
    public static BigDecimal parse(String text) {
        try {
            return reasonable(new BigDecimal(text.trim()));
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * A number used as an index or a count: its value when it is a whole number that fits in 64 bits, else
     * empty ({@code 1.5}, {@code 1e30}, {@code 4294967297} all stay what they are; nothing is truncated to 32
     * bits, where 4294967297 would read as 1). Callers check the range against the list they index.
     */
    public static java.util.OptionalLong index(BigDecimal d) {
        if (d == null) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(d.stripTrailingZeros().longValueExact());
        } catch (ArithmeticException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** The number itself when its magnitude is reasonable, else null. */
    public static BigDecimal reasonable(BigDecimal d) {
        if (d == null) {
            return null;
        }
        long magnitude = Math.abs((long) d.precision() - d.scale());
        return magnitude > MAX_MAGNITUDE || Math.abs((long) d.scale()) > MAX_MAGNITUDE ? null : d;
    }
}
