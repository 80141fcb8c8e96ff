package io.atolint.checks.mon;

import io.atolint.checks.support.Refs;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        // Flow logs whose instance count is not known (a count or a module flag the files do not decide).
        Map<String, Resource> perhaps = new HashMap<>();
        Resource unresolved = null; // a flow log whose target the files do not decide may cover any VPC
        for (Resource fl : ctx.graph().resources(Kind.FLOW_LOG)) {
            Value logged = Setting.of(fl, "ResourceId").value();
            if (unresolved == null && logged != null && logged.asString().isEmpty() && Refs.targetIds(logged).isEmpty()) {
                unresolved = fl; // neither a resource of the files nor a literal id: a parameter, an import, a variable
            }
            for (String target : Refs.targetIds(fl.attributes())) {
                if (fl.meta("instances").isPresent()) {
                    perhaps.putIfAbsent(target, fl);
                } else {
                    covered.add(target);
                }
            }
        }
        for (Resource vpc : ctx.inScope(Kind.VPC)) {
            if (vpc.format().isDiagram() || covered.contains(vpc.id())) {
                continue;
            }
            Resource maybe = perhaps.get(vpc.id());
            if (maybe == null && unresolved != null) {
                ctx.note(vpc, vpc.location(), Names.of(vpc) + ": cannot prove it has a flow log: " + Names.of(unresolved)
                        + " logs a resource the files do not decide", List.of());
            } else if (maybe != null) {
                ctx.note(vpc, vpc.location(), Names.of(vpc) + ": cannot prove it has a flow log: " + Names.of(maybe) + " may not exist ("
                        + maybe.meta("instances").orElse("") + ")", List.of());
            } else {
                ctx.report(vpc, Names.of(vpc) + " has no flow log: its traffic is not recorded for monitoring or investigation");
            }
        }
    }
}
