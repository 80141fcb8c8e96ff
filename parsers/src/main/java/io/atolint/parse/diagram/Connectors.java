package io.atolint.parse.diagram;

import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Workloads;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns connectors into relations the way a reviewer reads lines:
 * <ul>
 *   <li>a line is a connection; its arrowheads are a hint. A line whose only arrowhead is at its source is
 *       read the way it points; a line against the flow of requests from the outside in (data store to
 *       compute, compute to load balancer, anything to the users) is the same connection, read inwards;</li>
 *   <li>an ENI, security group icon or elastic IP drawn on or next to a service is attached to it
 *       ({@code ATTACHED_TO}): lines to it reach the service, and it is never a hop of its own;</li>
 *   <li>a line between two NAT gateways joins no client to a gateway;</li>
 *   <li>loose ends snap to the nearest shape, or to the container whose border they touch.</li>
 * </ul>
 */
final class Connectors {
    private static final java.util.regex.Pattern VPN_LINE = java.util.regex.Pattern.compile(
            "(?i)\\b(vpn|ipsec|site[- ]to[- ]site)\\b");
    private static final java.util.regex.Pattern TUNNEL = java.util.regex.Pattern.compile("(?i)\\btunnel\\b");
    private static final double SNAP_DISTANCE = 50;
    private static final java.util.regex.Pattern INTERNET = java.util.regex.Pattern.compile("(?i)\\binternet\\b");
    /** How near a container's border a loose end must be to end on that border. */
    private static final double ON_BORDER = 5;
    /** How far from a line a free text may sit and still be read as its label. */
    private static final double BESIDE = 20;
    /** The longest free text read as a line's label (a protocol, a port, a few words; not a paragraph). */
    private static final int LINE_LABEL_LENGTH = 40;
    private static final double ATTACH_DISTANCE = 20;
    /** How near a box's outline a loose end must stop to end on the box. */
    private static final double BORDER_BAND = 15;
    /** Boxes that are a hop of their own: a line to their outline reaches them, not an icon inside. */
    private static final Set<Kind> HOP_BOXES = EnumSet.of(Kind.AUTOSCALING_GROUP, Kind.ON_PREMISES,
            Kind.ECS_SERVICE, Kind.ECS_CLUSTER, Kind.EKS_CLUSTER, Kind.EKS_NODE_GROUP, Kind.BEANSTALK_ENVIRONMENT,
            Kind.BATCH_COMPUTE_ENVIRONMENT, Kind.EMR_CLUSTER, Kind.LAMBDA_FUNCTION);
    private static final Set<Kind> ATTACHMENTS = EnumSet.of(Kind.NETWORK_INTERFACE, Kind.SECURITY_GROUP,
            Kind.ELASTIC_IP);

    private final DrawnPage page;
    private final Map<String, PageNode> nodes;
    private final Map<String, Resource> resources;
    private final Map<Resource, Resource> attachedTo = new HashMap<>();
    private final Map<String, Resource> vpnLines = new HashMap<>();

    private final List<DrawnPage.Link> arrowShapes;
    private final Set<String> pipes;

    Connectors(DrawnPage page, List<DrawnPage.Link> arrowShapes, Set<String> pipes, Map<String, PageNode> nodes,
               Map<String, Resource> resources, PageScale scale) {
        this.page = page;
        this.arrowShapes = arrowShapes;
        this.pipes = pipes;
        this.nodes = nodes;
        this.resources = resources;
        this.scale = scale;
        this.snapDistance = scale.of(SNAP_DISTANCE);
    }

    /** How far short of an icon an arrowhead may stop, on this page's scale. */
    private final double snapDistance;
    private final PageScale scale;

