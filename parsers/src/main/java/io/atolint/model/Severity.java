package io.atolint.model;

import java.util.Locale;

/** Finding severities, lowest first. {@link #INFO} is a note and never fails a build. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text
                    + "' (expected info, low, medium, high or critical)");
        }
    }
}
