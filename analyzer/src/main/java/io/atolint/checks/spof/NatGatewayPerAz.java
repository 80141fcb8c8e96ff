package io.atolint.checks.spof;

import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.Role;
import io.atolint.topology.Spof;

import java.util.Set;

/**
 * Private subnets should leave the VPC through a NAT gateway in their own AZ: one NAT gateway serving
 * subnets of several AZs takes their internet egress down with its AZ, and a NAT instance is one EC2
 * instance with no failover.
 */
@Rule(id = "SPOF001", title = "Private subnets use a NAT gateway in their own AZ, never a NAT instance",
        severity = Severity.MEDIUM, tags = {"availability", "spof", "network"})
public final class NatGatewayPerAz implements Check {
    @Override
    public void check(RuleContext ctx) {
        SpofFindings.report(ctx, Set.of(Spof.Category.NAT), topo -> SpofFindings.setsOf(topo, Role.EGRESS));
    }
}
