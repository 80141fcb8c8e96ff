package io.atolint.checks.net;

import io.atolint.checks.support.Refs;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.model.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A network ACL is the subnet's second filter after security groups: it must not admit remote
 * administration (SSH on 22, RDP on 3389) from the whole internet. Entries are evaluated as AWS does,
 * in rule-number order, the first entry that matches deciding: an allow from {@code 0.0.0.0/0} (or
 * {@code ::/0}) shadowed by a lower-numbered deny admits nothing. Inline entries ({@code aws_network_acl}
 * {@code ingress} blocks) and separate ones ({@code AWS::EC2::NetworkAclEntry},
 * {@code aws_network_acl_rule}) are read alike. A range, number, protocol or port that cannot be
 * resolved, where it could decide, is a note.
 */
@Rule(id = "NET002", title = "Network ACLs do not admit SSH or RDP from the internet", severity = Severity.MEDIUM,
        tags = {"network", "network-acl"})
public final class NetworkAclAdminPorts implements Check {
    private static final int[] PORTS = {22, 3389};

    /** One ingress entry, wherever it is written. */
    record Entry(Resource owner, Value number, Value protocol, Value action, Value cidr, Value from, Value to,
                 SourceLocation at) {
        Optional<BigDecimal> rank() {
            return number == null ? Optional.empty() : number.asNumber();
        }

        String label() {
            return "rule " + (number == null ? "?" : number.describe());
        }
    }

    @Override
    public void check(RuleContext ctx) {
        Map<Resource, List<Entry>> byAcl = new LinkedHashMap<>();
        for (Resource acl : ctx.inScope(Kind.NETWORK_ACL)) {
            List<Entry> entries = byAcl.computeIfAbsent(acl, k -> new ArrayList<>());
            for (Value v : Setting.of(acl, "Ingress").items()) {
                if (v instanceof Value.MapV m) {
                    entries.add(new Entry(acl, in(acl, m, "RuleNumber"), in(acl, m, "Protocol"), in(acl, m, "RuleAction"),
                            in(acl, m, "CidrBlock"), in(acl, m, "FromPort"), in(acl, m, "ToPort"), m.location()));
                }
            }
        }
        for (Resource e : ctx.inScope(Kind.NETWORK_ACL_ENTRY)) {
            if (Setting.of(e, "Egress").boolOrDefault() == Tri.TRUE) {
                continue;
            }
            Resource acl = Refs.targets(ctx.graph(), Setting.of(e, "NetworkAclId").value(), Kind.NETWORK_ACL).stream()
                    .findFirst().orElse(e);
            byAcl.computeIfAbsent(acl, k -> new ArrayList<>()).add(new Entry(e, Setting.of(e, "RuleNumber").value(),
                    Setting.of(e, "Protocol").value(), Setting.of(e, "RuleAction").value(), Setting.of(e, "CidrBlock").value(),
                    Setting.of(e, "FromPort").value(), Setting.of(e, "ToPort").value(), e.location()));
        }
        byAcl.forEach((acl, entries) -> judge(ctx, acl, entries));
    }

    /** A property of an inline entry ({@code aws_network_acl} {@code ingress} block), null when omitted. */
    private static Value in(Resource acl, Value.MapV entry, String name) {
        return Setting.in(acl, "@NaclEntry", entry, name).value();
    }