    /** ENIs, security group icons and elastic IPs drawn on or next to one service belong to it. */
    void attachments(Model model) {
        for (PageNode a : nodes.values()) {
            Resource ar = resources.get(a.id());
            if (ar == null || !ATTACHMENTS.contains(a.kind) || a.container) {
                continue;
            }
            PageNode best = null;
            double bestGap = scale.of(ATTACH_DISTANCE);
            for (PageNode s : nodes.values()) {
                Resource sr = resources.get(s.id());
                if (sr == null || s == a || s.container || ATTACHMENTS.contains(s.kind) || !s.isIconLike()
                        || !Placements.ZONAL_KINDS.contains(s.kind) && s.kind != Kind.LAMBDA_FUNCTION) {
                    continue;
                }
                double gap = s.box().gap(a.box());
                if (gap <= bestGap) {
                    bestGap = gap;
                    best = s;
                }
            }
            if (best != null) {
                Resource service = resources.get(best.id());
                attachedTo.put(ar, service);
                model.relate(new Relation(RelationType.ATTACHED_TO, ar, service, "drawn at it", ar.location()));
            }
        }
    }

    void edges(Model model, List<DiagramView.EdgeView> views, List<String> unresolved) {
        List<DrawnPage.Link> links = new java.util.ArrayList<>(page.links());
        links.addAll(arrowShapes);
        for (DrawnPage.Link l : links) {
            StringBuilder snapped = new StringBuilder();
            double[] sourcePoint = l.sourceEnd();
            double[] targetPoint = l.targetEnd();
            List<double[]> line = LineMarks.polyline(l, nodes);
            double[] afterSource = line.size() >= 2 ? line.get(1) : null;
            double[] beforeTarget = line.size() >= 2 ? line.get(line.size() - 2) : null;
            Resource src = end(l.sourceId(), sourcePoint, afterSource, "source", snapped);
            Resource dst = end(l.targetId(), targetPoint, beforeTarget, "target", snapped);
            // a route table is associated with subnets: its line ending on a subnet's border is drawn to the
            // subnet, not to the icon that happens to sit near that border inside it
            if (dst != null && src != null && src.kind() == Kind.ROUTE_TABLE && l.targetId() == null) {
                dst = subnetAtBorder(targetPoint, dst, "target", snapped);
            } else if (dst != null && src != null && dst.kind() == Kind.ROUTE_TABLE && l.sourceId() == null) {
                src = subnetAtBorder(sourcePoint, src, "source", snapped);
            }
            if (src == null || dst == null || src == dst) {
                unresolved.add("cell " + l.id() + (l.label().isEmpty() ? "" : " '" + Labels.oneLine(l.label()) + "'")
                        + (src == dst && src != null ? ": both ends at " + src.displayName()
                        : ": " + (src == null ? "source" : "target") + " not found"));
                continue;
            }
            String moved = "";
            Resource s0 = attachedTo.getOrDefault(src, src);
            Resource d0 = attachedTo.getOrDefault(dst, dst);
            if (s0 != src || d0 != dst) {
                moved = "attachment ends moved to " + (s0 != src ? s0.displayName() : d0.displayName());
            }
            List<Resource> sources = members(s0, d0);
            List<Resource> targets = members(d0, s0);
            if (sources.size() > 1 || targets.size() > 1 || sources.get(0) != s0 || targets.get(0) != d0) {
                Resource box = sources.get(0) != s0 ? s0 : d0;
                moved = (moved.isEmpty() ? "" : moved + "; ") + "drawn to "
                        + (box.kind() == Kind.SUBNET ? "subnet " : "security group ") + box.displayName()
                        + ": reaches what it holds";
            }
            for (Resource s1 : sources) {
                for (Resource d1 : targets) {
                    connect(model, views, unresolved, links, l, s1, d1, moved, snapped);
                }
            }
        }
    }

