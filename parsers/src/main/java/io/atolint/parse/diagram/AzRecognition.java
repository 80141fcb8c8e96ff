package io.atolint.parse.diagram;

import io.atolint.model.Az;
import io.atolint.model.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Availability Zones in the ways people draw them: {@code group_availability_zone} shapes, boxes labelled
 * "Availability Zone 1" / "AZ a" / "Availability Zone - (Region)a" / "us-east-1a", a free "AZ1" text in
 * or beside an unlabelled band, a free "Availability-zone-1" text heading a column of subnets, and boxes
 * labelled only "Availability Zone". Each distinct AZ name is one symbol of the page's family (two boxes
 * named alike are one AZ); an unnumbered box is an AZ of its own, provably distinct from the other
 * unnumbered boxes of its VPC but not from those of another VPC.
 */
final class AzRecognition {
    private final Map<String, PageNode> nodes;
    private final String family;
    private final Map<String, Az> azOfBox = new HashMap<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<PageNode, String> nameText = new HashMap<>();
    private final List<PageNode> boxes = new ArrayList<>();
    private final Map<String, String> shownAs = new HashMap<>();
    private int unnumbered;

    AzRecognition(Map<String, PageNode> nodes, String family) {
        this.nodes = nodes;
        this.family = family;
    }

    /** Recognises AZ boxes; may add synthetic column nodes to {@code nodes} (containment must be recomputed). */
    void recognise() {
        for (PageNode n : nodes.values()) {
            if (n.kind == Kind.AVAILABILITY_ZONE) {
                String label = n.label();
                n.azHow = label.isEmpty() ? "AZ shape " + n.rec.rawType() + " (unlabelled)"
                        : (n.rec.drawnAs() == ShapeRecognizer.DrawnAs.GROUP && n.rec.rawType().contains("availability_zone")
                        ? "AZ shape labelled '" + label + "'"
                        : "box labelled '" + label + "'" + (n.shape.style().dashed() ? " (dashed)" : ""));
                boxes.add(n);
            } else if (!n.isText() && !n.isIconLike() && !n.rec.isKnown() && !n.isTablePart()
                    && AzLabels.whole(n.label()).isPresent() && n.box().w() >= 40 && n.box().h() >= 30) {
                n.becomeGroup(Kind.AVAILABILITY_ZONE);
                n.azHow = "box labelled '" + n.label() + "'" + (n.shape.style().dashed() ? " (dashed)" : "");
                boxes.add(n);
            }
        }
        List<PageNode> columns = new ArrayList<>();
        for (PageNode t : new ArrayList<>(nodes.values())) {
            if (!t.isText() || t.usedAsLabel || AzLabels.whole(t.label()).isEmpty()) {
                continue;
            }
            PageNode band = bandFor(t);
            if (band != null && band.kind != Kind.AVAILABILITY_ZONE) {
                band.becomeGroup(Kind.AVAILABILITY_ZONE);
                band.azHow = "free text '" + t.label() + "' beside an unlabelled band";
                band.container = true;
                nameText.put(band, t.label());
                boxes.add(band);
            } else if (band == null) {
                PageNode column = columnUnder(t, columns);
                if (column != null) {
                    columns.add(column);
                    nameText.put(column, t.label());
                    boxes.add(column);
                }
            }
        }
        for (PageNode c : columns) {
            nodes.put(c.id(), c);
        }
    }

    /** Assigns each AZ box its AZ, once containment (and so each box's VPC) is known. */
    void assign() {
        for (PageNode b : boxes) {
            String label = nameText.getOrDefault(b, b.label());
            Optional<AzLabels.AzName> name = AzLabels.whole(label);
            Az az;
            if (name.isPresent() && !name.get().unnumbered()) {
                az = azFor(name.get(), label, b.azHow);
            } else {
                PageNode vpc = vpcOf(b);
                unnumbered++;
                String shown = (label.isEmpty() ? "unlabelled AZ box" : label) + " #" + unnumbered
                        + (vpc == null || vpc.label().isEmpty() ? "" : " of " + vpc.label());
                az = symbol(vpc == null ? family : family + " " + vpc.id(), "box:" + b.id(), shown, b.azHow);
            }
            azOfBox.put(b.id(), az);
        }
    }

    Az azOf(PageNode box) {
        return azOfBox.get(box.id());
    }

    boolean isAzBox(PageNode n) {
        return n.kind == Kind.AVAILABILITY_ZONE && azOfBox.containsKey(n.id());
    }

