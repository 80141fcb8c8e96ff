package io.atolint.report.html;

import io.atolint.report.html.ArchitectureLayout.Geometry;
import io.atolint.report.html.ArchitectureLayout.PlacedBox;
import io.atolint.report.html.ArchitectureLayout.PlacedEdge;
import io.atolint.report.html.ArchitectureLayout.PlacedNode;
import io.atolint.report.html.ArchitectureLayout.Rect;
import io.atolint.report.html.ArchitectureView.Mark;

import java.util.List;
import java.util.Locale;

/**
 * Draws a laid-out architecture as inline SVG: boxes outermost first, then edges, then resources on
 * top. Plain shapes and text only (no images, fonts or scripts), a {@code <title>} on every resource
 * for its details and findings.
 */
public final class ArchitectureSvg {
    /** A name in the box's bold type, and a longer one in a smaller type, cut from the left (ShortLabels). */
    private static final int NAME_CHARS = 22;
    private static final int LONG_NAME_CHARS = 28;
    private static final int DETAIL_CHARS = 30;
    static final int EDGE_LABEL_CHARS = 18;

    private ArchitectureSvg() {
    }

    public static String render(Geometry g) {
        StringBuilder b = new StringBuilder();
        double w = Math.ceil(g.width());
        double h = Math.ceil(g.height());
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"architecture\" role=\"img\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" viewBox=\"0 0 ").append(n(w)).append(' ').append(n(h))
                .append("\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\">\n");
        b.append("<title>Architecture as atolint resolved it</title>\n");
        defs(b);
        for (PlacedBox pb : g.boxes()) {
            box(b, pb);
        }
        b.append("<g class=\"edges\">\n");
        for (PlacedEdge e : g.edges()) {
            edge(b, e);
        }
        b.append("</g>\n<g class=\"resources\">\n");
        java.util.Map<String, String> names = ShortLabels.distinct(
                g.nodes().stream().map(pn -> pn.node().name()).filter(nm -> nm.length() > NAME_CHARS).toList(), LONG_NAME_CHARS);
        for (PlacedNode pn : g.nodes()) {
            node(b, pn, names);
        }
        b.append("</g>\n</svg>\n");
        return b.toString();
    }

    private static void defs(StringBuilder b) {
        b.append("<defs>\n");
        for (String[] m : new String[][]{{"traffic", "#232f3e"}, {"uses", "#6b6b6b"}, {"ingress", "#1d8102"},
            {"outside", "#8c4fff"}}) {
            b.append("<marker id=\"arrow-").append(m[0]).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                    .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
                    .append(m[1]).append("\"/></marker>\n");
        }
        b.append("</defs>\n");
    }

    private static void box(StringBuilder b, PlacedBox pb) {
        ArchitectureView.Box box = pb.box();
        Rect r = pb.rect();
        String fill;
        String stroke;
        String dash = "";
        double width = 1.2;
        switch (box.kind()) {
            case OUTSIDE -> {
                fill = "#f5f5f5";
                stroke = "#7d8998";
            }
            case GLOBAL -> {
                fill = "#faf6ff";
                stroke = "#8c4fff";
            }
            case REGION -> {
                fill = "#fcfdff";
                stroke = "#147eba";
                dash = "7 4";
            }
            case VPC -> {
                fill = "#fbf9ff";
                stroke = "#8c4fff";
                width = 1.6;
            }
            case AZ -> {
                fill = "none";
                stroke = "#147eba";
                dash = "4 3";
            }
            case SUBNET -> {
                fill = box.publicSubnet() ? "#f2f6e8" : "#e6f6f7";
                stroke = box.publicSubnet() ? "#7aa116" : "#00a4a6";
            }
            case LOOSE -> {
                fill = "none";
                stroke = "#c5ccd3";
                dash = "1 3";
                width = 1;
            }
            default -> {
                fill = "#f1f1f1";
                stroke = "#999999";
                dash = "2 3";
                width = 1.6;
            }
        }
        b.append("<g class=\"box box-").append(box.kind().name().toLowerCase(Locale.ROOT)).append("\" data-id=\"")
                .append(x(box.id())).append("\">");
        b.append("<rect x=\"").append(n(r.x())).append("\" y=\"").append(n(r.y())).append("\" width=\"").append(n(r.w()))
                .append("\" height=\"").append(n(r.h())).append("\" rx=\"4\" fill=\"").append(fill).append("\" stroke=\"")
                .append(stroke).append("\" stroke-width=\"").append(width).append('"')
                .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>");
        String color = box.kind() == ArchitectureView.BoxKind.UNPLACED ? "#555555"
                : box.kind() == ArchitectureView.BoxKind.LOOSE ? "#7d8998" : stroke;
        b.append("<text x=\"").append(n(r.x() + 10)).append("\" y=\"").append(n(r.y() + 15)).append("\" font-size=\"12.5\" ")
                .append("font-weight=\"600\" fill=\"").append(color).append("\">").append(x(ShortLabels.label(box.label(), (int) ((r.w() - 16) / 8.0))))
                .append("</text>");
        if (!box.detail().isEmpty()) {
            b.append("<text x=\"").append(n(r.x() + 10)).append("\" y=\"").append(n(r.y() + 28)).append("\" font-size=\"10.5\" ")
                    .append("fill=\"#555555\">").append(x(fit(box.detail(), (int) ((r.w() - 16) / 6.4)))).append("</text>");
        }
        b.append("<title>").append(x(box.label() + (box.detail().isEmpty() ? "" : "\n" + box.detail()))).append("</title>");
        b.append("</g>\n");
    }

    private static void edge(StringBuilder b, PlacedEdge pe) {
        List<double[]> pts = pe.points();
        if (pts.size() < 2) {
            return;
        }
        String kind = pe.edge().kind().name().toLowerCase(Locale.ROOT);
        String stroke = switch (pe.edge().kind()) {
            case TRAFFIC -> "#232f3e";
            case USES -> "#6b6b6b";
            case INGRESS -> "#1d8102";
            case OUTSIDE -> "#8c4fff";
        };
        b.append("<g class=\"edge edge-").append(kind).append("\"><polyline fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(pe.edge().kind() == ArchitectureView.EdgeKind.USES ? "1.2" : "1.6").append('"')
                .append(pe.edge().kind() == ArchitectureView.EdgeKind.USES ? " stroke-dasharray=\"5 4\"" : "")
                .append(" marker-end=\"url(#arrow-").append(kind).append(")\" points=\"");
        for (int i = 0; i < pts.size(); i++) {
            b.append(i == 0 ? "" : " ").append(n(pts.get(i)[0])).append(',').append(n(pts.get(i)[1]));
        }
        b.append("\"/>");
        String label = pe.edge().label();
        if (label != null && !label.isBlank() && pe.label() != null) {
            Rect l = pe.label();
            b.append("<text x=\"").append(n(l.x() + l.w() / 2)).append("\" y=\"").append(n(l.y() + 10)).append("\" font-size=\"10\" ")
                    .append("text-anchor=\"middle\" fill=\"").append(stroke).append("\" stroke=\"#ffffff\" stroke-width=\"3\" ")
                    .append("paint-order=\"stroke\">").append(x(fit(label, EDGE_LABEL_CHARS))).append("</text>");
        }
        b.append("<title>").append(x(pe.edge().kind().name().toLowerCase(Locale.ROOT) + ": " + pe.edge().from() + " -> "
                + pe.edge().to() + (label == null ? "" : " (" + label + ")"))).append("</title></g>\n");
    }

    private static void node(StringBuilder b, PlacedNode pn, java.util.Map<String, String> names) {
        ArchitectureView.Node node = pn.node();
        Rect r = pn.rect();
        String family = switch (node.family()) {
            case NETWORK, LOAD_BALANCING -> "#8c4fff";
            case COMPUTE -> "#ed7100";
            case DATA -> "#3b48cc";
            case EDGE -> "#e7157b";
            case OUTSIDE -> "#232f3e";
            case OTHER -> "#7d8998";
        };
        boolean unplaced = node.detail().equals("AZ UNKNOWN");
        String stroke = switch (node.mark()) {
            case FAILING, SPOF -> "#d13212";
            case NOTE -> "#b7791f";
            case NONE -> "#aab7b8";
        };
        double sw = node.mark() == Mark.SPOF ? 3.2 : node.mark() == Mark.FAILING ? 2.4 : 1.2;
        b.append("<g class=\"resource mark-").append(node.mark().name().toLowerCase(Locale.ROOT)).append("\" data-id=\"")
                .append(x(node.id())).append("\">");
        b.append("<rect x=\"").append(n(r.x())).append("\" y=\"").append(n(r.y())).append("\" width=\"").append(n(r.w()))
                .append("\" height=\"").append(n(r.h())).append("\" rx=\"6\" fill=\"").append(node.mark() == Mark.NONE ? "#ffffff" : "#fff8f6")
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(sw).append('"')
                .append(unplaced || node.mark() == Mark.SPOF ? " stroke-dasharray=\"" + (unplaced ? "3 3" : "8 3") + "\"" : "")
                .append("/>");
        b.append("<rect x=\"").append(n(r.x() + 1.5)).append("\" y=\"").append(n(r.y() + 1.5)).append("\" width=\"5\" height=\"")
                .append(n(r.h() - 3)).append("\" rx=\"2\" fill=\"").append(family).append("\"/>");
        double tx = r.x() + 13;
        b.append("<text x=\"").append(n(tx)).append("\" y=\"").append(n(r.y() + 15)).append("\" font-size=\"10.5\" fill=\"")
                .append(family).append("\">").append(x(fit(node.kindLabel(), 26))).append("</text>");
        boolean longName = node.name().length() > NAME_CHARS;
        b.append("<text x=\"").append(n(tx)).append("\" y=\"").append(n(r.y() + 31)).append("\" font-size=\"")
                .append(longName ? "10.5" : "12.5").append("\" font-weight=\"600\" ").append("fill=\"#16191f\">")
                .append(x(longName ? names.get(node.name()) : node.name())).append("</text>");
        if (!node.detail().isEmpty()) {
            b.append("<text x=\"").append(n(tx)).append("\" y=\"").append(n(r.y() + 46)).append("\" font-size=\"10\" fill=\"")
                    .append(unplaced ? "#8a1c0c" : "#545b64").append("\">").append(x(fit(node.detail(), DETAIL_CHARS)))
                    .append("</text>");
        }
        if (node.mark() != Mark.NONE) {
            String badge = switch (node.mark()) {
                case SPOF -> node.spof().isEmpty() ? "SPOF" : "SPOF: " + node.spof();
                case FAILING -> Integer.toString(node.problems().size());
                default -> "?";
            };
            double bw = Math.max(18, badge.length() * 6.6 + 8);
            double bx = r.x() + r.w() - bw + 6;
            double by = r.y() - 11;
            b.append("<rect x=\"").append(n(bx)).append("\" y=\"").append(n(by)).append("\" width=\"").append(n(bw))
                    .append("\" height=\"16\" rx=\"8\" fill=\"").append(node.mark() == Mark.NOTE ? "#b7791f" : "#d13212").append("\"/>");
            b.append("<text x=\"").append(n(bx + bw / 2)).append("\" y=\"").append(n(by + 12)).append("\" font-size=\"10.5\" ")
                    .append("font-weight=\"700\" text-anchor=\"middle\" fill=\"#ffffff\">").append(x(badge)).append("</text>");
        }
        b.append("<title>").append(x(node.tooltip())).append("</title></g>\n");
    }

    /** Cuts a label to {@code max} characters with an ellipsis; the title keeps the whole text. */
    static String fit(String s, int max) {
        if (s == null) {
            return "";
        }
        if (max < 2) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** XML escaping for text and attribute values. */
    static String x(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF))) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