    private static void judge(RuleContext ctx, Resource acl, List<Entry> entries) {
        List<Entry> ordered = new ArrayList<>(entries.stream().filter(e -> e.rank().isPresent()).toList());
        ordered.sort(Comparator.comparing(e -> e.rank().get()));
        List<Entry> unordered = entries.stream().filter(e -> e.rank().isEmpty()).toList();
        Map<Entry, List<Integer>> opened = new LinkedHashMap<>();
        Map<Entry, List<Integer>> undecided = new LinkedHashMap<>();
        for (int port : PORTS) {
            Entry undecidedBy = unordered.stream().filter(e -> applies(e, port) != Tri.FALSE).findFirst().orElse(null);
            for (Entry e : ordered) {
                Tri applies = applies(e, port);
                if (applies == Tri.FALSE) {
                    continue;
                }
                Tri allows = action(e);
                if (applies == Tri.UNKNOWN || allows == Tri.UNKNOWN) {
                    if (allows != Tri.FALSE && undecidedBy == null) {
                        undecidedBy = e; // may admit the port before a later entry decides
                    }
                    continue;
                }
                if (allows.isTrue()) {
                    (undecidedBy == null ? opened : undecided).computeIfAbsent(undecidedBy == null ? e : undecidedBy,
                            k -> new ArrayList<>()).add(port);
                } else if (undecidedBy != null) {
                    undecided.computeIfAbsent(undecidedBy, k -> new ArrayList<>()).add(port);
                }
                undecidedBy = null;
                break;
            }
            if (undecidedBy != null) {
                undecided.computeIfAbsent(undecidedBy, k -> new ArrayList<>()).add(port);
            }
        }
        String name = acl.kind() == Kind.NETWORK_ACL ? Names.of(acl) : "Network ACL entry \"" + acl.displayName() + "\"";
        opened.forEach((e, ports) -> ctx.report(e.owner(), e.at(), name + " " + e.label() + " allows " + admin(ports)
                + " from " + e.cidr().describe() + (all(e) ? " (all traffic)" : "") + "; admit administration only from "
                + "known ranges, or through Session Manager", List.of()));
        undecided.forEach((e, ports) -> ctx.note(e.owner(), e.at(), name + " " + e.label() + ": cannot tell whether it admits "
                + admin(ports) + " from the internet: " + unresolved(e), List.of()));
    }

    private static String admin(List<Integer> ports) {
        List<String> out = new ArrayList<>();
        for (int p : ports) {
            out.add(p == 22 ? "SSH (tcp 22)" : "RDP (tcp 3389)");
        }
        return String.join(" and ", out);
    }

    private static boolean all(Entry e) {
        String p = e.protocol() == null ? "" : e.protocol().asString().orElse("").toLowerCase(Locale.ROOT);
        return p.equals("-1") || p.equals("all");
    }

    /** Whether an entry matches tcp traffic from the whole internet to {@code port}. */
    static Tri applies(Entry e, int port) {
        Tri world = world(e.cidr());
        if (world == Tri.FALSE) {
            return Tri.FALSE;
        }
        if (e.protocol() == null || e.protocol().asString().isEmpty()) {
            return Tri.UNKNOWN.and(world);
        }
        String p = e.protocol().asString().get().trim().toLowerCase(Locale.ROOT);
        if (p.equals("-1") || p.equals("all")) {
            return world;
        }
        if (!p.equals("6") && !p.equals("tcp")) {
            return Tri.FALSE;
        }
        Optional<BigDecimal> from = e.from() == null ? Optional.empty() : e.from().asNumber();
        Optional<BigDecimal> to = e.to() == null ? Optional.empty() : e.to().asNumber();
        if (from.isEmpty() || to.isEmpty()) {
            return Tri.UNKNOWN.and(world);
        }
        boolean covers = from.get().intValue() <= port && port <= to.get().intValue();
        return covers ? world : Tri.FALSE;
    }

    private static Tri world(Value cidr) {
        if (cidr == null) {
            return Tri.FALSE;
        }
        Optional<String> s = cidr.asString();
        if (s.isEmpty()) {
            return Tri.UNKNOWN;
        }
        String c = s.get().trim();
        return Tri.of(c.endsWith("/0"));
    }

    private static Tri action(Entry e) {
        Optional<String> a = e.action() == null ? Optional.empty() : e.action().asString();
        if (a.isEmpty()) {
            return Tri.UNKNOWN;
        }
        return Tri.of(a.get().trim().equalsIgnoreCase("allow"));
    }

    private static String unresolved(Entry e) {
        for (Value v : new Value[]{e.number(), e.cidr(), e.protocol(), e.action(), e.from(), e.to()}) {
            if (v != null && (v.isUnknown() || v instanceof Value.Symbol)) {
                return v.describe();
            }
        }
        return "its rule number, range, protocol or ports are not resolved";
    }
}
