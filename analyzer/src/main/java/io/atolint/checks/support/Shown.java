package io.atolint.checks.support;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Names;
import io.atolint.model.Value;

/** Values as messages show them: a reference by the name of the resource it points at. */
public final class Shown {
    private Shown() {
    }

    public static String of(ResourceGraph graph, Value v) {
        if (v instanceof Value.Ref r) {
            return graph.resource(r.targetId()).map(Names::of).orElse(v.describe());
        }
        return v.describe();
    }
}
