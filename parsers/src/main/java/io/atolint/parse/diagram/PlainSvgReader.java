package io.atolint.parse.diagram;

import io.atolint.model.Finding;
import io.atolint.model.Format;
import io.atolint.model.SourceLocation;
import io.atolint.model.TextScans;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseFindings;
import org.apache.batik.anim.dom.SVGDOMImplementation;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.util.ParsedURL;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.svg.SVGDocument;

import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain SVG diagrams, without a draw.io model: the Graphviz output of diagrams-as-code tools
 * ({@code <g class="cluster">}, {@code <g class="node">} with an {@code <image>} of the AWS icon,
 * {@code <g class="edge">} titled {@code a->b}) and SVGs drawn with the AWS Architecture Icons files
 * ({@code Arch_Amazon-EC2_48.svg} as an image or as a group id). Batik computes where each element
 * ends up through every transform. Batik only ever sees a copy of the document that {@link SafeXml}
 * read, without scripts, event handlers or images (an {@code <image>} becomes a rectangle of the same
 * place), and its user agent refuses every external resource: nothing is fetched, nothing runs.
 */
public final class PlainSvgReader {
    private static final java.util.Set<String> GEOMETRY_ELEMENTS = java.util.Set.of("svg", "g", "a", "switch",
            "rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "text", "tspan", "title", "desc",
            "image", "defs", "symbol", "marker", "clipPath", "mask");
    private static final Pattern ICON_ID = Pattern.compile("(?i)(Arch|Res)_[A-Za-z0-9_.-]+");
    /**
     * How near an icon a line without arrowheads must end, at both ends, to be read as joining icons, in icon
     * sizes (a line often starts under the icon's caption).
     */
    private static final double ICON_REACH = 0.4;
    /** The largest side of a filled triangle read as an arrowhead. */
    private static final double ARROWHEAD_SIZE = 24;

    private final String file;
    private final Limits limits;
    private final List<Finding> problems;
    private final Map<XmlNode, Element> copies = new IdentityHashMap<>();
    private final Map<XmlNode, String> imageRefs = new IdentityHashMap<>();
    private final Map<XmlNode, Box> boundsOf = new IdentityHashMap<>();
    private BridgeContext ctx;

    public PlainSvgReader(String file, Limits limits, List<Finding> problems) {
        this.file = file;
        this.limits = limits;
        this.problems = problems;
    }

    /** The page the SVG draws, or null when it shows no AWS icon (then it is not an AWS diagram). */
    public DrawnPage read(XmlNode root) {
        if (!mentionsIcons(root) && !mentionsCaptionedImages(root)) {
            return null;
        }
        List<DrawnPage.Shape> shapes = new ArrayList<>();
        List<DrawnPage.Link> links = new ArrayList<>();
        try {
            SVGDocument doc = sanitisedCopy(root);
            UserAgentAdapter ua = new RefusingUserAgent();
            ctx = new BridgeContext(ua, new DocumentLoader(ua));
            // element-to-node bindings exist only in a dynamic context; scripts were removed and the agent refuses them
            ctx.setDynamicState(BridgeContext.DYNAMIC);
            new GVTBuilder().build(ctx, doc);
            if (isGraphviz(root)) {
                graphviz(root, shapes, links);
            } else {
                icons(root, shapes, links);
            }
        } catch (RuntimeException e) {
            // Batik's own failures on odd input (BridgeException, its ParseException for attribute
            // syntax, DOMException) all surface as runtime exceptions: the file gets a positioned finding.
            problems.add(ParseFindings.invalid(SourceLocation.at(file, root.line(), root.column()),
                    "SVG geometry cannot be computed: " + e.getMessage()));
            return null;
        }
        boolean anyKnown = false;
        for (DrawnPage.Shape s : shapes) {
            if (ShapeRecognizer.recognise(s).isKnown()) {
                anyKnown = true;
                break;
            }
        }
        if (!anyKnown) {
            return null;
        }
        return new DrawnPage(file, Format.SVG, 1, "", shapes, links,
                SourceLocation.at(file, root.line(), root.column()).withLogicalPath("page 1"), 0);
    }

