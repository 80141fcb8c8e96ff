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
            List<Value> names = new ArrayList<>();
            List<String> auto = preset == null ? List.of()
                    : ingress ? NamedSecurityGroupRules.presetIngress(preset) : List.of("all-all");
            auto.forEach(n -> names.add(Values.str(n, at)));
            for (String input : List.of(direction + "_rules", "computed_" + direction + "_rules")) {
                List<Value> given = list(input);
                if (given == null) {
                    names.add(unknown(input + " of " + address + " is not known"));
                } else {
                    names.addAll(given);
                }
            }
            for (int i = 0; i < names.size(); i++) {
                Map<String, Value> r = rule(direction, groupId, names.get(i), Map.of());
                r.put("cidr_blocks", cidrs);
                r.put("ipv6_cidr_blocks", ipv6);
                in(direction + "_prefix_list_ids").filter(v -> !Values.isNull(v)).ifPresent(v -> r.put("prefix_list_ids", v));
                SourceLocation loc = i < auto.size() ? at : where(direction + "_rules", "computed_" + direction + "_rules");
                addIn(within, "aws_security_group_rule", direction + "_rules", i, r, keysOf(r, loc), loc, maybe);
            }
            List<Value> selfRules = new ArrayList<>();
            if (preset != null && ingress) {
                selfRules.add(Values.map(Map.of("rule", Values.str("all-all", at)), at));
            }
            for (String kind : List.of("cidr_blocks", "ipv6_cidr_blocks", "source_security_group_id", "self")) {
                String name = direction + "_with_" + kind;
                List<Value> elements = new ArrayList<>(kind.equals("self") ? selfRules : List.of());
                for (String input : List.of(name, "computed_" + name)) {
                    List<Value> given = list(input);
                    if (given != null) {
                        elements.addAll(given);
                    }
                }
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
                    SourceLocation loc = where(name, "computed_" + name);
                    addIn(within, "aws_security_group_rule", name, i, r, keysOf(r, loc), loc, maybe);
                }
            }
        }
        return new Modelled("security-group", out);
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
