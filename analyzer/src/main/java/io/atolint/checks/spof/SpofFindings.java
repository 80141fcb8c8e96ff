package io.atolint.checks.spof;

import io.atolint.rule.RuleContext;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.Spof;

import io.atolint.model.Resource;
import io.atolint.topology.ReplicaSet;
import io.atolint.topology.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Reports the single points of failure of some categories that the topology found: proven ones fail, the rest are notes. */
final class SpofFindings {
    private SpofFindings() {
    }

    static void report(RuleContext ctx, Set<Spof.Category> categories, Function<ModelTopology, List<Resource>> scope) {
        report(ctx, s -> categories.contains(s.category()), scope);
    }

    /**
     * Reports the SPOFs {@code which} selects; {@code scope} says what the rule examined in each model
     * (so that finding nothing reads as a pass only where there was something to judge).
     */
    static void report(RuleContext ctx, Predicate<Spof> which, Function<ModelTopology, List<Resource>> scope) {
        for (ModelTopology topo : ctx.facts().topology().models()) {
            scope.apply(topo).forEach(ctx::examined);
            for (Spof s : topo.spofs()) {
                if (!which.test(s)) {
                    continue;
                }
                String where = s.set() == null || topo.tierOf(s.set()).isEmpty() ? ""
                        : (s.why().contains(" path ") ? topo.tierName(s.set()) : topo.context(s.set())) + ": ";
                if (s.proven().isTrue()) {
                    ctx.report(s.resource(), s.at(), where + s.why(), s.related());
                } else {
                    ctx.note(s.resource(), s.at(), where + s.why(), s.related());
                }
            }
        }
    }

    /** The vertices of every replica set of a role. */
    static List<Resource> setsOf(ModelTopology topo, Role role) {
        List<Resource> out = new ArrayList<>();
        for (ReplicaSet s : topo.sets()) {
            if (s.role().orElse(null) == role) {
                out.addAll(s.vertices());
            }
        }
        return out;
    }

    /** Every resource on a traffic path. */
    static List<Resource> onPaths(ModelTopology topo) {
        List<Resource> out = new ArrayList<>();
        topo.paths().forEach(p -> p.resources().stream().filter(r -> !out.contains(r)).forEach(out::add));
        return out;
    }
}