    /**
     * What a line drawn to {@code r} from {@code other} reaches: a security group drawn as a box is a rule on the
     * traffic to what it holds, not a hop; a line to it reaches the services drawn directly inside it. A subnet
     * is where things run: a line from a service to it (a load balancer's arrow to the app subnet) reaches the
     * load balancers, compute and data stores drawn in it. Anything else: itself.
     */
    private List<Resource> members(Resource r, Resource other) {
        PageNode box = nodes.get(r.name());
        if (box != null && box.container && r.kind() == Kind.SUBNET && servesTraffic(other.kind())) {
            return servicesIn(box, r);
        }
        if (box == null || !box.container || r.kind() != Kind.SECURITY_GROUP) {
            return List.of(r);
        }
        List<Resource> inside = new java.util.ArrayList<>();
        for (PageNode n : nodes.values()) {
            Resource m = resources.get(n.id());
            if (m != null && n.direct() == box && !Containment.GROUP_KINDS.contains(n.kind) && !ATTACHMENTS.contains(n.kind)) {
                inside.add(m);
            }
        }
        return inside.isEmpty() ? List.of(r) : inside;
    }

    /**
     * A kind whose line to a subnet is traffic to what runs there (a subnet's too: the app subnet's arrow to the
     * data subnet), not a route table's association or a NAT gateway's route.
     */
    private static boolean servesTraffic(Kind k) {
        return k.isOutsideAws() || k == Kind.INTERNET_GATEWAY || k == Kind.SUBNET || served(k)
                || Workloads.PUBLIC_EDGE.contains(k) && k != Kind.ROUTE53_ZONE && k != Kind.ROUTE53_RECORD;
    }

    /**
     * The load balancers, compute and data stores drawn in a subnet box; of a service box inside it (an Auto
     * Scaling group), the box, not the instances it holds. The subnet itself when it holds none.
     */
    private List<Resource> servicesIn(PageNode subnet, Resource r) {
        List<Resource> inside = new java.util.ArrayList<>();
        for (PageNode n : nodes.values()) {
            Resource m = resources.get(n.id());
            if (m == null || n == subnet || !n.containers.contains(subnet) || !served(n.kind)) {
                continue;
            }
            boolean inServiceBox = false;
            for (PageNode c : n.containers) {
                if (c != subnet && c.containers.contains(subnet) && served(c.kind)) {
                    inServiceBox = true;
                }
            }
            if (!inServiceBox) {
                inside.add(m);
            }
        }
        return inside.isEmpty() ? List.of(r) : inside;
    }

    /** What serves the traffic drawn to a subnet: load balancers, compute and data stores. */
    private static boolean served(Kind k) {
        return Workloads.LOAD_BALANCING.contains(k) || Workloads.COMPUTE.contains(k)
                || Workloads.COMPUTE_CLUSTERS.contains(k) || Workloads.DATA.contains(k);
    }

