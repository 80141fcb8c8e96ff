package io.atolint.checks.support;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Value;
import io.atolint.model.ValueWalker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The resources a value points at: its references, including those an unresolved value was built from. */
public final class Refs {
    private Refs() {
    }

    /** Ids of every resource referenced anywhere in {@code v}. */
    public static Set<String> targetIds(Value v) {
        Set<String> out = new LinkedHashSet<>();
        ValueWalker.standard().refs(v).forEach(r -> out.add(r.targetId()));
        return out;
    }

    /** The resources of the given kinds that {@code v} references. */
    public static List<Resource> targets(ResourceGraph graph, Value v, Kind... kinds) {
        List<Resource> out = new ArrayList<>();
        for (String id : targetIds(v)) {
            Optional<Resource> r = graph.resource(id);
            if (r.isPresent() && (kinds.length == 0 || List.of(kinds).contains(r.get().kind())) && !out.contains(r.get())) {
                out.add(r.get());
            }
        }
        return out;
    }

    /** The resources of the given kinds that any attribute of {@code r} references. */
    public static List<Resource> from(ResourceGraph graph, Resource r, Kind... kinds) {
        return targets(graph, r.attributes(), kinds);
    }
}
