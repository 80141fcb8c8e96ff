package io.atolint.checks.sg;

import io.atolint.graph.ResourceGraph;
import io.atolint.checks.support.Refs;
import io.atolint.model.Kind;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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

        /** The port range; empty when a bound is not a port (unresolved, fractional, or outside -1..65535). */
        Optional<int[]> ports() {
            Optional<Integer> f = port(from);
            Optional<Integer> t = port(to);
            if (f.isEmpty() || t.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new int[]{f.get(), t.get()});
        }

        /** A port number as written, checked in 64 bits: 4294967318 is not port 22. */
        private static Optional<Integer> port(Value v) {
            if (v == null) {
                return Optional.empty();
            }
            java.util.OptionalLong n = io.atolint.model.Numbers.index(v.asNumber().orElse(null));
            return n.isPresent() && n.getAsLong() >= -1 && n.getAsLong() <= 65535
                    ? Optional.of((int) n.getAsLong()) : Optional.empty();
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

    /**
     * The resources that join the group {@code owner} is or belongs to (a standalone rule belongs to the
     * groups it names): whatever references the group but another group or a rule.
     */
    static List<Resource> users(ResourceGraph graph, Resource owner) {
        List<Resource> groups = owner.kind() == Kind.SECURITY_GROUP ? List.of(owner)
                : Refs.from(graph, owner, Kind.SECURITY_GROUP);
        List<Resource> out = new ArrayList<>();
        for (Resource g : groups) {
            for (Resource u : graph.sources(g, RelationType.REFERENCES)) {
                if (!RULE_KINDS.contains(u.kind()) && !out.contains(u)) {
                    out.add(u);
                }
            }
        }
        return out;
    }

    private static final Set<Kind> RULE_KINDS = Set.of(Kind.SECURITY_GROUP, Kind.SECURITY_GROUP_INGRESS,
            Kind.SECURITY_GROUP_EGRESS);

    /** The ports a load balancer's listeners answer on, as written ({@code 80, 443}; ? when unresolved). */
    static String listenerPorts(ResourceGraph graph, Resource lb) {
        List<String> ports = new ArrayList<>();
        for (Resource l : graph.sources(lb, RelationType.REFERENCES)) {
            if (l.kind() == Kind.LISTENER) {
                ports.add(Setting.of(l, "Port").string().orElse("?"));
            }
        }
        for (Value l : Setting.of(lb, "Listeners").items()) {
            ports.add(Setting.in(lb, "@ClassicListener", l, "LoadBalancerPort").string().orElse("?"));
        }
        return ports.isEmpty() ? "none in the files" : String.join(", ", ports.stream().distinct()
                .sorted(Comparator.comparing((String p) -> p.matches("\\d{1,5}") ? Integer.parseInt(p) : Integer.MAX_VALUE)
                        .thenComparing(Comparator.naturalOrder())).toList());
    }

    /** A range with a /0 prefix: every address, whatever the address part says (192.168.1.0/0 included). */
    static boolean isWorld(String cidr) {
        String c = cidr.trim();
        int slash = c.lastIndexOf('/');
        return slash > 0 && c.substring(slash + 1).equals("0") && (c.contains(".") || c.contains(":"));
    }

    /** How a message shows the world-open ranges of one rule: {@code 0.0.0.0/0 and ::/0}. */
    static String describeWorld(List<Value> cidrs) {
        List<String> shown = cidrs.stream().map(SecurityGroupRules::describeWorld).distinct().toList();
        return shown.size() == 1 ? shown.get(0)
                : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }

    /** How a message shows a world-open range: disguised ones get said plainly. */
    static String describeWorld(Value cidr) {
        String s = cidr.asString().orElse("?").trim();
        String shown = cidr.describe();
        boolean plain = s.equals("0.0.0.0/0") || s.equals("::/0");
        return plain ? shown : shown + " (a /0 prefix: the whole internet)";
    }
}
