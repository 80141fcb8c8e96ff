package io.atolint.resolve;

import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

/**
 * Values of the wrong shape where resolution expects an identifier (a subnet id, an AZ name): a map, a
 * nested list, a boolean or null is not "one subnet" or "one AZ" but a malformed input. It is a positioned
 * PARSE001 and what depends on it is UNKNOWN, never a failing verdict ({@code VPCZoneIdentifier: {not: a list}}
 * once read as one subnet gave a HIGH "runs in 1 AZ").
 */
final class Shapes {
    /** The id of parse findings for invalid input ({@code ParseFindings.INVALID}; resolve does not depend on parse). */
    static final String INVALID = "PARSE001";

    private Shapes() {
    }

    /**
     * What {@code v} is when it cannot be an identifier ("a map", "a nested list", "a boolean", "null"), or
     * null when it can: a string or number, a reference, a symbol, or UNKNOWN.
     */
    static String notAnId(Value v) {
        if (v instanceof Value.MapV) {
            return "a map";
        }
        if (v instanceof Value.ListV) {
            return "a nested list";
        }
        if (v instanceof Value.Scalar s) {
            if (s.value() == null) {
                return "null";
            }
            if (s.value() instanceof Boolean) {
                return "a boolean";
            }
        }
        return null;
    }

    static Finding invalid(SourceLocation at, String message) {
        return new Finding(INVALID, Severity.HIGH, message, at);
    }
}
