package io.atolint.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.report.Fingerprints;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Known findings, by fingerprint (rule, resource id, file and message shape; never the line), so that
 * a pull request fails only on findings it introduces. A fingerprint listed twice absorbs two findings.
 */
public final class Baseline {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One known finding; only the fingerprint matters, the rest helps a reviewer read the file. */
    public record Entry(String fingerprint, String ruleId, String resource, String file, String message) {
    }

    private final String name;
    private final List<Entry> entries;

    public Baseline(String name, List<Entry> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
    }

    /** Where the baseline came from, for the suppression's justification. */
    public String name() {
        return name;
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * The baseline of a scan: every finding that is not a note and not suppressed in the files (findings
     * an older baseline absorbed stay known).
     */
    public static Baseline of(String name, List<Finding> findings) {
        List<Entry> out = new ArrayList<>();
        for (Finding f : findings) {
            boolean known = !f.isSuppressed() || f.suppression().kind().equals("baseline");
            if (known && f.severity() != Severity.INFO) {
                out.add(new Entry(Fingerprints.of(f), f.ruleId(), f.resource() == null ? "" : f.resource().id(),
                        f.location().file(), f.message()));
            }
        }
        out.sort(Comparator.comparing(Entry::file).thenComparing(Entry::ruleId).thenComparing(Entry::resource)
                .thenComparing(Entry::fingerprint));
        return new Baseline(name, out);
    }

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("atolintBaseline", VERSION);
        ArrayNode arr = root.putArray("findings");
        for (Entry e : entries) {
            ObjectNode o = arr.addObject();
            o.put("fingerprint", e.fingerprint());
            o.put("ruleId", e.ruleId());
            o.put("resource", e.resource());
            o.put("file", e.file());
            o.put("message", e.message());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a baseline file's text; a file that is not one is an error with the reason. */
    public static Baseline parse(String name, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not a baseline (invalid JSON: " + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.has("atolintBaseline") || !root.path("findings").isArray()) {
            throw new IllegalArgumentException(name + ": not an atolint baseline (expected atolintBaseline and findings;"
                    + " create one with --create-baseline)");
        }
        if (root.get("atolintBaseline").asInt() > VERSION) {
            throw new IllegalArgumentException(name + ": baseline version " + root.get("atolintBaseline").asInt()
                    + " is newer than this atolint understands (" + VERSION + ")");
        }
        List<Entry> out = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            if (!f.hasNonNull("fingerprint")) {
                throw new IllegalArgumentException(name + ": a baseline entry has no fingerprint");
            }
            out.add(new Entry(f.get("fingerprint").asText(), f.path("ruleId").asText(""), f.path("resource").asText(""),
                    f.path("file").asText(""), f.path("message").asText("")));
        }
        return new Baseline(name, out);
    }

    /** How many findings of each fingerprint the baseline still absorbs (a fresh counter per scan). */
    Map<String, Integer> budget() {
        Map<String, Integer> m = new HashMap<>();
        for (Entry e : entries) {
            m.merge(e.fingerprint(), 1, Integer::sum);
        }
        return m;
    }
}
