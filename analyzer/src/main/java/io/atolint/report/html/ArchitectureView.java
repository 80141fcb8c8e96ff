package io.atolint.report.html;

import io.atolint.analysis.Analysis;
import io.atolint.graph.ResourceGraph;
import io.atolint.model.Az;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Names;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.rule.RuleRun;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the architecture picture shows, derived from the resolved model whatever the input format:
 * nested boxes (outside AWS, global, region, VPC, Availability Zone, subnet, and a box for resources
 * whose placement is UNKNOWN), the drawn resources in the innermost box that holds all their subnets
 * (an ALB whose subnets share one AZ lands in that AZ's box), and the edges: traffic (load balancer to
 * targets, CloudFront to origins, drawn arrows), use (compute referring to a data store), ingress from
 * the internet to public entry points, and connections outside AWS. Findings mark resources failing,
 * single points of failure, or undecided.
 */
public final class ArchitectureView {
    private static final Pattern PROTOCOL_PORT = Pattern.compile("([A-Z][A-Z0-9]*):(\\d+)");
    private static final Pattern PORT = Pattern.compile("\\b(tcp|udp)/\\d+(-\\d+)?");
    private static final Set<Kind> CONTAINER_KINDS = Set.of(Kind.VPC, Kind.SUBNET, Kind.REGION,
            Kind.AVAILABILITY_ZONE, Kind.AWS_CLOUD, Kind.ACCOUNT);

    /**
     * The kinds of boxes, outermost first; {@code LOOSE} is made by the layout to pack the resources of a
     * box that no edge touches into a grid instead of one long column.
     */
    public enum BoxKind { OUTSIDE, GLOBAL, REGION, VPC, AZ, SUBNET, UNPLACED, LOOSE }

    /** How a resource is marked. */
    public enum Mark { NONE, NOTE, FAILING, SPOF }

    public enum EdgeKind { TRAFFIC, USES, INGRESS, OUTSIDE }

    /** A box and what it holds. */
    public static final class Box {
        private final String id;
        private final BoxKind kind;
        private final String label;
        private final String detail;
        private final boolean publicSubnet;
        private final List<Box> boxes = new ArrayList<>();
        private final List<Node> nodes = new ArrayList<>();
        private Box parent;

        Box(String id, BoxKind kind, String label, String detail, boolean publicSubnet) {
            this.id = id;
            this.kind = kind;
            this.label = label;
            this.detail = detail;
            this.publicSubnet = publicSubnet;
        }

        public String id() {
            return id;
        }

        public BoxKind kind() {
            return kind;
        }

        public String label() {
            return label;
        }

        public String detail() {
            return detail;
        }

        public boolean publicSubnet() {
            return publicSubnet;
        }

        public List<Box> boxes() {
            return boxes;
        }

        public List<Node> nodes() {
            return nodes;
        }

        Box add(Box b) {
            b.parent = this;
            boxes.add(b);
            return b;
        }

        boolean isEmpty() {
            return nodes.isEmpty() && boxes.stream().allMatch(Box::isEmpty);
        }

        int depth() {
            return parent == null ? 0 : parent.depth() + 1;
        }
    }

    /** A drawn resource (or the synthetic internet). */
    public record Node(String id, String kindLabel, String name, String detail, DrawnKinds.Family family, Mark mark,
                       List<String> problems, String tooltip) {
    }

    public record Edge(String from, String to, EdgeKind kind, String label) {
    }

    private final Box root;
    private final List<Edge> edges;
    private final Map<String, Integer> notDrawn;
    private final int drawnCount;

    private ArchitectureView(Box root, List<Edge> edges, Map<String, Integer> notDrawn, int drawnCount) {
        this.root = root;
        this.edges = List.copyOf(edges);
        this.notDrawn = notDrawn;
        this.drawnCount = drawnCount;
    }

