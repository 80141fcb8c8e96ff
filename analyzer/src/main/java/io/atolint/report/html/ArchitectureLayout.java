package io.atolint.report.html;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Lays the architecture out with ELK's layered algorithm (Sugiyama-style: cycle breaking, layer
 * assignment, crossing minimisation, orthogonal edge routing) on the compound graph of boxes, with
 * hierarchy handling {@code INCLUDE_CHILDREN} so that edges between resources in different boxes are
 * routed across the boxes in one run. Traffic flows left to right. Node sizes are fixed (labels are
 * truncated to fit), so the layout needs no font metrics and is the same on every machine.
 */
public final class ArchitectureLayout {
    public static final double NODE_WIDTH = 190;
    public static final double NODE_HEIGHT = 54;
    public static final double BOX_LABEL_HEIGHT = 34;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    public record Rect(double x, double y, double w, double h) {
    }

    public record PlacedBox(ArchitectureView.Box box, Rect rect, int depth) {
    }

    public record PlacedNode(ArchitectureView.Node node, Rect rect) {
    }

    /** An edge as a polyline of absolute points (start, bends, end), and where its label goes (or null). */
    public record PlacedEdge(ArchitectureView.Edge edge, List<double[]> points, Rect label) {
    }

    public record Geometry(double width, double height, List<PlacedBox> boxes, List<PlacedNode> nodes,
                           List<PlacedEdge> edges) {
    }

    private ArchitectureLayout() {
    }

