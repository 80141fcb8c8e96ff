package io.atolint.describe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.parse.Limits;
import io.atolint.parse.Scanner;
import io.atolint.parse.SourceTree;
import io.atolint.parse.diagram.DiagramReader;
import io.atolint.parse.diagram.DiagramView;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What atolint understood from a diagram, for a person to compare with the picture: per page the
 * groups and how they nest, the Availability Zones and how each was recognised, the services with
 * their kinds and placement, and the connections with their labels.
 */
public final class DiagramDescription {
    private final String path;
    private final DiagramReader.Result result;

    private DiagramDescription(String path, DiagramReader.Result result) {
        this.path = path;
        this.result = result;
    }

    public static DiagramDescription of(SourceTree tree, String path, Limits limits) {
        DiagramReader.Result r = DiagramReader.read(tree, path, limits);
        for (DiagramView v : r.pages()) {
            Scanner.finish(v.model());
        }
        return new DiagramDescription(path, r);
    }

    public boolean isDiagram() {
        return result.isDiagram();
    }

    public String notADiagram() {
        return result.notADiagram();
    }

    public void writeText(PrintStream out) {
        out.println(path + ": " + kindName(result.kind()) + ", " + result.pages().size() + " page(s)");
        for (Finding f : result.problems()) {
            out.println("  problem: " + f.location().display() + " " + f.ruleId() + " " + f.message());
        }
        for (DiagramView v : result.pages()) {
            out.println();
            out.println("page " + v.page().index() + (v.page().name().isEmpty() ? "" : " \"" + v.page().name() + "\"")
                    + ": " + services(v).size() + " services, " + v.groups().size() + " groups, " + v.azs().size()
                    + " AZs, " + v.edges().size() + " connections");
            out.println("  groups:");
            if (v.groups().isEmpty()) {
                out.println("    (none)");
            }
            Map<Resource, List<Resource>> children = new HashMap<>();
            List<Resource> tops = new ArrayList<>();
            for (DiagramView.GroupView g : v.groups()) {
                if (g.parent() == null) {
                    tops.add(g.group());
                } else {
                    children.computeIfAbsent(g.parent(), k -> new ArrayList<>()).add(g.group());
                }
            }
            for (Resource t : tops) {
                tree(out, t, children, 2);
            }
            out.println("  availability zones:");
            if (v.azs().isEmpty()) {
                out.println("    (none recognised)");
            }
            for (DiagramView.AzView az : v.azs()) {
                out.println("    " + az.az().value() + "  " + name(az.resource()) + "  <- " + az.how());
            }
            out.println("  services:");
            for (Resource r : services(v)) {
                out.println("    " + pad(r.kind().name(), 24) + " " + name(r) + "  [" + r.meta("shape").orElse(r.rawType())
                        + ", " + r.meta("drawnAs").orElse("") + "]  placement: " + placement(r));
            }
            summaryText(out, PageSummary.of(v));
            out.println("  connections:");
            if (v.edges().isEmpty()) {
                out.println("    (none)");
            }
            for (DiagramView.EdgeView e : v.edges()) {
                out.println("    " + name(e.source()) + " -> " + name(e.target()) + "  " + e.type()
                        + (e.label().isEmpty() ? "" : "  \"" + e.label() + "\"")
                        + (e.snapped().isEmpty() ? "" : "  (" + e.snapped() + ")"));
            }
            for (String u : v.unresolvedEdges()) {
                out.println("    unresolved connector " + u);
            }
            if (v.legendShapes() > 0) {
                out.println("  legend: " + v.legendShapes() + " shape(s) left out (they explain the page's icons and lines)");
            }
            if (v.ignoredShapes() > 0 || v.page().hiddenCells() > 0) {
                out.println("  not understood: " + v.ignoredShapes() + " shape(s) without an AWS meaning"
                        + (v.page().hiddenCells() > 0 ? "; " + v.page().hiddenCells() + " hidden cell(s) ignored" : ""));
            }
        }
    }

    private static void summaryText(PrintStream out, PageSummary s) {
        out.println("  reading:");
        out.println("    AZs drawn: " + s.azsDrawn() + (s.azsInNamesOnly() > 0 ? " (+" + s.azsInNamesOnly()
                + " named only in subnet labels)" : "") + "; VPCs: " + s.vpcs() + "; subnets: " + s.subnets()
                + " (" + s.publicSubnets() + " public, " + s.privateSubnets() + " private)");
        out.println("    outside AWS: " + (s.outside().isEmpty() ? "nothing drawn" : String.join(", ", s.outside())));
        List<String> tiers = new ArrayList<>();
        s.tiers().forEach((role, n) -> tiers.add(role.label() + " " + tierText(n)));
        out.println("    tiers: " + String.join("; ", tiers));
        out.println("    replica pairs: " + (s.replicaPairs().isEmpty() ? "none" : ""));
        for (PageSummary.Pair r : s.replicaPairs()) {
            out.println("      " + r.describe() + " (" + r.where() + ")");
        }
        out.println("    VPN / Direct Connect: " + s.siteLinks());
        for (String d : s.siteDetails()) {
            out.println("      " + d);
        }
    }

    private static String tierText(String n) {
        return switch (n) {
            case "R" -> "regional / managed";
            case "?" -> "AZs cannot be told";
            case "0" -> "not drawn";
            default -> "in " + n + " AZ" + (n.equals("1") ? "" : "s");
        };
    }