    public Box root() {
        return root;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** Supporting resources not drawn, by kind label. */
    public Map<String, Integer> notDrawn() {
        return notDrawn;
    }

    /** How many resources are drawn (the internet node excepted). */
    public int drawnCount() {
        return drawnCount;
    }

    /** The picture of every model of the analysis together. */
    public static ArchitectureView of(Analysis a) {
        return new Builder(a, null).build();
    }

    /** The picture of one model (a template, a stack with its nested stacks, a Terraform root, a diagram page). */
    public static ArchitectureView of(Analysis a, Model model) {
        return new Builder(a, model).build();
    }

    /** Builds the view in one pass over the graph; every order follows the model's, so output is stable. */
    private static final class Builder {
        private final Analysis analysis;
        private final ResourceGraph graph;
        private final Box root = new Box("root", BoxKind.REGION, "", "", false);
        private final Box outside = new Box("outside", BoxKind.OUTSIDE, "Outside AWS", "", false);
        private final Box global = new Box("global", BoxKind.GLOBAL, "Global services", "", false);
        private final Box region;
        private final Box unplaced = new Box("unplaced", BoxKind.UNPLACED, "Placement UNKNOWN",
                "where these run cannot be decided from the files", false);
        private final Map<Resource, Box> vpcBoxes = new LinkedHashMap<>();
        private final Map<Resource, Box> subnetBoxes = new LinkedHashMap<>();
        private final Map<String, Box> azBoxes = new HashMap<>();
        private final Map<Resource, Node> nodes = new LinkedHashMap<>();
        private final Map<Resource, List<Finding>> findingsOf = new HashMap<>();
        private final Model only;
        private Box externalVpc;

        Builder(Analysis analysis, Model only) {
            this.analysis = analysis;
            this.graph = analysis.graph();
            this.only = only;
            String r = analysis.options().regionOpt().orElse(null);
            this.region = new Box("region", BoxKind.REGION, r == null ? "Region (not given)" : "Region " + r,
                    r == null ? "AZ names stay symbolic without --region" : "", false);
        }

        ArchitectureView build() {
            indexFindings();
            for (Resource vpc : resources(Kind.VPC)) {
                vpcBoxes.put(vpc, region.add(new Box(boxId("vpc", vpc), BoxKind.VPC, "VPC " + shortName(vpc),
                        io.atolint.model.Setting.of(vpc, "CidrBlock").string().orElse(""), false)));
            }
            for (Resource subnet : resources(Kind.SUBNET)) {
                Box vpc = vpcOf(subnet);
                Az az = subnet.placement().azs().isEmpty() ? Az.unknown("no AZ") : subnet.placement().azs().get(0);
                Box azBox = azBox(vpc, az, ancestor(subnet, Kind.AVAILABILITY_ZONE).orElse(null));
                subnetBoxes.put(subnet, azBox.add(new Box(boxId("subnet", subnet), BoxKind.SUBNET,
                        shortName(subnet), subnetDetail(subnet), isPublic(subnet))));
            }
            List<Resource> drawn = new ArrayList<>();
            Map<String, Integer> notDrawn = new TreeMap<>();
            for (Resource r : only == null ? graph.resources() : only.resources()) {
                if (isDrawn(r)) {
                    drawn.add(r);
                } else if (!CONTAINER_KINDS.contains(r.kind()) && !r.meta().containsKey("legend")) {
                    notDrawn.merge(Names.kindLabel(r.kind()), 1, Integer::sum);
                }
            }
            Map<Resource, List<String>> borrowed = borrowedProblems(drawn);
            for (Resource r : drawn) {
                Node n = node(r, borrowed.getOrDefault(r, List.of()));
                nodes.put(r, n);
                containerOf(r).nodes.add(n);
            }
            List<Edge> edges = new ArrayList<>();
            traffic(drawn, edges);
            uses(drawn, edges);
            ingress(drawn, edges);
            outsideConnections(drawn, edges);
            for (Box b : List.of(outside, global, region, unplaced)) {
                if (!b.isEmpty()) {
                    root.add(b);
                }
            }
            prune(root);
            return new ArchitectureView(root, edges, notDrawn, drawn.size());
        }

        private List<Resource> resources(Kind kind) {
            return only == null ? graph.resources(kind) : only.resources(kind);
        }

        private static String boxId(String prefix, Resource r) {
            return prefix + ":" + r.id();
        }

        private boolean isDrawn(Resource r) {
            return DrawnKinds.drawn(r.kind(), r.format().isDiagram()) && !r.meta().containsKey("legend")
                    && !r.meta().containsKey("container");
        }

        private void indexFindings() {
            for (Finding f : analysis.findings()) {
                if (f.resource() == null || f.isSuppressed()) {
                    continue;
                }
                RuleRun run = analysis.runs().get(f.ruleId());
                if (f.severity() == Severity.INFO && run != null && run.isInformational(f)) {
                    continue; // a fact about a passing resource, not a doubt
                }
                findingsOf.computeIfAbsent(f.resource(), k -> new ArrayList<>()).add(f);
            }
        }

        // ------------------------------------------------------------ boxes

        /** The VPC holding a subnet, directly (IaC) or through drawn groups such as an AZ box (diagrams). */
        private Box vpcOf(Resource subnet) {
            Optional<Resource> vpc = ancestor(subnet, Kind.VPC);
            if (vpc.isPresent() && vpcBoxes.containsKey(vpc.get())) {
                return vpcBoxes.get(vpc.get());
            }
            if (externalVpc == null) {
                externalVpc = region.add(new Box("vpc:?", BoxKind.VPC, "VPC outside the scanned files",
                        "subnets whose VPC is not defined here", false));
            }
            return externalVpc;
        }

        /** The nearest container of a kind, following containment up (bounded: drawn groups nest a few deep). */
        private Optional<Resource> ancestor(Resource r, Kind kind) {
            Set<Resource> seen = new HashSet<>();
            List<Resource> level = List.of(r);
            for (int depth = 0; depth < 6 && !level.isEmpty(); depth++) {
                List<Resource> next = new ArrayList<>();
                for (Resource x : level) {
                    for (Resource p : graph.sources(x, RelationType.CONTAINS)) {
                        if (p.kind() == kind) {
                            return Optional.of(p);
                        }
                        if (seen.add(p)) {
                            next.add(p);
                        }
                    }
                }
                level = next;
            }
            return Optional.empty();
        }

        private Box azBox(Box vpc, Az az) {
            return azBox(vpc, az, null);
        }

        /** One box per AZ value in a VPC; a drawn AZ group lends its label ("Availability Zone 2"). */
        private Box azBox(Box vpc, Az az, Resource drawnAz) {
            String key = vpc.id() + "|" + az.value();
            String how = az.how().isEmpty() || az.how().equals("literal") ? "" : az.how();
            String label = !az.isKnown() ? "AZ UNKNOWN" : drawnAz != null ? drawnAz.meta("label").filter(l -> !l.isBlank())
                    .orElse("AZ " + shortAz(az.value())) : "AZ " + shortAz(az.value());
            return azBoxes.computeIfAbsent(key, k -> vpc.add(new Box("az:" + key, BoxKind.AZ, label, how, false)));
        }

        /** A diagram's AZ symbol ({@code architecture.drawio p1 AZ[1]}) without the file and page. */
        static String shortAz(String value) {
            int space = value.lastIndexOf(' ');
            return space < 0 ? value : value.substring(space + 1);
        }

        private String subnetDetail(Resource subnet) {
            List<String> parts = new ArrayList<>();
            io.atolint.model.Setting.of(subnet, "CidrBlock").string().ifPresent(parts::add);
            parts.add(isPublic(subnet) ? "public" : "private");
            return String.join(" · ", parts);
        }

        /** Public: maps public IPs, routes to an internet gateway, or a diagram says so. */
        private boolean isPublic(Resource subnet) {
            if (subnet.meta("subnetType").map(t -> t.toLowerCase(java.util.Locale.ROOT).contains("public")).orElse(false)) {
                return true;
            }
            if (io.atolint.model.Setting.of(subnet, "MapPublicIpOnLaunch").bool().isTrue()) {
                return true;
            }
            for (Resource table : graph.targets(subnet, RelationType.ROUTES_TO)) {
                for (Resource gw : graph.targets(table, RelationType.ROUTES_TO)) {
                    if (gw.kind() == Kind.INTERNET_GATEWAY) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The innermost box that holds every subnet the resource runs in, else a box by placement. */
        private Box containerOf(Resource r) {
            DrawnKinds.Family family = DrawnKinds.family(r.kind());
            Placement p = r.placement();
            if (family == DrawnKinds.Family.OUTSIDE || p.scope() == Placement.Scope.OUTSIDE_AWS) {
                return outside;
            }
            List<Box> subnets = new ArrayList<>();
            for (Resource s : subnetsOf(r)) {
                Box b = subnetBoxes.get(s);
                if (b != null && !subnets.contains(b)) {
                    subnets.add(b);
                }
            }
            if (!subnets.isEmpty()) {
                return lowestCommon(subnets);
            }
            Optional<Box> vpc = vpcOfResource(r);
            return switch (p.scope()) {
                case GLOBAL -> global;
                case UNKNOWN -> unplaced;
                case ZONAL, ONE_OF -> {
                    Set<String> azs = new LinkedHashSet<>();
                    p.azs().forEach(az -> azs.add(az.value()));
                    if (vpc.isPresent() && azs.size() == 1 && p.scope() == Placement.Scope.ZONAL) {
                        yield azBox(vpc.get(), p.azs().get(0));
                    }
                    yield vpc.orElse(region);
                }
                default -> vpc.orElse(region);
            };
        }

        private List<Resource> subnetsOf(Resource r) {
            List<Resource> out = new ArrayList<>();
            for (Resource s : graph.sources(r, RelationType.CONTAINS)) {
                if (s.kind() == Kind.SUBNET) {
                    out.add(s);
                }
            }
            if (out.isEmpty()) {
                for (Resource group : graph.targets(r, RelationType.REFERENCES)) {
                    if (DrawnKinds.isSubnetGroup(group.kind())) {
                        for (Resource s : graph.sources(group, RelationType.CONTAINS)) {
                            if (s.kind() == Kind.SUBNET && !out.contains(s)) {
                                out.add(s);
                            }
                        }
                    }
                }
            }
            return out;
        }

        private Optional<Box> vpcOfResource(Resource r) {
            Optional<Resource> v0 = ancestor(r, Kind.VPC);
            if (v0.isPresent() && vpcBoxes.containsKey(v0.get())) {
                return Optional.of(vpcBoxes.get(v0.get()));
            }
            for (Resource v : graph.targets(r, RelationType.ATTACHED_TO)) {
                if (vpcBoxes.containsKey(v)) {
                    return Optional.of(vpcBoxes.get(v));
                }
            }
            return Optional.empty();
        }

        private static Box lowestCommon(List<Box> boxes) {
            Box common = boxes.get(0);
            for (Box b : boxes.subList(1, boxes.size())) {
                common = lowestCommon(common, b);
            }
            return common;
        }

        private static Box lowestCommon(Box a, Box b) {
            Set<Box> ancestors = new HashSet<>();
            for (Box x = a; x != null; x = x.parent) {
                ancestors.add(x);
            }
            for (Box y = b; y != null; y = y.parent) {
                if (ancestors.contains(y)) {
                    return y;
                }
            }
            return a;
        }

        /** Drops empty boxes (an AZ with only empty subnets stays: its subnets say what is there). */
        private static void prune(Box b) {
            b.boxes.removeIf(c -> c.kind() != BoxKind.SUBNET && c.kind() != BoxKind.AZ && c.isEmpty()
                    && c.kind() != BoxKind.VPC);
            b.boxes.forEach(Builder::prune);
        }

        // ------------------------------------------------------------ nodes

        private Node node(Resource r, List<String> borrowed) {
            List<Finding> fs = findingsOf.getOrDefault(r, List.of());
            Mark mark = Mark.NONE;
            List<String> problems = new ArrayList<>();
            for (Finding f : fs) {
                problems.add(f.severity().name() + " " + f.ruleId() + " " + f.message());
                Mark m = f.severity() == Severity.INFO ? Mark.NOTE : isSpof(f) ? Mark.SPOF : Mark.FAILING;
                if (m.ordinal() > mark.ordinal()) {
                    mark = m;
                }
            }
            for (String b : borrowed) {
                problems.add(b);
                if (!b.startsWith("INFO") && mark.ordinal() < Mark.FAILING.ordinal()) {
                    mark = Mark.FAILING;
                }
            }
            String kindLabel = r.kind() == Kind.LOAD_BALANCER ? Names.loadBalancerFlavour(r)
                    : r.kind() == Kind.UNKNOWN ? r.rawType() : Names.kindLabel(r.kind());
            String name = shortName(r);
            StringBuilder tip = new StringBuilder(kindLabel + " \"" + r.displayName() + "\"\n" + r.rawType()
                    + "\nplacement: " + r.placement().display() + "\n" + r.location().display());
            problems.forEach(p -> tip.append("\n- ").append(p));
            return new Node(r.id(), kindLabel, name, placementDetail(r.placement()), DrawnKinds.family(r.kind()), mark,
                    List.copyOf(problems), tip.toString());
        }

        /**
         * What a resource is called in the picture: a diagram's label, a CDK construct path without the
         * stack, the {@code /Resource} leaf and the hashed logical id (the tooltip keeps the full name).
         */
        static String shortName(Resource r) {
            if (r.format().isDiagram()) {
                // drawn groups often share a label ("Public subnet"): boxes keep the cell id
                return r.kind() == Kind.SUBNET || r.kind() == Kind.VPC ? r.displayName()
                        : r.meta("label").filter(l -> !l.isBlank()).orElse(r.displayName());
            }
            Optional<String> cdk = r.meta("cdkPath");
            if (cdk.isEmpty()) {
                return r.displayName();
            }
            List<String> parts = new ArrayList<>(List.of(cdk.get().split("/")));
            if (parts.size() > 1) {
                parts.remove(0);
            }
            if (parts.size() > 1 && (parts.get(parts.size() - 1).equals("Resource") || parts.get(parts.size() - 1).equals("Default"))) {
                parts.remove(parts.size() - 1);
            }
            String name = String.join("/", parts);
            if (name.length() > 21 && parts.size() > 2) {
                name = String.join("/", parts.subList(parts.size() - 2, parts.size()));
            }
            return name;
        }

        private static boolean isSpof(Finding f) {
            return f.ruleId().startsWith("SPOF");
        }

        private static String placementDetail(Placement p) {
            Set<String> values = new LinkedHashSet<>();
            p.azs().forEach(az -> values.add(shortAz(az.value())));
            return switch (p.scope()) {
                case ZONAL -> values.size() == 1 ? "1 AZ: " + values.iterator().next() : values.size() + " AZs: " + String.join(", ", values);
                case ONE_OF -> "1 AZ of: " + String.join(", ", values);
                case REGIONAL -> "regional";
                case GLOBAL -> "global";
                case OUTSIDE_AWS -> "outside AWS";
                case UNKNOWN -> "AZ UNKNOWN";
                case NONE -> "";
            };
        }

        /**
         * Findings on resources that are not drawn (a listener, a launch template, a subnet group) are
         * shown on the drawn resource they belong to: what they are attached to, or what refers to them.
         */
        private Map<Resource, List<String>> borrowedProblems(List<Resource> drawn) {
            Set<Resource> drawnSet = new HashSet<>(drawn);
            Map<Resource, List<String>> out = new HashMap<>();
            for (Map.Entry<Resource, List<Finding>> e : findingsOf.entrySet()) {
                Resource r = e.getKey();
                if (drawnSet.contains(r) || !graph.jgrapht().containsVertex(r)) {
                    continue;
                }
                Resource owner = null;
                for (Resource t : graph.targets(r, RelationType.ATTACHED_TO)) {
                    if (drawnSet.contains(t)) {
                        owner = t;
                        break;
                    }
                }
                if (owner == null) {
                    for (Resource s : graph.sources(r, RelationType.REFERENCES)) {
                        if (drawnSet.contains(s)) {
                            owner = s;
                            break;
                        }
                    }
                }
                if (owner != null) {
                    for (Finding f : e.getValue()) {
                        out.computeIfAbsent(owner, k -> new ArrayList<>()).add(f.severity().name() + " " + f.ruleId()
                                + " (on " + Names.of(r) + ") " + f.message());
                    }
                }
            }
            return out;
        }

        // ------------------------------------------------------------ edges

        /**
         * Follows traffic relations through undrawn resources (target groups, listeners) to drawn ones;
         * the edge is labelled with the most telling protocol found on any way there (a listener's
         * {@code HTTPS:443} before a security group's {@code tcp/8080}).
         */
        private void traffic(List<Resource> drawn, List<Edge> edges) {
            for (Resource from : drawn) {
                Map<Resource, String> reached = new LinkedHashMap<>();
                Set<Resource> seen = new HashSet<>(Set.of(from));
                Deque<Object[]> queue = new ArrayDeque<>();
                for (Relation rel : graph.outgoing(from, RelationType.ROUTES_TO)) {
                    queue.add(new Object[]{rel.target(), label(rel), 1});
                }
                while (!queue.isEmpty()) {
                    Object[] cur = queue.poll();
                    Resource t = (Resource) cur[0];
                    String label = (String) cur[1];
                    if (nodes.containsKey(t)) {
                        if (!t.equals(from)) {
                            reached.merge(t, label == null ? "" : label, Builder::better);
                        }
                        continue;
                    }
                    int depth = (Integer) cur[2];
                    if (seen.add(t) && depth < 4) {
                        for (Relation rel : graph.outgoing(t, RelationType.ROUTES_TO)) {
                            queue.add(new Object[]{rel.target(), better(label == null ? "" : label, label(rel)), depth + 1});
                        }
                    }
                }
                reached.forEach((t, label) -> addEdge(edges, new Edge(from.id(), t.id(), EdgeKind.TRAFFIC,
                        label.isEmpty() ? null : label)));
            }
        }

        /** A listener's protocol and port beats a port; anything beats nothing. */
        private static String better(String a, String b) {
            if (b == null || b.isEmpty()) {
                return a;
            }
            if (a == null || a.isEmpty()) {
                return b;
            }
            return rank(b) > rank(a) ? b : a;
        }

        private static int rank(String label) {
            return PROTOCOL_PORT.matcher(label).matches() ? 2 : 1;
        }

        private static String label(Relation rel) {
            Matcher m = PROTOCOL_PORT.matcher(rel.via());
            if (m.find()) {
                return m.group();
            }
            Matcher p = PORT.matcher(rel.via());
            if (p.find()) {
                return p.group();
            }
            if (rel.source().format().isDiagram() && !rel.via().isBlank() && rel.via().length() <= 20) {
                return rel.via();
            }
            return null;
        }

        /** Compute that refers (through undrawn resources, such as a launch template) to a data store. */
        private void uses(List<Resource> drawn, List<Edge> edges) {
            for (Resource from : drawn) {
                if (DrawnKinds.family(from.kind()) != DrawnKinds.Family.COMPUTE) {
                    continue;
                }
                Set<Resource> seen = new HashSet<>(Set.of(from));
                List<Resource> frontier = List.of(from);
                for (int depth = 0; depth < 3 && !frontier.isEmpty(); depth++) {
                    List<Resource> next = new ArrayList<>();
                    for (Resource r : frontier) {
                        for (Resource t : graph.targets(r, RelationType.REFERENCES)) {
                            if (!seen.add(t)) {
                                continue;
                            }
                            if (nodes.containsKey(t)) {
                                if (DrawnKinds.family(t.kind()) == DrawnKinds.Family.DATA) {
                                    addEdge(edges, new Edge(from.id(), t.id(), EdgeKind.USES, null));
                                }
                            } else if (!CONTAINER_KINDS.contains(t.kind())) {
                                next.add(t);
                            }
                        }
                    }
                    frontier = next;
                }
            }
        }

        /** The internet reaches public entry points of what the IaC deploys (diagrams draw their own users). */
        private void ingress(List<Resource> drawn, List<Edge> edges) {
            List<Resource> entries = new ArrayList<>();
            for (Resource r : drawn) {
                if (!r.format().isDiagram() && isPublicEntry(r)) {
                    entries.add(r);
                }
            }
            if (entries.isEmpty()) {
                return;
            }
            outside.nodes.add(0, new Node("internet", "Internet", "Internet", "users and clients",
                    DrawnKinds.Family.OUTSIDE, Mark.NONE, List.of(), "Internet: where public entry points are reached from"));
            for (Resource r : entries) {
                addEdge(edges, new Edge("internet", r.id(), EdgeKind.INGRESS, null));
            }
        }

        private static boolean isPublicEntry(Resource r) {
            return switch (r.kind()) {
                case LOAD_BALANCER -> {
                    String scheme = io.atolint.model.Setting.of(r, "Scheme").stringOrDefault().orElse("");
                    boolean internal = io.atolint.model.Setting.of(r, "Internal").bool().isTrue();
                    yield !scheme.equalsIgnoreCase("internal") && !internal;
                }
                case CLOUDFRONT_DISTRIBUTION, API_GATEWAY, GLOBAL_ACCELERATOR, INTERNET_GATEWAY -> true;
                default -> false;
            };
        }

        /** VPN and Direct Connect links, and what drawn network resources are attached to. */
        private void outsideConnections(List<Resource> drawn, List<Edge> edges) {
            for (Resource from : drawn) {
                for (Relation rel : graph.outgoing(from, RelationType.CONNECTS_OUTSIDE)) {
                    if (nodes.containsKey(rel.target())) {
                        addEdge(edges, new Edge(from.id(), rel.target().id(), EdgeKind.OUTSIDE, label(rel)));
                    }
                }
                if (DrawnKinds.family(from.kind()) == DrawnKinds.Family.NETWORK) {
                    for (Relation rel : graph.outgoing(from, RelationType.ATTACHED_TO)) {
                        if (nodes.containsKey(rel.target())) {
                            addEdge(edges, new Edge(from.id(), rel.target().id(), EdgeKind.OUTSIDE, null));
                        }
                    }
                }
            }
        }

        private static void addEdge(List<Edge> edges, Edge e) {
            for (Edge x : edges) {
                if (x.from().equals(e.from()) && x.to().equals(e.to())) {
                    return;
                }
            }
            edges.add(e);
        }
    }
}
