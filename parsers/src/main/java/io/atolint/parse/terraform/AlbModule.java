package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code alb} module: the load balancer, its target groups and listeners, which link it to the targets registered
 * in them. Version 9 changed the inputs from lists to maps by key; both shapes are read.
 */
final class AlbModule extends ModelledCall {
    private static final List<String> ALB_LISTENER_INPUTS = List.of("listeners", "target_groups", "https_listeners",
            "http_tcp_listeners", "security_group_ingress_rules", "security_group_egress_rules");

    AlbModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
              SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled alb() {
        Map<String, Value> lb = new LinkedHashMap<>();
        lb.put("load_balancer_type", in("load_balancer_type").orElse(Values.str("application", at)));
        lb.put("internal", in("internal").orElse(Values.bool(false, at)));
        lb.put("subnets", in("subnets").orElse(unknown("subnets not given")));
        Map<String, SourceLocation> keys = passThrough(lb, Map.of("enable_deletion_protection", true,
                "drop_invalid_header_fields", true));
        ALB_LISTENER_INPUTS.forEach(k -> {
            lb.remove(k);
            keys.remove(k);
        });
        boolean version9 = in("listeners").isPresent() || in("target_groups").orElse(null) instanceof Value.MapV
                || in("security_group_ingress_rules").isPresent() || in("security_group_egress_rules").isPresent();
        if (version9) {
            Value group = securityGroup();
            if (group != null) {
                List<Value> groups = new java.util.ArrayList<>();
                if (in("security_groups").orElse(null) instanceof Value.ListV given) {
                    groups.addAll(given.items());
                }
                groups.add(group);
                lb.put("security_groups", Values.list(groups, where("security_group_ingress_rules", "security_groups")));
                keys.put("security_groups", where("security_group_ingress_rules", "security_groups"));
            }
        }
        Value.Ref ref = add("aws_lb", "this", 0, lb, keys, "subnets");
        Map<String, Value> out = new LinkedHashMap<>();
        out.put("arn", new Value.Ref(ref.targetId(), "arn", ref.location()));
        out.put("id", new Value.Ref(ref.targetId(), "id", ref.location()));
        out.put("dns_name", new Value.Ref(ref.targetId(), "dns_name", ref.location()));
        if (version9) {
            albListeners(ref, out);
        } else {
            albListenersBeforeV9(ref, out);
        }
        return new Modelled("alb", out);
    }

