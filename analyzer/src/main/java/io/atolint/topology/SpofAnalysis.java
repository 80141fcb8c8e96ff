package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Az;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Workloads;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.Multigraph;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the single points of failure of a model's topology:
 * <ul>
 *   <li>NAT: a NAT gateway whose clients (private subnets routing to it, resources drawn sending to it)
 *       are in other AZs than it; every NAT instance;</li>
 *   <li>a lone EC2 instance on a path from ingress to data;</li>
 *   <li>a group or service that runs a single copy ({@link Capacity});</li>
 *   <li>a single-AZ data store that a provably multi-AZ tier sends requests to;</li>
 *   <li>cut points of the traffic graph, found by JGraphT's {@link BiconnectivityInspector} (Hopcroft-Tarjan,
 *       O(V + E), recursive: run on a thread with a large stack, see {@link Topology}) on the undirected
 *       multigraph of replica sets (one edge per hop, so that parallel links are never bridges). A cut
 *       point, or the end of a path, is kept when every path between one ingress point and one end
 *       crosses it and it is not multi-AZ: AWS-managed regional services that are multi-AZ by
 *       construction (S3, DynamoDB, SQS, SNS, internet, VPN and transit gateways, CloudFront, API
 *       Gateway) and anything provably in two AZs (a load balancer in two AZs, a Multi-AZ database) are
 *       excluded. Single-AZ load balancers, compute and data that are cut points are recorded as
 *       {@link Spof.Category#SINGLE_AZ_HOP} (the tier rules report them); the rest as
 *       {@link Spof.Category#CUT_POINT};</li>
 *   <li>bridges of the same graph whose one end is an on-premises site or external system and whose
 *       other end is not VPN or Direct Connect equipment (that redundancy is judged per site).</li>
 * </ul>
 */
final class SpofAnalysis {
    private static final Set<Kind> CONNECTIVITY = EnumSet.of(Kind.CUSTOMER_GATEWAY, Kind.VPN_CONNECTION,
            Kind.VPN_GATEWAY, Kind.DX_CONNECTION, Kind.DX_GATEWAY, Kind.DX_VIRTUAL_INTERFACE, Kind.TRANSIT_GATEWAY,
            Kind.TRANSIT_GATEWAY_ATTACHMENT);

    private final ResourceGraph graph;
    private final ModelTopology topo;
    private final List<Spof> out = new ArrayList<>();
    private final Set<ReplicaSet> judged = new HashSet<>();

    SpofAnalysis(ResourceGraph graph, ModelTopology topo) {
        this.graph = graph;
        this.topo = topo;
    }

    List<Spof> run() {
        nats();
        loneInstances();
        singleCopies();
        singleAzDependencies();
        cutPointsAndBridges();
        return out;
    }

    private void add(Spof.Category c, Tri proven, Resource r, ReplicaSet s, String why, SourceLocation at,
                     List<TrafficPath> paths, List<Finding.Related> related) {
        out.add(new Spof(c, proven, r, s, why, at, paths, related));
        if (s != null && proven.isTrue()) {
            judged.add(s);
        }
    }

    // ------------------------------------------------------------ NAT

    private void nats() {
        Map<Resource, List<Egress.Client>> byNat = new LinkedHashMap<>();
        for (Egress.Client c : topo.egress()) {
            byNat.computeIfAbsent(c.nat(), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<Resource, List<Egress.Client>> e : byNat.entrySet()) {
            Resource nat = e.getKey();
            ReplicaSet set = topo.setOf(nat).orElse(null);
            List<Finding.Related> related = new ArrayList<>();
            for (Egress.Client c : e.getValue()) {
                related.add(new Finding.Related(c.how() + " (" + c.client().placement().display() + ")", c.at(),
                        c.client().id()));
            }
            if (Egress.isNatInstance(graph, nat)) {
                add(Spof.Category.NAT, Tri.TRUE, nat, set, "NAT instance " + nat.displayName() + " is one EC2 "
                        + "instance with no failover; " + clients(e.getValue()) + (e.getValue().size() == 1 ? " loses"
                        : " lose") + " internet egress when it stops",
                        nat.location(), List.of(), related);
                continue;
            }
            Placement np = nat.placement();
            if (np.scope() != Placement.Scope.ZONAL || np.azs().size() != 1) {
                add(Spof.Category.NAT, Tri.UNKNOWN, nat, set, "cannot tell which AZ NAT gateway " + nat.displayName()
                        + " is in: " + np.display(), nat.location(), List.of(), related);
                continue;
            }
            Az natAz = np.azs().get(0);
            List<Egress.Client> elsewhere = new ArrayList<>();
            List<Egress.Client> unsure = new ArrayList<>();
            for (Egress.Client c : e.getValue()) {
                Tri same = sameZone(c.client().placement(), natAz);
                if (same.isFalse()) {
                    elsewhere.add(c);
                } else if (!same.isKnown()) {
                    unsure.add(c);
                }
            }
            if (!elsewhere.isEmpty()) {
                add(Spof.Category.NAT, Tri.TRUE, nat, set, natName(nat) + " in " + natAz.value()
                        + " also serves " + clients(elsewhere) + ": " + (elsewhere.size() == 1 ? "it loses" : "they lose")
                        + " internet egress when " + natAz.value()
                        + " fails (one NAT gateway per AZ avoids it)", nat.location(), List.of(), related);
            } else if (!unsure.isEmpty()) {
                add(Spof.Category.NAT, Tri.UNKNOWN, nat, set, "cannot prove " + natName(nat) + " ("
                        + natAz.explain() + ") serves only its own AZ: " + clients(unsure), nat.location(), List.of(), related);
            }
        }
    }

    /** TRUE when every AZ of {@code p} is provably {@code az}, FALSE when one provably is not. */
    private static Tri sameZone(Placement p, Az az) {
        if (p.scope() != Placement.Scope.ZONAL && p.scope() != Placement.Scope.ONE_OF) {
            return Tri.UNKNOWN;
        }
        if (p.azs().isEmpty()) {
            return Tri.UNKNOWN;
        }
        Tri all = Tri.TRUE;
        for (Az a : p.azs()) {
            Tri s = a.sameAs(az);
            if (s.isFalse() && p.scope() == Placement.Scope.ZONAL) {
                return Tri.FALSE;
            }
            all = all.and(s);
        }
        return all.isTrue() ? Tri.TRUE : p.scope() == Placement.Scope.ONE_OF
                && p.azs().stream().allMatch(a -> a.sameAs(az).isFalse()) ? Tri.FALSE : Tri.UNKNOWN;
    }

    private static String clients(List<Egress.Client> cs) {
        Set<String> parts = new LinkedHashSet<>();
        for (Egress.Client c : cs) {
            parts.add(c.client().displayName() + " (" + placementValues(c.client().placement()) + ")");
        }
        return String.join(", ", parts);
    }

    private static String placementValues(Placement p) {
        return p.scope() == Placement.Scope.ZONAL || p.scope() == Placement.Scope.ONE_OF
                ? ReplicaSet.values(p.azs()) : p.display();
    }

    // ------------------------------------------------------------ lone instances, single copies

    private void loneInstances() {
        for (ReplicaSet s : topo.sets()) {
            // an instance drawn in an Auto Scaling group (or EKS, Beanstalk) box is replaced by the group when it
            // fails: where the group runs is HA002's concern, not a lone instance's
            if (s.role().orElse(null) != Role.COMPUTE || s.replicas().size() != 1
                    || s.replicas().get(0).kind() != Kind.EC2_INSTANCE
                    || s.vertices().stream().anyMatch(v -> TrafficGraph.MEMBER_GROUPS.contains(v.kind()))
                    || labelledAsSeveral(s.replicas().get(0))) {
                continue;
            }
            List<TrafficPath> paths = topo.pathsThrough(s).stream()
                    .filter(p -> p.end().role().orElse(null) == Role.DATA).toList();
            if (paths.isEmpty()) {
                continue;
            }
            Resource r = s.replicas().get(0);
            add(Spof.Category.LONE_INSTANCE, Tri.TRUE, r, s, Names.of(r) + " serves its hop alone on path "
                    + paths.get(0).display() + " (" + s.where() + "): nothing replaces it when it or its AZ fails",
                    r.location(), paths, Evidence.path(paths.get(0), r));
        }
    }

    /**
     * One icon whose label says it stands for several instances ("Web servers x2", "App (Auto Scaling)"): not a
     * lone instance; where it is drawn is still HA002's and DIAG004's concern.
     */
    private static boolean labelledAsSeveral(Resource r) {
        return DrawnCount.several(r);
    }

    /** "NAT gateway Nat", or "NAT gateway \"NAT gateway 1\"" for a drawn icon its label names by the kind. */
    private static String natName(Resource nat) {
        return nat.displayName().toLowerCase(java.util.Locale.ROOT).startsWith("nat gateway") ? Names.of(nat)
                : "NAT gateway " + nat.displayName();
    }

    private void singleCopies() {
        for (ReplicaSet s : topo.sets()) {
            Capacity c = s.capacity();
            Resource r = s.primary();
            if (c.one().isTrue()) {
                add(Spof.Category.SINGLE_COPY, Tri.TRUE, r, s, Names.of(r) + " runs a single copy (" + c.why() + ")",
                        c.at(), topo.pathsThrough(s), List.of());
            } else if (!c.one().isKnown() && !c.why().isEmpty() && !c.why().endsWith("not stated")) {
                add(Spof.Category.SINGLE_COPY, Tri.UNKNOWN, r, s, "cannot prove " + Names.of(r)
                        + " runs more than one copy: " + c.why(), c.at(), topo.pathsThrough(s), List.of());
            }
        }
    }

    // ------------------------------------------------------------ data dependencies

    private void singleAzDependencies() {
        for (ReplicaSet data : topo.sets()) {
            if (data.role().orElse(null) != Role.DATA || !data.multiAz().isFalse()) {
                continue;
            }
            List<ReplicaSet> multi = new ArrayList<>();
            for (ReplicaSet up : topo.upstream(data)) {
                Role r = up.role().orElse(null);
                if ((r == Role.COMPUTE || r == Role.LOAD_BALANCING) && up.multiAz().isTrue() && !up.capacity().isOne()) {
                    multi.add(up);
                }
            }
            if (multi.isEmpty()) {
                continue;
            }
            List<Finding.Related> related = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (ReplicaSet up : multi) {
                names.add(up.name() + " (" + up.where() + ")");
                for (Resource v : up.vertices()) {
                    related.add(new Finding.Related(topo.tierName(up) + ": " + Names.of(v) + " in " + up.where()
                            + " sends requests to it", v.location(), v.id()));
                }
            }
            List<TrafficPath> paths = topo.pathsThrough(data);
            Resource r = data.primary();
            String tier = multi.stream().map(topo::tierName).distinct().reduce((a, b) -> a + ", " + b).orElse("");
            add(Spof.Category.SINGLE_AZ_DEPENDENCY, Tri.TRUE, r, data, Names.of(r) + " runs in one AZ ("
                    + data.where() + ") and the multi-AZ " + tier + " depends on it: " + String.join(", ", names)
                    + (paths.isEmpty() ? "" : "; path " + paths.get(0).display()), Evidence.dataSetting(r), paths, related);
        }
    }

    // ------------------------------------------------------------ cut points and bridges

    private void cutPointsAndBridges() {
        Map<ReplicaSet, List<TrafficPath>> essential = essentialSets();
        if (essential.isEmpty() && !hopToSite()) {
            // no set that paths cross and no link to a site (most single templates): nothing to judge, so the
            // graph and its inspection are not built
            return;
        }
        // Undirected, one vertex per replica set, one edge per hop: parallel hops between two sets (two
        // drawn links, two instances behind one load balancer) are parallel edges, never a bridge.
        Graph<ReplicaSet, DefaultEdge> undirected = new Multigraph<>(DefaultEdge.class);
        Map<DefaultEdge, Hop> hopOf = new HashMap<>();
        for (ReplicaSet s : topo.sets()) {
            undirected.addVertex(s);
        }
        for (Hop h : topo.traffic().jgrapht().edgeSet()) {
            ReplicaSet a = topo.setOf(h.from()).orElse(null);
            ReplicaSet b = topo.setOf(h.to()).orElse(null);
            if (a != null && b != null && a != b) {
                hopOf.put(undirected.addEdge(a, b), h);
            }
        }
        BiconnectivityInspector<ReplicaSet, DefaultEdge> inspector = new BiconnectivityInspector<>(undirected);
        Set<ReplicaSet> cutPoints = inspector.getCutpoints();
        for (Map.Entry<ReplicaSet, List<TrafficPath>> e : essential.entrySet()) {
            ReplicaSet s = e.getKey();
            List<TrafficPath> paths = e.getValue();
            boolean end = paths.stream().anyMatch(p -> p.end() == s || p.head() == s);
            if ((!end && !cutPoints.contains(s)) || judged.contains(s) || multiAzByConstruction(s.primary())
                    || drawnBox(s)
                    || (s.multiAz().isTrue() && !s.capacity().isOne())) {
                continue;
            }
            Resource v = s.primary();
            TrafficPath p = paths.get(0);
            String between = end ? "it " + (p.head() == s ? "starts" : "ends") + " path " + p.display()
                    : "every path from " + p.head().name() + " to " + p.end().name() + " crosses it";
            Tri multi = s.multiAz();
            if (multi.isFalse()) {
                add(Spof.Category.SINGLE_AZ_HOP, Tri.TRUE, v, s, s.describe() + " runs in one AZ (" + s.where()
                        + ") and " + between + ": the loss of that AZ takes the path down", v.location(), paths,
                        Evidence.path(p, v));
            } else if (!multi.isKnown() && s.role().isEmpty()) {
                add(Spof.Category.SINGLE_AZ_HOP, Tri.UNKNOWN, v, s, s.describe() + ": " + between
                        + "; cannot prove it runs in two AZs (" + s.where() + ")", v.location(), paths, Evidence.path(p, v));
            }
        }
        // Edge objects hash by identity: order bridges by their hops so that reports are reproducible.
        List<Hop> bridges = new ArrayList<>();
        for (DefaultEdge e : inspector.getBridges()) {
            bridges.add(hopOf.get(e));
        }
        bridges.sort(java.util.Comparator.comparing((Hop h) -> h.from().id()).thenComparing(h -> h.to().id()));
        for (Hop h : bridges) {
            Resource site = remoteSite(h.from()) ? h.from() : remoteSite(h.to()) ? h.to() : null;
            Resource other = site == h.from() ? h.to() : h.from();
            // a line within the site (to a gateway or collector drawn inside its box) is not its link to AWS; a
            // line to a public endpoint (API Gateway, CloudFront) is the internet, as the users' lines are
            if (site == null || CONNECTIVITY.contains(other.kind()) || remoteSite(other)
                    || other.placement().scope() == Placement.Scope.OUTSIDE_AWS
                    || Workloads.PUBLIC_EDGE.contains(other.kind())) {
                continue;
            }
            SourceLocation at = !h.relations().isEmpty() && h.relations().get(0).location() != null
                    ? h.relations().get(0).location() : site.location();
            add(Spof.Category.SINGLE_LINK, Tri.TRUE, site, topo.setOf(site).orElse(null), "the only link between "
                    + Names.of(site) + " and " + Names.of(other) + " is one connection"
                    + (h.how().isEmpty() ? "" : " (" + h.how() + ")"), at, List.of(),
                    List.of(new Finding.Related(Names.of(other), other.location(), other.id())));
        }
    }

    /** Whether a hop joins an on-premises site (only such a bridge is judged). */
    private boolean hopToSite() {
        for (Hop h : topo.traffic().jgrapht().edgeSet()) {
            if (remoteSite(h.from()) || remoteSite(h.to())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A site whose one drawn link is a single point of failure: an on-premises site. The internet and
     * the users reached through it are not one link however many lines are drawn, and a line to a third
     * party says nothing about how many paths lead there.
     */
    /**
     * A box of a drawing that a line happens to touch (a subnet, a security group drawn as a box, an
     * unnamed group): where things are, not a hop that serves traffic.
     */
    private static boolean drawnBox(ReplicaSet s) {
        Resource r = s.primary();
        return s.role().isEmpty() && r.format().isDiagram() && (r.meta().containsKey("container")
                || r.kind() == Kind.SECURITY_GROUP || r.kind() == Kind.DIAGRAM_GROUP || r.kind() == Kind.UNKNOWN);
    }

    private static boolean remoteSite(Resource r) {
        return r.kind() == Kind.ON_PREMISES;
    }

    /** Managed regional and global services, and what runs outside AWS. */
    static boolean multiAzByConstruction(Resource r) {
        Placement.Scope s = r.placement().scope();
        return s == Placement.Scope.REGIONAL || s == Placement.Scope.GLOBAL || s == Placement.Scope.OUTSIDE_AWS;
    }

    /**
     * Sets that every path between some ingress point and some end crosses, with those paths: the
     * intersection of the hops of all paths that share a head and an end.
     */
    private Map<ReplicaSet, List<TrafficPath>> essentialSets() {
        Map<String, List<TrafficPath>> byEnds = new LinkedHashMap<>();
        for (TrafficPath p : topo.paths()) {
            byEnds.computeIfAbsent(p.head().id() + "\u0000" + p.end().id(), k -> new ArrayList<>()).add(p);
        }
        Map<ReplicaSet, List<TrafficPath>> out = new LinkedHashMap<>();
        for (List<TrafficPath> ps : byEnds.values()) {
            Set<ReplicaSet> common = new LinkedHashSet<>(ps.get(0).hops());
            for (TrafficPath p : ps) {
                common.retainAll(p.hops());
            }
            for (ReplicaSet s : common) {
                out.computeIfAbsent(s, k -> new ArrayList<>()).addAll(ps);
            }
        }
        return out;
    }
}
