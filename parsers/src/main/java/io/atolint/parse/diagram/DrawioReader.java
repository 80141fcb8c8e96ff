package io.atolint.parse.diagram;

import io.atolint.model.Finding;
import io.atolint.model.Format;
import io.atolint.model.SourceLocation;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseFindings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads draw.io XML into {@link DrawnPage}s: an {@code <mxfile>} with {@code <diagram>} pages (plain
 * {@code <mxGraphModel>} children, or compressed text), or a bare {@code <mxGraphModel>}. Handles
 * {@code UserObject}/{@code object} wrappers, HTML labels, edge labels (vertices whose parent is an
 * edge), layers and hidden cells (a hidden layer hides its cells), and turns each vertex's geometry
 * into an absolute box by adding its ancestors' offsets.
 */
public final class DrawioReader {
    private static final Set<String> KEEP_TEXT = Set.of("diagram");
    private static final Pattern PLACEHOLDER = Pattern.compile("%([A-Za-z0-9_]+)%");

    private final String file;
    private final Format format;
    private final Limits limits;
    private final List<Finding> problems;
    /** Bytes decompressed so far from this file's pages: the decompression limit counts per file. */
    private long decompressed;
    private boolean budgetSpent;

    /**
     * @param file     the file, relative to the scanned root
     * @param format   DRAWIO, or SVG for a draw.io SVG export
     * @param problems where positioned findings about unreadable pages go
     */
    public DrawioReader(String file, Format format, Limits limits, List<Finding> problems) {
        this.file = file;
        this.format = format;
        this.limits = limits;
        this.problems = problems;
    }

    /** True when the text looks like draw.io XML (an mxfile or mxGraphModel root). */
    public static boolean looksLikeDrawio(String text) {
        int i = 0;
        int n = Math.min(text.length(), 4096);
        String head = text.substring(0, n);
        i = head.indexOf("<mxfile");
        int j = head.indexOf("<mxGraphModel");
        return i >= 0 || j >= 0;
    }

    /**
     * Reads XML text. {@code embeddedAt} is null when the text is the file itself (cells keep their own
     * lines), or the place the text was embedded at (an SVG attribute, a PNG chunk): every cell is
     * then located there.
     */
    public List<DrawnPage> read(String xml, SourceLocation embeddedAt) {
        XmlNode root;
        try {
            root = SafeXml.parse(xml, limits.maxResources() * 4 + 1000, limits.maxNestingDepth(), KEEP_TEXT);
        } catch (SafeXml.XmlProblem p) {
            problems.add(ParseFindings.invalid(embeddedAt != null ? embeddedAt
                    : SourceLocation.at(file, Math.max(1, p.line()), Math.max(1, p.column())),
                    "not readable draw.io XML: " + p.getMessage()));
            return List.of();
        }
        List<DrawnPage> pages = new ArrayList<>();
        if (root.name().equals("mxGraphModel")) {
            SourceLocation where = embeddedAt != null ? embeddedAt : SourceLocation.at(file, root.line(), root.column());
            pages.add(page(1, "", root, embeddedAt != null ? embeddedAt : null, where.withLogicalPath("page 1")));
            return pages;
        }
        if (!root.name().equals("mxfile")) {
            problems.add(ParseFindings.invalid(embeddedAt != null ? embeddedAt : SourceLocation.at(file, root.line(), root.column()),
                    "not a draw.io diagram: root element <" + root.name() + "> (expected <mxfile> or <mxGraphModel>)"));
            return pages;
        }
        int index = 0;
        for (XmlNode d : root.children("diagram")) {
            index++;
            String name = d.attrOr("name", "");
            String path = pagePath(index, name);
            SourceLocation where = (embeddedAt != null ? embeddedAt : SourceLocation.at(file, d.line(), d.column()))
                    .withLogicalPath(path);
            if (index > limits.maxPages()) {
                problems.add(ParseFindings.limit(where, "more than " + limits.maxPages() + " pages in one file (--limit pages=N): "
                        + "page " + index + " and the " + (root.children("diagram").size() - index) + " after it are not read"));
                break;
            }
            if (budgetSpent) {
                break;
            }
            XmlNode model = d.child("mxGraphModel").orElse(null);
            SourceLocation cellsAt = embeddedAt;
            if (model == null) {
                String payload = d.text().trim();
                if (payload.isEmpty()) {
                    pages.add(new DrawnPage(file, format, index, name, List.of(), List.of(), where, 0));
                    continue;
                }
                cellsAt = where;
                model = decodePage(payload, where);
                if (model == null) {
                    continue;
                }
            }
            pages.add(page(index, name, model, cellsAt, where));
        }
        if (index == 0) {
            problems.add(ParseFindings.invalid(embeddedAt != null ? embeddedAt : SourceLocation.at(file, root.line(), root.column()),
                    "draw.io file without any <diagram> page"));
        }
        return pages;
    }

