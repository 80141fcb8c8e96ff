package io.atolint.checks.mon;

import io.atolint.checks.support.Refs;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Central monitoring (TV-5.3) includes network traffic: every VPC defined in the files has a flow log
 * ({@code AWS::EC2::FlowLog} / {@code aws_flow_log} naming it). Flow logs on some subnets or interfaces
 * only do not cover the VPC.
 */
@Rule(id = "MON002", title = "VPCs have flow logs", severity = Severity.MEDIUM, tags = {"monitoring", "network"})
public final class VpcFlowLogs implements Check {

    @Override
    public void check(RuleContext ctx) {
        Set<String> covered = new HashSet<>();
        for (Resource fl : ctx.graph().resources(Kind.FLOW_LOG)) {
            covered.addAll(Refs.targetIds(fl.attributes()));
        }
        for (Resource vpc : ctx.inScope(Kind.VPC)) {
            if (vpc.format().isDiagram()) {
                continue;
            }
            if (!covered.contains(vpc.id())) {
                ctx.report(vpc, Names.of(vpc) + " has no flow log: its traffic is not recorded for monitoring or investigation");
            }
        }
    }
}
