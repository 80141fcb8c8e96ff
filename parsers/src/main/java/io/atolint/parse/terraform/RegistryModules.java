package io.atolint.parse.terraform;

import io.atolint.model.Format;
import io.atolint.model.KindTable;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The topology of the terraform-aws-modules registry modules most used in practice, modelled from
 * their inputs when their source is not on disk (no {@code terraform init}): {@code vpc} (subnets per
 * tier and AZ, internet gateway, NAT gateways as {@code single_nat_gateway} /
 * {@code one_nat_gateway_per_az} decide, route tables, database subnet group), {@code rds},
 * {@code alb}, {@code autoscaling}, {@code security-group} and {@code vpn-gateway}. Synthesized
 * resources carry the addresses the real module gives them ({@code module.vpc.aws_subnet.private[1]})
 * and are located at the input that decided them; outputs the rules need are provided, others are
 * UNKNOWN. Only the inputs are read: a value the inputs leave unknown stays unknown.
 */
final class RegistryModules {
    private static final String PREFIX = "terraform-aws-modules/";

    /** A modelled module call: its outputs. */
    record Modelled(String module, Map<String, Value> outputs) {
        Value output(String name, SourceLocation at) {
            Value v = outputs.get(name);
            return v != null ? v : new Value.Unknown("output " + name + " of the modelled registry module " + module
                    + " is not modelled", null, List.of(), at);
        }
    }

    private final TerraformRun run;
    private final ModuleInstance parent;
    private final ModuleConfig.Decl decl;
    private final String address;
    private final SourceLocation at;
    private final Map<String, Supplier<Value>> inputs;
    private final Map<String, SourceLocation> inputAt = new LinkedHashMap<>();

    private RegistryModules(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, String address,
                            SourceLocation at) {
        this.run = run;
        this.parent = parent;
        this.decl = decl;
        this.address = address;
        this.at = at;
        this.inputs = parent.callInputs(decl, new ModuleInstance.Instance(null, address, Map.of()), address + ".");
        for (HclAttribute a : decl.block().body().attributes()) {
            HclPos p = a.pos();
            inputAt.put(a.name(), new SourceLocation(p.fileOr(decl.file()), p.line(), p.column(), p.line(), p.column(),
                    address + "/" + a.name()));
        }
    }

    /** terraform-aws-modules' GitHub repositories, by any of Terraform's ways of writing a Git source. */
    private static final java.util.regex.Pattern GITHUB = java.util.regex.Pattern.compile(
            "(?:git::)?(?:https://|ssh://git@|git@)?github\\.com[/:]terraform-aws-modules/terraform-aws-([a-z0-9-]+?)(?:\\.git)?(?:\\?.*)?");

    /**
     * The module's name in the registry ({@code vpc}), or null when the source is not one modelled here: a
     * registry address, or the module's GitHub repository at its root ({@code
     * git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.1.0}; a {@code //subdirectory},
     * in either form, is another module).
     */
    static String moduleOf(String source) {
        java.util.regex.Matcher git = GITHUB.matcher(source);
        if (git.matches()) {
            return moduleOf(PREFIX + git.group(1) + "/aws");
        }
        String s = source.startsWith("registry.terraform.io/") ? source.substring("registry.terraform.io/".length()) : source;
        // "terraform-aws-modules/vpc/aws//modules/vpc-endpoints" is a submodule: another module than the one modelled
        if (!s.startsWith(PREFIX) || s.contains("//")) {
            return null;
        }
        String[] parts = s.substring(PREFIX.length()).split("/");
        if (parts.length < 2 || !parts[1].startsWith("aws")) {
            return null;
        }
        return switch (parts[0]) {
            case "vpc", "rds", "alb", "autoscaling", "security-group", "vpn-gateway" -> parts[0];
            default -> null;
        };
    }