    /**
     * Target groups and listeners as version 9 and later take them: maps by key, a listener forwarding to
     * {@code target_group_key} or redirecting; a target group attached to its {@code target_id}.
     */
    private void albListeners(Value.Ref lb, Map<String, Value> out) {
        Map<String, Value.Ref> groups = new LinkedHashMap<>();
        Map<String, Value> groupOutputs = new LinkedHashMap<>();
        Map<String, Value> tgs = elements("target_groups");
        for (Map.Entry<String, Value> e : tgs == null ? Map.<String, Value>of().entrySet() : tgs.entrySet()) {
            Lookup g = element(e.getValue(), null);
            if (truth(g.get("create"), true).isFalse()) {
                continue;
            }
            SourceLocation loc = elementAt("target_groups", e.getKey());
            Map<String, Value> tg = targetGroup(g, "protocol", "port");
            Value.Ref ref = addIn("", "aws_lb_target_group", "this", e.getKey(), tg, keysOf(tg, loc), loc, null);
            groups.put(e.getKey(), ref);
            groupOutputs.put(e.getKey(), Values.map(Map.of("arn", attr(ref, "arn"), "id", id(ref), "name", attr(ref, "name")), at));
            Optional<Value> target = g.first("target_id");
            if (target.isPresent() && !truth(g.get("create_attachment"), true).isFalse()) {
                Map<String, Value> a = new LinkedHashMap<>();
                a.put("target_group_arn", attr(ref, "arn"));
                a.put("target_id", target.get());
                g.first("port").ifPresent(v -> a.put("port", v));
                addIn("", "aws_lb_target_group_attachment", "this", e.getKey(), a, keysOf(a, loc), loc, null);
            }
        }
        out.put("target_groups", Values.map(groupOutputs, at));
        Map<String, Value> listeners = elements("listeners");
        Map<String, Value> listenerOutputs = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : listeners == null ? Map.<String, Value>of().entrySet() : listeners.entrySet()) {
            Lookup l = element(e.getValue(), null);
            if (truth(l.get("create"), true).isFalse()) {
                continue;
            }
            Map<String, Value> li = new LinkedHashMap<>();
            li.put("load_balancer_arn", attr(lb, "arn"));
            li.put("port", l.first("port").orElse(Values.num(80, at)));
            li.put("protocol", l.first("protocol").orElse(Values.str("HTTP", at)));
            l.first("certificate_arn").ifPresent(v -> li.put("certificate_arn", v));
            Optional<Value> policy = l.first("ssl_policy");
            if (policy.isPresent()) {
                li.put("ssl_policy", policy.get());
            } else if (List.of("HTTPS", "TLS").contains(Values.asText(li.get("protocol")))) {
                li.put("ssl_policy", notGiven("ssl_policy", "listener " + e.getKey() + " of " + address));
            }
            Map<String, Value> action = new LinkedHashMap<>();
            Optional<Value> redirect = l.first("redirect");
            Optional<Value> forward = l.first("forward");
            Optional<Value> fixed = l.first("fixed_response");
            if (redirect.isPresent()) {
                action.put("type", Values.str("redirect", at));
                action.put("redirect", Values.list(List.of(redirect.get()), at));
            } else if (fixed.isPresent()) {
                action.put("type", Values.str("fixed-response", at));
                action.put("fixed_response", Values.list(List.of(fixed.get()), at));
            } else if (forward.isPresent()) {
                action.put("type", Values.str("forward", at));
                Value key = forward.get() instanceof Value.MapV f ? f.get("target_group_key").orElse(null) : null;
                Value.Ref tg = key == null ? null : groups.get(Values.asText(key));
                action.put("target_group_arn", tg != null ? attr(tg, "arn")
                        : unknown("the target group listener " + e.getKey() + " of " + address + " forwards to"));
            } else {
                action.put("type", unknown("the default action of listener " + e.getKey() + " of " + address
                        + " is not modelled"));
            }
            li.put("default_action", Values.list(List.of(Values.map(action, at)), at));
            SourceLocation loc = elementAt("listeners", e.getKey());
            Value.Ref ref = addIn("", "aws_lb_listener", "this", e.getKey(), li, keysOf(li, loc), loc, null);
            listenerOutputs.put(e.getKey(), Values.map(Map.of("arn", attr(ref, "arn"), "id", id(ref)), at));
        }
        out.put("listeners", Values.map(listenerOutputs, at));
    }

    /**
     * The security group version 9 makes for the load balancer ({@code create_security_group}) and one rule per
     * element of {@code security_group_ingress_rules} / {@code _egress_rules} (TCP unless {@code ip_protocol} says
     * otherwise); its id, or null when it makes none.
     */
    private Value securityGroup() {
        if (!bool("create_security_group", true).isTrue()) {
            return null;
        }
        Map<String, Value> sg = new LinkedHashMap<>();
        in("vpc_id").ifPresent(v -> sg.put("vpc_id", v));
        SourceLocation loc = where("security_group_ingress_rules", "vpc_id");
        Value.Ref group = addIn("", "aws_security_group", "this", 0, sg, keysOf(sg, loc), loc, null);
        for (String direction : List.of("ingress", "egress")) {
            Map<String, Value> rules = elements("security_group_" + direction + "_rules");
            for (Map.Entry<String, Value> e : rules == null ? Map.<String, Value>of().entrySet() : rules.entrySet()) {
                Lookup l = element(e.getValue(), null);
                Map<String, Value> r = new LinkedHashMap<>();
                r.put("security_group_id", id(group));
                r.put("ip_protocol", l.first("ip_protocol").orElse(Values.str("tcp", at)));
                for (String k : List.of("from_port", "to_port", "cidr_ipv4", "cidr_ipv6", "referenced_security_group_id",
                        "prefix_list_id")) {
                    l.first(k).ifPresent(v -> r.put(k, v));
                }
                SourceLocation ruleAt = elementAt("security_group_" + direction + "_rules", e.getKey());
                addIn("", "aws_vpc_security_group_" + direction + "_rule", "this", e.getKey(), r, keysOf(r, ruleAt), ruleAt,
                        null);
            }
        }
        return id(group);
    }

    /** A target group's attributes from its element (version 9 names its protocol and port as the resource does, 8 with backend_). */
    private Map<String, Value> targetGroup(Lookup g, String protocol, String port) {
        Map<String, Value> tg = new LinkedHashMap<>();
        tg.put("protocol", g.first(protocol).orElse(Values.str("HTTP", at)));
        g.first(port).ifPresent(v -> tg.put("port", v));
        tg.put("target_type", g.first("target_type").orElse(Values.str("instance", at)));
        in("vpc_id").ifPresent(v -> tg.put("vpc_id", v));
        g.first("health_check").ifPresent(v -> tg.put("health_check", v));
        blocksAsLists(tg, "health_check");
        return tg;
    }

    /**
     * Target groups and listeners as versions before 9 take them: lists, {@code backend_protocol} and
     * {@code backend_port}, {@code http_tcp_listeners} forwarding to {@code target_group_index} or
     * redirecting ({@code action_type}), {@code https_listeners}.
     */
    private void albListenersBeforeV9(Value.Ref lb, Map<String, Value> out) {
        List<Value> tgs = list("target_groups");
        List<Value.Ref> groups = new ArrayList<>();
        for (int i = 0; tgs != null && i < tgs.size(); i++) {
            Lookup g = element(tgs.get(i), null);
            Map<String, Value> tg = targetGroup(g, "backend_protocol", "backend_port");
            Value.Ref ref = addIn("", "aws_lb_target_group", "main", i, tg, keysAt(tg, "target_groups"),
                    where("target_groups"), null);
            groups.add(ref);
            if (g.first("targets").orElse(null) instanceof Value.MapV targets) {
                for (Map.Entry<String, Value> t : Values.sorted(targets).entrySet()) {
                    Lookup tl = element(t.getValue(), null);
                    Map<String, Value> a = new LinkedHashMap<>();
                    a.put("target_group_arn", attr(ref, "arn"));
                    tl.first("target_id").ifPresent(v -> a.put("target_id", v));
                    tl.first("port").ifPresent(v -> a.put("port", v));
                    addIn("", "aws_lb_target_group_attachment", "this", i + "." + t.getKey(), a,
                            keysAt(a, "target_groups"), where("target_groups"), null);
                }
            }
        }
        List<Value> arns = new ArrayList<>();
        groups.forEach(g -> arns.add(attr(g, "arn")));
        out.put("target_group_arns", Values.list(arns, at));
        for (String input : List.of("http_tcp_listeners", "https_listeners")) {
            List<Value> ls = list(input);
            for (int i = 0; ls != null && i < ls.size(); i++) {
                Lookup l = element(ls.get(i), null);
                boolean https = input.equals("https_listeners");
                Map<String, Value> li = new LinkedHashMap<>();
                li.put("load_balancer_arn", attr(lb, "arn"));
                li.put("port", l.first("port").orElse(Values.num(https ? 443 : 80, at)));
                li.put("protocol", l.first("protocol").orElse(Values.str(https ? "HTTPS" : "HTTP", at)));
                l.first("certificate_arn").ifPresent(v -> li.put("certificate_arn", v));
                l.first("ssl_policy").or(() -> in("listener_ssl_policy_default")).ifPresent(v -> li.put("ssl_policy", v));
                Map<String, Value> action = new LinkedHashMap<>();
                String type = Values.asText(l.first("action_type").orElse(Values.str("forward", at)));
                if (type == null) {
                    action.put("type", unknown("action_type of " + input + "[" + i + "] of " + address + " is not known"));
                } else if (type.equals("redirect")) {
                    action.put("type", Values.str("redirect", at));
                    action.put("redirect", Values.list(List.of(l.first("redirect").orElse(Values.map(Map.of(), at))), at));
                } else if (type.equals("forward")) {
                    action.put("type", Values.str("forward", at));
                    Value idx = l.first("target_group_index").orElse(Values.num(0, at));
                    int n = idx.asNumber().map(java.math.BigDecimal::intValue).orElse(-1);
                    action.put("target_group_arn", n >= 0 && n < groups.size() ? attr(groups.get(n), "arn")
                            : unknown("target_group_index of " + input + "[" + i + "] of " + address));
                } else {
                    action.put("type", Values.str(type, at));
                }
                li.put("default_action", Values.list(List.of(Values.map(action, at)), at));
                addIn("", "aws_lb_listener", https ? "frontend_https" : "frontend_http_tcp", i, li, keysAt(li, input),
                        where(input), null);
            }
        }
    }
}
