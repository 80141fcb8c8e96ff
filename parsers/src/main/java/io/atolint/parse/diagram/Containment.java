package io.atolint.parse.diagram;

import io.atolint.model.Kind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which shapes are containers and what holds what, from GEOMETRY (a shape whose centre lies in a larger
 * container's box belongs to it; only about a third of real icons have their group as drawing parent)
 * plus the drawing parents; and what a plain box that holds shapes is, from its label.
 */
final class Containment {
    /** Kinds that are drawn as containers. */
    static final Set<Kind> GROUP_KINDS = EnumSet.of(Kind.AWS_CLOUD, Kind.REGION, Kind.ACCOUNT, Kind.VPC,
            Kind.AVAILABILITY_ZONE, Kind.SUBNET, Kind.SECURITY_GROUP, Kind.AUTOSCALING_GROUP, Kind.ON_PREMISES,
            Kind.DIAGRAM_GROUP);
    /** "VPC" as a group's name, not a note that mentions one ("vpc flow logs trust policy ..."). */
    /** A Region's code ("us-east-1", "us-gov-west-1") standing in a label. */
    private static final Pattern REGION_CODE = Pattern.compile("(?<![a-z0-9-])[a-z]{2}(-gov)?-[a-z]+-\\d(?![a-z0-9])");
    private static final Pattern VPC_NAME = Pattern.compile(
            "(?i)^(?!.*\\b(flow logs?|policy|polic(y|ies)|endpoints?|peering|attachment|route|logs)\\b).{0,40}\\b(vpc|virtual private cloud)\\b.{0,40}$");
    /** A subnet box, in the languages AWS writes diagrams in; a DB subnet group is a setting of a database, not a subnet. */
    private static final Pattern SUBNET_NAME = Pattern.compile("(?iu)^(?!.*\\bsubnet group\\b)"
            // a network ACL's or route table's box says what it applies to ("per subnet", "サブネット単位")
            + "(?!.*(?:\\bnacl\\b|\\bnetwork\\s+acl\\b|access\\s+control\\s+list|\\broute\\s+table\\b))"
            + ".*(?:\\bsubnets?\\b"
            + "|サブネット|子[网網]|서브넷|\\bsubred(?:es)?\\b|\\bsub-?redes?\\b|\\bsous-réseaux?\\b|\\bsubnetz(?:e)?\\b).*");

    private Containment() {
    }

    /** Containers by geometry and by drawing parent; recomputed after groups are recognised by label. */
    static void find(Map<String, PageNode> nodes) {
        Collection<PageNode> all = nodes.values();
        for (PageNode n : all) {
            n.container = !n.isTablePart() && !n.isInvisibleGroup() && (n.rec.drawnAs() == ShapeRecognizer.DrawnAs.GROUP
                    || (GROUP_KINDS.contains(n.kind) && !n.isIconLike() && n.kind != Kind.DIAGRAM_GROUP)
                    || (n.kind == Kind.DIAGRAM_GROUP && n.rec.drawnAs() != ShapeRecognizer.DrawnAs.ICON)
                    // drawn as a container (a Graphviz cluster, a swimlane, draw.io's container=1), whatever its size
                    || (n.shape.style().isGroupBase() && !n.isIconLike())
                    // a box titled as a group ("Private Subnet" over it) is that group, even drawn empty
                    || (n.titled && !n.isIconLike() && kindOfLabel(n.label()) != Kind.DIAGRAM_GROUP));
        }
        for (PageNode n : all) {
            if (n.container || n.isText() || n.isIconLike() || n.isTablePart() || n.isInvisibleGroup() || n.box().area() <= 0) {
                continue;
            }
            // a box named as a group ("Security group", "Private subnet") may be drawn tight around what it holds
            double larger = kindOfLabel(n.label()) != Kind.DIAGRAM_GROUP ? 1.5 : 4;
            for (PageNode o : all) {
                if (o != n && !o.isText() && o.absorbedInto == null && n.box().holds(o.box())
                        && n.box().area() >= larger * Math.max(1, o.box().area())) {
                    n.container = true;
                    break;
                }
            }
        }
        List<PageNode> containers = new ArrayList<>();
        for (PageNode n : all) {
            if (n.container) {
                containers.add(n);
            }
        }
        for (PageNode n : all) {
            n.containers.clear();
            Set<PageNode> found = new LinkedHashSet<>();
            for (PageNode c : containers) {
                if (c != n && c.box().holds(n.box())) {
                    found.add(c);
                }
            }
            String p = n.shape.parentId();
            for (int depth = 0; p != null && depth < 200; depth++) {
                PageNode c = nodes.get(p);
                if (c == null) {
                    break;
                }
                if (c.container) {
                    found.add(c);
                }
                p = c.shape.parentId();
            }
            n.containers.addAll(found);
            n.containers.sort(Comparator.comparingDouble((PageNode c) -> c.box().area()).reversed());
        }
    }

    /**
     * A customer gateway drawn on the border of an on-premises box (half in, half out, as gateways are
     * drawn on the edge of the network they join) is the site's device.
     */
    static void devicesOnSiteBorders(Collection<PageNode> nodes) {
        for (PageNode n : nodes) {
            if (n.container || n.kind != Kind.CUSTOMER_GATEWAY
                    || n.containers.stream().anyMatch(c -> c.kind == Kind.ON_PREMISES)) {
                continue;
            }
            for (PageNode c : nodes) {
                if (c != n && c.container && c.kind == Kind.ON_PREMISES
                        && c.box().overlap(n.box()) >= 0.25 * Math.max(1, n.box().area())) {
                    n.containers.add(c);
                    n.containers.sort(Comparator.comparingDouble((PageNode x) -> x.box().area()).reversed());
                    break;
                }
            }
        }
    }

    /** Plain boxes that hold other shapes are groups; their label says which. */
    static void groupsByLabel(Collection<PageNode> nodes) {
        for (PageNode n : nodes) {
            if (n.container && n.rec.drawnAs() == ShapeRecognizer.DrawnAs.LABEL && ONE_INSTANCE.contains(n.kind)
                    && nodes.stream().anyMatch(o -> o.containers.contains(n) && o.isIconLike())) {
                // a plain box named for what its icons are ("Web tier (EC2)", "Amazon EC2" around two servers)
                // groups them: it is no instance of its own, drawn across the AZs its icons stand in
                n.becomeGroup(Kind.DIAGRAM_GROUP);
                continue;
            }
            if (!n.container || n.rec.drawnAs() == ShapeRecognizer.DrawnAs.GROUP || n.rec.isKnown()) {
                continue;
            }
            n.becomeGroup(kindOfLabel(n.label()));
        }
    }

    /** Kinds of one instance in one AZ: a box so named that holds icons names them, it is not one more. */
    private static final Set<Kind> ONE_INSTANCE = EnumSet.of(Kind.EC2_INSTANCE, Kind.RDS_INSTANCE, Kind.DOCDB_INSTANCE,
            Kind.NEPTUNE_INSTANCE, Kind.ELASTICACHE_CLUSTER, Kind.NAT_GATEWAY, Kind.NETWORK_INTERFACE, Kind.EBS_VOLUME);

    /** A security group's box: "Web security group", "SG: database", セキュリティグループ. */
    private static final Pattern SECURITY_GROUP_NAME = Pattern.compile(
            "(?iu)\\bsecurity[ -]?groups?\\b|\\bsg\\b|セキュリティグループ|安全组|보안 ?그룹");
    /** An IPv4 CIDR block in a box's label: "10.0.1.0/24", "Prod (10.0.0.0/16)". */
    private static final Pattern CIDR = Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}/(\\d{1,2})(?!\\d)");
    /** A box named only by its role in a network: "Public", "Private 2", "Isolated (data)". */
    private static final Pattern ROLE_ONLY = Pattern.compile(
            "(?i)^(?:public|private|isolated|パブリック|プライベート|公有|私有|퍼블릭|프라이빗)(?:[\\s-]*(?:[a-z]|\\d{1,2}|\\(.{1,20}\\)))?$");

    /**
     * Plain boxes named by an address block or by a network role, read by where they are drawn, as a reviewer
     * reads them: a box named by a CIDR inside a VPC (or inside a box named by a shorter block) is a subnet, one
     * that holds subnets, AZs or longer blocks a VPC; a box named only "Public" or "Private" inside a VPC or an
     * AZ is a subnet with that role.
     */
    static void groupsByPlace(Collection<PageNode> nodes) {
        for (PageNode n : nodes) {
            boolean empty = !n.container && n.kind == Kind.UNKNOWN && isPlainBox(n);
            if (!(n.container && n.kind == Kind.DIAGRAM_GROUP) && !empty) {
                continue;
            }
            String label = n.label().trim();
            int prefix = prefixOf(label);
            boolean inNetwork = n.containers.stream().anyMatch(c -> c.kind == Kind.VPC || c.kind == Kind.AVAILABILITY_ZONE
                    || c.kind == Kind.DIAGRAM_GROUP && prefixOf(c.label()) >= 0);
            if (prefix >= 0) {
                boolean inShorter = n.containers.stream().anyMatch(c -> c.kind == Kind.VPC
                        || c.kind == Kind.DIAGRAM_GROUP && prefixOf(c.label()) >= 0 && prefixOf(c.label()) < prefix);
                boolean holdsNetwork = n.container && nodes.stream().anyMatch(o -> o.containers.contains(n)
                        && (o.kind == Kind.SUBNET || o.kind == Kind.AVAILABILITY_ZONE || prefixOf(o.label()) > prefix));
                if (inShorter) {
                    n.becomeGroup(Kind.SUBNET);
                } else if (holdsNetwork) {
                    n.becomeGroup(Kind.VPC);
                }
            } else if (inNetwork && (ROLE_ONLY.matcher(label).matches() || empty && SUBNET_NAME.matcher(label).matches())) {
                // an empty box too: a public subnet is often drawn with nothing in it
                n.becomeGroup(Kind.SUBNET);
            }
        }
    }

    /** A rectangle people draw as a box (no icon, no text shape, not a sliver). */
    private static boolean isPlainBox(PageNode n) {
        return !n.isText() && !n.isIconLike() && n.rec.drawnAs() == ShapeRecognizer.DrawnAs.UNRECOGNISED
                && n.box().w() >= 60 && n.box().h() >= 30;
    }

    /** A label about routes or rules, which name address blocks they send or admit, not a network. */
    private static final Pattern ROUTE_OR_RULE = Pattern.compile(
            "(?i).*(route|→|->|⇒|\\btable\\b|\\bacl\\b|\\brules?\\b|\\ballow|\\bdeny|peer|destination|target).*");

    /** The prefix length of the one CIDR block a label names as a network (8 to 28), or -1. */
    private static int prefixOf(String label) {
        java.util.regex.Matcher m = CIDR.matcher(label);
        if (!m.find() || ROUTE_OR_RULE.matcher(label).matches()) {
            return -1;
        }
        int prefix = Integer.parseInt(m.group(1));
        return m.find() || prefix < 8 || prefix > 28 ? -1 : prefix;
    }

    /**
     * A short label around a Region's code or ending in "region": "us-west-2 (DR)", "N. Virginia (us-east-1)",
     * "Primary Region", "eu-west-1 region".
     */
    private static boolean regionNamed(String l) {
        return l.length() <= 40 && (REGION_CODE.matcher(l).find() || l.matches("^.{0,25}\\bregion$"));
    }

    static Kind kindOfLabel(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (AzLabels.whole(label).isPresent()) {
            return Kind.AVAILABILITY_ZONE;
        } else if (SUBNET_NAME.matcher(l).matches()) {
            return Kind.SUBNET;
        } else if (VPC_NAME.matcher(l).matches()) {
            return Kind.VPC;
        } else if (l.matches("^(aws )?region\\b.*") || l.matches("^.{0,12}(リージョン|리전|区域|區域).{0,20}$")) {
            return Kind.REGION;
        } else if (l.matches(".*\\baws cloud\\b.*") || l.matches(".*\\baws ?(クラウド|云|雲|클라우드).*")) {
            return Kind.AWS_CLOUD;
        } else if (l.matches(".*\\baccount\\b.*")) {
            return Kind.ACCOUNT;
        } else if (OutsideLabels.onPremises(l)) {
            return Kind.ON_PREMISES;
        } else if (SECURITY_GROUP_NAME.matcher(l).find()) {
            return Kind.SECURITY_GROUP;
        } else if (l.matches(".*\\bauto ?scaling( group)?\\b.*")) {
            return Kind.AUTOSCALING_GROUP;
        } else if (regionNamed(l)) {
            // last: "Workload account (us-east-1)" is an account, "AWS Cloud (us-east-1)" the cloud; "us-east-1" alone
            // is a Region
            return Kind.REGION;
        }
        return Kind.DIAGRAM_GROUP;
    }
}