    List<PageNode> boxes() {
        List<PageNode> out = new ArrayList<>();
        for (PageNode b : boxes) {
            if (azOfBox.containsKey(b.id())) {
                out.add(b);
            }
        }
        return out;
    }

    /** The AZ a name gives (numbered names and zone names are shared by the whole page). */
    Az azFor(AzLabels.AzName name, String label, String how) {
        if (name.literal()) {
            return Az.literal(name.token(), how);
        }
        return symbol(family, name.key(), label, how);
    }

    private Az symbol(String fam, String key, String shown, String how) {
        String k = fam + "\u0000" + key;
        Integer idx = index.get(k);
        if (idx == null) {
            idx = (int) index.keySet().stream().filter(x -> x.startsWith(fam + "\u0000")).count();
            index.put(k, idx);
            shownAs.put(k, shown);
        }
        return Az.drawn(shownAs.get(k), fam, idx, how);
    }

    static PageNode vpcOf(PageNode n) {
        for (int i = n.containers.size() - 1; i >= 0; i--) {
            if (n.containers.get(i).kind == Kind.VPC) {
                return n.containers.get(i);
            }
        }
        return null;
    }

    /** The unlabelled band a free "AZ1" text names: the smallest one holding it, else the nearest one beside it. */
    private PageNode bandFor(PageNode text) {
        PageNode best = null;
        double bestScore = Double.MAX_VALUE;
        for (PageNode n : nodes.values()) {
            if (n == text || n.isText() || n.isIconLike() || n.isTablePart() || !n.label().isEmpty()
                    || (n.rec.isKnown() && n.kind != Kind.DIAGRAM_GROUP)
                    || n.box().area() < 4 * Math.max(1, text.box().area()) || n.box().w() < 40 || n.box().h() < 30) {
                continue;
            }
            double score;
            if (n.box().containsPoint(text.box().cx(), text.box().cy())) {
                score = n.box().area() / 1e9;
            } else {
                double gap = n.box().gap(text.box());
                if (gap > 40) {
                    continue;
                }
                score = 1 + gap;
            }
            if (score < bestScore) {
                bestScore = score;
                best = n;
            }
        }
        return best;
    }

    /**
     * A free AZ text with no band heads a column: the subnets (or other groups) right below it, and what
     * lies in their width down to the last of them. The column is a box no shape draws.
     */
    private PageNode columnUnder(PageNode text, List<PageNode> taken) {
        Box t = text.box();
        PageNode first = null;
        double firstGap = Double.MAX_VALUE;
        for (PageNode n : nodes.values()) {
            if (!n.container || n.kind == Kind.AVAILABILITY_ZONE || n.kind == Kind.VPC || n.kind == Kind.REGION
                    || n.kind == Kind.AWS_CLOUD || n.kind == Kind.ACCOUNT) {
                continue;
            }
            Box b = n.box();
            double gap = b.y() - (t.y() + t.h());
            boolean under = t.cx() >= b.x() - 20 && t.cx() <= b.x() + b.w() + 20;
            if (under && gap >= -t.h() && gap <= 80 && gap < firstGap && b.w() <= 8 * Math.max(40, t.w())) {
                first = n;
                firstGap = gap;
            }
        }
        if (first == null) {
            return null;
        }
        Box f = first.box();
        double bottom = f.y() + f.h();
        for (PageNode n : nodes.values()) {
            Box b = n.box();
            if (n.container && b.y() >= f.y() && Math.abs(b.cx() - f.cx()) <= f.w() / 2 && b.w() <= 1.5 * f.w()) {
                bottom = Math.max(bottom, b.y() + b.h());
            }
        }
        Box column = new Box(f.x() - 2, Math.min(t.y(), f.y()), f.w() + 4, bottom - Math.min(t.y(), f.y()) + 2);
        for (PageNode c : taken) {
            if (c.box().overlap(column) > 0.5 * column.area()) {
                return null;
            }
        }
        DrawnPage.Shape s = new DrawnPage.Shape("az-column:" + text.id(), null, text.shape.label(), Style.EMPTY,
                "az-column", column, text.shape.at(), Map.of());
        PageNode col = new PageNode(s, new ShapeRecognizer.Recognition("az-column", Kind.AVAILABILITY_ZONE, "",
                ShapeRecognizer.DrawnAs.GROUP, "other"), true);
        col.container = true;
        col.azHow = "free text '" + text.label() + "' heading a column";
        return col;
    }
}
