package io.atolint.parse.diagram;

import io.atolint.model.Format;
import io.atolint.model.SourceLocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a diagram as drawn, whatever file format it came from: shapes with absolute boxes and
 * connectors, before any meaning is given to them ({@link PageInterpreter} does that).
 *
 * @param index  1-based page number in the file
 * @param where  the page itself (the {@code <diagram>} element, or the file)
 */
public record DrawnPage(String file, Format format, int index, String name, List<Shape> shapes, List<Link> links,
                        SourceLocation where, int hiddenCells) {

    /** Top to bottom, then left to right (to the hundredth of a pixel); at one corner the larger shape first. */
    private static final Comparator<Shape> READING_ORDER = Comparator
            .comparingLong((Shape s) -> hundredths(s.box().y()))
            .thenComparingLong(s -> hundredths(s.box().x()))
            .thenComparing(Comparator.comparingDouble((Shape s) -> s.box().area()).reversed())
            .thenComparing(s -> s.label() == null ? "" : s.label())
            .thenComparing(s -> s.shapeName() == null ? "" : s.shapeName());

    /**
     * The same page with its shapes in reading order and its connectors by the shapes they join. The file's
     * order is draw.io's z-order (what is in front), which a person changes without changing what the page
     * says; read in the file's order, one "bring to front" regrouped copies and chose other paths. Shapes
     * and connectors that tie keep the file's order.
     */
    public DrawnPage inReadingOrder() {
        List<Shape> ordered = new ArrayList<>(shapes);
        ordered.sort(READING_ORDER);
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            rank.putIfAbsent(ordered.get(i).id(), i);
        }
        List<Link> joined = new ArrayList<>(links);
        joined.sort(Comparator.comparingInt((Link l) -> end(rank, l.sourceId()))
                .thenComparingLong(l -> l.sourcePoint() == null ? 0 : hundredths(l.sourcePoint()[1]))
                .thenComparingLong(l -> l.sourcePoint() == null ? 0 : hundredths(l.sourcePoint()[0]))
                .thenComparingInt(l -> end(rank, l.targetId()))
                .thenComparingLong(l -> l.targetPoint() == null ? 0 : hundredths(l.targetPoint()[1]))
                .thenComparingLong(l -> l.targetPoint() == null ? 0 : hundredths(l.targetPoint()[0]))
                .thenComparing(l -> l.label() == null ? "" : l.label()));
        return new DrawnPage(file, format, index, name, List.copyOf(ordered), List.copyOf(joined), where, hiddenCells);
    }

    private static int end(Map<String, Integer> rank, String id) {
        return id == null ? Integer.MAX_VALUE : rank.getOrDefault(id, Integer.MAX_VALUE);
    }

    private static long hundredths(double v) {
        return Math.round(v * 100);
    }

    /**
     * A vertex. {@code parentId} is the drawing parent (a layer, a group); {@code at} is the cell's own
     * position in the file (or the page's when the page is compressed); {@code style} is draw.io's style
     * (empty for SVG), {@code shapeName} what the shape is called ({@code mxgraph.aws4.ec2}, an icon
     * file name) and {@code fields} the custom attributes of a {@code UserObject}.
     */
    public record Shape(String id, String parentId, String label, Style style, String shapeName, Box box,
                        SourceLocation at, Map<String, String> fields) {
    }

    /** A connector; a missing end is null and its point (if drawn) is given instead. */
    public record Link(String id, String sourceId, String targetId, String label, Style style, double[] sourcePoint,
                       double[] targetPoint, List<double[]> points, SourceLocation at) {
        /** Where the source end is drawn: its point, else the first waypoint (null when neither is stated). */
        public double[] sourceEnd() {
            return sourcePoint != null ? sourcePoint : points.isEmpty() ? null : points.get(0);
        }

        /** Where the target end is drawn: its point, else the last waypoint (null when neither is stated). */
        public double[] targetEnd() {
            return targetPoint != null ? targetPoint : points.isEmpty() ? null : points.get(points.size() - 1);
        }
    }
}