    private static void summaryJson(ObjectNode n, PageSummary s) {
        n.put("azsDrawn", s.azsDrawn());
        n.put("azsNamedOnlyInSubnets", s.azsInNamesOnly());
        n.put("vpcs", s.vpcs());
        ObjectNode sub = n.putObject("subnets");
        sub.put("total", s.subnets());
        sub.put("public", s.publicSubnets());
        sub.put("private", s.privateSubnets());
        ArrayNode outside = n.putArray("outsideAws");
        s.outside().forEach(outside::add);
        ObjectNode tiers = n.putObject("tiers");
        s.tiers().forEach((role, v) -> tiers.put(role.label(), v));
        ArrayNode pairs = n.putArray("replicaPairs");
        for (PageSummary.Pair r : s.replicaPairs()) {
            ObjectNode p = pairs.addObject();
            ArrayNode members = p.putArray("members");
            r.members().forEach(m -> members.add(m.displayName()));
            p.put("where", r.where());
            p.put("multiAz", r.multiAz().name().toLowerCase(java.util.Locale.ROOT));
        }
        n.put("siteLinks", s.siteLinks());
        ArrayNode details = n.putArray("siteDetails");
        s.siteDetails().forEach(details::add);
    }

    private static void tree(PrintStream out, Resource g, Map<Resource, List<Resource>> children, int depth) {
        out.println("  ".repeat(depth) + kindLabel(g.kind()) + " " + name(g)
                + (g.meta("subnetType").filter(t -> !t.equals("unknown")).map(t -> " (" + t + ")").orElse("")));
        for (Resource c : children.getOrDefault(g, List.of())) {
            tree(out, c, children, depth + 1);
        }
    }

    public void writeJson(OutputStream out) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("file", path);
        root.put("format", kindName(result.kind()));
        ArrayNode problems = root.putArray("problems");
        for (Finding f : result.problems()) {
            ObjectNode p = problems.addObject();
            p.put("ruleId", f.ruleId());
            p.put("message", f.message());
            p.put("line", f.location().startLine());
            p.put("logicalPath", f.location().logicalPath());
        }
        ArrayNode pages = root.putArray("pages");
        for (DiagramView v : result.pages()) {
            ObjectNode p = pages.addObject();
            p.put("page", v.page().index());
            p.put("name", v.page().name());
            ArrayNode groups = p.putArray("groups");
            for (DiagramView.GroupView g : v.groups()) {
                ObjectNode n = groups.addObject();
                n.put("cell", g.group().name());
                n.put("kind", g.group().kind().name());
                n.put("label", g.group().meta("label").orElse(""));
                n.put("parent", g.parent() == null ? null : g.parent().name());
                g.group().meta("subnetType").ifPresent(t -> n.put("subnetType", t));
            }
            ArrayNode azs = p.putArray("availabilityZones");
            for (DiagramView.AzView az : v.azs()) {
                ObjectNode n = azs.addObject();
                n.put("cell", az.resource().name());
                n.put("label", az.resource().meta("label").orElse(""));
                n.put("az", az.az().value());
                n.put("how", az.how());
            }
            ArrayNode services = p.putArray("services");
            for (Resource r : services(v)) {
                ObjectNode n = services.addObject();
                n.put("cell", r.name());
                n.put("kind", r.kind().name());
                n.put("label", r.meta("label").orElse(""));
                n.put("shape", r.meta("shape").orElse(r.rawType()));
                n.put("drawnAs", r.meta("drawnAs").orElse(""));
                n.put("service", r.meta("service").orElse(""));
                n.put("placement", placement(r));
                n.put("in", r.meta("in").orElse(null));
                if (line(r) > 0) {
                    n.put("line", line(r));
                }
            }
            ArrayNode edges = p.putArray("connections");
            for (DiagramView.EdgeView e : v.edges()) {
                ObjectNode n = edges.addObject();
                n.put("cell", e.cellId());
                n.put("source", e.source().name());
                n.put("target", e.target().name());
                n.put("type", e.type().name());
                n.put("label", e.label());
                n.put("snapped", e.snapped());
            }
            ArrayNode unresolved = p.putArray("unresolvedConnectors");
            v.unresolvedEdges().forEach(unresolved::add);
            p.put("shapesNotUnderstood", v.ignoredShapes());
            p.put("legendShapes", v.legendShapes());
            summaryJson(p.putObject("summary"), PageSummary.of(v));
            p.put("hiddenCells", v.page().hiddenCells());
        }
        m.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }

    private static int line(Resource r) {
        return r.location().startLine();
    }

    /** Everything that is not a group: icons, services drawn by label, people and devices. */
    private static List<Resource> services(DiagramView v) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : v.model().resources()) {
            if (!r.meta("container").isPresent() && r.kind() != Kind.AVAILABILITY_ZONE) {
                out.add(r);
            }
        }
        return out;
    }

    private static String placement(Resource r) {
        Placement p = r.placement();
        return p.scope() == Placement.Scope.NONE ? "-" : p.display();
    }

    private static String name(Resource r) {
        String label = r.meta("label").orElse("");
        return (label.isEmpty() ? "" : "'" + label + "' ") + "(cell " + r.name() + ")";
    }

    private static String kindLabel(Kind k) {
        return switch (k) {
            case AVAILABILITY_ZONE -> "AZ";
            case DIAGRAM_GROUP -> "group";
            default -> k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    private static String kindName(DiagramReader.Kind k) {
        return switch (k) {
            case DRAWIO -> "draw.io diagram";
            case DRAWIO_SVG -> "draw.io SVG export";
            case DRAWIO_PNG -> "draw.io PNG export";
            case PLAIN_SVG -> "plain SVG diagram";
            case NOT_A_DIAGRAM -> "not a diagram";
        };
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }

    /** Unused relations are kept in the model for the rules; the description lists what people drew. */
    static boolean drawn(Relation r) {
        return r.type() == RelationType.ROUTES_TO || r.type() == RelationType.CONNECTS_OUTSIDE;
    }
}
