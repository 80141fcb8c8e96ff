package io.atolint.topology;

import io.atolint.model.Finding;
import io.atolint.model.Names;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/** Related places that explain a topology finding: the subnets that place a resource, the resources of a path. */
public final class Evidence {
    private Evidence() {
    }

    /**
     * Where a data store states what decides its AZ resilience (its {@code AzResilience} settings in the
     * property table, in the order a finding prefers to point at), or the store itself.
     */
    public static SourceLocation dataSetting(Resource r) {
        return Setting.find(r, "AzResilience").filter(Setting::written).map(Setting::at).orElse(r.location());
    }

    /** Each subnet a resource's placement rests on, with the AZ it resolves to and how. */
    public static List<Finding.Related> subnets(Resource r) {
        List<Finding.Related> out = new ArrayList<>();
        for (Placement.Subnet l : r.placement().subnets()) {
            out.add(new Finding.Related(r.displayName() + ": subnet " + l.describe(), l.at(), l.id()));
        }
        return out;
    }

    /** Where {@code r} names its subnets (or {@code r} itself). */
    public static SourceLocation subnetsAttribute(Resource r) {
        String attribute = r.placement().subnetsFrom();
        return attribute == null ? r.location() : r.locationOf(attribute.split("/")[0]);
    }

    /** The resources of the first path through a set (except {@code except}), as related places. */
    public static List<Finding.Related> path(ModelTopology topo, ReplicaSet s, Resource except) {
        List<TrafficPath> through = topo.pathsThrough(s);
        return through.isEmpty() ? List.of() : path(through.get(0), except);
    }

    public static List<Finding.Related> path(TrafficPath p, Resource except) {
        List<Finding.Related> out = new ArrayList<>();
        for (ReplicaSet s : p.hops()) {
            for (Resource r : s.vertices()) {
                if (!r.equals(except)) {
                    out.add(new Finding.Related("on path " + p.display() + ": " + Names.of(r), r.location(), r.id()));
                }
            }
        }
        return out;
    }

    public static List<Finding.Related> concat(List<Finding.Related> a, List<Finding.Related> b) {
        List<Finding.Related> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