    static String pagePath(int index, String name) {
        return "page " + index + (name.isEmpty() ? "" : " \"" + name + "\"");
    }

    private XmlNode decodePage(String payload, SourceLocation where) {
        String xml;
        if (payload.startsWith("<")) {
            xml = payload;
        } else {
            long left = limits.maxDecompressedBytes() - decompressed;
            try {
                xml = Payloads.compressedPage(payload, left);
                decompressed += xml.length();
            } catch (Payloads.BadPayload e) {
                if (e.isLimit() && left < limits.maxDecompressedBytes()) {
                    budgetSpent = true;
                    problems.add(ParseFindings.limit(where, "the pages of this file decompress to more than "
                            + limits.maxDecompressedBytes() + " bytes together (--limit decompressed-bytes=N): "
                            + where.logicalPath() + " and the pages after it are not read"));
                } else {
                    problems.add(ParseFindings.invalid(where, where.logicalPath() + ": " + e.getMessage()));
                }
                return null;
            }
        }
        try {
            XmlNode m = SafeXml.parse(xml, limits.maxResources() * 4 + 1000, limits.maxNestingDepth(), KEEP_TEXT);
            if (!m.name().equals("mxGraphModel")) {
                problems.add(ParseFindings.invalid(where, where.logicalPath() + ": decoded page is <" + m.name()
                        + ">, not <mxGraphModel>"));
                return null;
            }
            return m;
        } catch (SafeXml.XmlProblem p) {
            problems.add(ParseFindings.invalid(where, where.logicalPath() + ": decoded page is not readable XML (line "
                    + p.line() + " of the payload): " + p.getMessage()));
            return null;
        }
    }

    /** A cell as written, before geometry is made absolute. */
    private record Cell(String id, String parent, String value, Style style, boolean vertex, boolean edge,
                        String source, String target, XmlNode geometry, boolean visible, Map<String, String> fields,
                        int line, int column) {
    }

