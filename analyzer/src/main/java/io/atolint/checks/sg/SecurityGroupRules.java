package io.atolint.checks.sg;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every security group rule of a scan in one shape, whichever way it is written: inline in
 * {@code AWS::EC2::SecurityGroup} ({@code SecurityGroupIngress}/{@code SecurityGroupEgress}) or in
 * {@code aws_security_group} ({@code ingress}/{@code egress} blocks), or standalone
 * ({@code AWS::EC2::SecurityGroupIngress}/{@code Egress}, {@code aws_security_group_rule} with its
 * {@code type}, {@code aws_vpc_security_group_ingress_rule}/{@code egress_rule}).
 */
final class SecurityGroupRules {
    private SecurityGroupRules() {
    }

    /** One rule: its owner resource, direction, protocol, port range and IPv4/IPv6 ranges. */
    record SgRule(Resource owner, boolean egress, Value protocol, Value from, Value to, List<Value> cidrs,
                  SourceLocation location) {

        /** -1/all: every protocol and port. */
        boolean allProtocols() {
            String p = protocol == null ? "" : protocol.asString().orElse("?").toLowerCase(Locale.ROOT);
            return p.equals("-1") || p.equals("all");
        }

        boolean protocolKnown() {
            return protocol != null && protocol.asString().isPresent();
        }

        /** tcp, udp or their numbers: the only protocols with ports. */
        Optional<String> portProtocol() {
            String p = protocol == null ? "" : protocol.asString().orElse("").toLowerCase(Locale.ROOT);
            return switch (p) {
                case "tcp", "6" -> Optional.of("tcp");
                case "udp", "17" -> Optional.of("udp");
                default -> Optional.empty();
            };
        }

        Optional<int[]> ports() {
            Optional<BigDecimal> f = from == null ? Optional.empty() : from.asNumber();
            Optional<BigDecimal> t = to == null ? Optional.empty() : to.asNumber();
            if (f.isEmpty() || t.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new int[]{f.get().intValue(), t.get().intValue()});
        }
    }

    /** Every rule of the graph (read once per scan, shared by the checks that ask). */
    static List<SgRule> of(ResourceGraph graph) {
        return graph.derived(SecurityGroupRules.class, SecurityGroupRules::read);
    }

    private static List<SgRule> read(ResourceGraph graph) {
        List<SgRule> out = new ArrayList<>();
        for (Resource sg : graph.resources(Kind.SECURITY_GROUP)) {
            inline(sg, Setting.of(sg, "Ingress"), false, out);
            inline(sg, Setting.of(sg, "Egress"), true, out);
        }
        for (Resource r : graph.resources(Kind.SECURITY_GROUP_INGRESS)) {
            boolean egress = Setting.of(r, "Type").string().filter("egress"::equalsIgnoreCase).isPresent();
            out.add(rule(r, r.attributes(), egress, r.location()));
        }
        for (Resource r : graph.resources(Kind.SECURITY_GROUP_EGRESS)) {
            out.add(rule(r, r.attributes(), true, r.location()));
        }
        return List.copyOf(out);
    }

    private static void inline(Resource sg, Setting list, boolean egress, List<SgRule> out) {
        for (Value v : list.items()) {
            if (v instanceof Value.MapV m) {
                out.add(rule(sg, m, egress, m.location()));
            }
        }
    }

    private static SgRule rule(Resource owner, Value.MapV m, boolean egress, SourceLocation at) {
        List<Value> cidrs = new ArrayList<>();
        cidrs.addAll(Setting.in(owner, "@SecurityGroupRule", m, "Ipv4Ranges").items());
        cidrs.addAll(Setting.in(owner, "@SecurityGroupRule", m, "Ipv6Ranges").items());
        Value protocol = Setting.in(owner, "@SecurityGroupRule", m, "Protocol").value();
        return new SgRule(owner, egress, protocol, Setting.in(owner, "@SecurityGroupRule", m, "FromPort").value(),
                Setting.in(owner, "@SecurityGroupRule", m, "ToPort").value(), cidrs, at);
    }

    /** A range with a /0 prefix: every address, whatever the address part says (192.168.1.0/0 included). */
    static boolean isWorld(String cidr) {
        String c = cidr.trim();
        int slash = c.lastIndexOf('/');
        return slash > 0 && c.substring(slash + 1).equals("0") && (c.contains(".") || c.contains(":"));
    }

    /** How a message shows a world-open range: disguised ones get said plainly. */
    static String describeWorld(Value cidr) {
        String s = cidr.asString().orElse("?").trim();
        String shown = cidr.describe();
        boolean plain = s.equals("0.0.0.0/0") || s.equals("::/0");
        return plain ? shown : shown + " (a /0 prefix: the whole internet)";
    }
}
