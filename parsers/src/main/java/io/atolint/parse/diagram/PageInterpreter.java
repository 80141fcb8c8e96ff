package io.atolint.parse.diagram;

import io.atolint.model.Az;
import io.atolint.model.Format;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives a drawn page its meaning, the same way for draw.io, draw.io SVG/PNG and plain SVG: recognises
 * each shape ({@link ShapeRecognizer}), finds containment from GEOMETRY (a shape whose centre lies in
 * a larger container's box belongs to it; the drawing parent is a hint that also counts), recognises
 * Availability Zones in the four ways people draw them ({@code group_availability_zone} shapes, boxes
 * labelled "Availability Zone 1"/"AZ a", a free text "AZ1" beside an unlabelled band, AZ names inside
 * subnet names), places every icon (zonal in the AZ boxes it sits in, or across; UNKNOWN inside a VPC
 * without AZ; outside AWS for people, devices and on-premises), and turns connectors into
 * {@code ROUTES_TO}/{@code CONNECTS_OUTSIDE} relations, snapping loose ends to the nearest shape.
 *
 * <p>Containment is O(n²) in the shapes of a page, which real pages (tens to hundreds of shapes) afford.
 */
public final class PageInterpreter {
    /** Kinds that are drawn as containers. */
    static final Set<Kind> GROUP_KINDS = EnumSet.of(Kind.AWS_CLOUD, Kind.REGION, Kind.ACCOUNT, Kind.VPC,
            Kind.AVAILABILITY_ZONE, Kind.SUBNET, Kind.SECURITY_GROUP, Kind.AUTOSCALING_GROUP, Kind.ON_PREMISES,
            Kind.DIAGRAM_GROUP);
    /** Kinds that run in one or more AZs, whose placement a diagram must show. */
    static final Set<Kind> ZONAL_KINDS = EnumSet.of(Kind.EC2_INSTANCE, Kind.LOAD_BALANCER, Kind.AUTOSCALING_GROUP,
            Kind.RDS_INSTANCE, Kind.AURORA_CLUSTER, Kind.DOCDB_CLUSTER, Kind.DOCDB_INSTANCE, Kind.NEPTUNE_CLUSTER,
            Kind.NEPTUNE_INSTANCE, Kind.ELASTICACHE_CLUSTER, Kind.ELASTICACHE_REPLICATION_GROUP, Kind.NAT_GATEWAY,
            Kind.NETWORK_INTERFACE, Kind.EBS_VOLUME, Kind.ECS_SERVICE, Kind.EKS_CLUSTER, Kind.EKS_NODE_GROUP,
            Kind.BEANSTALK_ENVIRONMENT, Kind.BATCH_COMPUTE_ENVIRONMENT, Kind.EMR_CLUSTER, Kind.REDSHIFT_CLUSTER,
            Kind.OPENSEARCH_DOMAIN, Kind.MSK_CLUSTER, Kind.FSX_FILE_SYSTEM, Kind.VPC_ENDPOINT, Kind.NETWORK_FIREWALL,
            Kind.SUBNET);
    private static final Pattern LEGEND = Pattern.compile("(?i)^\\s*(legend|key|icons?|notation)\\b");
    private static final double SNAP_DISTANCE = 50;
    private static final double SPAN_FRACTION = 0.25;

    private final DrawnPage page;
    private final String idPrefix;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final List<DiagramView.AzView> azViews = new ArrayList<>();
    private final Map<String, Az> azOfBox = new HashMap<>();
    private final Map<String, Integer> azIndex = new LinkedHashMap<>();
    private final Map<String, String> azHow = new HashMap<>();

    /** A shape with what is known about it. */
    private static final class Node {
        final DrawnPage.Shape shape;
        ShapeRecognizer.Recognition rec;
        Kind kind;
        boolean container;
        boolean endpoint;
        String azHow;
        final List<Node> containers = new ArrayList<>();

        Node(DrawnPage.Shape shape, ShapeRecognizer.Recognition rec) {
            this.shape = shape;
            this.rec = rec;
            this.kind = rec.kind();
        }

        String label() {
            return Labels.oneLine(shape.label());
        }

        Box box() {
            return shape.box();
        }

        boolean isText() {
            return rec.drawnAs() == ShapeRecognizer.DrawnAs.TEXT;
        }

        boolean isIconLike() {
            return rec.drawnAs() == ShapeRecognizer.DrawnAs.ICON || rec.drawnAs() == ShapeRecognizer.DrawnAs.IMAGE;
        }
    }

    public PageInterpreter(DrawnPage page) {
        this.page = page;
        this.idPrefix = page.file() + "#" + page.index() + "/";
        String fileName = page.file().substring(page.file().lastIndexOf('/') + 1);
        // one family per page: distinct AZ boxes of a page are provably distinct AZs, other pages' are not comparable
        this.azFamily = fileName + " p" + page.index() + " AZ";
    }

    private final String azFamily;

    public DiagramView interpret() {
        for (DrawnPage.Shape s : page.shapes()) {
            nodes.put(s.id(), new Node(s, ShapeRecognizer.recognise(s)));
        }
        markEndpoints();
        findContainers();
        recogniseGroupsByLabel();
        recogniseAzBoxes();
        findContainers();
        Model model = new Model(page.file() + " " + DrawioReader.pagePath(page.index(), page.name()), page.format(),
                List.of(page.file()));
        model.meta().put("page", Integer.toString(page.index()));
        model.meta().put("pageName", page.name());
        int ignored = 0;
        for (Node n : nodes.values()) {
            if (isResource(n)) {
                Resource r = resource(n);
                resources.put(n.shape.id(), r);
                model.add(r);
            } else if (!n.isText()) {
                ignored++;
            }
        }
        List<DiagramView.GroupView> groups = new ArrayList<>();
        for (Node n : nodes.values()) {
            Resource r = resources.get(n.shape.id());
            if (r == null) {
                continue;
            }
            Node direct = directContainer(n);
            Resource parent = direct == null ? null : resources.get(direct.shape.id());
            if (parent != null) {
                model.relate(new Relation(RelationType.CONTAINS, parent, r, "drawn inside", r.location()));
            }
            if (n.container) {
                groups.add(new DiagramView.GroupView(r, parent));
            }
        }
        subnetNameAzs(model);
        for (Node n : nodes.values()) {
            Resource r = resources.get(n.shape.id());
            if (r != null) {
                r.setPlacement(placement(n));
            }
        }
        List<DiagramView.EdgeView> edges = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        edges(model, edges, unresolved);
        return new DiagramView(page, model, groups, List.copyOf(azViews), edges, unresolved, ignored);
    }

    // ---------------------------------------------------------------- recognition

    private void markEndpoints() {
        for (DrawnPage.Link l : page.links()) {
            for (String id : new String[]{l.sourceId(), l.targetId()}) {
                Node n = id == null ? null : nodes.get(id);
                if (n != null) {
                    n.endpoint = true;
                }
            }
        }
    }

    /** Containers by geometry and by drawing parent; recomputed after groups are recognised by label. */
    private void findContainers() {
        for (Node n : nodes.values()) {
            n.container = n.rec.drawnAs() == ShapeRecognizer.DrawnAs.GROUP
                    || (GROUP_KINDS.contains(n.kind) && !n.isIconLike() && n.kind != Kind.DIAGRAM_GROUP)
                    || (n.kind == Kind.DIAGRAM_GROUP && n.rec.drawnAs() != ShapeRecognizer.DrawnAs.ICON);
        }
        for (Node n : nodes.values()) {
            if (n.container || n.isText() || n.isIconLike() || n.box().area() <= 0) {
                continue;
            }
            for (Node o : nodes.values()) {
                if (o != n && !o.isText() && n.box().holds(o.box()) && n.box().area() >= 4 * Math.max(1, o.box().area())) {
                    n.container = true;
                    break;
                }
            }
        }
        List<Node> containers = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (n.container) {
                containers.add(n);
            }
        }
        for (Node n : nodes.values()) {
            n.containers.clear();
            Set<Node> found = new LinkedHashSet<>();
            for (Node c : containers) {
                if (c != n && c.box().holds(n.box())) {
                    found.add(c);
                }
            }
            String p = n.shape.parentId();
            for (int depth = 0; p != null && depth < 200; depth++) {
                Node c = nodes.get(p);
                if (c == null) {
                    break;
                }
                if (c.container) {
                    found.add(c);
                }
                p = c.shape.parentId();
            }
            n.containers.addAll(found);
            n.containers.sort(Comparator.comparingDouble((Node c) -> c.box().area()).reversed());
        }
    }

    private static Node directContainer(Node n) {
        return n.containers.isEmpty() ? null : n.containers.get(n.containers.size() - 1);
    }

    /** Plain boxes that hold other shapes are groups; their label says which. */
    private void recogniseGroupsByLabel() {
        for (Node n : nodes.values()) {
            if (!n.container || n.rec.drawnAs() == ShapeRecognizer.DrawnAs.GROUP || n.rec.isKnown()) {
                continue;
            }
            String l = n.label().toLowerCase(Locale.ROOT);
            Kind k = Kind.DIAGRAM_GROUP;
            if (AzLabels.whole(n.label()).isPresent()) {
                k = Kind.AVAILABILITY_ZONE;
            } else if (l.matches(".*\\bsubnets?\\b.*")) {
                k = Kind.SUBNET;
            } else if (l.matches(".*\\b(vpc|virtual private cloud)\\b.*")) {
                k = Kind.VPC;
            } else if (l.matches("^(aws )?region\\b.*") || l.matches("^[a-z]{2}(-gov)?-[a-z]+-\\d$")) {
                k = Kind.REGION;
            } else if (l.matches(".*\\baws cloud\\b.*")) {
                k = Kind.AWS_CLOUD;
            } else if (l.matches(".*\\baccount\\b.*")) {
                k = Kind.ACCOUNT;
            } else if (l.matches(".*\\b(on-?prem(ise|ises)?|data ?cent(er|re)|corporate (network|office)|branch office)\\b.*")) {
                k = Kind.ON_PREMISES;
            } else if (l.matches(".*\\bsecurity group\\b.*")) {
                k = Kind.SECURITY_GROUP;
            } else if (l.matches(".*\\bauto ?scaling( group)?\\b.*")) {
                k = Kind.AUTOSCALING_GROUP;
            }
            n.kind = k;
            n.rec = new ShapeRecognizer.Recognition(n.rec.rawType(), k, "", ShapeRecognizer.DrawnAs.GROUP, "other");
        }
    }

    /**
     * AZ boxes: AZ shapes, boxes labelled as AZs, and unlabelled bands with a free "AZ1" text in or beside
     * them. Each distinct AZ name is one symbol of the page's family; an unnamed AZ box is its own.
     */
    private void recogniseAzBoxes() {
        List<Node> azBoxes = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (n.kind == Kind.AVAILABILITY_ZONE) {
                String label = n.label();
                n.azHow = label.isEmpty() ? "AZ shape " + n.rec.rawType() + " (unlabelled)"
                        : (n.rec.drawnAs() == ShapeRecognizer.DrawnAs.GROUP && KindIsShape(n) ? "AZ shape labelled '" + label + "'"
                        : "box labelled '" + label + "'" + (n.shape.style().dashed() ? " (dashed)" : ""));
                azBoxes.add(n);
            } else if (!n.isText() && !n.isIconLike() && !n.rec.isKnown() && AzLabels.whole(n.label()).isPresent()
                    && n.box().w() >= 40 && n.box().h() >= 30) {
                n.kind = Kind.AVAILABILITY_ZONE;
                n.rec = new ShapeRecognizer.Recognition(n.rec.rawType(), Kind.AVAILABILITY_ZONE, "",
                        ShapeRecognizer.DrawnAs.GROUP, "other");
                n.azHow = "box labelled '" + n.label() + "'" + (n.shape.style().dashed() ? " (dashed)" : "");
                azBoxes.add(n);
            }
        }
        for (Node t : nodes.values()) {
            if (!t.isText()) {
                continue;
            }
            Optional<AzLabels.AzName> name = AzLabels.whole(t.label());
            if (name.isEmpty()) {
                continue;
            }
            Node band = bandFor(t);
            if (band != null && band.kind != Kind.AVAILABILITY_ZONE) {
                band.kind = Kind.AVAILABILITY_ZONE;
                band.rec = new ShapeRecognizer.Recognition(band.rec.rawType(), Kind.AVAILABILITY_ZONE, "",
                        ShapeRecognizer.DrawnAs.GROUP, "other");
                band.azHow = "free text '" + t.label() + "' (cell " + t.shape.id() + ") beside an unlabelled band";
                band.container = true;
                azTextOf.put(band, t.label());
                azBoxes.add(band);
            }
        }
        for (Node b : azBoxes) {
            String label = azTextOf.getOrDefault(b, b.label());
            Optional<AzLabels.AzName> name = AzLabels.whole(label);
            Az az = name.map(nm -> azFor(nm, b.azHow)).orElseGet(() -> azFor("box:" + b.shape.id(), b.azHow));
            azOfBox.put(b.shape.id(), az);
        }
    }

    private static boolean KindIsShape(Node n) {
        return n.rec.rawType().contains("availability_zone");
    }

    private final Map<Node, String> azTextOf = new HashMap<>();

    private Az azFor(AzLabels.AzName name, String how) {
        if (name.literal()) {
            return Az.literal(name.token(), how);
        }
        return azFor(name.key(), how);
    }

    private Az azFor(String key, String how) {
        Integer idx = azIndex.get(key);
        if (idx == null) {
            idx = azIndex.size();
            azIndex.put(key, idx);
            azHow.put(key, how);
        }
        return Az.symbol(azFamily, idx, true, how);
    }

    /** The unlabelled band a free "AZ1" text names: the smallest one holding it, else the nearest one beside it. */
    private Node bandFor(Node text) {
        Node best = null;
        double bestScore = Double.MAX_VALUE;
        for (Node n : nodes.values()) {
            if (n == text || n.isText() || n.isIconLike() || !n.label().isEmpty() || (n.rec.isKnown() && n.kind != Kind.DIAGRAM_GROUP)
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
     * AZs named only in subnet labels ("Web subnet AZ-a"): each subnet outside any AZ box gets the AZ its
     * name gives, and one AZ resource per name holds those subnets.
     */
    private void subnetNameAzs(Model model) {
        Map<String, Resource> azResources = new LinkedHashMap<>();
        for (Node n : nodes.values()) {
            if (n.kind != Kind.SUBNET || !zoneBoxesOf(n).isEmpty()) {
                continue;
            }
            Optional<AzLabels.AzName> name = AzLabels.inside(n.label());
            if (name.isEmpty()) {
                continue;
            }
            String how = "subnet name '" + n.label() + "'";
            Az az = azFor(name.get(), how);
            azOfSubnetName.put(n, az);
            Resource sub = resources.get(n.shape.id());
            String key = name.get().key();
            Resource azRes = azResources.get(key);
            if (azRes == null) {
                String id = "az-from-subnet-names:" + name.get().token();
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("label", "AZ " + name.get().token() + " (named in subnet labels)");
                meta.put("page", Integer.toString(page.index()));
                meta.put("shape", "(none)");
                meta.put("drawnAs", "subnet names");
                meta.put("azHow", how);
                azRes = new Resource(idPrefix + id, id, "subnet-name-az", Kind.AVAILABILITY_ZONE,
                        Value.MapV.empty(sub.location()), sub.location(), page.format(), meta);
                azRes.setPlacement(Placement.zonal(List.of(az), how));
                model.add(azRes);
                azResources.put(key, azRes);
                azViews.add(new DiagramView.AzView(azRes, az, how));
            }
            model.relate(new Relation(RelationType.CONTAINS, azRes, sub, how, sub.location()));
        }
    }

    private final Map<Node, Az> azOfSubnetName = new HashMap<>();

    // ---------------------------------------------------------------- resources

    private boolean isResource(Node n) {
        if (n.isText()) {
            return false;
        }
        if (n.rec.isKnown() || n.container) {
            return true;
        }
        return n.endpoint;
    }

    private Resource resource(Node n) {
        String id = n.shape.id();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("label", n.label());
        meta.put("page", Integer.toString(page.index()));
        if (!page.name().isEmpty()) {
            meta.put("pageName", page.name());
        }
        meta.put("shape", n.shape.shapeName().isEmpty() ? n.rec.rawType() : n.shape.shapeName());
        meta.put("drawnAs", n.rec.drawnAs().name().toLowerCase(Locale.ROOT));
        meta.put("iconSet", n.rec.iconSet());
        if (!n.rec.family().isEmpty()) {
            meta.put("service", n.rec.family());
        }
        if (n.isIconLike()) {
            ShapeRecognizer.fromLabel(n.label()).ifPresent(l -> {
                meta.put("labelNames", l.rawType().substring("label:".length()));
                meta.put("labelService", l.family());
                meta.put("labelKind", l.kind().name());
            });
        }
        if (n.kind == Kind.SUBNET) {
            meta.put("subnetType", subnetType(n));
        }
        if (n.azHow != null) {
            meta.put("azHow", n.azHow);
        }
        if (n.container) {
            meta.put("container", "true");
        }
        // where it is drawn, for comparisons that read the picture's geometry (the N-th AZ box from the left)
        meta.put("box", String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f", n.box().x(), n.box().y(), n.box().w(), n.box().h()));
        if (inLegend(n)) {
            meta.put("legend", "true");
        }
        Node direct = directContainer(n);
        if (direct != null) {
            meta.put("in", direct.shape.id());
        }
        Map<String, Value> attrs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : n.shape.fields().entrySet()) {
            attrs.put(e.getKey(), new Value.Scalar(e.getValue(), "diagram field", n.shape.at()));
        }
        String rawType = n.rec.rawType();
        // A picture states no configuration: every property a rule asks for (encryption, Multi-AZ,
        // rotation...) is UNKNOWN, never "omitted, so the default applies".
        Value.MapV attributes = new Value.MapV(attrs, n.shape.at())
                .withUnknownRest("a diagram does not state the configuration of what it draws");
        return new Resource(idPrefix + id, id, rawType, n.kind, attributes, n.shape.at(), page.format(), meta);
    }

    private boolean inLegend(Node n) {
        if (LEGEND.matcher(n.label()).find() && n.container) {
            return true;
        }
        for (Node c : n.containers) {
            if (LEGEND.matcher(c.label()).find()) {
                return true;
            }
        }
        return false;
    }

    private static String subnetType(Node n) {
        String l = n.label().toLowerCase(Locale.ROOT);
        if (l.contains("public") || l.contains("dmz")) {
            return "public";
        }
        if (l.contains("private") || l.contains("isolated") || l.contains("protected")) {
            return "private";
        }
        String c = n.shape.style().color("strokeColor") + " " + n.shape.style().color("fontColor");
        if (c.contains("#7AA116") || c.contains("#248814") || c.contains("#3F8624")) {
            return "public";
        }
        if (c.contains("#00A4A6") || c.contains("#147EBA")) {
            return "private";
        }
        return "unknown";
    }

    private List<Node> azBoxList;

    /** The recognised AZ boxes of the page (computed once, after AZ recognition). */
    private List<Node> azBoxes() {
        if (azBoxList == null) {
            azBoxList = new ArrayList<>();
            for (Node c : nodes.values()) {
                if (c.kind == Kind.AVAILABILITY_ZONE && azOfBox.containsKey(c.shape.id())) {
                    azBoxList.add(c);
                }
            }
        }
        return azBoxList;
    }

    /** The AZ boxes a shape is in: those holding its centre, plus those it spans a quarter of its area into. */
    private List<Node> zoneBoxesOf(Node n) {
        List<Node> out = new ArrayList<>();
        for (Node c : n.containers) {
            if (c.kind == Kind.AVAILABILITY_ZONE && azOfBox.containsKey(c.shape.id())) {
                out.add(c);
            }
        }
        double area = Math.max(1, n.box().area());
        for (Node c : azBoxes()) {
            if (c != n && !out.contains(c)
                    && c.box().area() > area && c.box().overlap(n.box()) >= SPAN_FRACTION * area) {
                out.add(c);
            }
        }
        return out;
    }

    private Placement placement(Node n) {
        Kind k = n.kind;
        if (k == Kind.AVAILABILITY_ZONE) {
            Az az = azOfBox.get(n.shape.id());
            if (az != null) {
                azViews.add(new DiagramView.AzView(resources.get(n.shape.id()), az, n.azHow));
                return Placement.zonal(List.of(az), n.azHow);
            }
            return Placement.NONE;
        }
        if (k.isOutsideAws()) {
            return Placement.outsideAws("drawn as " + describeKind(k));
        }
        for (Node c : n.containers) {
            if (c.kind == Kind.ON_PREMISES) {
                return Placement.outsideAws("drawn inside '" + (c.label().isEmpty() ? "on-premises" : c.label()) + "'");
            }
        }
        List<Az> azs = new ArrayList<>();
        List<String> how = new ArrayList<>();
        for (Node b : zoneBoxesOf(n)) {
            azs.add(azOfBox.get(b.shape.id()));
            how.add(b.label().isEmpty() ? "cell " + b.shape.id() : "'" + b.label() + "'");
        }
        if (azs.isEmpty()) {
            Az fromName = azOfSubnetName.get(n);
            if (fromName != null) {
                return Placement.zonal(List.of(fromName), "named in its subnet label");
            }
            for (int i = n.containers.size() - 1; i >= 0; i--) {
                Az a = azOfSubnetName.get(n.containers.get(i));
                if (a != null) {
                    return Placement.zonal(List.of(a), "in subnet '" + n.containers.get(i).label() + "'");
                }
            }
        }
        if (!azs.isEmpty()) {
            return Placement.zonal(azs, "drawn in AZ " + String.join(" and ", how));
        }
        if (!ZONAL_KINDS.contains(k)) {
            return Placement.NONE;
        }
        for (int i = n.containers.size() - 1; i >= 0; i--) {
            Node c = n.containers.get(i);
            if (c.kind == Kind.VPC || c.kind == Kind.SUBNET) {
                return Placement.unknown("drawn in " + describeKind(c.kind) + " '" + c.label()
                        + "' but in no Availability Zone");
            }
        }
        return Placement.unknown("drawn outside any VPC or Availability Zone");
    }

    private static String describeKind(Kind k) {
        return switch (k) {
            case VPC -> "VPC";
            case USERS -> "users";
            case CLIENT_DEVICE -> "a client device";
            case ON_PREMISES -> "on-premises";
            case EXTERNAL_SYSTEM -> "an external system";
            default -> k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    // ---------------------------------------------------------------- edges

    private void edges(Model model, List<DiagramView.EdgeView> views, List<String> unresolved) {
        for (DrawnPage.Link l : page.links()) {
            StringBuilder snapped = new StringBuilder();
            Resource src = end(l.sourceId(), l.sourcePoint() != null ? l.sourcePoint()
                    : (l.points().isEmpty() ? null : l.points().get(0)), "source", snapped);
            Resource dst = end(l.targetId(), l.targetPoint() != null ? l.targetPoint()
                    : (l.points().isEmpty() ? null : l.points().get(l.points().size() - 1)), "target", snapped);
            if (src == null || dst == null || src == dst) {
                unresolved.add("cell " + l.id() + (l.label().isEmpty() ? "" : " '" + Labels.oneLine(l.label()) + "'")
                        + (src == dst && src != null ? ": both ends at " + src.name()
                        : ": " + (src == null ? "source" : "target") + " not found"));
                continue;
            }
            RelationType type = src.kind().isOutsideAws() || dst.kind().isOutsideAws()
                    || src.placement().scope() == Placement.Scope.OUTSIDE_AWS
                    || dst.placement().scope() == Placement.Scope.OUTSIDE_AWS
                    ? RelationType.CONNECTS_OUTSIDE : RelationType.ROUTES_TO;
            String label = Labels.oneLine(l.label());
            model.relate(new Relation(type, src, dst, label, l.at()));
            views.add(new DiagramView.EdgeView(l.id(), src, dst, type, label, snapped.toString()));
        }
    }

    /** An edge end: the shape it names (or its nearest resource ancestor), else the shape nearest its point. */
    private Resource end(String id, double[] point, String which, StringBuilder snapped) {
        if (id != null) {
            Node n = nodes.get(id);
            for (int depth = 0; n != null && depth < 200; depth++) {
                Resource r = resources.get(n.shape.id());
                if (r != null) {
                    return r;
                }
                n = n.shape.parentId() == null ? null : nodes.get(n.shape.parentId());
            }
        }
        if (point == null) {
            return null;
        }
        Resource best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Node n : nodes.values()) {
            Resource r = resources.get(n.shape.id());
            if (r == null || n.container) {
                continue;
            }
            double d = n.box().distance(point[0], point[1]);
            if (d < bestDistance) {
                bestDistance = d;
                best = r;
            }
        }
        if (best != null && bestDistance <= SNAP_DISTANCE) {
            snapped.append(snapped.length() == 0 ? "" : ", ").append(which).append(" snapped to ").append(best.name());
            return best;
        }
        // an end on a container's border points at the container itself
        for (Node n : nodes.values()) {
            Resource r = resources.get(n.shape.id());
            if (r == null || !n.container) {
                continue;
            }
            Box b = n.box();
            double inside = Math.min(Math.min(point[0] - b.x(), b.x() + b.w() - point[0]),
                    Math.min(point[1] - b.y(), b.y() + b.h() - point[1]));
            double border = b.containsPoint(point[0], point[1]) ? inside : b.distance(point[0], point[1]);
            if (border <= 15) {
                snapped.append(snapped.length() == 0 ? "" : ", ").append(which).append(" snapped to ").append(r.name());
                return r;
            }
        }
        return null;
    }

    /** The location of the page for page-level findings. */
    public static SourceLocation pageLocation(DrawnPage p) {
        return p.where();
    }

    /** Every resource kind this interpreter places by drawing; used by rules that ask whether a tier is zonal. */
    public static Set<Kind> zonalKinds() {
        return java.util.Collections.unmodifiableSet(ZONAL_KINDS);
    }

    /** Group kinds (containers) of diagrams. */
    public static Set<Kind> groupKinds() {
        return java.util.Collections.unmodifiableSet(GROUP_KINDS);
    }

    static Set<String> ids(List<Resource> rs) {
        Set<String> out = new HashSet<>();
        for (Resource r : rs) {
            out.add(r.id());
        }
        return out;
    }
}
