package io.atolint.topology;

import io.atolint.model.Az;
import io.atolint.model.Placement;
import io.atolint.model.Resource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resources that play the same role at the same depth of the traffic paths: the load balancers behind
 * the ingress, the compute behind them, the data behind that. A second layer of compute behind an
 * internal load balancer is a second compute tier. Resources of a role that no ingress path reaches
 * (a worker fed by a queue, a template with only a database) form that role's off-path tier.
 *
 * @param rank how many role changes separate it from an ingress point; -1 when off the paths
 */
public record Tier(String id, Role role, int rank, String name, List<ReplicaSet> sets) {

    public Tier {
        sets = List.copyOf(sets);
    }

    public boolean onPath() {
        return rank >= 0;
    }

    /** The resources of the tier: each set's vertices and the replicas folded into them. */
    public List<Resource> members() {
        Set<Resource> out = new LinkedHashSet<>();
        for (ReplicaSet s : sets) {
            out.addAll(s.vertices());
            out.addAll(s.replicas());
        }
        return new ArrayList<>(out);
    }

    /** Every AZ a member may run in, each once. */
    public List<Az> azs() {
        List<Az> out = new ArrayList<>();
        for (ReplicaSet s : sets) {
            for (Az a : s.azs()) {
                if (out.stream().noneMatch(o -> o.sameAs(a).isTrue())) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /**
     * The number of distinct AZs the tier runs in, or null when a member's placement is UNKNOWN or the
     * count is not exact; regional and outside-AWS members do not count.
     */
    public Integer azCount() {
        List<Az> azs = new ArrayList<>();
        for (ReplicaSet s : sets) {
            for (Resource r : s.replicas()) {
                Placement p = s.placementOf(r);
                switch (p.scope()) {
                    case ZONAL -> azs.addAll(p.azs());
                    case ONE_OF -> azs.add(p.azs().size() == 1 ? p.azs().get(0) : Az.unknown("one AZ chosen by AWS"));
                    case UNKNOWN, NONE -> {
                        return null;
                    }
                    default -> {
                    }
                }
            }
        }
        if (azs.isEmpty()) {
            return null;
        }
        Placement.AzCount c = Azs.count(azs);
        return c.isExact() ? c.min() : null;
    }

    /** {@code compute tier 2 (AppGroup, Workers)}. */
    public String describe() {
        List<String> names = new ArrayList<>();
        for (ReplicaSet s : sets) {
            names.add(s.name());
        }
        return name + " (" + String.join(", ", names) + ")";
    }
}
