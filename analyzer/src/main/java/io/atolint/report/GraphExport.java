package io.atolint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atolint.graph.ResourceGraph;
import io.atolint.model.Model;
import io.atolint.model.Relation;
import io.atolint.model.Resource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The resource graph for other tools ({@code atolint graph}): every resource with its kind, unit and
 * placement, every relation with its type and what establishes it. Graphviz DOT (one cluster per model)
 * or JSON ({@code schemaVersion}; fields only ever added).
 */
public final class GraphExport {
    public static final String SCHEMA_VERSION = "1.0";

    private GraphExport() {
    }

    public static void json(ResourceGraph g, OutputStream out) throws IOException {
        ObjectNode root = PrettyJson.NODES.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.putObject("tool").put("name", "atolint").put("version", Version.get());
        ArrayNode nodes = root.putArray("nodes");
        for (Model m : g.models()) {
            for (Resource r : m.resources()) {
                ObjectNode n = nodes.addObject();
                n.put("id", r.id());
                n.put("name", r.displayName());
                n.put("type", r.rawType());
                n.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
                n.put("unit", m.unit());
                n.put("format", m.format().name().toLowerCase(Locale.ROOT));
                n.set("location", JsonReport.location(r.location()));
                n.set("placement", JsonReport.placement(r.placement()));
            }
        }
        ArrayNode edges = root.putArray("edges");
        for (Model m : g.models()) {
            for (Relation rel : m.relations()) {
                ObjectNode e = edges.addObject();
                e.put("source", rel.source().id());
                e.put("target", rel.target().id());
                e.put("type", rel.type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                e.put("via", rel.via());
            }
        }
        PrettyJson.write(out, root);
    }

    public static void dot(ResourceGraph g, OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder("digraph atolint {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=9];\n");
        int i = 0;
        for (Model m : g.models()) {
            b.append("  subgraph cluster_").append(i++).append(" {\n    label=").append(q(m.unit() + " (" + m.format().title() + ")"))
                    .append(";\n");
            for (Resource r : m.resources()) {
                b.append("    ").append(q(r.id())).append(" [label=").append(q(r.displayName() + "\n"
                        + r.kind().name().toLowerCase(Locale.ROOT) + "\n" + r.placement().display())).append("];\n");
            }
            b.append("  }\n");
        }
        for (Model m : g.models()) {
            for (Relation rel : m.relations()) {
                b.append("  ").append(q(rel.source().id())).append(" -> ").append(q(rel.target().id())).append(" [label=")
                        .append(q(rel.type().name().toLowerCase(Locale.ROOT) + (rel.via().isEmpty() ? "" : "\n" + rel.via())))
                        .append(style(rel)).append("];\n");
            }
        }
        b.append("}\n");
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String style(Relation rel) {
        return switch (rel.type()) {
            case CONTAINS -> ", style=dotted, arrowhead=none";
            case REFERENCES -> ", style=dashed, color=gray40";
            case ROUTES_TO -> ", penwidth=1.6";
            case ATTACHED_TO -> ", color=purple";
            case CONNECTS_OUTSIDE -> ", color=purple, penwidth=1.6";
        };
    }

    /** A DOT quoted string: backslash and quote escaped, line breaks as {@code \n}. */
    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n") + "\"";
    }
}