    /** Models the call, or returns null when the module is not one modelled here (or uses count/for_each). */
    static Modelled model(TerraformRun run, ModuleInstance parent, String name, ModuleConfig.Decl d, String source,
                          SourceLocation at) {
        String module = moduleOf(source);
        if (module == null || d.block().body().attribute("count").isPresent()
                || d.block().body().attribute("for_each").isPresent()) {
            return null;
        }
        RegistryModules r = new RegistryModules(run, parent, d, parent.prefix() + "module." + name, at);
        Modelled m = switch (module) {
            case "vpc" -> r.vpc();
            case "rds" -> r.rds();
            case "alb" -> r.alb();
            case "autoscaling" -> r.autoscaling();
            case "security-group" -> r.securityGroup();
            default -> r.vpnGateway();
        };
        run.note(at, "module " + name + " (source " + source + ") is not in the scanned files: the topology of the "
                + module + " module is modelled from its inputs");
        return m;
    }

    // ---------------------------------------------------------------- inputs

    private Optional<Value> in(String name) {
        Supplier<Value> s = inputs.get(name);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    private Tri bool(String name, boolean dflt) {
        Optional<Value> v = in(name);
        if (v.isEmpty() || Values.isNull(v.get())) {
            return Tri.of(dflt);
        }
        return Evaluator.truth(v.get());
    }

    /** A list input: its elements, or null when the list itself is not known. */
    private List<Value> list(String name) {
        Optional<Value> v = in(name);
        if (v.isEmpty() || Values.isNull(v.get())) {
            return List.of();
        }
        return v.get() instanceof Value.ListV l ? l.items() : null;
    }

    private SourceLocation where(String... names) {
        for (String n : names) {
            if (inputAt.containsKey(n)) {
                return inputAt.get(n);
            }
        }
        return at;
    }

    private Value.Ref add(String type, String name, Object index, Map<String, Value> attrs, Map<String, SourceLocation> keys,
                          String because) {
        return add(type, name, index, attrs, keys, because, null);
    }

    /** @param unknownCount why the resource may not exist (the "instances" meta of a count Terraform cannot know), or null */
    private Value.Ref add(String type, String name, Object index, Map<String, Value> attrs, Map<String, SourceLocation> keys,
                          String because, String unknownCount) {
        String addr = address + "." + type + "." + name + (index == null ? "" : index instanceof Integer ? "[" + index + "]"
                : "[\"" + index + "\"]");
        SourceLocation loc = where(because).withLogicalPath(addr);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("module", address);
        meta.put("modelled", "from the inputs of " + address);
        meta.putAll(run.rootMeta(parent));
        if (unknownCount != null) {
            meta.put("instances", unknownCount);
        }
        Resource r = new Resource(run.idOf(addr), addr, type, KindTable.kindOf(type), new Value.MapV(attrs, keys, loc), loc,
                Format.TERRAFORM, meta);
        run.addSynthesized(r, parent, decl);
        return new Value.Ref(r.id(), null, loc);
    }

    private Map<String, SourceLocation> keysAt(Map<String, Value> attrs, String... inputNames) {
        Map<String, SourceLocation> k = new LinkedHashMap<>();
        for (String a : attrs.keySet()) {
            k.put(a, where(inputNames));
        }
        return k;
    }

    /**
     * The module's own resource takes most inputs under the same names: they are passed through, with
     * the module's defaults where they differ from the provider's, so that rules do not read an
     * omitted input as the provider's default.
     */
    private Map<String, SourceLocation> passThrough(Map<String, Value> attrs, Map<String, Object> moduleDefaults) {
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        for (String k : attrs.keySet()) {
            keys.put(k, where(k));
        }
        for (String k : inputs.keySet()) {
            if (!attrs.containsKey(k) && !TerraformRun.MODULE_META.contains(k)) {
                attrs.put(k, in(k).orElseThrow());
                keys.put(k, where(k));
            }
        }
        moduleDefaults.forEach((k, v) -> {
            if (!attrs.containsKey(k)) {
                attrs.put(k, new Value.Scalar(v, address + " default", at));
                keys.put(k, at);
            }
        });
        return keys;
    }

    private static Value.Ref id(Value.Ref r) {
        return new Value.Ref(r.targetId(), "id", r.location());
    }

    private Value ids(List<Value.Ref> refs) {
        List<Value> out = new ArrayList<>();
        refs.forEach(r -> out.add(id(r)));
        return Values.list(out, at);
    }

    private Value.Unknown unknown(String why) {
        return new Value.Unknown(why, null, List.of(), at);
    }

    // ---------------------------------------------------------------- vpc

    private Modelled vpc() {
        Map<String, Value> out = new LinkedHashMap<>();
        Value.Ref vpc = add("aws_vpc", "this", 0, Map.of("cidr_block", in("cidr").orElse(unknown("cidr not given"))),
                Map.of("cidr_block", where("cidr")), "cidr");
        out.put("vpc_id", id(vpc));
        Tri flowLog = bool("enable_flow_log", false);
        if (!flowLog.isFalse()) {
            Map<String, Value> f = new LinkedHashMap<>();
            f.put("vpc_id", id(vpc));
            f.put("traffic_type", in("flow_log_traffic_type").orElse(Values.str("ALL", at)));
            // An enable_flow_log the files do not decide is a flow log that may not exist, as for a count
            // Terraform cannot know yet: the rules then cannot prove the VPC is covered, nor that it is not.
            add("aws_flow_log", "this", 0, f, keysAt(f, "enable_flow_log"), "enable_flow_log",
                    flowLog.isTrue() ? null : "count unknown: enable_flow_log of " + address + " is not known");
        }
        List<Value> azs = list("azs");
        if (azs == null) {
            return new Modelled("vpc", out); // the subnets cannot be laid out without the AZ list
        }
        Map<String, List<Value.Ref>> tiers = new LinkedHashMap<>();
        for (String tier : List.of("public", "private", "database", "elasticache", "intra", "redshift")) {
            List<Value> cidrs = list(tier + "_subnets");
            List<Value.Ref> subnets = new ArrayList<>();
            if (cidrs == null) {
                out.put(tier + "_subnets", unknown(tier + "_subnets of " + address + " is not known"));
                continue;
            }
            for (int i = 0; i < cidrs.size(); i++) {
                Map<String, Value> a = new LinkedHashMap<>();
                a.put("vpc_id", id(vpc));
                a.put("cidr_block", cidrs.get(i));
                a.put("availability_zone", azs.isEmpty() ? unknown("azs is empty") : relocated(azs.get(i % azs.size()), "azs"));
                subnets.add(add("aws_subnet", tier, i, a, keysAt(a, tier + "_subnets"), tier + "_subnets"));
            }
            tiers.put(tier, subnets);
            out.put(tier + "_subnets", ids(subnets));
        }
        out.put("azs", Values.list(azs, where("azs")));
        List<Value.Ref> publics = tiers.getOrDefault("public", List.of());
        Value.Ref igw = null;
        if (!publics.isEmpty() && bool("create_igw", true).isTrue()) {
            igw = add("aws_internet_gateway", "this", 0, Map.of("vpc_id", id(vpc)), Map.of("vpc_id", where("public_subnets")),
                    "public_subnets");
            out.put("igw_id", id(igw));
            Map<String, Value> route = new LinkedHashMap<>();
            route.put("cidr_block", Values.str("0.0.0.0/0", at));
            route.put("gateway_id", id(igw));
            Map<String, Value> rt = new LinkedHashMap<>();
            rt.put("vpc_id", id(vpc));
            rt.put("route", Values.list(List.of(Values.map(route, where("public_subnets"))), at));
            Value.Ref publicRt = add("aws_route_table", "public", 0, rt, keysAt(rt, "public_subnets"), "public_subnets");
            out.put("public_route_table_ids", ids(List.of(publicRt)));
            for (int i = 0; i < publics.size(); i++) {
                associate("public", i, publics.get(i), publicRt);
            }
        }
        natAndPrivateRoutes(vpc, tiers, publics, azs, out);
        List<Value.Ref> db = tiers.getOrDefault("database", List.of());
        if (!db.isEmpty() && bool("create_database_subnet_group", true).isTrue()) {
            Map<String, Value> g = new LinkedHashMap<>();
            g.put("name", in("database_subnet_group_name").orElse(in("name").orElse(unknown("name not given"))));
            g.put("subnet_ids", ids(db));
            Value.Ref group = add("aws_db_subnet_group", "database", 0, g, keysAt(g, "database_subnets"), "database_subnets");
            out.put("database_subnet_group", id(group));
            out.put("database_subnet_group_name", new Value.Ref(group.targetId(), "name", group.location()));
        }
        return new Modelled("vpc", out);
    }

    /** NAT gateways and private route tables as the module lays them out. */
    private void natAndPrivateRoutes(Value.Ref vpc, Map<String, List<Value.Ref>> tiers, List<Value.Ref> publics,
                                     List<Value> azs, Map<String, Value> out) {
        Tri enable = bool("enable_nat_gateway", false);
        Tri single = bool("single_nat_gateway", false);
        Tri perAz = bool("one_nat_gateway_per_az", false);
        List<Value.Ref> privates = tiers.getOrDefault("private", List.of());
        if (!enable.isKnown() || !single.isKnown() || !perAz.isKnown()) {
            out.put("natgw_ids", unknown("enable_nat_gateway / single_nat_gateway / one_nat_gateway_per_az are not known"));
            return;
        }
        int maxSubnets = 0;
        for (String t : List.of("private", "elasticache", "database", "redshift")) {
            maxSubnets = Math.max(maxSubnets, tiers.getOrDefault(t, List.of()).size());
        }
        int natCount = !enable.isTrue() ? 0 : single.isTrue() ? 1 : perAz.isTrue() ? azs.size() : maxSubnets;
        String decidedBy = single.isTrue() ? "single_nat_gateway" : perAz.isTrue() ? "one_nat_gateway_per_az" : "enable_nat_gateway";
        List<Value.Ref> nats = new ArrayList<>();
        for (int i = 0; i < natCount && !publics.isEmpty(); i++) {
            Map<String, Value> a = new LinkedHashMap<>();
            a.put("subnet_id", id(publics.get(single.isTrue() ? 0 : i % publics.size())));
            a.put("connectivity_type", Values.str("public", at));
            nats.add(add("aws_nat_gateway", "this", i, a, keysAt(a, decidedBy), decidedBy));
        }
        out.put("natgw_ids", ids(nats));
        // one private route table per NAT gateway (one when there is a single one or none)
        int tables = privates.isEmpty() ? 0 : Math.max(1, single.isTrue() || nats.isEmpty() ? 1 : nats.size());
        List<Value.Ref> rts = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            Map<String, Value> rt = new LinkedHashMap<>();
            rt.put("vpc_id", id(vpc));
            Value.Ref table = add("aws_route_table", "private", i, rt, keysAt(rt, "private_subnets"), "private_subnets");
            rts.add(table);
            if (!nats.isEmpty()) {
                Map<String, Value> r = new LinkedHashMap<>();
                r.put("route_table_id", id(table));
                r.put("destination_cidr_block", Values.str("0.0.0.0/0", at));
                r.put("nat_gateway_id", id(nats.get(Math.min(i, nats.size() - 1))));
                add("aws_route", "private_nat_gateway", i, r, keysAt(r, decidedBy), decidedBy);
            }
        }
        out.put("private_route_table_ids", ids(rts));
        for (int i = 0; i < privates.size() && !rts.isEmpty(); i++) {
            associate("private", i, privates.get(i), rts.get(single.isTrue() ? 0 : Math.min(i, rts.size() - 1)));
        }
    }

