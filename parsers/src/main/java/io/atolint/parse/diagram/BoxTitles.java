package io.atolint.parse.diagram;

import io.atolint.model.Kind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How people title a box they draw by hand: a text on or just above its top edge ("Public Subnet" over
 * a plain rectangle, "On-Premises Office" in its top-left corner), and an icon in its top corner (a VPC
 * icon and the text "AWS VPC" beside it; a Lambda icon at the corner of a box holding the functions; an
 * ECS icon at the corner of the box of a service's tasks). The title names the box, and an icon of a
 * group or of a service that spans what it holds makes the box that group or service: the icon is then
 * the box's sign, not a second service of its own.
 *
 * <p>Each text and icon titles at most one box, and each box takes at most one: a text goes to the
 * innermost box it can title (nested boxes share top edges), a box takes the text nearest its top-left
 * corner, an icon goes to the box whose corner it is nearest.
 */
final class BoxTitles {
    /** How far above the top edge a title may end, and how far below it a title may start. */
    private static final double ABOVE = 16;
    private static final double BELOW = 30;
    /** How far from a top corner an icon may sit and still be the box's sign. */
    private static final double CORNER = 16;
    /** Icons of services that span what they hold: drawn at a box's corner, the box is that service. */
    static final Set<Kind> SERVICE_GROUPS = EnumSet.of(Kind.LAMBDA_FUNCTION, Kind.ECS_SERVICE, Kind.ECS_CLUSTER,
            Kind.EKS_CLUSTER, Kind.EKS_NODE_GROUP, Kind.AUTOSCALING_GROUP, Kind.BEANSTALK_ENVIRONMENT,
            Kind.BATCH_COMPUTE_ENVIRONMENT, Kind.EMR_CLUSTER);

    private static final Pattern CLUSTER = Pattern.compile("(?i)\\bcluster\\b|クラスター");

    private BoxTitles() {
    }

    private record Pair(PageNode box, PageNode title, double score) {
    }

    /** Gives unlabelled boxes the text drawn on their top edge; returns the texts so taken. */
    static Set<PageNode> texts(Collection<PageNode> nodes, List<PageNode> texts, PageScale scale) {
        List<Pair> pairs = new ArrayList<>();
        for (PageNode b : nodes) {
            if (b.titled || !titleable(b)) {
                continue;
            }
            Box box = b.box();
            for (PageNode t : texts) {
                Box tb = t.box();
                boolean vertical = tb.y() + tb.h() >= box.y() - scale.of(ABOVE) && tb.y() <= box.y() + scale.of(BELOW)
                        && tb.cy() <= box.y() + scale.of(BELOW + 15);
                boolean left = tb.x() >= box.x() - scale.of(20) && tb.x() <= box.x() + 0.4 * box.w();
                boolean centred = Math.abs(tb.cx() - box.cx()) <= 0.15 * box.w();
                boolean fits = tb.x() + tb.w() <= box.x() + box.w() + scale.of(20) && tb.area() <= box.area() / 3;
                if (vertical && (left || centred) && fits) {
                    pairs.add(new Pair(b, t, Math.abs(tb.y() - box.y()) + 0.1 * Math.abs(tb.x() - box.x())));
                }
            }
        }
        Set<PageNode> taken = new HashSet<>();
        Set<PageNode> titled = new HashSet<>();
        // the innermost box first: a title on the shared top edge of nested boxes names the inner one
        pairs.sort(Comparator.comparingDouble((Pair p) -> p.box.box().area()).thenComparingDouble(Pair::score));
        for (Pair p : pairs) {
            if (taken.contains(p.title) || titled.contains(p.box)) {
                continue;
            }
            taken.add(p.title);
            titled.add(p.box);
            p.box.adopted = p.title.label();
            p.box.titled = true;
        }
        return taken;
    }

    /**
     * Boxes whose sign is an icon at a top corner: a group icon (AWS Cloud, VPC, on-premises, subnet...)
     * makes the box that group, a spanning service's icon makes it that service when it holds other
     * icons; either way the icon is absorbed into the box. Any other icon at a corner only names an
     * unlabelled box.
     */
    static void icons(Collection<PageNode> nodes, PageScale scale) {
        List<Pair> pairs = new ArrayList<>();
        for (PageNode b : nodes) {
            // a box its label already makes a group (a rectangle "VPC 10.0.0.0/16") may carry that group's icon
            // at its corner too, as the 2017 palette draws every group: the icon is that box, not another VPC
            Kind named = b.rec.isKnown() || b.isIconLike() || b.isText() || b.ownLabel().isEmpty()
                    ? Kind.UNKNOWN : Containment.kindOfLabel(b.ownLabel());
            boolean namedGroup = named != Kind.DIAGRAM_GROUP && Containment.GROUP_KINDS.contains(named);
            // a box titled with a name of its own ("Orders service") and a spanning service's icon at its corner
            // (ECS, EKS, an Auto Scaling group) is that service, as an unlabelled one is
            boolean titledBox = named == Kind.DIAGRAM_GROUP && !titleable(b) && roomy(b)
                    && b.rec.drawnAs() != ShapeRecognizer.DrawnAs.GROUP;
            // a box its label already makes a spanning service ("ECS service", "Amazon EKS") may carry that
            // service's icon at its corner: the icon is the box's sign, not a second service beside its members
            boolean namedService = SERVICE_GROUPS.contains(b.kind) && roomy(b)
                    && b.rec.drawnAs() != ShapeRecognizer.DrawnAs.GROUP;
            if (!namedGroup && !titledBox && !namedService
                    && (!titleable(b) || b.rec.drawnAs() == ShapeRecognizer.DrawnAs.GROUP)) {
                continue;
            }
            Box box = b.box();
            for (PageNode i : nodes) {
                if (i == b || !i.isIconLike() || i.absorbedInto != null || i.box().area() * 4 > box.area()
                        || (namedGroup && i.kind != named) || (titledBox && !SERVICE_GROUPS.contains(i.kind))
                        || (namedService && !signs(i.kind, b.kind))) {
                    continue;
                }
                Box ib = i.box();
                double top = Math.abs(ib.y() - box.y());
                double leftCorner = Math.hypot(ib.x() - box.x(), top);
                double rightCorner = Math.hypot(ib.x() + ib.w() - (box.x() + box.w()), top);
                double d = Math.min(leftCorner, rightCorner);
                if (d <= scale.of(CORNER) * Math.sqrt(2)) {
                    pairs.add(new Pair(b, i, d));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score));
        Set<PageNode> used = new HashSet<>();
        Set<PageNode> signed = new HashSet<>();
        for (Pair p : pairs) {
            if (used.contains(p.title) || signed.contains(p.box)) {
                continue;
            }
            used.add(p.title);
            signed.add(p.box);
            PageNode icon = p.title;
            PageNode box = p.box;
            Kind k = icon.kind;
            boolean group = Containment.GROUP_KINDS.contains(k) && k != Kind.DIAGRAM_GROUP;
            boolean service = SERVICE_GROUPS.contains(k) && holdsOtherIcon(box, icon, nodes);
            // a Direct Connect icon at the corner of a box of routers ("AWS Direct Connect location") signs
            // the place where the connection lands, not a connection of its own
            boolean place = k == Kind.DX_CONNECTION && (holdsOtherIcon(box, icon, nodes)
                    || box.label().toLowerCase(java.util.Locale.ROOT).contains("location"));
            if (box.label().isEmpty()) {
                box.adopted = icon.label();
                box.titled = true;
            }
            if (place) {
                box.becomeGroup(Kind.DIAGRAM_GROUP);
                box.recognisedBy = "a Direct Connect location: the Direct Connect icon at its corner signs the place";
                icon.absorbedInto = box;
            } else if (group || service || signs(k, box.kind)) {
                if (signs(k, box.kind)) {
                    // the box's label named the service already (the ECS icon on a box titled "ECS Cluster")
                    k = box.kind;
                } else if (k == Kind.ECS_SERVICE && CLUSTER.matcher(box.label()).find()) {
                    // the ECS icon signs a service and a cluster alike: a box titled as a cluster holds services
                    k = Kind.ECS_CLUSTER;
                }
                box.becomeGroup(k);
                box.recognisedBy = "the " + PositionNames.kindText(k) + " icon at its corner";
                icon.absorbedInto = box;
            }
        }
    }

    /** Whether an icon of kind {@code icon} signs a box of kind {@code box}: its own service, or ECS's cluster. */
    private static boolean signs(Kind icon, Kind box) {
        return SERVICE_GROUPS.contains(box) && (icon == box || icon == Kind.ECS_SERVICE && box == Kind.ECS_CLUSTER
                || icon == Kind.EKS_CLUSTER && box == Kind.EKS_NODE_GROUP);
    }

    private static boolean holdsOtherIcon(PageNode box, PageNode icon, Collection<PageNode> nodes) {
        for (PageNode n : nodes) {
            if (n != icon && n != box && n.isIconLike() && box.box().holds(n.box())) {
                return true;
            }
        }
        return false;
    }

    /** A plain shape with room for contents. */
    private static boolean roomy(PageNode b) {
        return !b.isText() && !b.isIconLike() && !b.isTablePart() && !b.isInvisibleGroup() && b.box().w() >= 60
                && b.box().h() >= 40;
    }

    /**
     * A box that a title may name: a plain shape (or an unlabelled AWS group) with room for contents,
     * whose own label, if any, is its contents' caption in the middle rather than a title.
     */
    private static boolean titleable(PageNode b) {
        if (!roomy(b)) {
            return false;
        }
        if (b.rec.drawnAs() == ShapeRecognizer.DrawnAs.GROUP) {
            return b.ownLabel().isEmpty();
        }
        if (b.rec.isKnown() && !b.titled) {
            return false;
        }
        Style st = b.shape.style();
        boolean captionInMiddle = !st.getOr("verticalAlign", "middle").equals("top") && !st.has("labelPosition")
                && !st.has("verticalLabelPosition");
        return b.ownLabel().isEmpty() || captionInMiddle;
    }
}
