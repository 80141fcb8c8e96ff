package io.atolint.parse.diagram;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a person sees as "this icon takes part" even where no connector is snapped to it both ways:
 * <ul>
 *   <li>a line ends at it (its other end is loose, or at a shape with no AWS meaning: a brace, a list of
 *       routes), or a loose end stops short of it, pointing at it (templates draw arrows floating between
 *       icons, 30-45 units from them);</li>
 *   <li>a line runs past it, the icon with its caption sitting on the line (a Direct Connect or VPN icon
 *       drawn over the link it names);</li>
 *   <li>it is drawn on or at a brace or bracket, or beside it within the brace's span (what the brace
 *       spans goes to it, or it groups them);</li>
 *   <li>it sits on the border of a box (a transit gateway attachment between a VPC and the gateway, an
 *       internet gateway on the VPC's edge): what it joins is drawn by where it is.</li>
 * </ul>
 * Only the "is it connected" reading uses these marks ({@code DIAG001}); they add no relation.
 */
final class LineMarks {
    /** How far from an icon (its caption included) a line may pass and still be drawn on it. */
    private static final double ON_LINE = 20;
    /** How far from an icon a loose line end may stop and still end at it. */
    private static final double AT_END = 25;
    /** How far a loose end, continued in the line's direction, may run before it meets the icon it points at. */
    private static final double POINTED_AT = 60;
    /** How far beside a brace, within its span, an icon may sit and be one of what it groups. */
    private static final double BESIDE_BRACE = 60;
    /** How far outside a box's edge an icon may stop and still sit on the border. */
    private static final double ON_BORDER = 4;
    /** Room below an icon for its caption. */
    private static final double CAPTION = 16;
    /**
     * How much further a line pointing into an icon's caption room may run to meet an icon itself, which it
     * points at rather than the caption (an icon drawn just under another one).
     */
    private static final double CAPTION_LEAD = 8;
    /** Samples along one segment at most: every 4 units of a line 40,000 units long. */
    private static final int MAX_SAMPLES = 10_000;

    private LineMarks() {
    }

    static void mark(Map<String, PageNode> nodes, List<DrawnPage.Link> links, PageScale scale) {
        List<PageNode> icons = new ArrayList<>();
        List<PageNode> braces = new ArrayList<>();
        for (PageNode n : nodes.values()) {
            if (n.isIconLike()) {
                icons.add(n);
            } else if (isBrace(n)) {
                braces.add(n);
            }
        }
        for (DrawnPage.Link l : links) {
            List<double[]> line = polyline(l, nodes);
            if (line.size() >= 2) {
                if (l.sourceId() == null && l.sourcePoint() != null) {
                    markPointedAt(icons, line.get(0), line.get(1), scale);
                }
                if (l.targetId() == null && l.targetPoint() != null) {
                    markPointedAt(icons, line.get(line.size() - 1), line.get(line.size() - 2), scale);
                }
            }
            for (PageNode i : icons) {
                if (i.lineMark != null) {
                    continue;
                }
                if (i.id().equals(l.sourceId()) || i.id().equals(l.targetId())) {
                    i.lineMark = "a line ends at it";
                } else if ((l.sourceId() == null && l.sourcePoint() != null && near(i.box(), l.sourcePoint(), scale.of(AT_END)))
                        || (l.targetId() == null && l.targetPoint() != null && near(i.box(), l.targetPoint(), scale.of(AT_END)))) {
                    i.lineMark = "a line ends at it";
                } else if (passes(captioned(i.box(), scale), line, scale)) {
                    i.lineMark = "drawn on a line";
                }
            }
        }
        for (PageNode i : icons) {
            for (PageNode b : braces) {
                if (i.lineMark == null && (b.box().gap(i.box()) <= scale.of(ON_LINE) || besideWithinSpan(b.box(), i.box(), scale))) {
                    i.lineMark = "drawn at a brace";
                }
            }
        }
        for (PageNode c : nodes.values()) {
            if (!c.container) {
                continue;
            }
            for (PageNode i : icons) {
                if (i.lineMark == null && i != c && onBorder(c.box(), i.box(), scale)) {
                    i.lineMark = "drawn on the border of a box";
                }
            }
        }
    }

    /** How far a box lies from a line as drawn (its ends at the shapes' centres or its loose points). */
    static double distance(Box b, DrawnPage.Link l, Map<String, PageNode> nodes) {
        List<double[]> line = polyline(l, nodes);
        double best = Double.MAX_VALUE;
        double[] prev = null;
        for (double[] p : line) {
            if (prev != null) {
                best = Math.min(best, segmentDistance(b, prev, p));
            }
            prev = p;
        }
        return best;
    }

    /** Marks the icon a loose end points at within {@link #POINTED_AT} ({@link #pointedAt}). */
    private static void markPointedAt(List<PageNode> icons, double[] end, double[] before, PageScale scale) {
        PageNode i = pointedAt(icons, end, before, scale.of(POINTED_AT), scale);
        if (i != null && i.lineMark == null) {
            i.lineMark = "a line ends at it";
        }
    }

    /**
     * The first of {@code shapes} that a loose end, continued the way the line runs at that end (from
     * {@code before} to {@code end}), meets within {@code reach}, caption included: the icon an arrow floating
     * short of it points at (or starts from); null when it meets none. An icon met within {@link #CAPTION_LEAD}
     * after the caption room of another is the one pointed at: the room under an icon often holds the next one.
     */
    static PageNode pointedAt(Collection<PageNode> shapes, double[] end, double[] before, double reach,
                              PageScale scale) {
        double dx = end[0] - before[0];
        double dy = end[1] - before[1];
        double len = Math.hypot(dx, dy);
        if (!(len > 0) || Double.isInfinite(len)) {
            return null;
        }
        dx /= len;
        dy /= len;
        PageNode caption = null;
        double captionAt = 0;
        for (int t = 0; t <= reach; t += 2) {
            double x = end[0] + t * dx;
            double y = end[1] + t * dy;
            for (PageNode i : shapes) {
                if (i.box().distance(x, y) == 0) {
                    return i;
                }
            }
            if (caption != null && t > captionAt + scale.of(CAPTION_LEAD)) {
                return caption;
            }
            for (PageNode i : shapes) {
                if (caption == null && captioned(i.box(), scale).distance(x, y) == 0) {
                    caption = i;
                    captionAt = t;
                }
            }
        }
        return caption;
    }

    /** An icon across a box's edge, or touching it from outside: neither inside the box nor apart from it. */
    private static boolean onBorder(Box box, Box icon, PageScale scale) {
        double onBorder = scale.of(ON_BORDER);
        boolean inside = icon.x() >= box.x() + onBorder && icon.x() + icon.w() <= box.x() + box.w() - onBorder
                && icon.y() >= box.y() + onBorder && icon.y() + icon.h() <= box.y() + box.h() - onBorder;
        return !inside && box.gap(icon) <= onBorder && !icon.holds(box);
    }

    /** An icon beside a brace, its centre within the brace's length: one of what the brace groups. */
    private static boolean besideWithinSpan(Box brace, Box icon, PageScale scale) {
        double beside = scale.of(BESIDE_BRACE);
        if (brace.h() >= brace.w()) {
            return icon.cy() >= brace.y() && icon.cy() <= brace.y() + brace.h() && brace.gap(icon) <= beside;
        }
        return icon.cx() >= brace.x() && icon.cx() <= brace.x() + brace.w() && brace.gap(icon) <= beside;
    }

    private static boolean isBrace(PageNode n) {
        String s = n.shape.shapeName().toLowerCase(java.util.Locale.ROOT) + " " + n.shape.style().shape().toLowerCase(java.util.Locale.ROOT);
        return s.contains("curlybrace") || s.contains("bracket") || s.contains("mxgraph.basic.brace");
    }

    private static Box captioned(Box b, PageScale scale) {
        return new Box(b.x(), b.y(), b.w(), b.h() + scale.of(CAPTION));
    }

    /** The line as drawn: from its source (the shape's centre or the loose point) through its waypoints. */
    static List<double[]> polyline(DrawnPage.Link l, Map<String, PageNode> nodes) {
        List<double[]> out = new ArrayList<>();
        double[] s = end(l.sourceId(), l.sourcePoint(), nodes);
        double[] t = end(l.targetId(), l.targetPoint(), nodes);
        if (s != null) {
            out.add(s);
        }
        out.addAll(l.points());
        if (t != null) {
            out.add(t);
        }
        return out;
    }

    private static double[] end(String id, double[] point, Map<String, PageNode> nodes) {
        PageNode n = id == null ? null : nodes.get(id);
        if (n != null) {
            return new double[]{n.box().cx(), n.box().cy()};
        }
        return point;
    }

    private static boolean near(Box b, double[] p, double within) {
        return b.distance(p[0], p[1]) <= within;
    }

    private static boolean passes(Box b, Collection<double[]> line, PageScale scale) {
        double[] prev = null;
        for (double[] p : line) {
            if (prev != null && segmentDistance(b, prev, p) <= scale.of(ON_LINE)) {
                return true;
            }
            prev = p;
        }
        return false;
    }

    /**
     * Distance from a box to a segment, sampled along the segment (boxes are small, lines straight). The
     * samples are bounded: a hostile file's coordinates (a transform that scales by 0, then inverted) make
     * segments of any length, an infinite one included, which sampled every 4 units never ended.
     */
    private static double segmentDistance(Box b, double[] a, double[] c) {
        double len = Math.hypot(c[0] - a[0], c[1] - a[1]);
        int steps = (int) Math.min(MAX_SAMPLES, Math.max(1, Math.ceil(len / 4)));
        double best = Double.MAX_VALUE;
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            best = Math.min(best, b.distance(a[0] + t * (c[0] - a[0]), a[1] + t * (c[1] - a[1])));
        }
        return best;
    }
}
