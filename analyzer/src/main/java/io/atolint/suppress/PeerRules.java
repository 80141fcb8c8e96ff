package io.atolint.suppress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which atolint rules another tool's rule id stands for, so that a suppression adopters already wrote
 * for checkov, cfn_nag, cfn-lint or cdk-nag also suppresses atolint's finding on the same concern.
 * The table is data ({@code peer-rules.tsv}): tool, peer id, atolint rule ids, what the peer checks.
 */
public final class PeerRules {
    public static final List<String> TOOLS = List.of("checkov", "cfn_nag", "cfn-lint", "cdk-nag");
    /** The rules column of a peer check that atolint deliberately does not cover (the note says why). */
    public static final String NONE = "-";

    /** One row of the table. */
    public record Mapping(String tool, String peerId, List<String> rules, String note) {
    }

    private final List<Mapping> mappings;
    private final Map<String, List<String>> byKey = new LinkedHashMap<>();

    public PeerRules(List<Mapping> mappings) {
        this.mappings = List.copyOf(mappings);
        for (Mapping m : mappings) {
            byKey.computeIfAbsent(key(m.tool(), m.peerId()), k -> new ArrayList<>()).addAll(m.rules());
        }
    }

    private static final PeerRules STANDARD = load();

    public static PeerRules standard() {
        return STANDARD;
    }

    public List<Mapping> mappings() {
        return mappings;
    }

    /**
     * The atolint rules a peer rule id maps to (empty when it maps to none). cdk-nag's per-finding
     * suffix ({@code AwsSolutions-IAM5[Action::s3:*]}) is ignored.
     */
    public List<String> rulesFor(String tool, String peerId) {
        String id = peerId.trim();
        int bracket = id.indexOf('[');
        if (bracket > 0) {
            id = id.substring(0, bracket);
        }
        return Collections.unmodifiableList(byKey.getOrDefault(key(tool, id), List.of()));
    }

    /** Peer checks atolint deliberately does not cover, with the reason in their note. */
    public List<Mapping> uncovered() {
        return mappings.stream().filter(m -> m.rules().isEmpty()).toList();
    }

    /** The peer checks mapped onto an atolint rule, in table order. */
    public List<Mapping> peersOf(String ruleId) {
        return mappings.stream().filter(m -> m.rules().contains(ruleId)).toList();
    }

    private static String key(String tool, String id) {
        return tool + "\u0000" + id.toUpperCase(Locale.ROOT);
    }

    private static PeerRules load() {
        try (InputStream in = PeerRules.class.getResourceAsStream("peer-rules.tsv")) {
            if (in == null) {
                throw new IllegalStateException("peer-rules.tsv missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the table; a malformed row is a defect of the data and fails loudly with its line. */
    static PeerRules parse(BufferedReader reader) throws IOException {
        List<Mapping> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 3 || !TOOLS.contains(cols[0].trim())) {
                throw new IllegalStateException("peer-rules.tsv:" + n + ": expected tool<TAB>peer id<TAB>atolint rules"
                        + "[<TAB>note] with tool one of " + TOOLS + ": " + line);
            }
            List<String> rules = new ArrayList<>();
            for (String r : cols[2].split(",")) {
                if (!r.isBlank() && !r.trim().equals(NONE)) {
                    rules.add(r.trim());
                }
            }
            out.add(new Mapping(cols[0].trim(), cols[1].trim(), List.copyOf(rules), cols.length > 3 ? cols[3].trim() : ""));
        }
        return new PeerRules(out);
    }
}
