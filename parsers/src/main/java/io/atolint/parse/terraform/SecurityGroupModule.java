package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code security-group} module and its preset submodules ({@code //modules/ssh}, ...), the ports of their named
 * rules from {@link NamedSecurityGroupRules}.
 */
final class SecurityGroupModule extends ModelledCall {
    SecurityGroupModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                        SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    /**
     * The security group and its rules as the module makes them: one {@code aws_security_group_rule} per named
     * rule of {@code ingress_rules} / {@code egress_rules} (on {@code ingress_cidr_blocks}, none by default, and
     * {@code egress_cidr_blocks}, 0.0.0.0/0 by default) and per element of the {@code *_with_cidr_blocks},
     * {@code *_with_ipv6_cidr_blocks}, {@code *_with_source_security_group_id} and {@code *_with_self} lists (and
     * their {@code computed_} twins). A preset submodule ({@code //modules/ssh}) adds its own ingress rules, all
     * traffic from the group itself and all egress, through its inner call {@code module.sg}.
     */
    Modelled securityGroup(String preset) {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create", true);
        if (create.isFalse()) {
            return new Modelled("security-group", out);
        }
        String maybe = maybe(create, "create");
        String within = preset == null ? "" : "module.sg";
        Value groupId;
        if (bool("create_sg", true).isFalse()) {
            groupId = in("security_group_id").orElse(unknown("security_group_id of " + address + " is not given"));
        } else {
            Map<String, Value> sg = new LinkedHashMap<>();
            for (String k : List.of("name", "description", "vpc_id", "tags")) {
                in(k).ifPresent(v -> sg.put(k, v));
            }
            boolean prefix = !bool("use_name_prefix", true).isFalse();
            Value.Ref ref = addIn(within, "aws_security_group", prefix ? "this_name_prefix" : "this", 0, sg,
                    keysAt(sg, "vpc_id", "name"), where("vpc_id", "name"), maybe);
            groupId = id(ref);
        }
        out.put("security_group_id", groupId);
        for (String direction : List.of("ingress", "egress")) {
            boolean ingress = direction.equals("ingress");
            // the module's defaults, located where the rules that take them are given
            SourceLocation rulesAt = where(direction + "_rules", direction + "_with_cidr_blocks");
            Value cidrs = in(direction + "_cidr_blocks").filter(v -> !Values.isNull(v))
                    .orElse(Values.list(ingress ? List.of() : List.of(Values.str("0.0.0.0/0", rulesAt)), rulesAt));
            Value ipv6 = in(direction + "_ipv6_cidr_blocks").filter(v -> !Values.isNull(v))
                    .orElse(Values.list(ingress ? List.of() : List.of(Values.str("::/0", rulesAt)), rulesAt));
            List<String> auto = preset == null ? List.of()
                    : ingress ? NamedSecurityGroupRules.presetIngress(preset) : List.of("all-all");
            for (String input : List.of(direction + "_rules", "computed_" + direction + "_rules")) {
                List<Value> names = elementsOf(input, input.startsWith("computed_") ? List.of() : auto);
                SourceLocation loc = where(input);
                for (int i = 0; i < names.size(); i++) {
                    Map<String, Value> r = rule(direction, groupId, names.get(i), Map.of());
                    r.put("cidr_blocks", cidrs);
                    r.put("ipv6_cidr_blocks", ipv6);
                    in(direction + "_prefix_list_ids").filter(v -> !Values.isNull(v)).ifPresent(v -> r.put("prefix_list_ids", v));
                    addIn(within, "aws_security_group_rule", input, i, r, keysOf(r, loc), loc, countOf(input, maybe));
                }
            }
            for (String kind : List.of("cidr_blocks", "ipv6_cidr_blocks", "source_security_group_id", "self")) {
                for (String input : List.of(direction + "_with_" + kind, "computed_" + direction + "_with_" + kind)) {
                    List<Value> elements = new ArrayList<>(preset != null && ingress && input.equals("ingress_with_self")
                            ? List.of(Values.map(Map.of("rule", Values.str("all-all", at)), at)) : List.of());
                    elements.addAll(elementsOf(input, null));
                    SourceLocation loc = where(input);
                    for (int i = 0; i < elements.size(); i++) {
                        Map<String, Value> e = elements.get(i) instanceof Value.MapV m ? m.entries() : Map.of();
                        Map<String, Value> r = rule(direction, groupId, e.getOrDefault("rule", Values.str("_", at)), e);
                        switch (kind) {
                            case "cidr_blocks" -> r.put("cidr_blocks", commaList(e.get("cidr_blocks"), cidrs));
                            case "ipv6_cidr_blocks" -> r.put("ipv6_cidr_blocks", commaList(e.get("ipv6_cidr_blocks"), ipv6));
                            case "source_security_group_id" -> r.put("source_security_group_id",
                                    e.getOrDefault("source_security_group_id", unknown("source_security_group_id not given")));
                            default -> r.put("self", Values.bool(true, at));
                        }
                        addIn(within, "aws_security_group_rule", input, i, r, keysOf(r, loc), loc, countOf(input, maybe));
                    }
                }
            }
        }
        return new Modelled("security-group", out);
    }

    /**
     * The elements of a list input as the module counts them: a {@code computed_} list only up to its
     * {@code number_of_computed_} count (none when that is not given); named rules with a preset's own ({@code auto})
     * sorted without repeats, as the preset submodules merge them. An unknown list is one UNKNOWN element.
     */
    private List<Value> elementsOf(String input, List<String> auto) {
        List<Value> given = list(input);
        List<Value> out = new ArrayList<>();
        if (given == null) {
            out.add(unknown(input + " of " + address + " is not known"));
            return out;
        }
        if (input.startsWith("computed_")) {
            Value n = in("number_of_" + input).filter(v -> !Values.isNull(v)).orElse(Values.num(0, at));
            int count = n.asNumber().map(java.math.BigDecimal::intValue).orElse(given.size());
            return new ArrayList<>(given.subList(0, Math.max(0, Math.min(count, given.size()))));
        }
        if (auto == null || auto.isEmpty()) {
            return new ArrayList<>(given);
        }
        java.util.TreeMap<String, Value> sorted = new java.util.TreeMap<>();
        auto.forEach(a -> sorted.put(a, Values.str(a, at)));
        for (Value v : given) {
            String name = Values.asText(v);
            if (name == null) {
                out.add(v);
            } else if (!name.isEmpty()) {
                sorted.putIfAbsent(name, v);
            }
        }
        out.addAll(0, sorted.values());
        return out;
    }

    /** The "instances" meta of a rule of {@code input}: a computed list whose count is not known may not make it. */
    private String countOf(String input, String maybe) {
        if (!input.startsWith("computed_")) {
            return maybe;
        }
        Value n = in("number_of_" + input).filter(v -> !Values.isNull(v)).orElse(null);
        return n == null || n.asNumber().isPresent() ? maybe : "count unknown: number_of_" + input + " of " + address
                + " is not known";
    }

    /** A rule's type, group and ports: its own from_port/to_port/protocol, else those its rule name stands for. */
    private Map<String, Value> rule(String direction, Value groupId, Value ruleName, Map<String, Value> own) {
        Map<String, Value> r = new LinkedHashMap<>();
        r.put("security_group_id", groupId);
        r.put("type", Values.str(direction, at));
        String name = Values.asText(ruleName);
        NamedSecurityGroupRules.Ports p = NamedSecurityGroupRules.ports(name);
        String why = "rule " + (name == null ? "name not known" : name) + " is not one atolint knows";
        r.put("from_port", own.getOrDefault("from_port", p == null ? unknown(why) : Values.num(p.from(), at)));
        r.put("to_port", own.getOrDefault("to_port", p == null ? unknown(why) : Values.num(p.to(), at)));
        r.put("protocol", own.getOrDefault("protocol", p == null ? unknown(why) : Values.str(p.protocol(), at)));
        return r;
    }
}
