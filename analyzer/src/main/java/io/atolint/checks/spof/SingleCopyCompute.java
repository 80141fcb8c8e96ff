package io.atolint.checks.spof;

import io.atolint.model.Kind;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.Role;
import io.atolint.topology.Spof;

import java.util.Set;

/**
 * A group or service that runs one copy fails with it, whatever its subnets: an Auto Scaling group with
 * {@code MaxSize} 1, or a desired capacity of 1 and nothing to scale it; an ECS service with a desired
 * count of 1 (the default) and no scaling target; an EKS node group with a maximum of 1.
 */
@Rule(id = "SPOF003", title = "Compute runs more than one copy", severity = Severity.HIGH,
        tags = {"availability", "spof", "capacity"})
public final class SingleCopyCompute implements Check {
    @Override
    public void check(RuleContext ctx) {
        SpofFindings.report(ctx, Set.of(Spof.Category.SINGLE_COPY), topo -> SpofFindings.setsOf(topo, Role.COMPUTE).stream()
                .filter(r -> r.kind() == Kind.AUTOSCALING_GROUP || r.kind() == Kind.ECS_SERVICE
                        || r.kind() == Kind.EKS_NODE_GROUP).toList());
    }
}