    private void connect(Model model, List<DiagramView.EdgeView> views, List<String> unresolved,
                         List<DrawnPage.Link> links, DrawnPage.Link l, Resource s, Resource d, String moved,
                         StringBuilder snapped) {
        String note = moved;
        if (s == d) {
            return;
        }
        if (s.kind() == Kind.NAT_GATEWAY && d.kind() == Kind.NAT_GATEWAY) {
            unresolved.add("cell " + l.id() + ": a line between two NAT gateways joins no client to a gateway");
            return;
        }
        if (arrow(l.style(), "startArrow", false) && !arrow(l.style(), "endArrow", true)) {
            Resource t = s;
            s = d;
            d = t;
            note = (note.isEmpty() ? "" : note + "; ") + "read the way its only arrowhead points";
        }
        if (rank(s) >= 0 && rank(d) >= 0 && rank(s) > rank(d)) {
            Resource t = s;
            s = d;
            d = t;
            note = (note.isEmpty() ? "" : note + "; ") + "read inwards, from " + s.displayName();
        }
        RelationType type = s.kind().isOutsideAws() || d.kind().isOutsideAws()
                || s.placement().scope() == Placement.Scope.OUTSIDE_AWS
                || d.placement().scope() == Placement.Scope.OUTSIDE_AWS
                ? RelationType.CONNECTS_OUTSIDE : RelationType.ROUTES_TO;
        String label = Labels.oneLine(l.label());
        String named = label.isEmpty() ? textBeside(l, links, VPN_LINE) : label;
        // a pipe labelled only "Tunnel 1" is a VPN tunnel when it ends at a customer gateway
        boolean vpnPipe = pipes.contains(l.id())
                && (s.kind() == Kind.CUSTOMER_GATEWAY || d.kind() == Kind.CUSTOMER_GATEWAY);
        // a line labelled "IPsec" from the customer gateway to a drawn VPN connection is that connection's line
        boolean toDrawnVpn = s.kind() == Kind.VPN_CONNECTION || d.kind() == Kind.VPN_CONNECTION;
        if ((VPN_LINE.matcher(named).find() || vpnPipe) && (site(s) || site(d)) && !(site(s) && site(d))
                && !toDrawnVpn) {
            label = named;
            Resource siteEnd = site(s) ? s : d;
            Resource awsEnd = site(s) ? d : s;
            // "Tunnel 1" and "Tunnel 2" drawn between the same two ends are the two tunnels of one VPN connection
            String key = TUNNEL.matcher(label).find() ? "tunnels:" + siteEnd.id() + "\u0000" + awsEnd.id() : l.id();
            Resource vpn = vpnLine(model, key, l, label);
            model.relate(new Relation(RelationType.CONNECTS_OUTSIDE, siteEnd, vpn, label, l.at()));
            model.relate(new Relation(RelationType.CONNECTS_OUTSIDE, vpn, awsEnd, label, l.at()));
            views.add(new DiagramView.EdgeView(l.id(), siteEnd, awsEnd, RelationType.CONNECTS_OUTSIDE, label,
                    !named.equals(Labels.oneLine(l.label())) ? "a text naming a VPN drawn on the line: one Site-to-Site VPN connection"
                    : pipes.contains(l.id()) ? "a pipe drawn as a VPN tunnel: one Site-to-Site VPN connection"
                    : "a line labelled as a VPN: one Site-to-Site VPN connection"));
            return;
        }
        if (label.isEmpty()) {
            // a short free text beside an unlabelled line, drawn for no icon or box: that line's label ("HTTPS")
            label = textBeside(l, links, null);
        }
        model.relate(new Relation(type, s, d, label, l.at()));
        String how = snapped.toString() + (snapped.length() > 0 && !note.isEmpty() ? "; " : "") + note;
        views.add(new DiagramView.EdgeView(l.id(), s, d, type, label, how));
    }

    /**
     * A VPN drawn over the Internet: a line from the AWS side (a VPN connection or gateway) into an
     * Internet icon and one in the same colour from it to a customer gateway are one path through it, as a
     * reviewer follows the line; the Internet carries the VPN, it does not end it. As many lines in as
     * out keep their order through the icon; other fans are left as drawn.
     */
    void throughOutsideNetworks(Model model, List<DiagramView.EdgeView> views) {
        Map<String, DrawnPage.Link> byId = new HashMap<>();
        for (DrawnPage.Link l : page.links()) {
            byId.put(l.id(), l);
        }
        for (DrawnPage.Link l : arrowShapes) {
            byId.put(l.id(), l);
        }
        Map<Resource, Map<String, List<Resource>>> awsSide = new java.util.LinkedHashMap<>();
        Map<Resource, Map<String, List<Resource>>> siteSide = new java.util.LinkedHashMap<>();
        for (DiagramView.EdgeView e : List.copyOf(views)) {
            DrawnPage.Link l = byId.get(e.cellId());
            String colour = l == null ? "" : l.style().color("strokeColor");
            for (Resource[] ends : new Resource[][] {{e.source(), e.target()}, {e.target(), e.source()}}) {
                Resource net = ends[0];
                Resource other = ends[1];
                if (net.kind() != Kind.EXTERNAL_SYSTEM || !INTERNET.matcher(net.meta("label").orElse("")).find()) {
                    continue;
                }
                if (other.kind() == Kind.VPN_CONNECTION || other.kind() == Kind.VPN_GATEWAY
                        || other.kind() == Kind.TRANSIT_GATEWAY) {
                    awsSide.computeIfAbsent(net, k -> new java.util.LinkedHashMap<>())
                            .computeIfAbsent(colour, k -> new java.util.ArrayList<>()).add(other);
                } else if (other.kind() == Kind.CUSTOMER_GATEWAY) {
                    siteSide.computeIfAbsent(net, k -> new java.util.LinkedHashMap<>())
                            .computeIfAbsent(colour, k -> new java.util.ArrayList<>()).add(other);
                }
            }
        }
        awsSide.forEach((net, byColour) -> byColour.forEach((colour, aws) -> {
            List<Resource> site = siteSide.getOrDefault(net, Map.of()).getOrDefault(colour, List.of());
            if (aws.isEmpty() || aws.size() != site.size()) {
                return;
            }
            // as many lines in as out: they keep their order through the icon (top to bottom, left to right)
            List<Resource> in = order(aws);
            List<Resource> out = order(site);
            String how = aws.size() == 1 ? "a line through '" + net.meta("label").orElse("Internet") + "': one path"
                    : "lines through '" + net.meta("label").orElse("Internet") + "', paired in the order they are drawn";
            for (int i = 0; i < in.size(); i++) {
                model.relate(new Relation(RelationType.CONNECTS_OUTSIDE, out.get(i), in.get(i), "over the Internet",
                        out.get(i).location()));
                views.add(new DiagramView.EdgeView("through " + net.name(), out.get(i), in.get(i),
                        RelationType.CONNECTS_OUTSIDE, "over the Internet", how));
            }
        }));
    }