    private static boolean mentionsIcons(XmlNode n) {
        if (n.name().equals("image")) {
            String href = n.attr("href").orElse("");
            if (ShapeRecognizer.fromImageName(href).isPresent()) {
                return true;
            }
        }
        if (n.name().equals("g") && ICON_ID.matcher(n.attrOr("id", "")).matches()) {
            return true;
        }
        for (XmlNode c : n.children()) {
            if (mentionsIcons(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the SVG holds pictures and a text that names an AWS service: icons pasted as pictures (PNG data,
     * file names that say nothing) with their captions ("Application Load Balancer", "Amazon RDS"), as tools
     * that embed raster icons export them.
     */
    private static boolean mentionsCaptionedImages(XmlNode root) {
        List<XmlNode> images = new ArrayList<>();
        collect(root, "image", images);
        if (images.isEmpty()) {
            return false;
        }
        List<XmlNode> texts = new ArrayList<>();
        collect(root, "text", texts);
        for (XmlNode t : texts) {
            if (ShapeRecognizer.fromLabel(allText(t)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGraphviz(XmlNode root) {
        for (XmlNode c : root.children()) {
            if (c.name().equals("g") && "graph".equals(c.attrOr("class", ""))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- Graphviz

    private void graphviz(XmlNode n, List<DrawnPage.Shape> shapes, List<DrawnPage.Link> links) {
        for (XmlNode c : n.children()) {
            String cls = c.name().equals("g") ? c.attrOr("class", "") : "";
            if (cls.equals("node") || cls.equals("cluster")) {
                String title = title(c).orElse(c.attrOr("id", "node" + shapes.size()));
                String label = String.join("\n", texts(c));
                String icon = firstImage(c).orElse("");
                Box box = bounds(c);
                Style style = cls.equals("cluster") ? Style.parse("cluster;container=1") : Style.EMPTY;
                String shapeName = icon.isEmpty() ? (cls.equals("cluster") ? "cluster" : "node") : DrawioReader.imageName(icon);
                Map<String, String> fields = new LinkedHashMap<>();
                if (!icon.isEmpty()) {
                    fields.put("image", icon);
                    style = Style.parse("image;image=" + icon.replace(";", "%3B"));
                }
                shapes.add(new DrawnPage.Shape(title, null, label, style, shapeName, box, at(c, title), fields));
            } else if (cls.equals("edge")) {
                String[] ends = title(c).map(PlainSvgReader::edgeEnds).orElse(null);
                if (ends != null) {
                    String id = c.attrOr("id", "edge" + links.size());
                    links.add(new DrawnPage.Link(id, strip(ends[0]), strip(ends[1]), String.join(" ", texts(c)),
                            Style.EMPTY, null, null, List.of(), at(c, id)));
                }
            }
            if (c.name().equals("g") && !cls.equals("node") && !cls.equals("edge")) {
                graphviz(c, shapes, links);
            }
        }
    }

    /** Graphviz titles of ports: {@code a:p1} names node {@code a}. */
    private static String strip(String nodeRef) {
        int colon = nodeRef.indexOf(':');
        return colon > 0 ? nodeRef.substring(0, colon) : nodeRef;
    }

    // ---------------------------------------------------------------- generic SVG of AWS icon files

    private void icons(XmlNode n, List<DrawnPage.Shape> shapes, List<DrawnPage.Link> links) {
        List<XmlNode> textNodes = new ArrayList<>();
        collect(n, "text", textNodes);
        List<XmlNode> iconNodes = new ArrayList<>();
        collectIcons(n, iconNodes);
        // the boxes first: a text that titles a box ("Availability Zone 2" at its top corner) is no icon's caption,
        // however near an icon drawn over the box's top edge it stands
        List<XmlNode> rects = new ArrayList<>();
        collect(n, "rect", rects);
        List<DrawnPage.Shape> boxes = new ArrayList<>();
        Set<XmlNode> titles = new HashSet<>();
        for (XmlNode r : rects) {
            Box box = bounds(r);
            if (box.w() < 80 || box.h() < 60) {
                continue;
            }
            String id = r.attr("id").orElse("box" + (iconNodes.size() + boxes.size()));
            XmlNode title = titleText(box, textNodes);
            if (title != null) {
                titles.add(title);
            }
            String style = r.attrOr("stroke-dasharray", "").isEmpty() ? "rounded=0" : "dashed=1";
            boxes.add(new DrawnPage.Shape(id, null, title == null ? "" : allText(title), Style.parse(style), "rectangle",
                    box, at(r, id), Map.of()));
        }
        List<XmlNode> captions = new ArrayList<>(textNodes);
        captions.removeAll(titles);
        for (XmlNode i : iconNodes) {
            String ref = i.name().equals("image") ? i.attr("href").orElse("") : i.attrOr("id", "") + ".svg";
            Box box = bounds(i);
            String id = i.attr("id").orElse("icon" + shapes.size());
            shapes.add(pictured(i, id, ref, box, nearestText(box, captions, 1.5)));
        }
        // a picture of an icon's size whose caption names what it is (a PNG icon, "Amazon RDS" under it)
        List<XmlNode> images = new ArrayList<>();
        collect(n, "image", images);
        for (XmlNode i : images) {
            Box box = bounds(i);
            if (iconNodes.contains(i) || !iconSized(box)) {
                continue;
            }
            String label = nearestText(box, captions, 1.5);
            if (ShapeRecognizer.fromLabel(label).isEmpty()) {
                continue;
            }
            iconNodes.add(i);
            shapes.add(pictured(i, i.attr("id").orElse("icon" + shapes.size()), i.attr("href").orElse(""), box, label));
        }
        List<Box> icons = shapes.stream().map(DrawnPage.Shape::box).toList();
        shapes.addAll(boxes);
        Set<XmlNode> inIcons = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        iconNodes.forEach(i -> descendants(i, inIcons));
        List<XmlNode> lines = new ArrayList<>();
        collect(n, "line", lines);
        collect(n, "path", lines);
        collect(n, "polyline", lines);
        collect(n, "polygon", lines);
        lines.removeIf(inIcons::contains);
        List<Box> heads = new ArrayList<>();
        for (XmlNode l : lines) {
            if (isArrowhead(l)) {
                heads.add(bounds(l));
            }
        }
        for (XmlNode l : lines) {
            if (l.name().equals("polygon") || isClosed(l)) {
                continue;
            }
            double[][] ends = ends(l);
            if (ends == null) {
                continue;
            }
            String id = l.attr("id").orElse("line" + links.size());
            Style style;
            if (l.attr("marker-end").isPresent() || l.attr("marker-start").isPresent()) {
                style = Style.EMPTY;
            } else {
                // an arrowhead drawn as a shape of its own at an end (Figma, Inkscape, Lucidchart exports)
                boolean toEnd = touches(heads, ends[1]);
                boolean toStart = touches(heads, ends[0]);
                if (toEnd || toStart) {
                    style = Style.parse(toEnd ? "endArrow=block" + (toStart ? ";startArrow=block" : "")
                            : "endArrow=none;startArrow=block");
                } else if (betweenIcons(icons, ends)) {
                    // a line without arrowheads from one icon to another: a connection, read as drawn
                    style = Style.parse("endArrow=none");
                } else {
                    continue;
                }
            }
            links.add(new DrawnPage.Link(id, null, null, "", style, ends[0], ends[1], List.of(), at(l, id)));
        }
    }

    private static boolean betweenIcons(List<Box> icons, double[][] ends) {
        Box from = nearest(icons, ends[0]);
        Box to = nearest(icons, ends[1]);
        return from != null && to != null && !from.equals(to);
    }

    private static Box nearest(List<Box> icons, double[] p) {
        Box best = null;
        double bestD = Double.MAX_VALUE;
        for (Box b : icons) {
            double d = b.distance(p[0], p[1]);
            if (d <= ICON_REACH * Math.max(b.w(), b.h()) && d < bestD) {
                bestD = d;
                best = b;
            }
        }
        return best;
    }

    private static boolean touches(List<Box> heads, double[] p) {
        return heads.stream().anyMatch(h -> new Box(h.x() - 3, h.y() - 3, h.w() + 6, h.h() + 6).containsPoint(p[0], p[1]));
    }

    /** A small filled triangle (or dart of four points): the head of an arrow drawn apart from its line. */
    private boolean isArrowhead(XmlNode l) {
        if (!(l.name().equals("polygon") || l.name().equals("path") && isClosed(l)) || "none".equals(l.attrOr("fill", ""))) {
            return false;
        }
        String coords = l.name().equals("polygon") ? l.attrOr("points", "") : l.attrOr("d", "");
        int numbers = coords.trim().isEmpty() ? 0 : coords.trim().split("[^-0-9.eE]+").length;
        Box b = bounds(l);
        return numbers >= 6 && numbers <= 10 && b.w() > 0 && b.h() > 0 && Math.max(b.w(), b.h()) <= ARROWHEAD_SIZE;
    }

    /** An icon drawn by a picture or a group of the AWS icon files: an image shape of that reference. */
    private DrawnPage.Shape pictured(XmlNode i, String id, String ref, Box box, String label) {
        return new DrawnPage.Shape(id, null, label, Style.parse("image;image=" + ref.replace(";", "%3B")),
                DrawioReader.imageName(ref), box, at(i, id), Map.of("image", ref));
    }

    /** Drawn as icons are: 16 to 256 px a side, about square (not a banner, a screenshot or a background). */
    private static boolean iconSized(Box b) {
        return b.w() >= 16 && b.h() >= 16 && b.w() <= 256 && b.h() <= 256 && b.w() <= 2 * b.h() && b.h() <= 2 * b.w();
    }

    private static boolean isClosed(XmlNode l) {
        String d = l.attrOr("d", "").strip();
        return l.name().equals("path") && (d.endsWith("Z") || d.endsWith("z"));
    }

    private static void descendants(XmlNode n, Set<XmlNode> out) {
        out.add(n);
        for (XmlNode c : n.children()) {
            descendants(c, out);
        }
    }

    private static void collectIcons(XmlNode n, List<XmlNode> out) {
        if (n.name().equals("image") && ShapeRecognizer.fromImageName(n.attr("href").orElse("")).isPresent()) {
            out.add(n);
            return;
        }
        if (n.name().equals("g") && ICON_ID.matcher(n.attrOr("id", "")).matches()) {
            out.add(n);
            return;
        }
        for (XmlNode c : n.children()) {
            collectIcons(c, out);
        }
    }

    private static void collect(XmlNode n, String name, List<XmlNode> out) {
        if (n.name().equals(name)) {
            out.add(n);
        }
        for (XmlNode c : n.children()) {
            collect(c, name, out);
        }
    }

    /** The text closest below or beside an icon, within {@code reach} icon sizes. */
    private String nearestText(Box icon, List<XmlNode> texts, double reach) {
        String best = "";
        double bestD = Math.max(icon.w(), icon.h()) * reach;
        for (XmlNode t : texts) {
            Box b = bounds(t);
            double d = icon.gap(b);
            if (d <= bestD && !allText(t).isBlank()) {
                bestD = d;
                best = allText(t);
            }
        }
        return best;
    }

    /** A group box's title: the text inside it nearest its top edge, or null. */
    private XmlNode titleText(Box box, List<XmlNode> texts) {
        XmlNode best = null;
        double bestD = 40;
        for (XmlNode t : texts) {
            Box b = bounds(t);
            if (box.containsPoint(b.cx(), b.cy()) && b.cy() - box.y() < bestD && !allText(t).isBlank()) {
                bestD = b.cy() - box.y();
                best = t;
            }
        }
        return best;
    }

    private double[][] ends(XmlNode l) {
        Element e = copies.get(l);
        GraphicsNode g = e == null ? null : ctx.getGraphicsNode(e);
        AffineTransform t = g == null || g.getGlobalTransform() == null ? new AffineTransform() : g.getGlobalTransform();
        double[] pts;
        try {
            switch (l.name()) {
                case "line" -> pts = new double[]{d(l, "x1"), d(l, "y1"), d(l, "x2"), d(l, "y2")};
                case "polyline" -> {
                    String[] nums = l.attrOr("points", "").trim().split("[\\s,]+");
                    if (nums.length < 4) {
                        return null;
                    }
                    pts = new double[]{Double.parseDouble(nums[0]), Double.parseDouble(nums[1]),
                            Double.parseDouble(nums[nums.length - 2]), Double.parseDouble(nums[nums.length - 1])};
                }
                default -> {
                    Matcher m = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?").matcher(l.attrOr("d", ""));
                    List<Double> nums = new ArrayList<>();
                    while (m.find() && nums.size() < 10_000) {
                        nums.add(Double.parseDouble(m.group()));
                    }
                    if (nums.size() < 4 || !l.attrOr("d", "").trim().startsWith("M")
                            || l.attrOr("d", "").matches(".*[a-z].*")) {
                        return null;
                    }
                    pts = new double[]{nums.get(0), nums.get(1), nums.get(nums.size() - 2), nums.get(nums.size() - 1)};
                }
            }
        } catch (NumberFormatException ex) {
            return null;
        }
        t.transform(pts, 0, pts, 0, 2);
        return new double[][]{{pts[0], pts[1]}, {pts[2], pts[3]}};
    }

    private static double d(XmlNode n, String attr) {
        return Double.parseDouble(n.attrOr(attr, "0").replaceAll("[a-z%]+$", ""));
    }

    // ---------------------------------------------------------------- shared

    private SourceLocation at(XmlNode n, String id) {
        return SourceLocation.at(file, n.line(), n.column()).withLogicalPath("page 1 / cell " + id);
    }

    private static Optional<String> title(XmlNode g) {
        return g.child("title").map(t -> Labels.plain(t.text(), false)).filter(s -> !s.isEmpty());
    }

    private static List<String> texts(XmlNode g) {
        List<XmlNode> ts = new ArrayList<>();
        collect(g, "text", ts);
        List<String> out = new ArrayList<>();
        for (XmlNode t : ts) {
            String s = allText(t);
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String allText(XmlNode t) {
        StringBuilder b = new StringBuilder(t.text());
        for (XmlNode c : t.children()) {
            if (c.name().equals("tspan")) {
                b.append(' ').append(c.text());
            }
        }
        return Labels.plain(b.toString(), false);
    }

    private Optional<String> firstImage(XmlNode n) {
        if (n.name().equals("image")) {
            return n.attr("href");
        }
        for (XmlNode c : n.children()) {
            Optional<String> i = firstImage(c);
            if (i.isPresent()) {
                return i;
            }
        }
        return Optional.empty();
    }

    /** Where an element is drawn, computed once (a text's layout is costly; captions are measured per icon). */
    private Box bounds(XmlNode n) {
        return boundsOf.computeIfAbsent(n, this::computeBounds);
    }

    /** Where an element ends up on the page, through every transform above it. */
    private Box computeBounds(XmlNode n) {
        Element e = copies.get(n);
        GraphicsNode g = e == null ? null : ctx.getGraphicsNode(e);
        if (g == null) {
            return new Box(0, 0, 0, 0);
        }
        // geometry bounds: an unpainted shape (an image turned into an unfilled rectangle) still has a place
        Rectangle2D b = g.getGeometryBounds();
        if (b == null) {
            b = g.getBounds();
        }
        AffineTransform t = g.getGlobalTransform();
        if (b == null) {
            return new Box(0, 0, 0, 0);
        }
        Rectangle2D r = t == null ? b : t.createTransformedShape(b).getBounds2D();
        return new Box(r.getX(), r.getY(), r.getWidth(), r.getHeight());
    }

    /** A copy of the document without scripts, handlers, external references; images become rectangles. */
    private SVGDocument sanitisedCopy(XmlNode root) {
        Document doc = SVGDOMImplementation.getDOMImplementation()
                .createDocument(SVGDOMImplementation.SVG_NAMESPACE_URI, "svg", null);
        Element svg = doc.getDocumentElement();
        copyAttributes(root, svg);
        copies.put(root, svg);
        for (XmlNode c : root.children()) {
            copy(c, svg, doc, 1);
        }
        return (SVGDocument) doc;
    }

    private void copy(XmlNode n, Element parent, Document doc, int depth) {
        String name = n.name();
        // Only the geometry elements make it into the copy: nothing that runs, loads or refers elsewhere
        // (script, handler, use, style, foreignObject, animation) and no name Batik cannot create.
        if (depth > limits.maxNestingDepth() || !GEOMETRY_ELEMENTS.contains(name)) {
            return;
        }
        Element e;
        if (name.equals("image")) {
            e = doc.createElementNS(SVGDOMImplementation.SVG_NAMESPACE_URI, "rect");
            for (String a : new String[]{"x", "y", "width", "height", "transform", "id"}) {
                n.attr(a).ifPresent(v -> e.setAttributeNS(null, a, v));
            }
            // SVG 2 lets an image size itself ("auto"); a rect needs both: an image without them is a point
            for (String a : new String[]{"width", "height"}) {
                if (n.attr(a).isEmpty() || n.attr(a).get().isBlank() || n.attr(a).get().trim().equals("auto")) {
                    e.setAttributeNS(null, a, "0");
                }
            }
            e.setAttributeNS(null, "fill", "none");
            n.attr("href").ifPresent(h -> imageRefs.put(n, h));
        } else {
            e = doc.createElementNS(SVGDOMImplementation.SVG_NAMESPACE_URI, name);
            copyAttributes(n, e);
            if (name.equals("text") || name.equals("tspan") || name.equals("title") || name.equals("desc")) {
                e.setTextContent(n.text());
            }
        }
        parent.appendChild(e);
        copies.put(n, e);
        for (XmlNode c : n.children()) {
            copy(c, e, doc, depth + 1);
        }
    }

    private static void copyAttributes(XmlNode n, Element e) {
        for (Map.Entry<String, String> a : n.attributes().entrySet()) {
            String k = a.getKey();
            String lower = k.toLowerCase(Locale.ROOT);
            if (lower.startsWith("on") || k.contains(":") || lower.equals("style") && a.getValue().contains("url(")
                    || k.equals("content") || a.getValue().contains("url(http") || a.getValue().contains("url(file")) {
                continue;
            }
            e.setAttributeNS(null, k, a.getValue());
        }
    }

    /** Refuses every external resource and script; a broken link is an empty picture, not an error. */
    private static final class RefusingUserAgent extends UserAgentAdapter {
        @Override
        public void checkLoadExternalResource(ParsedURL resourceURL, ParsedURL docURL) {
            throw new SecurityException("external resource refused: " + resourceURL);
        }

        @Override
        public void checkLoadScript(String scriptType, ParsedURL scriptURL, ParsedURL docURL) {
            throw new SecurityException("script refused");
        }

        @Override
        public org.w3c.dom.svg.SVGDocument getBrokenLinkDocument(Element e, String url, String message) {
            Document d = SVGDOMImplementation.getDOMImplementation()
                    .createDocument(SVGDOMImplementation.SVG_NAMESPACE_URI, "svg", null);
            return (SVGDocument) d;
        }

        @Override
        public void displayError(Exception ex) {
            // reported through the reader's findings when geometry cannot be built
        }

        @Override
        public void displayMessage(String message) {
        }

        @Override
        public boolean isXMLParserValidating() {
            return false;
        }
    }

    /**
     * The two ends of a Graphviz edge title ({@code a->b}, {@code a -- b}): what the expression
     * {@code ^\s*(.+?)\s*(?:->|--)\s*(.+?)\s*$} captured, in one pass; null when it does not match or could only
     * match with an end of blanks. The first end is the shortest that an arrow follows; neither end holds a line terminator. The expression retried every later
     * arrow, each time to the end of the title: 40,000 arrows in one title took 29 s.
     */
    static String[] edgeEnds(String title) {
        int n = title.length();
        int a = 0;
        while (a < n && TextScans.isSpace(title.charAt(a))) {
            a++;
        }
        int last = n - 1; // the last non-blank: the second end stops there
        while (last >= 0 && TextScans.isSpace(title.charAt(last))) {
            last--;
        }
        int lastBreak = -1; // the last line terminator at or before it
        for (int i = last; i >= 0 && lastBreak < 0; i--) {
            lastBreak = TextScans.isLineTerminator(title.charAt(i)) ? i : -1;
        }
        int firstEnd = a; // the first end is title[a, firstEnd): up to the last non-blank before the arrow
        boolean lineBroken = false; // a line terminator since the last non-blank
        for (int p = a + 1; p + 1 < n; p++) {
            char c = title.charAt(p - 1);
            if (!TextScans.isSpace(c)) {
                if (lineBroken || TextScans.isLineTerminator(c)) {
                    return null; // this and every later first end would hold a line terminator
                }
                firstEnd = p;
            } else if (TextScans.isLineTerminator(c)) {
                lineBroken = true;
            }
            if (title.charAt(p) != '-' || (title.charAt(p + 1) != '>' && title.charAt(p + 1) != '-')) {
                continue;
            }
            int b = p + 2;
            while (b < n && TextScans.isSpace(title.charAt(b))) {
                b++;
            }
            if (firstEnd > a && b <= last && b > lastBreak) {
                return new String[] {title.substring(a, firstEnd), title.substring(b, last + 1)};
            }
        }
        return null;
    }

}
