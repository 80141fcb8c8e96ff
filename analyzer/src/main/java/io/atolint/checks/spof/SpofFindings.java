package io.atolint.checks.spof;

import io.atolint.rule.RuleContext;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.Spof;
import io.atolint.topology.Topology;

import java.util.Set;
import java.util.function.Predicate;

/** Reports the single points of failure of some categories that the topology found: proven ones fail, the rest are notes. */
final class SpofFindings {
    private SpofFindings() {
    }

    static void report(RuleContext ctx, Set<Spof.Category> categories) {
        report(ctx, s -> categories.contains(s.category()));
    }

    static void report(RuleContext ctx, Predicate<Spof> which) {
        for (ModelTopology topo : Topology.of(ctx.graph()).models()) {
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
}