    private DrawnPage page(int index, String name, XmlNode model, SourceLocation cellsAt, SourceLocation where) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        XmlNode rootNode = model.child("root").orElse(null);
        if (rootNode == null) {
            return new DrawnPage(file, format, index, name, List.of(), List.of(), where, 0);
        }
        int anonymous = 0;
        for (XmlNode n : rootNode.children()) {
            Cell c = cell(n, ++anonymous);
            if (c == null) {
                continue;
            }
            if (cells.size() >= limits.maxResources()) {
                problems.add(ParseFindings.limit(where, where.logicalPath() + ": more than " + limits.maxResources()
                        + " cells; the rest of the page is not read"));
                break;
            }
            cells.putIfAbsent(c.id, c);
        }
        Set<String> roots = new HashSet<>();
        for (Cell c : cells.values()) {
            if (c.parent == null || c.parent.isEmpty() || !cells.containsKey(c.parent)) {
                roots.add(c.id);
            }
        }
        reportParentCycles(cells, file, cellsAt, where, problems);
        Set<String> layers = new HashSet<>();
        for (Cell c : cells.values()) {
            if (!roots.contains(c.id) && roots.contains(c.parent) && !c.vertex && !c.edge) {
                layers.add(c.id);
            }
        }
        Map<String, Box> boxes = new HashMap<>();
        Map<String, String> edgeLabels = new LinkedHashMap<>();
        List<DrawnPage.Shape> shapes = new ArrayList<>();
        List<DrawnPage.Link> links = new ArrayList<>();
        int hidden = 0;
        for (Cell c : cells.values()) {
            if (roots.contains(c.id) || layers.contains(c.id)) {
                continue;
            }
            if (!visible(c, cells)) {
                hidden++;
                continue;
            }
            Cell parent = cells.get(c.parent);
            if (c.vertex && parent != null && parent.edge) {
                String label = label(c);
                if (!label.isEmpty()) {
                    edgeLabels.merge(parent.id, label, (a, b) -> a + "\n" + b);
                }
                continue;
            }
            SourceLocation at = (cellsAt != null ? cellsAt : SourceLocation.at(file, c.line, c.column))
                    .withLogicalPath(where.logicalPath() + " / cell " + c.id);
            if (c.vertex) {
                Box b = turned(absolute(c, cells, boxes, 0), c.style);
                shapes.add(new DrawnPage.Shape(c.id, layers.contains(c.parent) || roots.contains(c.parent) ? null : c.parent,
                        label(c), c.style, shapeName(c.style), b, at, c.fields));
            }
        }
        for (Cell c : cells.values()) {
            if (!c.edge || !visible(c, cells)) {
                continue;
            }
            SourceLocation at = (cellsAt != null ? cellsAt : SourceLocation.at(file, c.line, c.column))
                    .withLogicalPath(where.logicalPath() + " / cell " + c.id);
            String label = label(c);
            String extra = edgeLabels.get(c.id);
            if (extra != null) {
                label = label.isEmpty() ? extra : label + "\n" + extra;
            }
            Cell parent = cells.get(c.parent);
            Box origin = parent != null && parent.vertex ? absolute(parent, cells, boxes, 0) : new Box(0, 0, 0, 0);
            double[] sp = null;
            double[] tp = null;
            List<double[]> pts = new ArrayList<>();
            if (c.geometry != null) {
                for (XmlNode p : c.geometry.children()) {
                    if (p.name().equals("mxPoint")) {
                        double[] xy = {num(p, "x") + origin.x(), num(p, "y") + origin.y()};
                        if ("sourcePoint".equals(p.attrOr("as", ""))) {
                            sp = xy;
                        } else if ("targetPoint".equals(p.attrOr("as", ""))) {
                            tp = xy;
                        }
                    } else if (p.name().equals("Array") && "points".equals(p.attrOr("as", ""))) {
                        for (XmlNode q : p.children("mxPoint")) {
                            pts.add(new double[]{num(q, "x") + origin.x(), num(q, "y") + origin.y()});
                        }
                    }
                }
            }
            links.add(new DrawnPage.Link(c.id, blankToNull(c.source), blankToNull(c.target), label, c.style, sp, tp,
                    pts, at));
        }
        return new DrawnPage(file, format, index, name, shapes, links, where, hidden);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private Cell cell(XmlNode n, int ordinal) {
        XmlNode mx;
        Map<String, String> fields = new LinkedHashMap<>();
        String value;
        String id;
        if (n.name().equals("mxCell")) {
            mx = n;
            value = n.attrOr("value", "");
            id = n.attrOr("id", "");
        } else if (n.name().equals("object") || n.name().equals("UserObject")) {
            mx = n.child("mxCell").orElse(null);
            if (mx == null) {
                return null;
            }
            value = n.attrOr("label", "");
            id = n.attrOr("id", mx.attrOr("id", ""));
            for (Map.Entry<String, String> e : n.attributes().entrySet()) {
                if (!e.getKey().equals("id") && !e.getKey().equals("label")) {
                    fields.put(e.getKey(), e.getValue());
                }
            }
        } else {
            return null;
        }
        if (id.isEmpty()) {
            id = "anonymous-" + ordinal;
        }
        Style style = Style.parse(mx.attrOr("style", ""));
        if (style.is("placeholders") && !fields.isEmpty()) {
            Matcher m = PLACEHOLDER.matcher(value);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, Matcher.quoteReplacement(fields.getOrDefault(m.group(1), m.group())));
            }
            m.appendTail(b);
            value = b.toString();
        }
        return new Cell(id, mx.attr("parent").orElse(null), value, style, "1".equals(mx.attrOr("vertex", "")),
                "1".equals(mx.attrOr("edge", "")), mx.attr("source").orElse(null), mx.attr("target").orElse(null),
                mx.child("mxGeometry").orElse(null), !"0".equals(mx.attrOr("visible", "1")), fields, n.line(), n.column());
    }

    private static String label(Cell c) {
        return Labels.plain(c.value, c.style.is("html"));
    }

    /**
     * draw.io cannot open a page whose parent chain loops; geometry here stays bounded (by depth), and
     * the loop is reported once, at its first cell.
     */
    private static void reportParentCycles(Map<String, Cell> cells, String file, SourceLocation cellsAt,
                                           SourceLocation where, List<Finding> problems) {
        Set<String> settled = new HashSet<>();
        for (Cell start : cells.values()) {
            List<String> chain = new ArrayList<>();
            Set<String> onChain = new HashSet<>();
            Cell cur = start;
            while (cur != null && !settled.contains(cur.id) && onChain.add(cur.id)) {
                chain.add(cur.id);
                cur = cur.parent == null ? null : cells.get(cur.parent);
            }
            if (cur != null && onChain.contains(cur.id)) {
                List<String> loop = new ArrayList<>(chain.subList(chain.indexOf(cur.id), chain.size()));
                Cell first = cells.get(loop.get(0));
                SourceLocation at = (cellsAt != null ? cellsAt : SourceLocation.at(file, first.line, first.column))
                        .withLogicalPath(where.logicalPath() + " / cell " + first.id);
                loop.add(first.id);
                problems.add(ParseFindings.invalid(at, where.logicalPath() + ": the parent chain of cells "
                        + String.join(" -> ", loop) + " is a loop; their positions are not reliable"));
            }
            settled.addAll(chain);
        }
    }

    private static boolean visible(Cell c, Map<String, Cell> cells) {
        Cell cur = c;
        for (int depth = 0; cur != null && depth < 200; depth++) {
            if (!cur.visible) {
                return false;
            }
            cur = cur.parent == null ? null : cells.get(cur.parent);
        }
        return true;
    }

    /**
     * The box as drawn: draw.io turns a shape about its centre, so a shape turned a quarter (a column drawn
     * as a rotated band, a tube between two devices) covers its height across and its width down.
     * Children keep the parent's unturned origin, as draw.io places them.
     */
    static Box turned(Box b, Style style) {
        double r;
        try {
            r = Double.parseDouble(style.getOr("rotation", "0"));
        } catch (NumberFormatException e) {
            return b;
        }
        double q = ((r % 180) + 180) % 180;
        if (Math.abs(q - 90) >= 30) {
            return b;
        }
        return new Box(b.cx() - b.h() / 2, b.cy() - b.w() / 2, b.h(), b.w());
    }

    private Box absolute(Cell c, Map<String, Cell> cells, Map<String, Box> memo, int depth) {
        Box known = memo.get(c.id);
        if (known != null) {
            return known;
        }
        double x = 0;
        double y = 0;
        double w = 0;
        double h = 0;
        boolean relative = false;
        if (c.geometry != null) {
            x = num(c.geometry, "x");
            y = num(c.geometry, "y");
            w = num(c.geometry, "width");
            h = num(c.geometry, "height");
            relative = "1".equals(c.geometry.attrOr("relative", ""));
        }
        Cell parent = cells.get(c.parent);
        Box result;
        if (parent != null && parent.vertex && depth < limits.maxNestingDepth()) {
            Box p = absolute(parent, cells, memo, depth + 1);
            result = relative ? new Box(p.x() + x * p.w(), p.y() + y * p.h(), w, h) : new Box(p.x() + x, p.y() + y, w, h);
        } else {
            result = new Box(x, y, w, h);
        }
        memo.put(c.id, result);
        return result;
    }

    private static double num(XmlNode n, String attr) {
        String v = n.attrOr(attr, "");
        if (v.isEmpty()) {
            return 0;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The name a shape is known by: an AWS resource/product/group icon, a stencil, or an image file. */
    static String shapeName(Style s) {
        for (String key : new String[]{"resIcon", "prIcon", "grIcon"}) {
            if (s.get(key).isPresent()) {
                return s.get(key).get();
            }
        }
        if (s.isImage()) {
            return EmbeddedIcon.imageRef(s).map(DrawioReader::imageName).orElse("image");
        }
        return s.shape().isEmpty() ? "rectangle" : s.shape();
    }

    /** The file name of an image reference; a data URI has one only when it is an AWS icon's SVG. */
    static String imageName(String ref) {
        if (ref.startsWith("data:")) {
            return EmbeddedIcon.fileName(ref).orElse("image");
        }
        String r = ref;
        int q = r.indexOf('?');
        if (q >= 0) {
            r = r.substring(0, q);
        }
        int slash = r.lastIndexOf('/');
        return slash >= 0 ? r.substring(slash + 1) : r;
    }
}