    private void associate(String tier, int i, Value.Ref subnet, Value.Ref table) {
        Map<String, Value> a = new LinkedHashMap<>();
        a.put("subnet_id", id(subnet));
        a.put("route_table_id", id(table));
        add("aws_route_table_association", tier, i, a, keysAt(a, tier + "_subnets"), tier + "_subnets");
    }

    private Value relocated(Value v, String input) {
        if (v instanceof Value.Scalar s) {
            return new Value.Scalar(s.value(), s.isLiteral() ? address + " azs" : s.how(), where(input));
        }
        return v;
    }

    // ---------------------------------------------------------------- other modules

    private Modelled rds() {
        Map<String, Value> out = new LinkedHashMap<>();
        Value groupName = in("db_subnet_group_name").orElse(null);
        if (bool("create_db_subnet_group", false).isTrue()) {
            Map<String, Value> g = new LinkedHashMap<>();
            g.put("subnet_ids", in("subnet_ids").orElse(unknown("subnet_ids not given")));
            Value.Ref group = add("aws_db_subnet_group", "this", 0, g, keysAt(g, "subnet_ids"), "subnet_ids");
            groupName = new Value.Ref(group.targetId(), "name", group.location());
        }
        Map<String, Value> db = new LinkedHashMap<>();
        db.put("engine", in("engine").orElse(unknown("engine not given")));
        db.put("multi_az", in("multi_az").orElse(Values.bool(false, at)));
        if (groupName != null) {
            db.put("db_subnet_group_name", groupName);
        }
        Map<String, SourceLocation> keys = passThrough(db, Map.of("storage_encrypted", true));
        keys.put("db_subnet_group_name", where("db_subnet_group_name", "subnet_ids"));
        Value.Ref inst = add("aws_db_instance", "this", 0, db, keys, "multi_az");
        out.put("db_instance_identifier", new Value.Ref(inst.targetId(), "identifier", inst.location()));
        out.put("db_instance_arn", new Value.Ref(inst.targetId(), "arn", inst.location()));
        out.put("db_instance_address", new Value.Ref(inst.targetId(), "address", inst.location()));
        return new Modelled("rds", out);
    }

