package io.atolint.report.html;

import io.atolint.analysis.Analysis;
import io.atolint.model.Model;
import io.atolint.model.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the architecture picture shows, whatever the input format: nested boxes (outside AWS, global,
 * region, VPC, Availability Zone, subnet, and a box for resources whose placement is UNKNOWN), the drawn
 * resources in the innermost box that holds all their subnets (an ALB whose subnets share one AZ lands in
 * that AZ's box), and the edges: traffic, use, ingress from the internet, connections outside AWS.
 * Findings mark resources failing, single points of failure, or undecided.
 *
 * <p>Where things are and what the internet reaches are not worked out here: {@link ViewBuilder} places
 * resources by the analysis's facts (VPC membership, subnets, public subnets, exposure), the same facts
 * the rules judge, so the picture never says "from the internet" where a rule says UNKNOWN.
 */
public final class ArchitectureView {

    /**
     * The kinds of boxes, outermost first; {@code LOOSE} is made by the layout to pack the resources of a
     * box that no edge touches into a grid instead of one long column.
     */
    public enum BoxKind { OUTSIDE, GLOBAL, REGION, VPC, AZ, SUBNET, UNPLACED, LOOSE }

    /** How a resource is marked. */
    public enum Mark { NONE, NOTE, FAILING, SPOF }

    public enum EdgeKind { TRAFFIC, USES, INGRESS, OUTSIDE }

    /** A box and what it holds. */
    public static final class Box {
        private final String id;
        private final BoxKind kind;
        private final String label;
        private final String detail;
        private final boolean publicSubnet;
        private final List<Box> boxes = new ArrayList<>();
        private final List<Node> nodes = new ArrayList<>();
        private Box parent;

        Box(String id, BoxKind kind, String label, String detail, boolean publicSubnet) {
            this.id = id;
            this.kind = kind;
            this.label = label;
            this.detail = detail;
            this.publicSubnet = publicSubnet;
        }

        public String id() {
            return id;
        }

        public BoxKind kind() {
            return kind;
        }

        public String label() {
            return label;
        }

        public String detail() {
            return detail;
        }

        public boolean publicSubnet() {
            return publicSubnet;
        }

        public List<Box> boxes() {
            return boxes;
        }

        public List<Node> nodes() {
            return nodes;
        }

        Box parent() {
            return parent;
        }

        Box add(Box b) {
            b.parent = this;
            boxes.add(b);
            return b;
        }

        boolean isEmpty() {
            return nodes.isEmpty() && boxes.stream().allMatch(Box::isEmpty);
        }

        int depth() {
            return parent == null ? 0 : parent.depth() + 1;
        }
    }

    /**
     * A drawn resource (or the synthetic internet, whose {@code resource} is null); {@code spof} says in a
     * few words why a single point of failure is one (empty for other marks).
     */
    public record Node(String id, String kindLabel, String name, String detail, DrawnKinds.Family family, Mark mark,
                       List<String> problems, String tooltip, String spof, Resource resource) {
    }

    public record Edge(String from, String to, EdgeKind kind, String label) {
    }

    private final Box root;
    private final List<Edge> edges;
    private final Map<String, Integer> notDrawn;
    private final int drawnCount;

    ArchitectureView(Box root, List<Edge> edges, Map<String, Integer> notDrawn, int drawnCount) {
        this.root = root;
        this.edges = List.copyOf(edges);
        this.notDrawn = notDrawn;
        this.drawnCount = drawnCount;
    }

    public Box root() {
        return root;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** Supporting resources not drawn, by kind label. */
    public Map<String, Integer> notDrawn() {
        return notDrawn;
    }

    /** Every drawn node, boxes outermost first and in the order they hold them. */
    public List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Box b, List<Node> out) {
        out.addAll(b.nodes());
        for (Box c : b.boxes()) {
            collect(c, out);
        }
    }

    /** How many resources are drawn (the internet node excepted). */
    public int drawnCount() {
        return drawnCount;
    }

    /** The picture of every model of the analysis together. */
    public static ArchitectureView of(Analysis a) {
        return new ViewBuilder(a, null).build();
    }

    /** The picture of one model (a template, a stack with its nested stacks, a Terraform root, a diagram page). */
    public static ArchitectureView of(Analysis a, Model model) {
        return new ViewBuilder(a, model).build();
    }
}
