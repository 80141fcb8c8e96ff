package io.atolint.checks.spof;

import io.atolint.model.Kind;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.Spof;

import java.util.Set;

/** An EC2 instance that serves its hop alone, on a path from an ingress point to the data, is a single point of failure. */
@Rule(id = "SPOF002", title = "No lone EC2 instance on a path from ingress to data", severity = Severity.HIGH,
        tags = {"availability", "spof", "topology"})
public final class LoneInstanceOnPath implements Check {
    @Override
    public void check(RuleContext ctx) {
        SpofFindings.report(ctx, Set.of(Spof.Category.LONE_INSTANCE), topo -> SpofFindings.onPaths(topo).stream()
                .filter(r -> r.kind() == Kind.EC2_INSTANCE).toList());
    }
}
