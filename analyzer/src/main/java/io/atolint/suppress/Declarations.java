package io.atolint.suppress;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Format;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.Value;
import io.atolint.rule.SourceText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Every suppression written in the files of a scan, in every syntax atolint honours. */
public final class Declarations {
    private Declarations() {
    }

    /** The atolint rules an atolint suppression id names: the id itself (SUPP002 reports unknown ones). */
    static List<String> atolintRule(String id) {
        return List.of(id);
    }

    public static List<Declaration> collect(ResourceGraph graph, SourceText sources) {
        return collect(graph, sources, PeerRules.standard());
    }

    /**
     * Every suppression of the scan; read once per graph, text and peer table, then kept by the graph
     * (the rules SUPP001 and SUPP002 and the triage all ask).
     */
    public static List<Declaration> collect(ResourceGraph graph, SourceText sources, PeerRules peers) {
        return graph.derived(List.of(Declarations.class, sources, peers), g -> List.copyOf(read(g, sources, peers)));
    }

    private static List<Declaration> read(ResourceGraph graph, SourceText sources, PeerRules peers) {
        Function<String, List<String>> atolint = Declarations::atolintRule;
        List<Declaration> out = new ArrayList<>();
        Map<String, List<Resource>> byFile = new LinkedHashMap<>();
        Map<String, Value.MapV> templateMetadata = new LinkedHashMap<>();
        for (Model m : graph.models()) {
            for (String f : m.files()) {
                byFile.computeIfAbsent(f, k -> new ArrayList<>());
            }
            if (m.format() == Format.CLOUDFORMATION || m.format() == Format.CDK) {
                m.fileMetadata().forEach(templateMetadata::putIfAbsent);
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
            // a file the scan read without a suppression comment in it is not read again
            List<String> lines = sources.rejected(e.getKey()) ? List.of() : sources.lines(e.getKey());
            if (!lines.isEmpty()) {
                out.addAll(CommentSuppressions.read(e.getKey(), lines, e.getValue(), peers, atolint));
            }
            Value.MapV md = templateMetadata.get(e.getKey());
            if (md != null) {
                // the template's own Metadata covers every resource of the template
                out.addAll(MetadataSuppressions.read(md, new Declaration.Target.OnFile(e.getKey()), peers, atolint));
            }
        }
        return out;
    }

    /** Whether a text may hold a suppression comment (the test a scan's {@link SourceText} keeps texts by). */
    public static boolean mayHoldComments(String text) {
        return CommentSuppressions.mayHold(text);
    }
}
