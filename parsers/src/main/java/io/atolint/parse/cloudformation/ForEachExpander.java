package io.atolint.parse.cloudformation;

import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Expands {@code Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]} entries of the
 * Resources section (AWS::LanguageExtensions) when the collection resolves to a list of strings:
 * {@code ${Identifier}} and {@code &{Identifier}} in keys and strings, and {@code Ref: Identifier},
 * take each value. Expanded resources keep the positions of the fragment they come from. A
 * collection that does not resolve leaves the loop unexpanded, with a note.
 */
final class ForEachExpander {
    private final String file;
    private final Function<Node, Value> resolveCollection;
    private final Consumer<Finding> report;
    private final int maxResources;

    ForEachExpander(String file, Function<Node, Value> resolveCollection, Consumer<Finding> report, int maxResources) {
        this.file = file;
        this.resolveCollection = resolveCollection;
        this.report = report;
        this.maxResources = maxResources;
    }

    /** The Resources entries with every resolvable loop replaced by its expansion. */
    List<Node.Entry> expand(List<Node.Entry> entries, int depth) {
        List<Node.Entry> out = new ArrayList<>();
        for (Node.Entry e : entries) {
            String key = e.key().text();
            if (!key.startsWith("Fn::ForEach::")) {
                out.add(e);
                continue;
            }
            SourceLocation at = e.key().location(file, "Resources/" + key);
            Optional<List<Node.Entry>> expanded = depth > 4 ? Optional.empty() : loop(e, at);
            if (expanded.isEmpty()) {
                report.accept(ParseFindings.unsupported(at, key + " (AWS::LanguageExtensions) is not expanded: "
                        + (depth > 4 ? "loops nest too deeply" : "its collection does not resolve to a list of strings")
                        + "; the resources it generates are not analysed"));
                continue;
            }
            out.addAll(expand(expanded.get(), depth + 1));
            if (out.size() > maxResources) {
                report.accept(ParseFindings.limit(at, key + " expands to more than " + maxResources + " resources"));
                return out.subList(0, maxResources);
            }
        }
        return out;
    }

    private Optional<List<Node.Entry>> loop(Node.Entry e, SourceLocation at) {
        if (!(e.value() instanceof Node.SeqNode q) || q.items().size() != 3
                || !(q.items().get(0) instanceof Node.ScalarNode id) || !(q.items().get(2) instanceof Node.MapNode fragment)) {
            report.accept(ParseFindings.invalid(at, e.key().text() + " expects [Identifier, Collection, {OutputKey: OutputValue}]"));
            return Optional.of(List.of());
        }
        Value collection = resolveCollection.apply(q.items().get(1));
        if (!(collection instanceof Value.ListV list)) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (Value v : list.items()) {
            Optional<String> s = v.asString();
            if (s.isEmpty()) {
                return Optional.empty();
            }
            values.add(s.get());
        }
        List<Node.Entry> out = new ArrayList<>();
        for (String value : values) {
            for (Node.Entry fe : fragment.entries()) {
                Node.ScalarNode k = (Node.ScalarNode) substitute(fe.key(), id.text(), value);
                out.add(new Node.Entry(k, substitute(fe.value(), id.text(), value)));
            }
        }
        return Optional.of(out);
    }

    private static String replace(String s, String id, String value) {
        String alnum = value.replaceAll("[^A-Za-z0-9]", "");
        return s.replace("${" + id + "}", value).replace("&{" + id + "}", alnum);
    }

    private static Node substitute(Node n, String id, String value) {
        if (n instanceof Node.ScalarNode s) {
            if ("!Ref".equals(s.tag()) && s.text().equals(id)) {
                return new Node.ScalarNode(value, value, null, s);
            }
            if (s.value() instanceof String str && (str.contains("{" + id + "}"))) {
                String r = replace(str, id, value);
                return new Node.ScalarNode(r, r, s.tag(), s);
            }
            return s;
        }
        if (n instanceof Node.SeqNode q) {
            List<Node> items = new ArrayList<>();
            for (Node i : q.items()) {
                items.add(substitute(i, id, value));
            }
            return new Node.SeqNode(items, q.tag(), q);
        }
        Node.MapNode m = (Node.MapNode) n;
        if (m.tag() == null && m.entries().size() == 1 && m.entries().get(0).key().text().equals("Ref")
                && m.entries().get(0).value() instanceof Node.ScalarNode r && r.text().equals(id)) {
            return new Node.ScalarNode(value, value, null, m);
        }
        List<Node.Entry> entries = new ArrayList<>();
        for (Node.Entry e : m.entries()) {
            entries.add(new Node.Entry((Node.ScalarNode) substitute(e.key(), id, value), substitute(e.value(), id, value)));
        }
        return new Node.MapNode(entries, m.tag(), m);
    }
}
