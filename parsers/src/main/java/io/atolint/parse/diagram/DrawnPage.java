package io.atolint.parse.diagram;

import io.atolint.model.Format;
import io.atolint.model.SourceLocation;

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
    }
}
