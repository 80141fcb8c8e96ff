package io.atolint.report;

import io.atolint.model.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's identity across edits of the file: rule, resource id, file and the <em>shape</em> of the
 * message (digits folded), never the line, so that a finding keeps its fingerprint when lines are added
 * above it. SARIF's {@code partialFingerprints} and baselines use the same value.
 */
public final class Fingerprints {
    /** The key under SARIF {@code partialFingerprints}; the suffix changes if the recipe ever does. */
    public static final String KEY = "atolint/v1";

    private Fingerprints() {
    }

    public static String of(Finding f) {
        String resource = f.resource() == null ? "" : f.resource().id();
        return sha256(f.ruleId() + "\u0000" + resource + "\u0000" + normalisedFile(f.location().file())
                + "\u0000" + messageShape(f.message()));
    }

    /** The message with every run of digits folded to {@code #}: counts and line numbers may change. */
    public static String messageShape(String message) {
        return message.replaceAll("\\d+", "#");
    }

    static String normalisedFile(String file) {
        String s = file.replace('\\', '/');
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        return s;
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
