package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Placement;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Tri;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** Which VPC a resource is in, from containment (VPC to subnet to resource, drawn boxes) and references. */
public final class Vpcs {
    private static final int MAX_DEPTH = 8;

    private Vpcs() {
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

    public static Where of(ResourceGraph graph, Resource r) {
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
}