    public static Geometry layout(ArchitectureView view) {
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(12));
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, 18.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_NODE, 12.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_EDGE, 8.0);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        graph.setProperty(CoreOptions.RANDOM_SEED, 1);
        // one trunk from the internet to every entry point instead of a fan of parallel lines
        graph.setProperty(LayeredOptions.MERGE_EDGES, true);
        // resources keep the order of the files when nothing else decides, so related rows stay together
        graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);

        Set<String> connected = new HashSet<>();
        for (ArchitectureView.Edge e : view.edges()) {
            connected.add(e.from());
            connected.add(e.to());
        }
        Context ctx = new Context(connected);
        for (ArchitectureView.Box b : view.root().boxes()) {
            addBox(graph, b, ctx);
        }
        for (ArchitectureView.Node n : view.root().nodes()) {
            addNode(graph, n, ctx);
        }
        Map<String, ElkNode> elkNodes = ctx.elkNodes;
        Map<ElkNode, ArchitectureView.Box> boxOf = ctx.boxOf;
        Map<ElkNode, ArchitectureView.Node> nodeOf = ctx.nodeOf;
        Map<ElkEdge, ArchitectureView.Edge> edgeOf = new HashMap<>();
        List<ElkEdge> order = new ArrayList<>();
        for (ArchitectureView.Edge e : view.edges()) {
            ElkNode from = elkNodes.get("n:" + e.from());
            ElkNode to = elkNodes.get("n:" + e.to());
            if (from != null && to != null && from != to) {
                ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
                if (e.label() != null && !e.label().isBlank()) {
                    // a real label: ELK makes room for it between the layers
                    ElkLabel label = ElkGraphUtil.createLabel(e.label(), edge);
                    label.setWidth(Math.min(e.label().length(), ArchitectureSvg.EDGE_LABEL_CHARS) * 6.2 + 6);
                    label.setHeight(13);
                }
                edgeOf.put(edge, e);
                order.add(edge);
            }
        }
        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

        List<PlacedBox> boxes = new ArrayList<>();
        List<PlacedNode> nodes = new ArrayList<>();
        collect(graph, 0, 0, 0, boxOf, nodeOf, boxes, nodes);
        List<PlacedEdge> edges = new ArrayList<>();
        for (ElkEdge edge : order) {
            double[] o = offset(edge);
            Rect label = null;
            if (!edge.getLabels().isEmpty()) {
                ElkLabel l = edge.getLabels().get(0);
                label = new Rect(o[0] + l.getX(), o[1] + l.getY(), l.getWidth(), l.getHeight());
            }
            edges.add(new PlacedEdge(edgeOf.get(edge), points(edge, o), label));
        }
        return new Geometry(graph.getWidth(), graph.getHeight(), boxes, nodes, edges);
    }

    /** What building the ELK graph accumulates. */
    private static final class Context {
        final Set<String> connected;
        final Map<String, ElkNode> elkNodes = new HashMap<>();
        final Map<ElkNode, ArchitectureView.Box> boxOf = new HashMap<>();
        final Map<ElkNode, ArchitectureView.Node> nodeOf = new HashMap<>();

        Context(Set<String> connected) {
            this.connected = connected;
        }
    }

    /** Below this many, resources no edge touches stay in the flow; above, they are packed in a grid. */
    static final int LOOSE_MIN = 4;

    private static void addBox(ElkNode parent, ArchitectureView.Box b, Context ctx) {
        ElkNode n = ElkGraphUtil.createNode(parent);
        n.setIdentifier("b:" + b.id());
        n.setProperty(CoreOptions.PADDING, new ElkPadding(BOX_LABEL_HEIGHT, 12, 12, 12));
        n.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
        double labelWidth = Math.max(text(b.label(), 8.0), text(b.detail(), 6.4)) + 28;
        n.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(Math.min(labelWidth, 420), BOX_LABEL_HEIGHT + 22));
        ctx.elkNodes.put(n.getIdentifier(), n);
        ctx.boxOf.put(n, b);
        for (ArchitectureView.Box child : b.boxes()) {
            addBox(n, child, ctx);
        }
        List<ArchitectureView.Node> loose = b.nodes().stream().filter(x -> !ctx.connected.contains(x.id())).toList();
        ElkNode grid = null;
        if (loose.size() >= LOOSE_MIN) {
            grid = looseGrid(n, b, loose.size(), ctx);
        }
        for (ArchitectureView.Node node : b.nodes()) {
            addNode(grid != null && loose.contains(node) ? grid : n, node, ctx);
        }
    }

    /**
     * A sub-box laid out on its own by ELK's box algorithm (rows packed to an aspect ratio): a long
     * column of unconnected resources would make the picture several screens tall.
     */
    private static ElkNode looseGrid(ElkNode parent, ArchitectureView.Box owner, int count, Context ctx) {
        ArchitectureView.Box box = new ArchitectureView.Box(owner.id() + "/loose", ArchitectureView.BoxKind.LOOSE,
                count + " not connected", "", false);
        ElkNode g = ElkGraphUtil.createNode(parent);
        g.setIdentifier("b:" + box.id());
        g.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.SEPARATE_CHILDREN);
        g.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.box");
        g.setProperty(CoreOptions.ASPECT_RATIO, 2.4);
        g.setProperty(CoreOptions.SPACING_NODE_NODE, 12.0);
        g.setProperty(CoreOptions.PADDING, new ElkPadding(24, 8, 8, 8));
        ctx.elkNodes.put(g.getIdentifier(), g);
        ctx.boxOf.put(g, box);
        return g;
    }

    private static void addNode(ElkNode parent, ArchitectureView.Node node, Context ctx) {
        ElkNode n = ElkGraphUtil.createNode(parent);
        n.setIdentifier("n:" + node.id());
        n.setWidth(NODE_WIDTH);
        n.setHeight(NODE_HEIGHT);
        ctx.elkNodes.put(n.getIdentifier(), n);
        ctx.nodeOf.put(n, node);
    }

    private static double text(String s, double perChar) {
        return s == null ? 0 : s.length() * perChar;
    }

    /** Positions are relative to the parent: made absolute while walking down. */
    private static void collect(ElkNode parent, double ox, double oy, int depth, Map<ElkNode, ArchitectureView.Box> boxOf,
                                Map<ElkNode, ArchitectureView.Node> nodeOf, List<PlacedBox> boxes, List<PlacedNode> nodes) {
        for (ElkNode c : parent.getChildren()) {
            double x = ox + c.getX();
            double y = oy + c.getY();
            Rect r = new Rect(x, y, c.getWidth(), c.getHeight());
            if (boxOf.containsKey(c)) {
                boxes.add(new PlacedBox(boxOf.get(c), r, depth));
                collect(c, x, y, depth + 1, boxOf, nodeOf, boxes, nodes);
            } else {
                nodes.add(new PlacedNode(nodeOf.get(c), r));
            }
        }
    }

    /** Edge sections and edge labels are relative to the edge's containing node. */
    private static double[] offset(ElkEdge edge) {
        double ox = 0;
        double oy = 0;
        for (ElkNode n = edge.getContainingNode(); n != null && n.getParent() != null; n = n.getParent()) {
            ox += n.getX();
            oy += n.getY();
        }
        return new double[]{ox, oy};
    }

    private static List<double[]> points(ElkEdge edge, double[] o) {
        double ox = o[0];
        double oy = o[1];
        List<double[]> pts = new ArrayList<>();
        for (ElkEdgeSection s : edge.getSections()) {
            pts.add(new double[]{ox + s.getStartX(), oy + s.getStartY()});
            for (ElkBendPoint b : s.getBendPoints()) {
                pts.add(new double[]{ox + b.getX(), oy + b.getY()});
            }
            pts.add(new double[]{ox + s.getEndX(), oy + s.getEndY()});
        }
        return pts;
    }
}
