package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Resource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a {@link ModelTopology}: replica sets from the traffic graph, the ingress points, the tiers
 * (role and depth, by a 0-1 breadth-first search over the set graph: O(V + E)), and the paths from
 * each ingress point to the data.
 *
 * <p>Paths are enumerated by depth-first search over the set graph, simple paths only, bounded by
 * {@link #MAX_HOPS} hops and {@link #MAX_PATHS} paths per model: the number of simple paths grows
 * exponentially with the graph, so a bound is what keeps a large input fast. When it is hit the
 * topology says so ({@link ModelTopology#pathsTruncated()}).
 */
final class TopologyBuilder {
    static final int MAX_HOPS = 16;
    static final int MAX_PATHS = 500;

    private final ResourceGraph graph;
    private final Model model;
    private final Exposure exposure;
    private final TrafficGraph traffic;
    private final List<ReplicaSet> sets = new ArrayList<>();
    private final Map<Resource, ReplicaSet> setOf = new LinkedHashMap<>();
    private final Map<ReplicaSet, Set<ReplicaSet>> next = new LinkedHashMap<>();
    private final Map<ReplicaSet, Set<ReplicaSet>> previous = new HashMap<>();
    private boolean truncated;

    TopologyBuilder(ResourceGraph graph, Model model, Exposure exposure) {
        this.graph = graph;
        this.model = model;
        this.exposure = exposure;
        this.traffic = TrafficGraph.of(graph, model, exposure);
    }

    ModelTopology build() {
        replicaSets();
        setEdges();
        List<ReplicaSet> heads = heads();
        Map<ReplicaSet, Integer> rank = ranks(heads);
        Map<ReplicaSet, Tier> tierOf = new LinkedHashMap<>();
        List<Tier> tiers = tiers(rank, tierOf);
        List<TrafficPath> paths = paths(heads);
        List<Ingress> ingress = ingress(heads);
        List<Egress.Client> egress = Egress.clients(graph, model, traffic);
        return new ModelTopology(model, traffic, sets, setOf, tiers, tierOf, ingress, paths, truncated, egress, next, previous);
    }

    // ------------------------------------------------------------ replica sets

    private void replicaSets() {
        Map<Resource, Integer> declared = new HashMap<>();
        for (Resource r : model.resources()) {
            declared.put(r, declared.size());
        }
        // Declaration order, so that sets and paths come out in the order the files state them.
        List<Resource> vertices = traffic.vertices();
        vertices.sort(Comparator.comparingInt(r -> declared.getOrDefault(r, Integer.MAX_VALUE)));
        // The same service drawn once per AZ box (same kind and label up to a role word, then up to a copy
        // number or AZ name): one replica set that spans those AZs, as a reviewer reads the picture.
        drawnCopies(vertices, true);
        drawnCopies(vertices, false);
        drawnStandbys(vertices);
        drawnReplicasElsewhere(vertices);
        // EC2 instances (and role-less appliances) that the same resources send traffic to serve
        // interchangeably: the targets of one target group, two drawn firewalls behind one load balancer.
        Map<String, List<Resource>> instancesByFeeders = new LinkedHashMap<>();
        for (Resource v : vertices) {
            boolean interchangeable = (v.kind() == Kind.EC2_INSTANCE && traffic.role(v).orElse(null) == Role.COMPUTE)
                    || (traffic.role(v).isEmpty() && !v.kind().isOutsideAws());
            Set<String> feeders = feeders(v);
            if (interchangeable && !feeders.isEmpty() && !setOf.containsKey(v)) {
                instancesByFeeders.computeIfAbsent(v.kind() + "\u0000" + String.join("\u0000", feeders),
                        k -> new ArrayList<>()).add(v);
            }
        }
        for (List<Resource> group : instancesByFeeders.values()) {
            add(group);
        }
        // Compute that the same resources feed (or that nothing feeds) and that is a copy of one thing: the
        // instances of one count/for_each block, or drawn icons of one kind labelled alike ("Web server 1",
        // "Web server 2" in two AZ boxes). They stand or fall together, so they are one set.
        Map<String, List<Resource>> copies = new LinkedHashMap<>();
        for (Resource v : vertices) {
            Optional<String> copy = CopyKey.of(v);
            if (copy.isPresent() && !setOf.containsKey(v) && traffic.role(v).orElse(null) == Role.COMPUTE) {
                Set<String> feeders = feeders(v);
                copies.computeIfAbsent(v.kind() + "\u0000" + copy.get() + "\u0000" + String.join("\u0000", feeders),
                        k -> new ArrayList<>()).add(v);
            }
        }
        for (List<Resource> group : copies.values()) {
            if (group.size() > 1) {
                add(group);
            }
        }
        // A data store and its drawn replica or standby, joined by an edge, are one set.
        UnionFind<Resource> joined = new UnionFind<>();
        for (Resource v : vertices) {
            if (traffic.role(v).orElse(null) == Role.DATA && !setOf.containsKey(v)) {
                joined.add(v);
                for (Resource s : traffic.successors(v)) {
                    if (s.kind() == v.kind() && traffic.role(s).orElse(null) == Role.DATA && !setOf.containsKey(s)) {
                        joined.union(v, s);
                    }
                }
            }
        }
        for (List<Resource> group : joined.groups()) {
            if (group.size() > 1) {
                add(group);
            }
        }
        for (Resource v : vertices) {
            if (!setOf.containsKey(v)) {
                add(List.of(v));
            }
        }
    }

    private void drawnCopies(List<Resource> vertices, boolean roleOnly) {
        // the key holds the kind and the VPC: copies drawn in two VPCs or Regions are two things
        Map<String, List<Resource>> copies = new LinkedHashMap<>();
        for (Resource v : vertices) {
            Role role = traffic.role(v).orElse(null);
            // a load balancer drawn once per AZ box of its VPC is one load balancer with a node in each, and copies
            // of a service without a tier of its own (an active and a standby MQ broker, a firewall in each AZ) are
            // a pair in two AZs, not two single points of failure
            boolean placed = v.format().isDiagram() && (role == Role.LOAD_BALANCING
                    || role == null && !v.kind().isOutsideAws());
            if (setOf.containsKey(v) || (role != Role.COMPUTE && role != Role.DATA && !placed)) {
                continue;
            }
            CopyKey.drawn(v, roleOnly).ifPresent(k -> copies.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        for (List<Resource> group : copies.values()) {
            // copies of a tier's service whose AZs cannot be told still stand or fall together; the others are one
            // only where each is drawn in an AZ and they are drawn in different ones
            Role role = traffic.role(group.get(0)).orElse(null);
            boolean tier = role == Role.COMPUTE || role == Role.DATA;
            if (group.size() > 1 && (tier ? inDistinctAzs(group) : placedApart(group))) {
                add(group);
            }
        }
    }

    /** A drawn data store whose label gives it a role (standby, replica) and the store of its kind in another AZ. */
    private void drawnStandbys(List<Resource> vertices) {
        Map<String, List<Resource>> byKind = new LinkedHashMap<>();
        for (Resource v : vertices) {
            if (!setOf.containsKey(v) && traffic.role(v).orElse(null) == Role.DATA && v.format().isDiagram()) {
                byKind.computeIfAbsent(v.kind() + "|" + v.meta().getOrDefault("vpc", ""), k -> new ArrayList<>()).add(v);
            }
        }
        for (List<Resource> group : byKind.values()) {
            if (group.size() > 1 && group.stream().anyMatch(CopyKey::hasRoleWord) && inDistinctAzs(group)) {
                add(group);
            }
        }
    }

    /**
     * A data store whose label gives it a role (read replica, standby, secondary), joined by a line to a store
     * of its kind that is already a set (a multi-AZ primary and standby) but drawn elsewhere, in another VPC or
     * region (a cross-region read replica, a disaster-recovery copy): one more copy of that store, not a data
     * tier of its own that "runs in one AZ".
     */
    private void drawnReplicasElsewhere(List<Resource> vertices) {
        for (Resource v : vertices) {
            if (setOf.containsKey(v) || traffic.role(v).orElse(null) != Role.DATA || !v.format().isDiagram()
                    || !CopyKey.hasRoleWord(v)) {
                continue;
            }
            List<Resource> joined = new ArrayList<>(traffic.predecessors(v));
            joined.addAll(traffic.successors(v));
            for (Resource p : joined) {
                ReplicaSet s = setOf.get(p);
                if (s != null && p.kind() == v.kind() && s.role().orElse(null) == Role.DATA) {
                    List<Resource> grown = new ArrayList<>(s.vertices());
                    grown.add(v);
                    int at = sets.indexOf(s);
                    sets.remove(at);
                    add(grown);
                    sets.add(at, sets.remove(sets.size() - 1));
                    break;
                }
            }
        }
    }

    /** Each drawn in one AZ, and not all in the same one. */
    private static boolean placedApart(List<Resource> group) {
        for (Resource r : group) {
            if (r.placement().scope() != Placement.Scope.ZONAL || r.placement().azs().size() != 1) {
                return false;
            }
        }
        return inDistinctAzs(group);
    }

    /**
     * True unless all of them are provably drawn in one same AZ: copies in two AZ boxes are one set
     * across them, and a copy whose AZ cannot be told leaves the set's spread UNKNOWN (a note), never a
     * single-AZ finding against each copy.
     */
    private static boolean inDistinctAzs(List<Resource> group) {
        for (Resource a : group) {
            for (Resource b : group) {
                if (a == b) {
                    continue;
                }
                boolean sameAz = a.placement().scope() == io.atolint.model.Placement.Scope.ZONAL
                        && b.placement().scope() == io.atolint.model.Placement.Scope.ZONAL
                        && a.placement().azs().size() == 1 && b.placement().azs().size() == 1
                        && a.placement().azs().get(0).sameAs(b.placement().azs().get(0)).isTrue();
                if (!sameAz) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What sends traffic to {@code v}, without its own copies: copies that talk to each other (a security
     * group that admits itself) are still fed alike.
     */
    private Set<String> feeders(Resource v) {
        Optional<String> copy = CopyKey.of(v);
        Set<String> feeders = new TreeSet<>();
        for (Resource p : traffic.predecessors(v)) {
            if (copy.isEmpty() || p.kind() != v.kind() || !copy.equals(CopyKey.of(p))) {
                feeders.add(p.id());
            }
        }
        return feeders;
    }

    /** Whether a group is drawn in an AZ none of its drawn members is in. */
    private static boolean reachesBeyond(Resource group, List<Resource> members) {
        if (group.placement().scope() != io.atolint.model.Placement.Scope.ZONAL) {
            return false;
        }
        for (io.atolint.model.Az az : group.placement().azs()) {
            boolean drawnThere = members.stream().anyMatch(m -> m.placement().azs().stream().anyMatch(a -> a.sameAs(az).isTrue()));
            if (!drawnThere) {
                return true;
            }
        }
        return false;
    }

    private void add(List<Resource> vertices) {
        Resource first = vertices.get(0);
        List<Resource> replicas = new ArrayList<>();
        for (Resource v : vertices) {
            List<Resource> members = traffic.members(v);
            if (TrafficGraph.MEMBER_GROUPS.contains(v.kind()) && !members.isEmpty()) {
                replicas.addAll(members);
                if (reachesBeyond(v, members)) {
                    // a group box drawn across two AZs with one instance or task drawn in it: the member stands
                    // for what the group runs, and the group launches where its box is drawn
                    replicas.add(v);
                }
            } else {
                replicas.add(v);
            }
        }
        Capacity capacity = vertices.size() == 1 && Capacity.appliesTo(first.kind())
                ? Capacity.of(graph, first) : new Capacity(io.atolint.model.Tri.FALSE, "", first.location());
        ReplicaSet s = new ReplicaSet(traffic.role(first).orElse(null), vertices, replicas, capacity);
        sets.add(s);
        for (Resource v : vertices) {
            setOf.put(v, s);
            for (Resource m : traffic.members(v)) {
                setOf.put(m, s);
            }
        }
    }

    private void setEdges() {
        for (ReplicaSet s : sets) {
            next.put(s, new LinkedHashSet<>());
            previous.put(s, new LinkedHashSet<>());
        }
        for (ReplicaSet s : sets) {
            for (Resource v : s.vertices()) {
                for (Resource t : traffic.successors(v)) {
                    ReplicaSet ts = setOf.get(t);
                    if (ts != null && ts != s && forward(s, ts)) {
                        next.get(s).add(ts);
                        previous.get(ts).add(s);
                    }
                }
            }
        }
    }

    /** Requests flow inwards: never back to an ingress point from inside, never into egress. */
    private static boolean forward(ReplicaSet from, ReplicaSet to) {
        Role t = to.role().orElse(null);
        Role f = from.role().orElse(null);
        if (t == Role.EGRESS || f == Role.EGRESS) {
            return false;
        }
        return t != Role.INGRESS || f == null || f == Role.INGRESS;
    }

    // ------------------------------------------------------------ ingress

    private List<ReplicaSet> heads() {
        List<ReplicaSet> heads = new ArrayList<>();
        for (ReplicaSet s : sets) {
            Role r = s.role().orElse(null);
            boolean entry = previous.get(s).isEmpty();
            if (entry && ((r == Role.INGRESS && !next.get(s).isEmpty()) || r == Role.LOAD_BALANCING
                    || (r == null && !next.get(s).isEmpty() && (s.primary().kind().isOutsideAws()
                            || s.primary().placement().scope() == Placement.Scope.OUTSIDE_AWS)))) {
                heads.add(s);
            }
        }
        return heads;
    }

    private List<Ingress> ingress(List<ReplicaSet> heads) {
        List<Ingress> out = new ArrayList<>();
        Set<Resource> seen = new HashSet<>();
        for (ReplicaSet s : sets) {
            for (Resource r : s.vertices()) {
                Optional<String> why = ingressReason(r);
                if (why.isPresent() && seen.add(r)) {
                    out.add(new Ingress(r, why.get(), heads.contains(s)));
                }
            }
        }
        return out;
    }

    private Optional<String> ingressReason(Resource r) {
        return switch (r.kind()) {
            case INTERNET_GATEWAY -> traffic.jgrapht().outDegreeOf(r) > 0
                    ? Optional.of("internet gateway") : Optional.empty();
            case LOAD_BALANCER -> exposure.internetFacing(r).isTrue()
                    ? Optional.of("internet-facing load balancer") : Optional.empty();
            case CLOUDFRONT_DISTRIBUTION -> Optional.of("CloudFront distribution");
            case API_GATEWAY -> Optional.of("API Gateway");
            case GLOBAL_ACCELERATOR -> Optional.of("Global Accelerator");
            case USERS, CLIENT_DEVICE -> Optional.of("users / clients");
            case ON_PREMISES -> Optional.of("on-premises site");
            case EXTERNAL_SYSTEM -> Optional.of("external system");
            case VPN_CONNECTION -> Optional.of("Site-to-Site VPN connection");
            case DX_CONNECTION -> Optional.of("Direct Connect connection");
            default -> Optional.empty();
        };
    }

    // ------------------------------------------------------------ tiers

    /** 0-1 BFS: moving to a set of another role costs one, staying in the role costs nothing. */
    private Map<ReplicaSet, Integer> ranks(List<ReplicaSet> heads) {
        Map<ReplicaSet, Integer> rank = new HashMap<>();
        Deque<ReplicaSet> queue = new ArrayDeque<>();
        for (ReplicaSet h : heads) {
            rank.put(h, 0);
            queue.add(h);
        }
        while (!queue.isEmpty()) {
            ReplicaSet s = queue.poll();
            int d = rank.get(s);
            for (ReplicaSet t : next.get(s)) {
                int w = t.role().isEmpty() || t.role().equals(s.role()) ? 0 : 1;
                Integer cur = rank.get(t);
                if (cur == null || d + w < cur) {
                    rank.put(t, d + w);
                    if (w == 0) {
                        queue.addFirst(t);
                    } else {
                        queue.addLast(t);
                    }
                }
            }
        }
        return rank;
    }

    private List<Tier> tiers(Map<ReplicaSet, Integer> rank, Map<ReplicaSet, Tier> tierOf) {
        Map<Role, TreeMap<Integer, List<ReplicaSet>>> byRole = new EnumMap<>(Role.class);
        for (ReplicaSet s : sets) {
            if (s.role().isEmpty()) {
                continue;
            }
            Role role = s.role().get();
            int r = role == Role.INGRESS || role == Role.EGRESS ? 0 : rank.getOrDefault(s, -1);
            byRole.computeIfAbsent(role, k -> new TreeMap<>()).computeIfAbsent(r, k -> new ArrayList<>()).add(s);
        }
        List<Tier> tiers = new ArrayList<>();
        for (Map.Entry<Role, TreeMap<Integer, List<ReplicaSet>>> e : byRole.entrySet()) {
            Role role = e.getKey();
            TreeMap<Integer, List<ReplicaSet>> ranks = e.getValue();
            int n = 0;
            for (Map.Entry<Integer, List<ReplicaSet>> r : ranks.entrySet()) {
                int rk = r.getKey();
                String id;
                String name;
                if (ranks.size() == 1) {
                    id = role.label();
                    name = role.label() + " tier";
                } else if (rk < 0) {
                    id = role.label() + "-off-path";
                    name = role.label() + " tier (not on an ingress path)";
                } else {
                    n++;
                    id = n == 1 ? role.label() : role.label() + "-" + n;
                    name = role.label() + " tier" + (n == 1 ? "" : " " + n);
                }
                Tier t = new Tier(id, role, rk, name, r.getValue());
                tiers.add(t);
                for (ReplicaSet s : r.getValue()) {
                    tierOf.put(s, t);
                }
            }
        }
        // Off-path tiers sort after on-path ones of the same role; roles keep their declared order.
        tiers.sort(Comparator.comparing((Tier t) -> t.role().ordinal()).thenComparingInt(t -> t.rank() < 0
                ? Integer.MAX_VALUE : t.rank()));
        return tiers;
    }

    // ------------------------------------------------------------ paths

    private List<TrafficPath> paths(List<ReplicaSet> heads) {
        List<TrafficPath> out = new ArrayList<>();
        for (ReplicaSet h : heads) {
            Deque<ReplicaSet> stack = new ArrayDeque<>();
            stack.addLast(h);
            walk(h, stack, new HashSet<>(Set.of(h)), out);
        }
        return out;
    }

    private void walk(ReplicaSet s, Deque<ReplicaSet> stack, Set<ReplicaSet> onPath, List<TrafficPath> out) {
        if (out.size() >= MAX_PATHS) {
            truncated = true;
            return;
        }
        boolean isData = s.role().orElse(null) == Role.DATA;
        List<ReplicaSet> onward = new ArrayList<>();
        for (ReplicaSet t : next.get(s)) {
            if (!onPath.contains(t)) {
                onward.add(t);
            }
        }
        if (isData || onward.isEmpty()) {
            if (stack.size() > 1 && serves(stack)) {
                out.add(new TrafficPath(new ArrayList<>(stack)));
            }
            return;
        }
        if (stack.size() >= MAX_HOPS) {
            truncated = true;
            return;
        }
        for (ReplicaSet t : onward) {
            stack.addLast(t);
            onPath.add(t);
            walk(t, stack, onPath, out);
            onPath.remove(t);
            stack.removeLast();
        }
    }

    /** A path worth reporting reaches something that serves: a load balancer, compute or data. */
    private static boolean serves(Deque<ReplicaSet> stack) {
        for (ReplicaSet s : stack) {
            Role r = s.role().orElse(null);
            if (r == Role.LOAD_BALANCING || r == Role.COMPUTE || r == Role.DATA) {
                return true;
            }
        }
        return false;
    }

    /** A small union-find over resources, keeping first-seen order in its groups. */
    private static final class UnionFind<T> {
        private final Map<T, T> parent = new LinkedHashMap<>();

        void add(T t) {
            parent.putIfAbsent(t, t);
        }

        T find(T t) {
            T p = parent.get(t);
            if (p == null) {
                parent.put(t, t);
                return t;
            }
            while (!p.equals(parent.get(p))) {
                p = parent.get(p);
            }
            parent.put(t, p);
            return p;
        }

        void union(T a, T b) {
            add(a);
            add(b);
            T ra = find(a);
            T rb = find(b);
            if (!ra.equals(rb)) {
                parent.put(rb, ra);
            }
        }

        List<List<T>> groups() {
            Map<T, List<T>> g = new LinkedHashMap<>();
            for (T t : parent.keySet()) {
                g.computeIfAbsent(find(t), k -> new ArrayList<>()).add(t);
            }
            return new ArrayList<>(g.values());
        }
    }
}
