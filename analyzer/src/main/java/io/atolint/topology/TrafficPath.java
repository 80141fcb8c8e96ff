package io.atolint.topology;

import io.atolint.model.Resource;

import java.util.ArrayList;
import java.util.List;

/** The replica sets traffic crosses from an ingress point to a data store (or to the last hop that serves). */
public record TrafficPath(List<ReplicaSet> hops) {

    public TrafficPath {
        hops = List.copyOf(hops);
    }

    public ReplicaSet head() {
        return hops.get(0);
    }

    public ReplicaSet end() {
        return hops.get(hops.size() - 1);
    }

    public boolean contains(ReplicaSet s) {
        return hops.contains(s);
    }

    /** Every resource on the path, in order (the vertices of each hop). */
    public List<Resource> resources() {
        List<Resource> out = new ArrayList<>();
        for (ReplicaSet s : hops) {
            out.addAll(s.vertices());
        }
        return out;
    }

    /** {@code InternetGateway -> WebAlb -> AppGroup -> Database}. */
    public String display() {
        List<String> names = new ArrayList<>();
        for (ReplicaSet s : hops) {
            names.add(s.name());
        }
        return String.join(" -> ", names);
    }
}
