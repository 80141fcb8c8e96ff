package io.atolint.checks.sg;

import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Severity;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;

/**
 * An explicit egress rule to the whole internet on all protocols (or every TCP and UDP port) lets a
 * compromised workload talk to anything. CDK writes one for every security group unless
 * {@code allowAllOutbound: false}. Low: common, but not "the most restrictive possible setting" the
 * checklist asks for. CloudFormation's implicit allow-all egress of a group that declares none is not
 * reported (only what the files write).
 */
@Rule(id = "SG002", title = "Security groups do not allow all egress to the internet", severity = Severity.LOW,
        tags = {"network", "security-group"})
public final class UnrestrictedEgress implements Check {

    @Override
    public void check(RuleContext ctx) {
        ctx.inScope(Kind.SECURITY_GROUP, Kind.SECURITY_GROUP_EGRESS);
        for (SecurityGroupRules.SgRule r : SecurityGroupRules.of(ctx.graph())) {
            if (!r.egress()) {
                continue;
            }
            ctx.examined(r.owner());
            List<Value> world = r.cidrs().stream()
                    .filter(c -> c.asString().filter(SecurityGroupRules::isWorld).isPresent()).toList();
            boolean everything = r.allProtocols() || r.portProtocol().isPresent() && r.ports()
                    .map(p -> p[0] <= 0 && p[1] >= 65535).orElse(false);
            if (!world.isEmpty() && everything) {
                // One rule to 0.0.0.0/0 and ::/0 is one fact: one finding naming both.
                ctx.report(r.owner(), world.get(0).location(), Names.of(r.owner()) + " allows all outbound traffic to "
                        + SecurityGroupRules.describeWorld(world), List.of());
            }
        }
    }
}
