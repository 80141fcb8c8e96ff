package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Placement;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Tri;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which VPC a resource is in, from containment (VPC to subnet to resource, drawn boxes) and references
 * (subnet groups, security groups), and which subnets it runs in: defined once for the rules and the
 * pictures.
 */
public final class Vpcs {
    private static final int MAX_DEPTH = 8;

    private final ResourceGraph graph;
    private final Map<Resource, Where> where = new HashMap<>();

    Vpcs(ResourceGraph graph) {
        this.graph = graph;
    }

    /**
     * Where a resource is: {@code inVpc} TRUE with the VPC when found (or null when it is in some VPC the
     * files do not name), FALSE outside any VPC (a regional or global service, something outside AWS),
     * UNKNOWN when the files do not say.
     */
    public record Where(Tri inVpc, Resource vpc) {
        /** TRUE when two places are provably on two sides of a VPC boundary. */
        public Tri crosses(Where o) {
            if (!inVpc.isKnown() || !o.inVpc.isKnown()) {
                return Tri.UNKNOWN;
            }
            if (inVpc.isFalse() && o.inVpc.isFalse()) {
                return Tri.FALSE;
            }
            if (inVpc.isFalse() || o.inVpc.isFalse()) {
                return Tri.TRUE;
            }
            if (vpc == null || o.vpc == null) {
                return Tri.UNKNOWN;
            }
            return Tri.of(!vpc.equals(o.vpc));
        }

        public String display() {
            return inVpc.isTrue() ? (vpc == null ? "a VPC" : "VPC " + vpc.displayName())
                    : inVpc.isFalse() ? "outside any VPC" : "an unknown place";
        }
    }

    /** Where a resource is (see {@link Where}). */
    public synchronized Where of(Resource r) {
        return where.computeIfAbsent(r, this::locate);
    }

    private Where locate(Resource r) {
        Resource vpc = search(graph, r);
        if (vpc != null) {
            return new Where(Tri.TRUE, vpc);
        }
        if (r.kind() == Kind.VPC) {
            return new Where(Tri.TRUE, r);
        }
        Placement.Scope s = r.placement().scope();
        return switch (s) {
            case ZONAL, ONE_OF -> new Where(Tri.TRUE, null);
            case REGIONAL, GLOBAL, OUTSIDE_AWS -> new Where(Tri.FALSE, null);
            default -> r.kind().isOutsideAws() ? new Where(Tri.FALSE, null) : new Where(Tri.UNKNOWN, null);
        };
    }

    /** Breadth-first up containment, and through the subnet groups and security groups a resource names. */
    private static Resource search(ResourceGraph graph, Resource start) {
        Deque<Resource> queue = new ArrayDeque<>();
        Set<Resource> seen = new HashSet<>();
        queue.add(start);
        seen.add(start);
        int depth = 0;
        while (!queue.isEmpty() && depth++ < MAX_DEPTH * 8) {
            Resource r = queue.poll();
            for (Resource c : graph.sources(r, RelationType.CONTAINS)) {
                if (c.kind() == Kind.VPC) {
                    return c;
                }
                if (seen.add(c)) {
                    queue.add(c);
                }
            }
            if (r == start) {
                for (Resource t : graph.targets(r, RelationType.REFERENCES)) {
                    if ((t.kind() == Kind.DB_SUBNET_GROUP || t.kind() == Kind.ELASTICACHE_SUBNET_GROUP
                            || t.kind() == Kind.SECURITY_GROUP || t.kind() == Kind.SUBNET
                            || t.kind() == Kind.AURORA_CLUSTER || t.kind() == Kind.DOCDB_CLUSTER
                            || t.kind() == Kind.NEPTUNE_CLUSTER) && seen.add(t)) {
                        queue.add(t);
                    }
                }
            }
        }
        return null;
    }

    /** The VPC a gateway is attached to (an internet or VPN gateway sits on its VPC's edge, not inside it). */
    public Optional<Resource> attachedTo(Resource r) {
        return graph.targets(r, RelationType.ATTACHED_TO).stream().filter(v -> v.kind() == Kind.VPC).findFirst();
    }

    /**
     * The subnets a resource runs in: those drawn around it or that it names (containment), else those its
     * placement rests on (a database's subnet group, a file system's mount targets).
     */
    public List<Resource> subnetsOf(Resource r) {
        List<Resource> out = new ArrayList<>();
        for (Resource s : graph.sources(r, RelationType.CONTAINS)) {
            if (s.kind() == Kind.SUBNET && !out.contains(s)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            for (Placement.Subnet s : r.placement().subnets()) {
                if (s.id() != null) {
                    graph.resource(s.id()).filter(x -> x.kind() == Kind.SUBNET && !out.contains(x)).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** The nearest resource of {@code kind} that contains {@code r} (a drawn AZ box around a subnet). */
    public Optional<Resource> enclosing(Resource r, Kind kind) {
        Set<Resource> seen = new HashSet<>();
        List<Resource> level = List.of(r);
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
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
}
