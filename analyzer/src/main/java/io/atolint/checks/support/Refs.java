package io.atolint.checks.support;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The resources a value points at: its references, including those an unresolved value was built from. */
public final class Refs {
    private static final int MAX_DEPTH = 32;

    private Refs() {
    }

    /** Ids of every resource referenced anywhere in {@code v}. */
    public static Set<String> targetIds(Value v) {
        Set<String> out = new LinkedHashSet<>();
        collect(v, out, 0);
        return out;
    }

    private static void collect(Value v, Set<String> out, int depth) {
        if (v == null || depth > MAX_DEPTH) {
            return;
        }
        if (v instanceof Value.Ref r) {
            out.add(r.targetId());
        } else if (v instanceof Value.Unknown u) {
            u.refs().forEach(r -> out.add(r.targetId()));
        } else if (v instanceof Value.ListV l) {
            l.items().forEach(i -> collect(i, out, depth + 1));
        } else if (v instanceof Value.MapV m) {
            m.entries().values().forEach(i -> collect(i, out, depth + 1));
        }
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
