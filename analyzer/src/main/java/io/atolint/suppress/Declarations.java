package io.atolint.suppress;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Format;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.Limits;
import io.atolint.parse.SourceFile;
import io.atolint.parse.tree.Node;
import io.atolint.parse.tree.TreeDocument;
import io.atolint.parse.tree.Trees;
import io.atolint.rule.SourceText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Every suppression written in the files of a scan, in every syntax atolint honours. */
public final class Declarations {
    private static final List<String> TEMPLATE_KEYS = List.of("atolint", "checkov", "cfn_nag", "cfn-nag", "cfn-lint",
            "cdk_nag", "cdk-nag");

    private Declarations() {
    }

    /** The atolint rules an atolint suppression id names: the id itself (SUPP002 reports unknown ones). */
    static List<String> atolintRule(String id) {
        return List.of(id);
    }

    public static List<Declaration> collect(ResourceGraph graph, SourceText sources) {
        return collect(graph, sources, PeerRules.standard());
    }

    public static List<Declaration> collect(ResourceGraph graph, SourceText sources, PeerRules peers) {
        Function<String, List<String>> atolint = Declarations::atolintRule;
        List<Declaration> out = new ArrayList<>();
        Map<String, List<Resource>> byFile = new LinkedHashMap<>();
        Set<String> templates = new LinkedHashSet<>();
        for (Model m : graph.models()) {
            for (String f : m.files()) {
                byFile.computeIfAbsent(f, k -> new ArrayList<>());
                if (m.format() == Format.CLOUDFORMATION || m.format() == Format.CDK) {
                    templates.add(f);
                }
            }
            for (Resource r : m.resources()) {
                Declaration.Target onResource = new Declaration.Target.OnResource(r);
                out.addAll(MetadataSuppressions.read(r.metadata(), onResource, peers, atolint));
                if (r.format().isDiagram()) {
                    out.addAll(MetadataSuppressions.diagramFields(r.attributes(), onResource, atolint));
                }
                byFile.computeIfAbsent(r.location().file(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<Resource>> e : byFile.entrySet()) {
            List<String> lines = sources.lines(e.getKey());
            if (lines.isEmpty()) {
                continue;
            }
            out.addAll(CommentSuppressions.read(e.getKey(), lines, e.getValue(), peers, atolint));
            if (templates.contains(e.getKey())) {
                out.addAll(templateMetadata(e.getKey(), lines, peers, atolint));
            }
        }
        return out;
    }

    /** The template's own {@code Metadata} section covers every resource of the template. */
    private static List<Declaration> templateMetadata(String file, List<String> lines, PeerRules peers,
                                                      Function<String, List<String>> atolint) {
        String text = String.join("\n", lines);
        if (!text.contains("Metadata") || TEMPLATE_KEYS.stream().noneMatch(text::contains)) {
            return List.of();
        }
        TreeDocument doc = Trees.read(new SourceFile(file, text), Limits.defaults());
        if (doc == null || !(doc.root() instanceof Node.MapNode root)) {
            return List.of();
        }
        return root.get("Metadata").map(md -> toValue(md, file, "Metadata"))
                .flatMap(Value::asMap)
                .map(md -> MetadataSuppressions.read(md, new Declaration.Target.OnFile(file), peers, atolint))
                .orElse(List.of());
    }

    /** A YAML/JSON node as a plain value (no intrinsic functions are meaningful in suppression lists). */
    static Value toValue(Node n, String file, String path) {
        SourceLocation at = n.location(file, path);
        if (n instanceof Node.ScalarNode s) {
            return new Value.Scalar(s.value(), null, at);
        }
        if (n instanceof Node.SeqNode seq) {
            List<Value> items = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                items.add(toValue(seq.items().get(i), file, path + "/" + i));
            }
            return new Value.ListV(items, at);
        }
        Node.MapNode map = (Node.MapNode) n;
        Map<String, Value> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        for (Node.Entry e : map.entries()) {
            String k = e.key().text();
            entries.put(k, toValue(e.value(), file, path + "/" + k));
            keys.put(k, e.key().location(file, path + "/" + k));
        }
        return new Value.MapV(entries, keys, at);
    }
}
