package io.atolint.report;

import io.atolint.model.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A finding's identity across edits of the file, for SARIF's {@code partialFingerprints} and baselines:
 * the rule, the resource's stable id, the file, the logical path of what the finding points at
 * ({@code Resources/Sg/Properties/SecurityGroupIngress/0}, a Terraform address, a diagram cell) and the
 * finding's own facts as its message states them (ports, CIDRs, AZs, names). Only positions written in
 * the message ({@code line 12}, {@code file:12:5}) are masked, never the line of the finding itself, so a
 * finding keeps its fingerprint when lines are added above it.
 *
 * <p>Version 1 folded every run of digits, so that after baselining "SSH 22 open to 0.0.0.0/0" the same
 * rule opening 3389 had the same fingerprint and was reported as known. Now a different port, CIDR or
 * AZ is a different fingerprint, and two findings of one scan never share one: identical ones (same
 * rule, resource, path and message) are numbered in document order ({@link #of(List)}).
 */
public final class Fingerprints {
    /** The key under SARIF {@code partialFingerprints}; the suffix changes when the recipe does. */
    public static final String KEY = "atolint/v2";

    private static final Pattern LINE_WORD = Pattern.compile("(?i)\\b(lines?|col|cols|columns?)(:?\\s*)\\d+");
    private static final Pattern FILE_POSITION = Pattern.compile(":\\d+:\\d+\\b");

    private Fingerprints() {
    }

    /** The fingerprint of a finding on its own (the first of identical findings has this one). */
    public static String of(Finding f) {
        String resource = f.resource() == null ? "" : f.resource().id();
        return sha256(f.ruleId() + "\u0000" + resource + "\u0000" + normalisedFile(f.location().file())
                + "\u0000" + f.location().logicalPath() + "\u0000" + messageFacts(f.message()));
    }

    /**
     * Every finding's fingerprint, unique within the list: findings that would share one are taken in
     * document order (line, column) and the second and later get {@code -2}, {@code -3}, ... appended.
     * Depends only on the findings, not on their order in the list or on suppression and severity, so a
     * scan and the baseline written from it agree.
     */
    public static Map<Finding, String> of(List<Finding> findings) {
        Map<String, List<Finding>> byBase = new HashMap<>();
        for (Finding f : findings) {
            String b = of(f);
            byBase.computeIfAbsent(b, k -> new ArrayList<>()).add(f);
        }
        Map<Finding, String> out = new IdentityHashMap<>();
        for (Map.Entry<String, List<Finding>> e : byBase.entrySet()) {
            List<Finding> same = new ArrayList<>(e.getValue());
            same.sort(Comparator.comparingInt((Finding f) -> f.location().startLine())
                    .thenComparingInt(f -> f.location().startColumn())
                    .thenComparingInt(f -> f.location().endLine())
                    .thenComparingInt(f -> f.location().endColumn()));
            out.put(same.get(0), e.getKey());
            for (int i = 1; i < same.size(); i++) {
                String n = e.getKey() + "-" + (i + 1);
                out.put(same.get(i), n);
            }
        }
        return out;
    }

    /** The message with the positions it mentions masked ({@code line 12}, {@code a.yaml:12:5}); every other fact kept. */
    public static String messageFacts(String message) {
        String s = LINE_WORD.matcher(message).replaceAll("$1$2#");
        return FILE_POSITION.matcher(s).replaceAll(":#:#");
    }

    /**
     * A file name as scanned, without a leading {@code ./}. A backslash is kept: on Linux it is part of
     * the name, not a separator (the tree reader already gives {@code /}-separated names on every system).
     */
    static String normalisedFile(String file) {
        String s = file;
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
