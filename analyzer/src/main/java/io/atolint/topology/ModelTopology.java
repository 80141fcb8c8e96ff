package io.atolint.topology;

import io.atolint.model.Model;
import io.atolint.model.Resource;

import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The topology of one model: traffic graph, replica sets, tiers, ingress points, paths, NAT clients, SPOFs. */
public final class ModelTopology {
    private final Model model;
    private final TrafficGraph traffic;
    private final List<ReplicaSet> sets;
    private final Map<Resource, ReplicaSet> setOf;
    private final List<Tier> tiers;
    private final Map<ReplicaSet, Tier> tierOf;
    private final List<Ingress> ingress;
    private final List<TrafficPath> paths;
    private final boolean pathsTruncated;
    private final List<Egress.Client> egress;
    private final Map<ReplicaSet, Set<ReplicaSet>> next;
    private final Map<ReplicaSet, Set<ReplicaSet>> previous;
    private List<Spof> spofs = List.of();

    ModelTopology(Model model, TrafficGraph traffic, List<ReplicaSet> sets, Map<Resource, ReplicaSet> setOf,
                  List<Tier> tiers, Map<ReplicaSet, Tier> tierOf, List<Ingress> ingress, List<TrafficPath> paths,
                  boolean pathsTruncated, List<Egress.Client> egress,
                  Map<ReplicaSet, Set<ReplicaSet>> next,
                  Map<ReplicaSet, Set<ReplicaSet>> previous) {
        this.next = next;
        this.previous = previous;
        this.model = model;
        this.traffic = traffic;
        this.sets = List.copyOf(sets);
        this.setOf = Map.copyOf(setOf);
        this.tiers = List.copyOf(tiers);
        this.tierOf = Map.copyOf(tierOf);
        this.ingress = List.copyOf(ingress);
        this.paths = List.copyOf(paths);
        this.pathsTruncated = pathsTruncated;
        this.egress = List.copyOf(egress);
    }

    void setSpofs(List<Spof> spofs) {
        this.spofs = List.copyOf(spofs);
    }

    public Model model() {
        return model;
    }

    public TrafficGraph traffic() {
        return traffic;
    }

    public List<ReplicaSet> sets() {
        return sets;
    }

    /** The replica set a resource belongs to (a folded member maps to its cluster's set). */
    public Optional<ReplicaSet> setOf(Resource r) {
        ReplicaSet s = setOf.get(r);
        if (s == null) {
            s = setOf.get(traffic.canonical(r));
        }
        return Optional.ofNullable(s);
    }

    public List<Tier> tiers() {
        return tiers;
    }

    public Optional<Tier> tierOf(ReplicaSet s) {
        return Optional.ofNullable(tierOf.get(s));
    }

    public List<Ingress> ingress() {
        return ingress;
    }

    public List<TrafficPath> paths() {
        return paths;
    }

    /** True when path enumeration stopped at its bound (see {@link TopologyBuilder}). */
    public boolean pathsTruncated() {
        return pathsTruncated;
    }

    public List<TrafficPath> pathsThrough(ReplicaSet s) {
        List<TrafficPath> out = new ArrayList<>();
        for (TrafficPath p : paths) {
            if (p.contains(s)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The sets that send requests to {@code s}. */
    public List<ReplicaSet> upstream(ReplicaSet s) {
        return List.copyOf(previous.getOrDefault(s, Set.of()));
    }

    /** The sets {@code s} sends requests to. */
    public List<ReplicaSet> downstream(ReplicaSet s) {
        return List.copyOf(next.getOrDefault(s, Set.of()));
    }

    public List<Egress.Client> egress() {
        return egress;
    }

    public List<Spof> spofs() {
        return spofs;
    }

    /**
     * Where a set sits, for messages: {@code compute tier, on path InternetGateway -> WebAlb -> AppGroup -> Db}
     * (the first path through it, and how many more), or just the tier when no path crosses it.
     */
    public String context(ReplicaSet s) {
        List<TrafficPath> through = pathsThrough(s);
        String tier = tierName(s);
        if (through.isEmpty()) {
            return tier;
        }
        return tier + ", on path " + through.get(0).display() + (through.size() > 1
                ? " (and " + (through.size() - 1) + " more)" : "");
    }

    /** {@code compute tier (AppGroup)} or, off any tier, the set's own description. */
    public String tierName(ReplicaSet s) {
        return tierOf(s).map(Tier::name).orElse("path");
    }
}
