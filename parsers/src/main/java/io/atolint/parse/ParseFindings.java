package io.atolint.parse;

import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;

/**
 * The findings parsers emit about their input. They carry rule ids like any other finding so that
 * reports, suppressions and exit codes treat them alike.
 */
public final class ParseFindings {
    /**
     * The input, or a part of it, cannot be read or is invalid (syntax, encoding, structure, a file or
     * document beyond a safety limit): what it would have shown is missing.
     */
    public static final String INVALID = "PARSE001";
    /** The input was read, but a safety limit cut its analysis short (resolution steps, resources, depth). */
    public static final String LIMIT = "PARSE002";
    /** Something was read but not understood (an unsupported transform or intrinsic); a note. */
    public static final String UNSUPPORTED = "PARSE003";

    private ParseFindings() {
    }

    public static Finding invalid(SourceLocation at, String message) {
        return new Finding(INVALID, Severity.HIGH, message, at);
    }

    /**
     * A defect of atolint caught while reading one input, so that it does not hide the others' findings.
     * With the system property {@code atolint.rethrowInternalErrors} (fuzz tests set it) the defect is
     * thrown on instead, so that its stack trace is seen rather than a finding.
     */
    public static Finding internalError(SourceLocation at, String what, Throwable e) {
        if (Boolean.getBoolean("atolint.rethrowInternalErrors")) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e);
        }
        return invalid(at, "internal error " + what + ": " + e);
    }

    public static Finding limit(SourceLocation at, String message) {
        return new Finding(LIMIT, Severity.MEDIUM, message, at);
    }

    public static Finding unsupported(SourceLocation at, String message) {
        return new Finding(UNSUPPORTED, Severity.INFO, message, at);
    }
}
