package io.atolint.suppress;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Suppressions written as structured metadata: CloudFormation (and CDK) {@code Metadata} on a resource
 * or the template, and diagram cell attributes mapped into a resource's metadata.
 * <ul>
 *   <li>{@code atolint: {ignore: [{id: HA001, reason: "..."}]}} (also {@code ignore: [HA001]} or
 *       {@code ignore: HA001}, which carry no reason);</li>
 *   <li>{@code checkov: {skip: [{id: CKV_AWS_157, comment: "..."}]}};</li>
 *   <li>{@code cfn_nag: {rules_to_suppress: [{id: W35, reason: "..."}]}};</li>
 *   <li>{@code cfn-lint: {config: {ignore_checks: [E3012]}}} (cfn-lint has no reason field);</li>
 *   <li>{@code cdk_nag: {rules_to_suppress: [{id: AwsSolutions-RDS3, reason: "..."}]}};</li>
 *   <li>a diagram attribute {@code atolint-ignore: "HA001 reason; DIAG002 reason"}.</li>
 * </ul>
 * Keys are looked up format-blind ({@code cfn_nag} = {@code cfn-nag} = {@code cfnNag}).
 */
final class MetadataSuppressions {
    private MetadataSuppressions() {
    }

    /** An id and its reason as written in one list entry. */
    record Entry(String id, String reason, SourceLocation at) {
    }

    static List<Declaration> read(Value.MapV metadata, Declaration.Target target, PeerRules peers,
                                  Function<String, List<String>> atolintRules) {
        if (metadata.size() == 0 && metadata.unknownRest() == null) {
            // most resources have no Metadata: six format-blind lookups each would find nothing
            return List.of();
        }
        List<Declaration> out = new ArrayList<>();
        metadata.get("atolint").flatMap(v -> v.at("ignore")).ifPresent(v -> {
            for (Entry e : entries(v, "reason")) {
                out.add(new Declaration("atolint", e.id(), atolintRules.apply(e.id()), e.reason(), e.at(), target,
                        "Metadata atolint ignore " + e.id()));
            }
        });
        metadata.get("atolint-ignore").ifPresent(v -> {
            for (Value item : v.asList()) {
                item.asString().ifPresent(text -> {
                    for (String part : text.split(";")) {
                        InlineSyntax.Parsed p = InlineSyntax.idsAndReason(part);
                        for (String id : p.ids()) {
                            out.add(new Declaration("atolint", id, atolintRules.apply(id), p.reason(), item.location(), target,
                                    "atolint-ignore " + id));
                        }
                    }
                });
            }
        });
        peer(metadata.get("checkov").flatMap(v -> v.at("skip")), "checkov", "comment", "Metadata checkov skip",
                target, peers, out);
        peer(metadata.get("cfn_nag").flatMap(v -> v.at("rules_to_suppress")), "cfn_nag", "reason",
                "Metadata cfn_nag rules_to_suppress", target, peers, out);
        peer(metadata.get("cfn-lint").flatMap(v -> v.at("config", "ignore_checks")), "cfn-lint", "reason",
                "Metadata cfn-lint ignore_checks", target, peers, out);
        peer(metadata.get("cdk_nag").flatMap(v -> v.at("rules_to_suppress")), "cdk-nag", "reason",
                "Metadata cdk_nag rules_to_suppress", target, peers, out);
        return out;
    }

    /**
     * Diagram cells: a UserObject attribute {@code atolint-ignore="HA001 reason; DIAG002 reason"}, or a
     * draw.io tag {@code atolint-ignore:DIAG001} (tags carry no reason).
     */
    static List<Declaration> diagramFields(Value.MapV fields, Declaration.Target target,
                                           Function<String, List<String>> atolintRules) {
        List<Declaration> out = new ArrayList<>();
        fields.get("atolint-ignore").flatMap(Value::asString).ifPresent(text -> {
            for (String part : text.split(";")) {
                InlineSyntax.Parsed p = InlineSyntax.idsAndReason(part);
                for (String id : p.ids()) {
                    out.add(new Declaration("atolint", id, atolintRules.apply(id), p.reason(), fields.keyLocation("atolint-ignore"),
                            target, "atolint-ignore " + id));
                }
            }
        });
        fields.get("tags").flatMap(Value::asString).ifPresent(tags -> {
            for (String tag : tags.trim().split("\\s+")) {
                if (tag.startsWith("atolint-ignore:") && tag.length() > "atolint-ignore:".length()) {
                    String id = tag.substring("atolint-ignore:".length());
                    out.add(new Declaration("atolint", id, atolintRules.apply(id), "", fields.keyLocation("tags"), target,
                            "tag " + tag));
                }
            }
        });
        return out;
    }

    private static void peer(Optional<Value> list, String tool, String reasonKey, String written,
                             Declaration.Target target, PeerRules peers, List<Declaration> out) {
        list.ifPresent(v -> {
            for (Entry e : entries(v, reasonKey)) {
                out.add(new Declaration(tool, e.id(), peers.rulesFor(tool, e.id()), e.reason(), e.at(), target,
                        written + " " + e.id()));
            }
        });
    }

    /** A list of {@code {id, reason}} maps or of bare ids; a single entry may stand for the list. */
    static List<Entry> entries(Value v, String reasonKey) {
        List<Entry> out = new ArrayList<>();
        for (Value item : v.asList()) {
            if (item instanceof Value.MapV m) {
                Optional<String> id = m.get("id").flatMap(Value::asString);
                if (id.isPresent()) {
                    String reason = m.get(reasonKey).or(() -> m.get("reason")).or(() -> m.get("comment"))
                            .flatMap(Value::asString).orElse("");
                    out.add(new Entry(id.get().trim(), reason, m.location()));
                }
            } else {
                item.asString().filter(s -> !s.isBlank()).ifPresent(s -> out.add(new Entry(s.trim(), "", item.location())));
            }
        }
        return out;
    }
}
