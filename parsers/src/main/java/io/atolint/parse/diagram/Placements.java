package io.atolint.parse.diagram;

import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Placement;
import io.atolint.model.RoleWords;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where each drawn thing runs, as a reviewer reads the picture:
 * <ul>
 *   <li>in the AZ boxes (or AZ-named subnets) that hold its centre;</li>
 *   <li>a service that spans AZs by nature (load balancer, Auto Scaling group, ECS service, cluster,
 *       firewall, endpoint) drawn across AZ boxes spans those it reaches a quarter of its area into; a
 *       single instance drawn across a boundary runs in the one holding its centre, or in one of them;</li>
 *   <li>a load balancer drawn in the gap between AZ columns, on their boundary or above them at VPC
 *       level spans the AZs of its VPC (AWS's reference architectures draw it so);</li>
 *   <li>UNKNOWN inside a VPC without an AZ; outside AWS for people, devices and on-premises.</li>
 * </ul>
 */
final class Placements {
    /** Kinds that run in one or more AZs, whose placement a diagram must show. */
    static final Set<Kind> ZONAL_KINDS = EnumSet.of(Kind.EC2_INSTANCE, Kind.LOAD_BALANCER, Kind.AUTOSCALING_GROUP,
            Kind.RDS_INSTANCE, Kind.AURORA_CLUSTER, Kind.DOCDB_CLUSTER, Kind.DOCDB_INSTANCE, Kind.NEPTUNE_CLUSTER,
            Kind.NEPTUNE_INSTANCE, Kind.ELASTICACHE_CLUSTER, Kind.ELASTICACHE_REPLICATION_GROUP, Kind.NAT_GATEWAY,
            Kind.NETWORK_INTERFACE, Kind.EBS_VOLUME, Kind.ECS_SERVICE, Kind.EKS_CLUSTER, Kind.EKS_NODE_GROUP,
            Kind.BEANSTALK_ENVIRONMENT, Kind.BATCH_COMPUTE_ENVIRONMENT, Kind.EMR_CLUSTER, Kind.REDSHIFT_CLUSTER,
            Kind.OPENSEARCH_DOMAIN, Kind.MSK_CLUSTER, Kind.FSX_FILE_SYSTEM, Kind.VPC_ENDPOINT, Kind.NETWORK_FIREWALL,
            Kind.SUBNET);
    /** Kinds that span the AZs they are drawn across; anything else zonal is one instance in one AZ. */
    static final Set<Kind> SPANNING = EnumSet.of(Kind.LOAD_BALANCER, Kind.AUTOSCALING_GROUP, Kind.ECS_SERVICE, Kind.LAMBDA_FUNCTION,
            Kind.EKS_CLUSTER, Kind.EKS_NODE_GROUP, Kind.AURORA_CLUSTER, Kind.DOCDB_CLUSTER, Kind.NEPTUNE_CLUSTER,
            Kind.ELASTICACHE_REPLICATION_GROUP, Kind.BEANSTALK_ENVIRONMENT, Kind.BATCH_COMPUTE_ENVIRONMENT,
            Kind.OPENSEARCH_DOMAIN, Kind.MSK_CLUSTER, Kind.NETWORK_FIREWALL, Kind.VPC_ENDPOINT, Kind.EMR_CLUSTER);
    /**
     * Spanning services drawn as one shape whatever their size (a load balancer, a group of instances or
     * tasks): drawn across an AZ's edge a reviewer reads them by {@link #acrossAnEdge}. A database
     * cluster drawn as one icon across an edge is still one database a reviewer sees.
     */
    static final Set<Kind> EDGE_SPANNING = EnumSet.of(Kind.LOAD_BALANCER, Kind.AUTOSCALING_GROUP, Kind.ECS_SERVICE, Kind.LAMBDA_FUNCTION,
            Kind.EKS_CLUSTER, Kind.EKS_NODE_GROUP, Kind.BEANSTALK_ENVIRONMENT, Kind.BATCH_COMPUTE_ENVIRONMENT);
    private static final double SPAN_FRACTION = 0.25;
    /**
     * Stores a Multi-AZ setting makes two copies of, though drawn as one icon: drawn across an AZ boundary, the
     * icon may stand for both copies, which a picture does not settle.
     */
    static final Set<Kind> MULTI_AZ_BY_SETTING = EnumSet.of(Kind.RDS_INSTANCE, Kind.ELASTICACHE_CLUSTER,
            Kind.REDSHIFT_CLUSTER, Kind.FSX_FILE_SYSTEM);
    /** A label that says what it names runs in more than one AZ ("Amazon RDS (Multi-AZ)"). */
    private static final Pattern MULTI_AZ_CLAIM = Pattern.compile(
            "(?i)\\bmulti[- ]?(az|availability[- ]zones?)\\b|マルチ\\s*az|多可用[区區]|(다중|멀티)\\s*az");
    /** How near another AZ area a shape on an AZ's edge must come to reach into it. */
    private static final double ADJACENT = 20;

    private final Map<String, PageNode> nodes;
    private final AzRecognition azs;
    private final PageScale scale;
    /** Subnets outside any AZ box whose label names an AZ ("Public subnet AZ2"), with that AZ. */
    private final Map<PageNode, Az> namedSubnets = new LinkedHashMap<>();
    private final Map<PageNode, String> convention = new HashMap<>();
    /** Subnets outside any AZ box in the row (or column) of a subnet that names its AZ: that AZ. */
    private final Map<PageNode, Area> inNamedRow = new LinkedHashMap<>();

    Placements(Map<String, PageNode> nodes, AzRecognition azs, PageScale scale) {
        this.nodes = nodes;
        this.azs = azs;
        this.scale = scale;
        for (PageNode n : nodes.values()) {
            if (n.kind != Kind.SUBNET || !azBoxesHolding(n).isEmpty()) {
                continue;
            }
            AzLabels.inside(n.label()).filter(a -> !a.unnumbered()).ifPresent(name ->
                    namedSubnets.put(n, azs.azFor(name, name.display(), "subnet name '" + n.label() + "'")));
        }
        rowsOfNamedSubnets();
    }

    /**
     * AZs drawn as bands, one of them only by subnet names: where a VPC's AZ box is a band (a row wider
     * than tall, or a column taller than wide) and, outside it, a band of subnets has one that names its
     * AZ ("Private subnet Standby (AZ-c)") and none that names another, the unnamed subnets of that band
     * are in that AZ, as a reviewer reads the rows. Subnets that span bands are not aligned with one.
     */
    private void rowsOfNamedSubnets() {
        for (PageNode s : nodes.values()) {
            if (s.kind != Kind.SUBNET || namedSubnets.containsKey(s) || !azBoxesHolding(s).isEmpty()) {
                continue;
            }
            PageNode vpc = AzRecognition.vpcOf(s);
            Boolean rows = null;
            for (PageNode b : azs.boxes()) {
                if (!b.synthetic && AzRecognition.vpcOf(b) == vpc && b.box().w() != b.box().h()) {
                    rows = b.box().w() > b.box().h();
                    break;
                }
            }
            if (rows == null) {
                continue;
            }
            final boolean byRows = rows;
            boolean besideAzBox = azs.boxes().stream().anyMatch(b -> AzRecognition.vpcOf(b) == vpc
                    && aligned(b.box(), s.box(), byRows) > 0);
            List<PageNode> band = new ArrayList<>();
            for (PageNode named : namedSubnets.keySet()) {
                if (AzRecognition.vpcOf(named) == vpc && aligned(named.box(), s.box(), byRows) >= 0.8) {
                    band.add(named);
                }
            }
            if (besideAzBox || band.isEmpty()) {
                continue;
            }
            Az az = namedSubnets.get(band.get(0));
            if (band.stream().allMatch(o -> namedSubnets.get(o).sameAs(az).isTrue())) {
                inNamedRow.put(s, new Area(s, az, "the " + (byRows ? "row" : "column") + " of subnet '"
                        + band.get(0).label() + "'"));
            }
        }
    }

    /** How far two boxes share one band: the overlap of their extents across it over the longer extent. */
    private static double aligned(Box a, Box b, boolean byRows) {
        double lo = byRows ? Math.max(a.y(), b.y()) : Math.max(a.x(), b.x());
        double hi = byRows ? Math.min(a.y() + a.h(), b.y() + b.h()) : Math.min(a.x() + a.w(), b.x() + b.w());
        double longer = byRows ? Math.max(a.h(), b.h()) : Math.max(a.w(), b.w());
        return longer <= 0 ? 0 : Math.max(0, hi - lo) / longer;
    }

    Map<PageNode, Az> namedSubnets() {
        return namedSubnets;
    }

    /** Why a load balancer was taken to span its VPC's AZs, when it was. */
    Optional<String> convention(PageNode n) {
        return Optional.ofNullable(convention.get(n));
    }

    private List<PageNode> azBoxesHolding(PageNode n) {
        List<PageNode> out = new ArrayList<>();
        for (PageNode c : n.containers) {
            if (azs.isAzBox(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** An AZ area: an AZ box, or a subnet that names its AZ. */
    private record Area(PageNode node, Az az, String name) {
    }

    private List<Area> areas() {
        List<Area> out = new ArrayList<>();
        for (PageNode b : azs.boxes()) {
            out.add(new Area(b, azs.azOf(b), "AZ '" + (b.label().isEmpty() ? azs.azOf(b).value() : b.label()) + "'"));
        }
        namedSubnets.forEach((s, az) -> out.add(new Area(s, az, "subnet '" + s.label() + "'")));
        out.addAll(inNamedRow.values());
        return out;
    }

    Placement of(PageNode n) {
        Placement drawn = drawnPlacement(n);
        boolean oneAz = drawn.scope() == Placement.Scope.ONE_OF
                || (drawn.scope() == Placement.Scope.ZONAL && drawn.azs().size() == 1 && n.kind != Kind.AVAILABILITY_ZONE
                && n.kind != Kind.SUBNET);
        // "RDS standby (Multi-AZ)" names one copy of a pair drawn whole, each copy where it is drawn
        if (oneAz && MULTI_AZ_CLAIM.matcher(n.label()).find() && !RoleWords.in(n.label())) {
            return Placement.unknown("its label says it runs in more than one AZ; the picture draws one icon ("
                    + drawn.reason() + ")");
        }
        return drawn;
    }

    private Placement drawnPlacement(PageNode n) {
        Kind k = n.kind;
        if (k == Kind.AVAILABILITY_ZONE) {
            Az az = azs.azOf(n);
            return az == null ? Placement.NONE : Placement.zonal(List.of(az), n.azHow);
        }
        if (k.isOutsideAws()) {
            return Placement.outsideAws("drawn as " + k.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        for (PageNode c : n.containers) {
            if (c.kind == Kind.ON_PREMISES) {
                return Placement.outsideAws("drawn inside '" + (c.label().isEmpty() ? "on-premises" : c.label()) + "'");
            }
        }
        if (k.isRegional() || k.isGlobal()) {
            // an Internet gateway drawn in an AZ box still serves the whole VPC: the box is where it fitted
            return Placement.NONE;
        }
        Az own = namedSubnets.get(n);
        if (own != null) {
            return Placement.zonal(List.of(own), "named in its subnet label");
        }
        List<Area> holding = new ArrayList<>();
        List<Area> reaching = new ArrayList<>();
        double area = Math.max(1, n.box().area());
        for (Area a : areas()) {
            if (a.node == n) {
                continue;
            }
            if (n.containers.contains(a.node)) {
                holding.add(a);
            } else if ((a.node.box().area() > area && a.node.box().overlap(n.box()) >= SPAN_FRACTION * area)
                    || (SPANNING.contains(k) && a.node.box().overlap(n.box()) >= 0.5 * a.node.box().area())) {
                reaching.add(a);
            }
        }
        if (EDGE_SPANNING.contains(k) && areas().stream().noneMatch(a -> a.node != n && a.node.box().overlap(n.box()) >= 0.98 * n.box().area())) {
            Optional<Placement> across = acrossAnEdge(n);
            if (across.isPresent()) {
                return across.get();
            }
        }
        if (EDGE_SPANNING.contains(k)) {
            Optional<Placement> member = memberOfWider(n);
            if (member.isPresent()) {
                return member.get();
            }
        }
        // an AZ box inside an AZ-named subnet's box, or the other way round, is one AZ, not two
        if (!holding.isEmpty() || !reaching.isEmpty()) {
            List<Area> all = new ArrayList<>(holding);
            all.addAll(reaching);
            List<Az> distinct = distinct(all);
            if (distinct.size() == 1 || SPANNING.contains(k) || !ZONAL_KINDS.contains(k)) {
                return Placement.zonal(distinct, "drawn in " + names(all));
            }
            List<Az> held = distinct(holding);
            if (held.size() == 1) {
                return Placement.zonal(held, "drawn in " + names(holding) + " (its centre)");
            }
            if (MULTI_AZ_BY_SETTING.contains(k)) {
                // not so in the gap between AZ columns: there a reviewer reads the nearer AZ
                return Placement.unknown("one icon drawn across the boundary of " + names(all)
                        + ": it may stand for a Multi-AZ deployment, which the picture does not state");
            }
            return Placement.oneOf(distinct, "one instance drawn across the boundary of " + names(all));
        }
        if (k == Kind.LOAD_BALANCER) {
            Optional<Placement> spans = vpcLevel(n);
            if (spans.isPresent()) {
                return spans.get();
            }
        }
        if (k == Kind.LAMBDA_FUNCTION && AzRecognition.vpcOf(n) == null
                && n.containers.stream().noneMatch(c -> c.kind == Kind.SUBNET)) {
            return Placement.regional("drawn outside any VPC: a Lambda function without VPC access runs regionally");
        }
        if (!ZONAL_KINDS.contains(k)) {
            return Placement.NONE;
        }
        if (!SPANNING.contains(k) && k != Kind.SUBNET) {
            // drawn in no AZ area, an icon whose label names its AZ ("NAT Gateway AZ-1", "DB (us-east-1a)") runs there
            Optional<AzLabels.AzName> named = AzLabels.explicit(n.label());
            if (named.isPresent()) {
                return Placement.zonal(List.of(azs.azFor(named.get(), named.get().display(), "label '" + n.label() + "'")),
                        Placement.NAMED_IN_LABEL);
            }
            Optional<Placement> gap = inTheGap(n);
            if (gap.isPresent()) {
                return gap.get();
            }
        }
        for (int i = n.containers.size() - 1; i >= 0; i--) {
            PageNode c = n.containers.get(i);
            if (c.kind == Kind.VPC || c.kind == Kind.SUBNET) {
                return Placement.unknown("drawn in " + (c.kind == Kind.VPC ? "VPC" : "subnet") + " '" + c.label()
                        + "' but in no Availability Zone");
            }
        }
        return Placement.unknown("drawn outside any VPC or Availability Zone");
    }

    /**
     * A spanning service drawn over the edge of an AZ area, read as reviewers read it:
     * <ul>
     *   <li>a quarter or more of it in one AZ area and over the edge onto (within {@link #ADJACENT})
     *       another AZ area (an ALB on the boundary between the AZ 1 box and the "AZ 2" subnets): it spans
     *       both;</li>
     *   <li>a quarter or more in one AZ area and a sliver in a second (an ECS service box reaching over
     *       the gap between the columns), or a quarter or more outside every AZ area with no AZ drawn
     *       beyond: which AZs it runs in cannot be told (UNKNOWN: at most a note); drawing it inside each
     *       AZ or squarely across them settles it.</li>
     * </ul>
     * One that only grazes the AZ areas (in the gap between the columns) is left to {@link #vpcLevel}.
     */
    private Optional<Placement> acrossAnEdge(PageNode n) {
        Box b = n.box();
        double area = Math.max(1, b.area());
        double inside = 0;
        List<Area> touched = new ArrayList<>();
        List<Area> deep = new ArrayList<>();
        for (Area a : areas()) {
            double o = a.node.box().overlap(b);
            if (a.node != n && o > 0) {
                inside += o;
                touched.add(a);
                if (o >= SPAN_FRACTION * area) {
                    deep.add(a);
                }
            }
        }
        List<Az> touchedAzs = distinct(touched);
        List<Az> deepAzs = distinct(deep);
        if (deepAzs.size() != 1) {
            return Optional.empty();
        }
        if (touchedAzs.size() >= 2) {
            return Optional.of(Placement.unknown("drawn over the boundary of " + names(touched) + ", mostly in "
                    + names(deep) + ": whether it runs in both cannot be told from the picture"));
        }
        if (inside > 0.75 * area) {
            return Optional.empty();
        }
        List<Area> beyond = new ArrayList<>(touched);
        for (Area a : areas()) {
            // an AZ read from a row's named subnet is no drawn boundary to reach over onto
            if (a.node != n && !touched.contains(a) && !inNamedRow.containsKey(a.node) && a.node.box().gap(b) <= scale.of(ADJACENT)) {
                beyond.add(a);
            }
        }
        List<Az> all = distinct(beyond);
        if (all.size() >= 2) {
            return Optional.of(Placement.zonal(all, "drawn across the edge of " + names(touched) + " onto "
                    + names(beyond.subList(touched.size(), beyond.size())) + ": a "
                    + PositionNames.kindText(n.kind) + " drawn so spans them"));
        }
        return Optional.of(Placement.unknown("drawn across the edge of " + names(touched)
                + " with no AZ drawn beyond: whether it spans another AZ cannot be told from the picture"));
    }

    /**
     * One instance drawn in the gap between two AZ boxes of its VPC, side by side (columns or rows) and
     * level with it: it runs in one of them, the nearer first (a database icon between the columns of a
     * subnet drawn across both).
     */
    private Optional<Placement> inTheGap(PageNode n) {
        PageNode vpc = AzRecognition.vpcOf(n);
        Box b = n.box();
        PageNode best = null;
        PageNode other = null;
        double bestScore = Double.MAX_VALUE;
        for (PageNode p : azs.boxes()) {
            for (PageNode q : azs.boxes()) {
                if (p == q || AzRecognition.vpcOf(p) != vpc || AzRecognition.vpcOf(q) != vpc
                        || azs.azOf(p) == null || azs.azOf(q) == null || azs.azOf(p).sameAs(azs.azOf(q)).isTrue()) {
                    continue;
                }
                Box l = p.box();
                Box r = q.box();
                boolean columns = l.x() + l.w() <= b.cx() && b.cx() <= r.x()
                        && level(l.y(), l.h(), b.cy()) && level(r.y(), r.h(), b.cy());
                boolean rows = l.y() + l.h() <= b.cy() && b.cy() <= r.y()
                        && level(l.x(), l.w(), b.cx()) && level(r.x(), r.w(), b.cx());
                if (!columns && !rows) {
                    continue;
                }
                double toP = l.distance(b.cx(), b.cy());
                double toQ = r.distance(b.cx(), b.cy());
                if (toP <= toQ && toP < bestScore) {
                    bestScore = toP;
                    best = p;
                    other = q;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<Area> both = List.of(new Area(best, azs.azOf(best), "AZ '" + label(best) + "'"),
                new Area(other, azs.azOf(other), "AZ '" + label(other) + "'"));
        return Optional.of(Placement.oneOf(distinct(both), "one instance drawn in the gap between " + names(both)
                + ", nearer " + both.get(0).name + ": it runs in one of them"));
    }

    private static boolean level(double start, double length, double at) {
        return start <= at && at <= start + length;
    }

    private String label(PageNode box) {
        return box.label().isEmpty() ? azs.azOf(box).value() : box.label();
    }

    /**
     * A part drawn inside the box of a spanning service whose AZs cannot be told: its own cannot either.
     * A plain box drawn around the parts of one service (an ECS service's tasks and containers) is that
     * service's box.
     */
    private Optional<Placement> memberOfWider(PageNode n) {
        for (PageNode c : n.containers) {
            if (c == n || !c.container || azs.isAzBox(c) || !(EDGE_SPANNING.contains(c.kind) || boxOfParts(c))) {
                continue;
            }
            Placement outer = c.kind == Kind.DIAGRAM_GROUP ? acrossAnEdge(c).orElse(Placement.NONE) : of(c);
            if (outer.scope() == Placement.Scope.UNKNOWN) {
                return Optional.of(Placement.unknown("drawn inside " + (c.kind == Kind.DIAGRAM_GROUP
                        ? "a box of its service's parts" : c.label().isEmpty() ? "an unlabelled " + PositionNames.kindText(c.kind) + " box"
                        : PositionNames.kindText(c.kind) + " '" + c.label() + "'")
                        + ": " + outer.reason()));
            }
        }
        return Optional.empty();
    }

    /**
     * A plain box around two or more parts of spanning services (tasks, containers, the service icon) and
     * no single instance (an EC2 instance, a database): the box of one service.
     */
    private boolean boxOfParts(PageNode box) {
        if (box.kind != Kind.DIAGRAM_GROUP) {
            return false;
        }
        int parts = 0;
        for (PageNode i : nodes.values()) {
            if (i == box || i.container || !i.containers.contains(box)) {
                continue;
            }
            if (EDGE_SPANNING.contains(i.kind)) {
                parts++;
            } else if (ZONAL_KINDS.contains(i.kind)) {
                return false;
            }
        }
        return parts >= 2;
    }

    /** A load balancer in its VPC but in no AZ box: between the AZ columns or above them, it spans them. */
    private Optional<Placement> vpcLevel(PageNode lb) {
        PageNode vpc = AzRecognition.vpcOf(lb);
        List<Area> same = new ArrayList<>();
        for (Area a : areas()) {
            if (AzRecognition.vpcOf(a.node) == vpc) {
                same.add(a);
            }
        }
        List<Az> distinct = distinct(same);
        if (distinct.size() < 2) {
            return Optional.empty();
        }
        String why = "drawn " + (vpc == null ? "beside" : "in VPC '" + vpc.label() + "' between or above")
                + " the AZs " + names(same) + ": a load balancer drawn so spans them by convention";
        convention.put(lb, why);
        return Optional.of(Placement.zonal(distinct, why));
    }

    private static List<Az> distinct(List<Area> areas) {
        List<Az> out = new ArrayList<>();
        for (Area a : areas) {
            if (out.stream().noneMatch(o -> o.sameAs(a.az).isTrue())) {
                out.add(a.az);
            }
        }
        return out;
    }

    private static String names(List<Area> areas) {
        List<String> out = new ArrayList<>();
        for (Area a : areas) {
            if (!out.contains(a.name)) {
                out.add(a.name);
            }
        }
        return String.join(" and ", out);
    }
}
