package io.atolint.checks.sg;

import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ingress from the whole internet ({@code 0.0.0.0/0}, {@code ::/0}, or any {@code /0} range such as
 * {@code 192.168.1.0/0}, including values that arrive through parameter or variable defaults) is
 * acceptable only on 80 and 443. Every other TCP/UDP port, and all protocols ({@code -1}), is a
 * finding. ICMP is not judged. A range, protocol or port that cannot be resolved is a note.
 */
@Rule(id = "SG001", title = "Security groups admit the internet only on 80 and 443", severity = Severity.HIGH,
        tags = {"network", "security-group"})
public final class WorldOpenIngress implements Check {

    @Override
    public void check(RuleContext ctx) {
        ctx.inScope(Kind.SECURITY_GROUP, Kind.SECURITY_GROUP_INGRESS);
        for (SecurityGroupRules.SgRule r : SecurityGroupRules.of(ctx.graph())) {
            if (r.egress()) {
                continue;
            }
            String who = Names.of(r.owner());
            List<Value> world = new ArrayList<>();
            for (Value cidr : r.cidrs()) {
                Optional<String> s = cidr.asString();
                if (s.isEmpty()) {
                    if (cidr.isUnknown() || cidr instanceof Value.Symbol) {
                        ctx.note(r.owner(), cidr.location(), who + ": cannot prove an ingress range is not the internet: "
                                + cidr.describe(), List.of());
                    }
                    continue;
                }
                if (SecurityGroupRules.isWorld(s.get())) {
                    world.add(cidr);
                }
            }
            if (!world.isEmpty()) {
                // One rule open to 0.0.0.0/0 and ::/0 is one fact: one finding naming both.
                judge(ctx, r, world, who);
            }
        }
    }

    private static void judge(RuleContext ctx, SecurityGroupRules.SgRule r, List<Value> world, String who) {
        String from = SecurityGroupRules.describeWorld(world);
        Value cidr = world.get(0);
        if (r.allProtocols()) {
            report(ctx, r, cidr, who + " allows ingress from " + from + " on all protocols and ports");
            return;
        }
        if (!r.protocolKnown()) {
            ctx.note(r.owner(), cidr.location(), who + ": ingress from " + from + " with a protocol that cannot be resolved: "
                    + (r.protocol() == null ? "omitted" : r.protocol().describe()), List.of());
            return;
        }
        Optional<String> proto = r.portProtocol();
        if (proto.isEmpty()) {
            return; // ICMP and other port-less protocols
        }
        Optional<int[]> ports = r.ports();
        if (ports.isEmpty()) {
            ctx.note(r.owner(), cidr.location(), who + ": ingress from " + from + " on " + proto.get()
                    + " ports that cannot be resolved", List.of());
            return;
        }
        int f = ports.get()[0];
        int t = ports.get()[1];
        if (f == t && (f == 80 || f == 443)) {
            return;
        }
        String range = f == t ? "port " + f : (f <= 0 && t >= 65535) || (f == -1 && t == -1) ? "every port (" + f + "-" + t + ")"
                : "ports " + f + "-" + t;
        report(ctx, r, cidr, who + " allows ingress from " + from + " on " + proto.get() + " " + range);
    }

    /**
     * High, unless only load balancers use the group: the internet then reaches their listener ports
     * alone, whatever else the rule opens (a low finding: the rule is still wider than it needs to be).
     */
    private static void report(RuleContext ctx, SecurityGroupRules.SgRule r, Value cidr, String message) {
        List<Resource> users = SecurityGroupRules.users(ctx.graph(), r.owner());
        if (!users.isEmpty() && users.stream().allMatch(u -> u.kind() == Kind.LOAD_BALANCER)) {
            String lbs = String.join(", ", users.stream().map(u -> Names.of(u) + " (listeners on "
                    + SecurityGroupRules.listenerPorts(ctx.graph(), u) + ")").toList());
            ctx.report(Severity.LOW, r.owner(), cidr.location(), message + "; only " + lbs
                    + (users.size() > 1 ? " use" : " uses") + " it, so the internet reaches those ports alone: "
                    + "open only them", List.of());
            return;
        }
        ctx.report(r.owner(), cidr.location(), message, List.of());
    }
}