    private Modelled alb() {
        Map<String, Value> lb = new LinkedHashMap<>();
        lb.put("load_balancer_type", in("load_balancer_type").orElse(Values.str("application", at)));
        lb.put("internal", in("internal").orElse(Values.bool(false, at)));
        lb.put("subnets", in("subnets").orElse(unknown("subnets not given")));
        Map<String, SourceLocation> keys = passThrough(lb, Map.of("enable_deletion_protection", true,
                "drop_invalid_header_fields", true));
        Value.Ref ref = add("aws_lb", "this", 0, lb, keys, "subnets");
        Map<String, Value> out = new LinkedHashMap<>();
        out.put("arn", new Value.Ref(ref.targetId(), "arn", ref.location()));
        out.put("id", new Value.Ref(ref.targetId(), "id", ref.location()));
        out.put("dns_name", new Value.Ref(ref.targetId(), "dns_name", ref.location()));
        return new Modelled("alb", out);
    }

    private Modelled autoscaling() {
        Map<String, Value> asg = new LinkedHashMap<>();
        Value.Ref ref = add("aws_autoscaling_group", "this", 0, asg, passThrough(asg, Map.of()), "vpc_zone_identifier");
        Map<String, Value> out = new LinkedHashMap<>();
        out.put("autoscaling_group_id", new Value.Ref(ref.targetId(), "id", ref.location()));
        out.put("autoscaling_group_name", new Value.Ref(ref.targetId(), "name", ref.location()));
        out.put("autoscaling_group_arn", new Value.Ref(ref.targetId(), "arn", ref.location()));
        return new Modelled("autoscaling", out);
    }

    private Modelled securityGroup() {
        Map<String, Value> sg = new LinkedHashMap<>();
        Value.Ref ref = add("aws_security_group", "this", 0, sg, passThrough(sg, Map.of()), "vpc_id");
        return new Modelled("security-group", Map.of("security_group_id", new Value.Ref(ref.targetId(), "id", ref.location())));
    }

    private Modelled vpnGateway() {
        Map<String, Value> vpn = new LinkedHashMap<>();
        in("vpn_connection_static_routes_only").ifPresent(v -> vpn.put("static_routes_only", v));
        Value.Ref ref = add("aws_vpn_connection", "default", 0, vpn, passThrough(vpn, Map.of()), "customer_gateway_id");
        return new Modelled("vpn-gateway", Map.of("vpn_connection_id", new Value.Ref(ref.targetId(), "id", ref.location())));
    }

    static boolean isPositive(Value v) {
        return v.asNumber().map(n -> n.compareTo(BigDecimal.ZERO) > 0).orElse(false);
    }
}