    private List<Resource> order(List<Resource> rs) {
        List<Resource> out = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(rs));
        out.sort(java.util.Comparator.comparingDouble((Resource r) -> box(r).cy()).thenComparingDouble(r -> box(r).cx()));
        return out;
    }

    private Box box(Resource r) {
        PageNode n = nodes.get(r.name());
        return n == null ? new Box(0, 0, 0, 0) : n.box();
    }

    /**
     * A free text (one {@code naming} matches, when given; of a few words) that an unlabelled line runs through
     * or passes within {@link #BESIDE} of, when no other line passes as near and no icon or box took it as its
     * label: the text a person reads as that line's label ("AWS Site to Site VPN" written beside a dashed line
     * between the office and the VPC, "HTTPS" beside an arrow). Empty when there is none.
     */
    private String textBeside(DrawnPage.Link l, List<DrawnPage.Link> links, java.util.regex.Pattern naming) {
        String best = "";
        double bestDistance = scale.of(BESIDE);
        for (PageNode n : nodes.values()) {
            String text = n.ownLabel();
            if (!n.isText() || n.usedAsLabel || resources.containsKey(n.id()) || text.isBlank()
                    || (naming == null ? Labels.oneLine(text).length() > LINE_LABEL_LENGTH : !naming.matcher(text).find())) {
                continue;
            }
            double d = LineMarks.distance(n.box(), l, nodes);
            if (d > bestDistance || d == bestDistance && !best.isEmpty()) {
                continue; // on a tie the first text drawn is the label
            }
            boolean nearer = false;
            for (DrawnPage.Link o : links) {
                if (o != l && LineMarks.distance(n.box(), o, nodes) <= d) {
                    nearer = true;
                    break;
                }
            }
            if (!nearer) {
                best = text;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The customer's end of a link: a customer gateway, or anything drawn outside AWS. */
    private static boolean site(Resource r) {
        return r.kind() == Kind.CUSTOMER_GATEWAY || r.kind() == Kind.ON_PREMISES
                || r.placement().scope() == Placement.Scope.OUTSIDE_AWS;
    }

    /** A line labelled as a VPN between a site and AWS is one Site-to-Site VPN connection. */
    private Resource vpnLine(Model model, String key, DrawnPage.Link l, String label) {
        // one VPN a line (or a pair of tunnels), however many services the security group box it is drawn to holds
        return vpnLines.computeIfAbsent(key, k -> newVpnLine(model, l, label));
    }

    private Resource newVpnLine(Model model, DrawnPage.Link l, String label) {
        String id = "vpn-line:" + l.id();
        Map<String, String> meta = new java.util.LinkedHashMap<>();
        meta.put("label", label);
        meta.put("page", Integer.toString(page.index()));
        meta.put("shape", "(a line)");
        meta.put("drawnAs", "line");
        meta.put("line", "true");
        Resource r = new Resource(page.file() + "#" + page.index() + "/" + id, id, "drawn-vpn-line", Kind.VPN_CONNECTION,
                io.atolint.model.Value.MapV.empty(l.at()).withUnknownRest("a diagram does not state the configuration of what it draws"),
                l.at(), page.format(), meta);
        r.setPlacement(Placement.regional("a VPN connection is AWS-managed"));
        model.add(r);
        return r;
    }

    private static boolean arrow(Style st, String key, boolean byDefault) {
        String v = st.entries().get(key);
        if (v == null) {
            return byDefault;
        }
        return !v.isEmpty() && !v.equalsIgnoreCase("none");
    }

    /** How far in from the outside a kind sits: users 0, edge services 1, load balancers 2, compute 3, data 4. */
    private static int rank(Resource r) {
        Kind k = r.kind();
        if (k.isOutsideAws() || r.placement().scope() == Placement.Scope.OUTSIDE_AWS) {
            return 0;
        }
        if (Workloads.PUBLIC_EDGE.contains(k)) {
            return 1;
        }
        return switch (k) {
            case LOAD_BALANCER -> 2;
            case EC2_INSTANCE, AUTOSCALING_GROUP, ECS_SERVICE, EKS_CLUSTER, EKS_NODE_GROUP, LAMBDA_FUNCTION,
                    BEANSTALK_ENVIRONMENT -> 3;
            case RDS_INSTANCE, AURORA_CLUSTER, DOCDB_CLUSTER, DOCDB_INSTANCE, NEPTUNE_CLUSTER, NEPTUNE_INSTANCE,
                    ELASTICACHE_CLUSTER, ELASTICACHE_REPLICATION_GROUP, DYNAMODB_TABLE, REDSHIFT_CLUSTER,
                    OPENSEARCH_DOMAIN -> 4;
            default -> -1;
        };
    }

    /**
     * The subnet whose border a loose line end touches (within {@link #ON_BORDER}), when the icon it
     * snapped to is not itself at that point; else the end as snapped.
     */
    private Resource subnetAtBorder(double[] point, Resource snappedTo, String which, StringBuilder snapped) {
        if (point == null || snappedTo.kind() == Kind.SUBNET) {
            return snappedTo;
        }
        PageNode icon = nodes.get(snappedTo.name());
        if (icon != null && icon.box().distance(point[0], point[1]) <= scale.of(ON_BORDER)) {
            return snappedTo;
        }
        Resource best = null;
        double bestArea = Double.MAX_VALUE;
        for (PageNode n : nodes.values()) {
            Resource r = resources.get(n.id());
            if (r == null || n.kind != Kind.SUBNET || n.synthetic) {
                continue;
            }
            Box b = n.box();
            double inside = Math.min(Math.min(point[0] - b.x(), b.x() + b.w() - point[0]),
                    Math.min(point[1] - b.y(), b.y() + b.h() - point[1]));
            double border = b.containsPoint(point[0], point[1]) ? inside : b.distance(point[0], point[1]);
            if (border <= scale.of(ON_BORDER) && b.area() < bestArea) {
                bestArea = b.area();
                best = r;
            }
        }
        if (best == null) {
            return snappedTo;
        }
        String was = which + " snapped to " + snappedTo.displayName();
        int at = snapped.indexOf(was);
        if (at >= 0) {
            snapped.replace(at, at + was.length(), which + " on the border of " + best.displayName()
                    + " (a route table's subnet)");
        }
        return best;
    }

    /**
     * The box a loose end stops on the border of (within {@link #BORDER_BAND}, inside or out), when that box is
     * a hop of its own (an Auto Scaling group, an ECS service, an on-premises site: {@link #HOP_BOXES}) and the
     * end touches no shape: a line drawn to such a box without being glued to it is drawn to the box, as a
     * glued one is, not to the icon inside that happens to stand nearest its border. The innermost such box.
     */
    private Resource hopBoxAt(double[] point, List<PageNode> shapes) {
        for (PageNode n : shapes) {
            if (n.box().distance(point[0], point[1]) <= scale.of(ON_BORDER)) {
                return null;
            }
        }
        Resource best = null;
        double bestArea = Double.MAX_VALUE;
        for (PageNode n : nodes.values()) {
            Resource r = resources.get(n.id());
            if (r == null || !n.container || n.synthetic || !HOP_BOXES.contains(n.kind)) {
                continue;
            }
            Box b = n.box();
            if (borderDistance(b, point) <= scale.of(BORDER_BAND) && b.area() < bestArea) {
                bestArea = b.area();
                best = r;
            }
        }
        return best;
    }

    /** How far a point lies from a box's outline, from inside or outside. */
    private static double borderDistance(Box b, double[] point) {
        double inside = Math.min(Math.min(point[0] - b.x(), b.x() + b.w() - point[0]),
                Math.min(point[1] - b.y(), b.y() + b.h() - point[1]));
        return b.containsPoint(point[0], point[1]) ? inside : b.distance(point[0], point[1]);
    }

    /**
     * An edge end: the shape it names (or its nearest resource ancestor), else the shape a loose end points at
     * (continued from {@code neighbour}, the line's next point), else the shape nearest its point, within
     * {@link #SNAP_DISTANCE}: an arrowhead stopping short of the icon it points at is drawn to that icon, even
     * when another stands nearer beside it.
     */
    private Resource end(String id, double[] point, double[] neighbour, String which, StringBuilder snapped) {
        if (id != null) {
            PageNode n = nodes.get(id);
            if (n != null && n.absorbedInto != null) {
                n = n.absorbedInto;
            }
            for (int depth = 0; n != null && depth < 200; depth++) {
                Resource r = resources.get(n.id());
                if (r != null) {
                    return r;
                }
                n = n.shape.parentId() == null ? null : nodes.get(n.shape.parentId());
            }
        }
        if (point == null) {
            return null;
        }
        List<PageNode> shapes = new java.util.ArrayList<>();
        for (PageNode n : nodes.values()) {
            if (!n.container && resources.containsKey(n.id())) {
                shapes.add(n);
            }
        }
        Resource box = hopBoxAt(point, shapes);
        if (box != null) {
            snapped.append(snapped.length() == 0 ? "" : ", ").append(which).append(" on the border of ")
                    .append(box.displayName());
            return box;
        }
        PageNode pointed = neighbour == null ? null : LineMarks.pointedAt(shapes, point, neighbour, snapDistance, scale);
        if (pointed != null) {
            Resource r = resources.get(pointed.id());
            snapped.append(snapped.length() == 0 ? "" : ", ").append(which).append(" snapped to ").append(r.displayName());
            return r;
        }
        Resource best = null;
        double bestDistance = Double.MAX_VALUE;
        for (PageNode n : shapes) {
            Resource r = resources.get(n.id());
            double d = n.box().distance(point[0], point[1]);
            if (d < bestDistance) {
                bestDistance = d;
                best = r;
            }
        }
        if (best != null && bestDistance <= snapDistance) {
            snapped.append(snapped.length() == 0 ? "" : ", ").append(which).append(" snapped to ").append(best.displayName());
            return best;
        }
        // an end on a container's border points at the container itself
        for (PageNode n : nodes.values()) {
            Resource r = resources.get(n.id());
            if (r == null || !n.container || n.synthetic) {
                continue;
            }
            if (borderDistance(n.box(), point) <= scale.of(BORDER_BAND)) {
                snapped.append(snapped.length() == 0 ? "" : ", ").append(which).append(" snapped to ").append(r.displayName());
                return r;
            }
        }
        return null;
    }
}
