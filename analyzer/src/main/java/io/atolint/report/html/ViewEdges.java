package io.atolint.report.html;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.report.html.ArchitectureView.Box;
import io.atolint.report.html.ArchitectureView.Edge;
import io.atolint.report.html.ArchitectureView.EdgeKind;
import io.atolint.report.html.ArchitectureView.Mark;
import io.atolint.report.html.ArchitectureView.Node;
import io.atolint.topology.Exposure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edges of the picture between drawn resources: traffic (load balancer to targets, CloudFront to
 * origins, drawn arrows) followed through undrawn plumbing, use (compute referring to a data store),
 * ingress from the internet to what {@link Exposure} says the internet reaches, and connections outside
 * AWS.
 */
final class ViewEdges {
    private static final Pattern PROTOCOL_PORT = Pattern.compile("([A-Z][A-Z0-9]*):(\\d+)");
    private static final Pattern PORT = Pattern.compile("\\b(tcp|udp)/\\d+(-\\d+)?");

    private final ResourceGraph graph;
    private final Exposure exposure;
    private final Map<Resource, Node> nodes;
    private final List<Edge> edges = new ArrayList<>();

    ViewEdges(ResourceGraph graph, Exposure exposure, Map<Resource, Node> nodes) {
        this.graph = graph;
        this.exposure = exposure;
        this.nodes = nodes;
    }

    /** Every edge among {@code drawn}; the internet, when something is reached from it, joins {@code outside}. */
    List<Edge> edges(List<Resource> drawn, Box outside) {
        traffic(drawn);
        uses(drawn);
        ingress(drawn, outside);
        outsideConnections(drawn);
        return edges;
    }

    /**
     * Follows traffic relations through undrawn resources (target groups, listeners) to drawn ones;
     * the edge is labelled with the most telling protocol found on any way there (a listener's
     * {@code HTTPS:443} before a security group's {@code tcp/8080}).
     */
    private void traffic(List<Resource> drawn) {
        record Step(Resource target, String label, int depth) {
        }
        for (Resource from : drawn) {
            Map<Resource, String> reached = new LinkedHashMap<>();
            Set<Resource> seen = new HashSet<>(Set.of(from));
            Deque<Step> queue = new ArrayDeque<>();
            for (Relation rel : graph.outgoing(from, RelationType.ROUTES_TO)) {
                queue.add(new Step(rel.target(), label(rel), 1));
            }
            while (!queue.isEmpty()) {
                Step cur = queue.poll();
                Resource t = cur.target();
                String label = cur.label();
                if (nodes.containsKey(t)) {
                    if (!t.equals(from)) {
                        reached.merge(t, label == null ? "" : label, ViewEdges::better);
                    }
                    continue;
                }
                if (seen.add(t) && cur.depth() < 4) {
                    for (Relation rel : graph.outgoing(t, RelationType.ROUTES_TO)) {
                        queue.add(new Step(rel.target(), better(label == null ? "" : label, label(rel)), cur.depth() + 1));
                    }
                }
            }
            reached.forEach((t, label) -> add(new Edge(from.id(), t.id(), EdgeKind.TRAFFIC, label.isEmpty() ? null : label)));
        }
    }

    /** A listener's protocol and port beats a port; anything beats nothing. */
    private static String better(String a, String b) {
        if (b == null || b.isEmpty()) {
            return a;
        }
        if (a == null || a.isEmpty()) {
            return b;
        }
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(String label) {
        return PROTOCOL_PORT.matcher(label).matches() ? 2 : 1;
    }

    private static String label(Relation rel) {
        Matcher m = PROTOCOL_PORT.matcher(rel.via());
        if (m.find()) {
            return m.group();
        }
        Matcher p = PORT.matcher(rel.via());
        if (p.find()) {
            return p.group();
        }
        if (rel.source().format().isDiagram() && !rel.via().isBlank() && rel.via().length() <= 20) {
            return rel.via();
        }
        return null;
    }

    /** Compute that refers (through undrawn resources, such as a launch template) to a data store. */
    private void uses(List<Resource> drawn) {
        for (Resource from : drawn) {
            if (DrawnKinds.family(from.kind()) != DrawnKinds.Family.COMPUTE) {
                continue;
            }
            Set<Resource> seen = new HashSet<>(Set.of(from));
            List<Resource> frontier = List.of(from);
            for (int depth = 0; depth < 3 && !frontier.isEmpty(); depth++) {
                List<Resource> next = new ArrayList<>();
                for (Resource r : frontier) {
                    for (Resource t : graph.targets(r, RelationType.REFERENCES)) {
                        if (!seen.add(t)) {
                            continue;
                        }
                        if (nodes.containsKey(t)) {
                            if (DrawnKinds.family(t.kind()) == DrawnKinds.Family.DATA) {
                                add(new Edge(from.id(), t.id(), EdgeKind.USES, null));
                            }
                        } else if (!ViewBuilder.CONTAINER_KINDS.contains(t.kind())) {
                            next.add(t);
                        }
                    }
                }
                frontier = next;
            }
        }
    }

    /**
     * The internet reaches what the IaC deploys and {@link Exposure#publicEntry} proves public (diagrams
     * draw their own users); a load balancer whose scheme is UNKNOWN gets no edge from the internet.
     */
    private void ingress(List<Resource> drawn, Box outside) {
        List<Resource> entries = new ArrayList<>();
        for (Resource r : drawn) {
            if (!r.format().isDiagram() && exposure.publicEntry(r).isTrue()) {
                entries.add(r);
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        outside.nodes().add(0, new Node("internet", "Internet", "Internet", "users and clients",
                DrawnKinds.Family.OUTSIDE, Mark.NONE, List.of(), "Internet: where public entry points are reached from", "", null));
        for (Resource r : entries) {
            add(new Edge("internet", r.id(), EdgeKind.INGRESS, null));
        }
    }

    /** VPN and Direct Connect links, and what drawn network resources are attached to. */
    private void outsideConnections(List<Resource> drawn) {
        for (Resource from : drawn) {
            for (Relation rel : graph.outgoing(from, RelationType.CONNECTS_OUTSIDE)) {
                if (nodes.containsKey(rel.target())) {
                    add(new Edge(from.id(), rel.target().id(), EdgeKind.OUTSIDE, label(rel)));
                }
            }
            if (DrawnKinds.family(from.kind()) == DrawnKinds.Family.NETWORK) {
                for (Relation rel : graph.outgoing(from, RelationType.ATTACHED_TO)) {
                    if (nodes.containsKey(rel.target())) {
                        add(new Edge(from.id(), rel.target().id(), EdgeKind.OUTSIDE, null));
                    }
                }
            }
        }
    }

    private void add(Edge e) {
        for (Edge x : edges) {
            if (x.from().equals(e.from()) && x.to().equals(e.to())) {
                return;
            }
        }
        edges.add(e);
    }
}
