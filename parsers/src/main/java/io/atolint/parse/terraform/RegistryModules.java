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
 * {@code rds-aurora} (the cluster, its instances, subnet group and reader autoscaling), {@code alb},
 * {@code autoscaling}, {@code ec2-instance}, {@code eks} (the cluster, its managed and self-managed
 * node groups), {@code ecs} and its {@code //modules/service} (the services, their subnets and
 * autoscaling), {@code security-group} and {@code vpn-gateway}. A call with {@code count} or
 * {@code for_each} is modelled once per instance. Synthesized resources carry the addresses the real
 * module gives them ({@code module.vpc.aws_subnet.private[1]},
 * {@code module.eks.module.eks_managed_node_group["main"].aws_eks_node_group.this[0]}) and are located
 * at the input that decided them; outputs the rules need are provided, others are UNKNOWN. Only the
 * inputs are read: a value the inputs leave unknown stays unknown, and where a module's default changed
 * between its major versions and the input is not given, the value is UNKNOWN.
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

    /** A modelled call with {@code count} or {@code for_each}: each instance's outputs, by the instance's address. */
    record ModelledCalls(ModuleInstance.Expansion expansion, Map<String, Modelled> byAddress) {
    }

    private final TerraformRun run;
    private final ModuleInstance parent;
    private final ModuleConfig.Decl decl;
    private final String address;
    private final SourceLocation at;
    private final Map<String, Supplier<Value>> inputs;
    private final Map<String, SourceLocation> inputAt = new LinkedHashMap<>();

    private RegistryModules(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                            SourceLocation at) {
        this.run = run;
        this.parent = parent;
        this.decl = decl;
        this.address = instance.address();
        this.at = at;
        this.inputs = parent.callInputs(decl, instance, address + ".");
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
        if (s.equals(PREFIX + "ecs/aws//modules/service")) {
            return "ecs-service";
        }
        String presets = PREFIX + "security-group/aws//modules/";
        if (s.startsWith(presets) && NamedSecurityGroupRules.presetIngress(s.substring(presets.length())) != null) {
            return "security-group//" + s.substring(presets.length());
        }
        // "terraform-aws-modules/vpc/aws//modules/vpc-endpoints" is a submodule: another module than the one modelled
        if (!s.startsWith(PREFIX) || s.contains("//")) {
            return null;
        }
        String[] parts = s.substring(PREFIX.length()).split("/");
        if (parts.length < 2 || !parts[1].startsWith("aws")) {
            return null;
        }
        return switch (parts[0]) {
            case "vpc", "rds", "rds-aurora", "alb", "autoscaling", "ec2-instance", "eks", "ecs", "security-group",
                 "vpn-gateway", "s3-bucket" -> parts[0];
            default -> null;
        };
    }

    /**
     * Models the call, once per instance of its {@code count} or {@code for_each}: a {@link Modelled} for a
     * single call, {@link ModelledCalls} otherwise; null when the module is not one modelled here or its
     * instances are not known (then it is read as an opaque node, as any module not on disk).
     */
    static Object model(TerraformRun run, ModuleInstance parent, String name, ModuleConfig.Decl d, String source,
                        SourceLocation at) {
        String module = moduleOf(source);
        if (module == null) {
            return null;
        }
        ModuleInstance.Expansion x = parent.expansion("module", name, d);
        if (!x.isKnown()) {
            return null;
        }
        Map<String, Modelled> byAddress = new LinkedHashMap<>();
        for (ModuleInstance.Instance i : x.instances()) {
            byAddress.put(i.address(), new RegistryModules(run, parent, d, i, at).build(module));
        }
        run.note(at, "module " + name + " (source " + source + ") is not in the scanned files: the topology of the "
                + module + " module is modelled from its inputs");
        return x.mode().equals("single") ? byAddress.values().iterator().next() : new ModelledCalls(x, byAddress);
    }

    private Modelled build(String module) {
        return switch (module) {
            case "vpc" -> vpc();
            case "rds" -> rds();
            case "rds-aurora" -> rdsAurora();
            case "alb" -> alb();
            case "autoscaling" -> autoscaling();
            case "ec2-instance" -> ec2Instance();
            case "eks" -> eks();
            case "ecs" -> ecs();
            case "ecs-service" -> ecsService(null, "", this::in, null);
            case "security-group" -> securityGroup(null);
            case "vpn-gateway" -> vpnGateway();
            case "s3-bucket" -> s3Bucket();
            default -> securityGroup(module.substring("security-group//".length()));
        };
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
        return addIn("", type, name, index, attrs, keys, where(because), unknownCount);
    }

    /**
     * A resource of the module, or of one of its own module calls ({@code within}: {@code module.service["web"]},
     * empty for the module itself), located at {@code loc}.
     */
    private Value.Ref addIn(String within, String type, String name, Object index, Map<String, Value> attrs,
                            Map<String, SourceLocation> keys, SourceLocation loc0, String unknownCount) {
        String addr = address + (within.isEmpty() ? "" : "." + within) + "." + type + "." + name
                + (index == null ? "" : index instanceof Integer ? "[" + index + "]" : "[\"" + index + "\"]");
        SourceLocation loc = loc0.withLogicalPath(addr);
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

    /**
     * Where each attribute of a resource modelled from an element of a map input is written: where its value is,
     * when that is more precise than the whole call, else at the element ({@code worker = {...}}).
     */
    private Map<String, SourceLocation> keysOf(Map<String, Value> attrs, SourceLocation element) {
        Map<String, SourceLocation> k = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : attrs.entrySet()) {
            SourceLocation l = e.getValue().location();
            k.put(e.getKey(), l != null && l != at && !l.equals(at) ? l : element);
        }
        return k;
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

    /**
     * Whether the call's {@code version} constraint allows only major versions from {@code major} on (TRUE), only
     * below it (FALSE), or both (UNKNOWN; also without a version). {@code "~> 4.0"} and {@code "4.1.2"} are major 4,
     * {@code ">= 3.0"} any major from 3, {@code ">= 3.0, < 5.0"} 3 or 4.
     */
    Tri versionAtLeast(int major) {
        return versionAtLeast(decl.block().body().attribute("version")
                .map(a -> a.value() instanceof Expr.Literal l && l.value() instanceof String v ? v : null).orElse(null), major);
    }

    static Tri versionAtLeast(String text, int major) {
        if (text == null) {
            return Tri.UNKNOWN;
        }
        int lo = 0;
        int hi = Integer.MAX_VALUE;
        for (String part : text.split(",")) {
            java.util.regex.Matcher m = VERSION.matcher(part.strip());
            if (!m.matches()) {
                return Tri.UNKNOWN;
            }
            String op = m.group(1) == null ? "=" : m.group(1);
            int x = Integer.parseInt(m.group(2));
            boolean zeroRest = (m.group(3) == null || Integer.parseInt(m.group(3)) == 0)
                    && (m.group(4) == null || Integer.parseInt(m.group(4)) == 0);
            switch (op) {
                case "=" -> {
                    lo = Math.max(lo, x);
                    hi = Math.min(hi, x);
                }
                case "~>" -> {
                    lo = Math.max(lo, x);
                    if (m.group(3) != null) {
                        hi = Math.min(hi, x);
                    }
                }
                case ">=", ">" -> lo = Math.max(lo, x);
                case "<" -> hi = Math.min(hi, zeroRest ? x - 1 : x);
                case "<=" -> hi = Math.min(hi, x);
                default -> {
                    // != leaves the range as it is
                }
            }
        }
        return lo >= major ? Tri.TRUE : hi < major ? Tri.FALSE : Tri.UNKNOWN;
    }

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile(
            "(=|!=|~>|>=|<=|>|<)?\\s*v?(\\d{1,6})(?:\\.(\\d{1,6}))?(?:\\.(\\d{1,6}))?(?:[-+][0-9A-Za-z.-]{0,64})?");

    // ---------------------------------------------------------------- vpc

    private Modelled vpc() {
        Map<String, Value> out = new LinkedHashMap<>();
        Value.Ref vpc = add("aws_vpc", "this", 0, Map.of("cidr_block", in("cidr").orElse(unknown("cidr not given"))),
                Map.of("cidr_block", where("cidr")), "cidr");
        out.put("vpc_id", id(vpc));
        defaultSecurityGroup(vpc);
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

    /**
     * The VPC's default security group, which the module empties ({@code manage_default_security_group}: true by
     * default from version 5, false before; rules from {@code default_security_group_ingress/egress}, none by default).
     */
    private void defaultSecurityGroup(Value.Ref vpc) {
        Tri manage = in("manage_default_security_group").filter(v -> !Values.isNull(v)).map(Evaluator::truth)
                .orElse(versionAtLeast(5));
        if (manage.isFalse()) {
            return;
        }
        Map<String, Value> d = new LinkedHashMap<>();
        d.put("vpc_id", id(vpc));
        for (String direction : List.of("ingress", "egress")) {
            List<Value> rules = list("default_security_group_" + direction);
            if (rules == null) {
                d.put(direction, unknown("default_security_group_" + direction + " of " + address + " is not known"));
                continue;
            }
            List<Value> blocks = new ArrayList<>();
            for (Value r : rules) {
                Map<String, Value> b = r instanceof Value.MapV m ? new LinkedHashMap<>(m.entries()) : new LinkedHashMap<>();
                for (String c : List.of("cidr_blocks", "ipv6_cidr_blocks")) {
                    b.put(c, commaList(b.get(c), Values.list(List.of(), r.location())));
                }
                blocks.add(Values.map(b, r.location()));
            }
            d.put(direction, Values.list(blocks, where("default_security_group_" + direction, "manage_default_security_group")));
        }
        SourceLocation loc = where("manage_default_security_group", "version");
        addIn("", "aws_default_security_group", "this", 0, d, keysOf(d, loc), loc, manage.isTrue() ? null
                        : "count unknown: manage_default_security_group of " + address + " is true by default from version 5"
                        + " of the module, and its version is not pinned to one side of it");
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
        Value parameterGroup = parameterGroup("module.db_parameter_group", "aws_db_parameter_group",
                "create_db_parameter_group", true, "family", "parameters");
        if (parameterGroup != null) {
            db.put("parameter_group_name", parameterGroup);
        }
        Map<String, SourceLocation> keys = passThrough(db, Map.of("storage_encrypted", true));
        keys.put("db_subnet_group_name", where("db_subnet_group_name", "subnet_ids"));
        db.remove("parameters");
        keys.remove("parameters");
        Value.Ref inst = add("aws_db_instance", "this", 0, db, keys, "multi_az");
        out.put("db_instance_identifier", new Value.Ref(inst.targetId(), "identifier", inst.location()));
        out.put("db_instance_arn", new Value.Ref(inst.targetId(), "arn", inst.location()));
        out.put("db_instance_address", new Value.Ref(inst.targetId(), "address", inst.location()));
        return new Modelled("rds", out);
    }

    private static final List<String> ALB_LISTENER_INPUTS = List.of("listeners", "target_groups", "https_listeners",
            "http_tcp_listeners");

    private Modelled alb() {
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
        Value.Ref ref = add("aws_lb", "this", 0, lb, keys, "subnets");
        Map<String, Value> out = new LinkedHashMap<>();
        out.put("arn", new Value.Ref(ref.targetId(), "arn", ref.location()));
        out.put("id", new Value.Ref(ref.targetId(), "id", ref.location()));
        out.put("dns_name", new Value.Ref(ref.targetId(), "dns_name", ref.location()));
        if (in("listeners").isPresent() || in("target_groups").orElse(null) instanceof Value.MapV) {
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
            Map<String, Value> tg = new LinkedHashMap<>();
            tg.put("protocol", g.first("protocol").orElse(Values.str("HTTP", at)));
            g.first("port").ifPresent(v -> tg.put("port", v));
            tg.put("target_type", g.first("target_type").orElse(Values.str("instance", at)));
            in("vpc_id").ifPresent(v -> tg.put("vpc_id", v));
            g.first("health_check").ifPresent(v -> tg.put("health_check", v));
            blocksAsLists(tg, "health_check");
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
     * Target groups and listeners as versions before 9 take them: lists, {@code backend_protocol} and
     * {@code backend_port}, {@code http_tcp_listeners} forwarding to {@code target_group_index} or
     * redirecting ({@code action_type}), {@code https_listeners}.
     */
    private void albListenersBeforeV9(Value.Ref lb, Map<String, Value> out) {
        List<Value> tgs = list("target_groups");
        List<Value.Ref> groups = new ArrayList<>();
        for (int i = 0; tgs != null && i < tgs.size(); i++) {
            Lookup g = element(tgs.get(i), null);
            Map<String, Value> tg = new LinkedHashMap<>();
            tg.put("protocol", g.first("backend_protocol").orElse(Values.str("HTTP", at)));
            g.first("backend_port").ifPresent(v -> tg.put("port", v));
            tg.put("target_type", g.first("target_type").orElse(Values.str("instance", at)));
            in("vpc_id").ifPresent(v -> tg.put("vpc_id", v));
            g.first("health_check").ifPresent(v -> tg.put("health_check", v));
            blocksAsLists(tg, "health_check");
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

    private Modelled autoscaling() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create", true);
        if (create.isFalse()) {
            return new Modelled("autoscaling", out);
        }
        String maybe = maybe(create, "create");
        Map<String, Value> asg = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = passThrough(asg, Map.of());
        for (String k : List.of("scaling_policies", "schedules")) {
            asg.remove(k);
            keys.remove(k);
        }
        Value.Ref ref = addIn("", "aws_autoscaling_group", "this", 0, asg, keys, where("vpc_zone_identifier"), maybe);
        // the group's policies and scheduled actions, one resource per element of the maps, as the module makes them
        for (String[] kind : new String[][]{{"scaling_policies", "aws_autoscaling_policy"}, {"schedules", "aws_autoscaling_schedule"}}) {
            Map<String, Value> elements = elements(kind[0]);
            for (Map.Entry<String, Value> e : elements == null ? Map.<String, Value>of().entrySet() : elements.entrySet()) {
                Map<String, Value> p = new LinkedHashMap<>();
                p.put("autoscaling_group_name", attr(ref, "name"));
                if (e.getValue() instanceof Value.MapV m) {
                    m.entries().forEach(p::putIfAbsent);
                }
                SourceLocation loc = elementAt(kind[0], e.getKey());
                addIn("", kind[1], "this", e.getKey(), p, keysOf(p, loc), loc, maybe);
            }
        }
        out.put("autoscaling_group_id", new Value.Ref(ref.targetId(), "id", ref.location()));
        out.put("autoscaling_group_name", new Value.Ref(ref.targetId(), "name", ref.location()));
        out.put("autoscaling_group_arn", new Value.Ref(ref.targetId(), "arn", ref.location()));
        return new Modelled("autoscaling", out);
    }

    /**
     * The security group and its rules as the module makes them: one {@code aws_security_group_rule} per named
     * rule of {@code ingress_rules} / {@code egress_rules} (on {@code ingress_cidr_blocks}, none by default, and
     * {@code egress_cidr_blocks}, 0.0.0.0/0 by default) and per element of the {@code *_with_cidr_blocks},
     * {@code *_with_ipv6_cidr_blocks}, {@code *_with_source_security_group_id} and {@code *_with_self} lists (and
     * their {@code computed_} twins). A preset submodule ({@code //modules/ssh}) adds its own ingress rules, all
     * traffic from the group itself and all egress, through its inner call {@code module.sg}.
     */
    private Modelled securityGroup(String preset) {
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

    /** The module's comma-separated {@code cidr_blocks} of one rule ({@code "10.0.0.0/8,0.0.0.0/0"}), else the default list. */
    private Value commaList(Value v, Value dflt) {
        if (v == null || Values.isNull(v)) {
            return dflt;
        }
        String text = Values.asText(v);
        if (text == null) {
            return v instanceof Value.ListV ? v : unknown("cidr_blocks of a rule of " + address + " is not known");
        }
        List<Value> items = new ArrayList<>();
        for (String c : text.split(",")) {
            if (!c.isBlank()) {
                items.add(Values.str(c.strip(), v.location()));
            }
        }
        return Values.list(items, v.location());
    }

    private Modelled vpnGateway() {
        Map<String, Value> vpn = new LinkedHashMap<>();
        in("vpn_connection_static_routes_only").ifPresent(v -> vpn.put("static_routes_only", v));
        Value.Ref ref = add("aws_vpn_connection", "default", 0, vpn, passThrough(vpn, Map.of()), "customer_gateway_id");
        return new Modelled("vpn-gateway", Map.of("vpn_connection_id", new Value.Ref(ref.targetId(), "id", ref.location())));
    }

    // ---------------------------------------------------------------- compute and database modules

    /** An input by name: of the module call, or of one element of a map input ({@code services["web"]}). */
    private interface Lookup {
        Optional<Value> get(String name);

        /** The first of the names that is given and not null. */
        default Optional<Value> first(String... names) {
            for (String n : names) {
                Optional<Value> v = get(n).filter(x -> !Values.isNull(x));
                if (v.isPresent()) {
                    return v;
                }
            }
            return Optional.empty();
        }
    }

    /** The inputs of one element of a map input, then (for a node group) the module's defaults for every element. */
    private static Lookup element(Value element, Value defaults) {
        return name -> {
            Optional<Value> v = element instanceof Value.MapV m
                    ? m.get(name).filter(x -> !Values.isNull(x)).map(x -> at(x, m.keyLocation(name))) : Optional.empty();
            return v.isPresent() || !(defaults instanceof Value.MapV d) ? v : d.get(name).map(x -> at(x, d.keyLocation(name)));
        };
    }

    /**
     * A value of an element of a map input, located where its key is written ({@code subnet_ids = [...]} of
     * {@code services["worker"]}) rather than at the whole input, so that a finding points at that line.
     */
    private static Value at(Value v, SourceLocation key) {
        if (key == null) {
            return v;
        }
        if (v instanceof Value.ListV l) {
            return new Value.ListV(l.items(), key);
        }
        if (v instanceof Value.Scalar s) {
            return new Value.Scalar(s.value(), s.how(), key);
        }
        if (v instanceof Value.Ref r) {
            return new Value.Ref(r.targetId(), r.attribute(), key);
        }
        return v;
    }

    /** The elements of a map input in Terraform's order for {@code for_each} (by key), or null when the map is not known. */
    private Map<String, Value> elements(String input) {
        Optional<Value> v = in(input);
        if (v.isEmpty() || Values.isNull(v.get())) {
            return Map.of();
        }
        return v.get() instanceof Value.MapV m ? Values.sorted(m) : null;
    }

    /** Where an element of a map input is written ({@code web = {...}} of {@code services}). */
    private SourceLocation elementAt(String input, String key) {
        Optional<Value> v = in(input);
        if (v.isPresent() && v.get() instanceof Value.MapV m && m.keyLocation(key) != null) {
            return m.keyLocation(key);
        }
        return where(input);
    }

    private static Tri truth(Optional<Value> v, boolean dflt) {
        return v.isEmpty() || Values.isNull(v.get()) ? Tri.of(dflt) : Evaluator.truth(v.get());
    }

    /** The "instances" meta of a resource that exists only if {@code flag} is true, when the flag is not known. */
    private String maybe(Tri create, String flag) {
        return create.isKnown() ? null : "count unknown: " + flag + " of " + address + " is not known";
    }

    private static Value.Ref attr(Value.Ref r, String name) {
        return new Value.Ref(r.targetId(), name, r.location());
    }

    private Value notGiven(String input, String of) {
        return unknown(input + " of " + of + " is not given: the module's default differs between its major versions");
    }

    /**
     * Block inputs that newer major versions take as an object ({@code root_block_device = { encrypted = true }})
     * or a map of objects ({@code ebs_block_device = { data = {...} }}) are read as the blocks they become.
     */
    private static void blocksAsLists(Map<String, Value> attrs, String... names) {
        for (String n : names) {
            if (attrs.get(n) instanceof Value.MapV m) {
                boolean ofObjects = m.size() > 0 && m.entries().values().stream().allMatch(x -> x instanceof Value.MapV);
                attrs.put(n, new Value.ListV(ofObjects ? List.copyOf(m.entries().values()) : List.of(m), m.location()));
            }
        }
    }

    private Modelled ec2Instance() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create", true);
        if (create.isFalse()) {
            return new Modelled("ec2-instance", out);
        }
        Map<String, Value> inst = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = passThrough(inst, Map.of());
        blocksAsLists(inst, "root_block_device", "ebs_block_device");
        boolean spot = bool("create_spot_instance", false).isTrue();
        String type = spot ? "aws_spot_instance_request" : "aws_instance";
        String name = !spot && bool("ignore_ami_changes", false).isTrue() ? "ignore_ami" : "this";
        Value.Ref ref = addIn("", type, name, 0, inst, keys, where("subnet_id", "availability_zone", "instance_type"),
                maybe(create, "create"));
        out.put("id", id(ref));
        out.put("arn", attr(ref, "arn"));
        out.put("availability_zone", in("availability_zone").orElse(attr(ref, "availability_zone")));
        out.put("private_ip", attr(ref, "private_ip"));
        out.put("public_ip", attr(ref, "public_ip"));
        out.put("primary_network_interface_id", attr(ref, "primary_network_interface_id"));
        return new Modelled("ec2-instance", out);
    }

    private Modelled rdsAurora() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create", true);
        if (create.isFalse()) {
            return new Modelled("rds-aurora", out);
        }
        String maybe = maybe(create, "create");
        Value groupName = in("db_subnet_group_name").filter(v -> !Values.isNull(v) && !"".equals(Values.asText(v)))
                .orElse(null);
        if (bool("create_db_subnet_group", false).isTrue()) {
            Map<String, Value> g = new LinkedHashMap<>();
            g.put("name", groupName != null ? groupName : in("name").orElse(unknown("name not given")));
            g.put("subnet_ids", in("subnets").orElse(unknown("subnets of " + address + " is not given")));
            Value.Ref group = addIn("", "aws_db_subnet_group", "this", 0, g, keysAt(g, "subnets"),
                    where("subnets", "create_db_subnet_group"), maybe);
            groupName = new Value.Ref(group.targetId(), "name", group.location());
        }
        Map<String, Value> c = new LinkedHashMap<>();
        in("name").ifPresent(v -> c.put("cluster_identifier", v));
        if (groupName != null) {
            c.put("db_subnet_group_name", groupName);
        }
        Value clusterParameters = parameterGroup("", "aws_rds_cluster_parameter_group", "create_db_cluster_parameter_group",
                false, "db_cluster_parameter_group_family", "db_cluster_parameter_group_parameters");
        if (clusterParameters != null) {
            c.put("db_cluster_parameter_group_name", clusterParameters);
        }
        Map<String, SourceLocation> keys = passThrough(c, Map.of("storage_encrypted", true));
        keys.put("db_subnet_group_name", where("db_subnet_group_name", "subnets"));
        for (String k : List.of("instances", "db_cluster_parameter_group_parameters", "db_parameter_group_parameters")) {
            c.remove(k);
            keys.remove(k);
        }
        Value.Ref cluster = addIn("", "aws_rds_cluster", "this", 0, c, keys, where("engine", "name"), maybe);
        Map<String, Value> instances = elements("instances");
        if (instances == null) {
            Map<String, Value> i = instance(cluster, groupName, element(null, null));
            addIn("", "aws_rds_cluster_instance", "this", null, i, keysAt(i, "instances"), where("instances"),
                    "count unknown: instances of " + address + " is not known");
        } else {
            for (Map.Entry<String, Value> e : instances.entrySet()) {
                Map<String, Value> i = instance(cluster, groupName, element(e.getValue(), null));
                addIn("", "aws_rds_cluster_instance", "this", e.getKey(), i, keysOf(i, elementAt("instances", e.getKey())),
                        elementAt("instances", e.getKey()), maybe);
            }
        }
        if (bool("autoscaling_enabled", false).isTrue()) {
            Map<String, Value> t = new LinkedHashMap<>();
            t.put("service_namespace", Values.str("rds", at));
            t.put("scalable_dimension", Values.str("rds:cluster:ReadReplicaCount", at));
            t.put("resource_id", new Value.Unknown("cluster:<the cluster's id>", null, List.of(id(cluster)), at));
            t.put("min_capacity", in("autoscaling_min_capacity").orElse(Values.num(0, at)));
            t.put("max_capacity", in("autoscaling_max_capacity").orElse(Values.num(2, at)));
            addIn("", "aws_appautoscaling_target", "this", 0, t, keysAt(t, "autoscaling_enabled"),
                    where("autoscaling_enabled"), maybe);
        }
        out.put("cluster_id", id(cluster));
        out.put("cluster_arn", attr(cluster, "arn"));
        out.put("cluster_resource_id", attr(cluster, "cluster_resource_id"));
        out.put("cluster_endpoint", attr(cluster, "endpoint"));
        out.put("cluster_reader_endpoint", attr(cluster, "reader_endpoint"));
        out.put("cluster_port", attr(cluster, "port"));
        if (groupName != null) {
            out.put("db_subnet_group_name", groupName);
        }
        return new Modelled("rds-aurora", out);
    }

    /**
     * The parameter group the module makes when {@code create} (default {@code createByDefault}) is true and a
     * family is given, with one {@code parameter} block per element of {@code parametersInput}: a reference to its
     * name, for the database's parameter group attribute; null when the module makes none (then the attribute, if
     * given, is passed through).
     */
    private Value parameterGroup(String within, String type, String create, boolean createByDefault, String family,
                                 String parametersInput) {
        if (!bool(create, createByDefault).isTrue() || in(family).filter(v -> !Values.isNull(v)).isEmpty()) {
            return null;
        }
        Map<String, Value> g = new LinkedHashMap<>();
        g.put("family", in(family).orElseThrow());
        in(parametersInput).filter(v -> !Values.isNull(v)).ifPresent(v -> g.put("parameter", v));
        Value.Ref ref = addIn(within, type, "this", 0, g, keysAt(g, parametersInput, family), where(parametersInput, family),
                null);
        return new Value.Ref(ref.targetId(), "name", ref.location());
    }

    /** An instance of the Aurora cluster, from its element of {@code instances} and the module's inputs. */
    private Map<String, Value> instance(Value.Ref cluster, Value groupName, Lookup each) {
        Map<String, Value> i = new LinkedHashMap<>();
        i.put("cluster_identifier", id(cluster));
        in("engine").ifPresent(v -> i.put("engine", v));
        Optional<Value> cls = each.first("instance_class").or(() -> in("instance_class"));
        cls.ifPresent(v -> i.put("instance_class", v));
        each.first("availability_zone").ifPresent(v -> i.put("availability_zone", v));
        each.first("identifier").ifPresent(v -> i.put("identifier", v));
        if (groupName != null) {
            i.put("db_subnet_group_name", groupName);
        }
        each.first("publicly_accessible").or(() -> in("publicly_accessible"))
                .ifPresent(v -> i.put("publicly_accessible", v));
        return i;
    }

    private Modelled eks() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create", true);
        if (create.isFalse()) {
            return new Modelled("eks", out);
        }
        String maybe = maybe(create, "create");
        Lookup call = this::in;
        Value subnets = call.first("subnet_ids").orElse(unknown("subnet_ids of " + address + " is not given"));
        Value controlPlane = call.first("control_plane_subnet_ids")
                .filter(v -> !(v instanceof Value.ListV l && l.items().isEmpty())).orElse(subnets);
        Map<String, Value> vpc = new LinkedHashMap<>();
        vpc.put("subnet_ids", controlPlane);
        vpc.put("endpoint_public_access", call.first("endpoint_public_access", "cluster_endpoint_public_access")
                .orElse(Values.bool(false, at)));
        vpc.put("endpoint_private_access", call.first("endpoint_private_access", "cluster_endpoint_private_access")
                .orElse(Values.bool(true, at)));
        Map<String, Value> c = new LinkedHashMap<>();
        c.put("name", call.first("name", "cluster_name").orElse(unknown("name of " + address + " is not given")));
        call.first("kubernetes_version", "cluster_version").ifPresent(v -> c.put("version", v));
        c.put("vpc_config", Values.list(List.of(Values.map(vpc, where("subnet_ids", "control_plane_subnet_ids"))), at));
        Value.Ref cluster = addIn("", "aws_eks_cluster", "this", 0, c, keysAt(c, "subnet_ids"),
                where("name", "cluster_name", "subnet_ids"), maybe);
        Map<String, Value> managed = elements("eks_managed_node_groups");
        Value managedDefaults = in("eks_managed_node_group_defaults").orElse(null);
        for (Map.Entry<String, Value> e : managed == null ? Map.<String, Value>of().entrySet() : managed.entrySet()) {
            Lookup g = element(e.getValue(), managedDefaults);
            Tri groupCreate = truth(g.get("create"), true);
            if (groupCreate.isFalse()) {
                continue;
            }
            Map<String, Value> scaling = new LinkedHashMap<>();
            scaling.put("min_size", g.first("min_size").orElse(Values.num(1, at)));
            scaling.put("max_size", g.first("max_size").orElse(Values.num(3, at)));
            scaling.put("desired_size", g.first("desired_size").orElse(Values.num(1, at)));
            Map<String, Value> n = new LinkedHashMap<>();
            n.put("cluster_name", attr(cluster, "name"));
            n.put("node_group_name", g.first("name").orElse(Values.str(e.getKey(), at)));
            n.put("subnet_ids", g.first("subnet_ids").orElse(subnets));
            n.put("scaling_config", Values.list(List.of(Values.map(scaling, at)), at));
            g.first("instance_types").ifPresent(v -> n.put("instance_types", v));
            n.put("capacity_type", g.first("capacity_type").orElse(Values.str("ON_DEMAND", at)));
            SourceLocation loc = elementAt("eks_managed_node_groups", e.getKey());
            addIn("module.eks_managed_node_group[\"" + e.getKey() + "\"]", "aws_eks_node_group", "this", 0, n,
                    keysOf(n, loc), loc, groupCreate.isKnown() ? maybe
                            : "count unknown: create of node group " + e.getKey() + " is not known");
        }
        Map<String, Value> selfManaged = elements("self_managed_node_groups");
        Value selfDefaults = in("self_managed_node_group_defaults").orElse(null);
        for (Map.Entry<String, Value> e : selfManaged == null ? Map.<String, Value>of().entrySet() : selfManaged.entrySet()) {
            Lookup g = element(e.getValue(), selfDefaults);
            Tri groupCreate = truth(g.get("create"), true);
            if (groupCreate.isFalse()) {
                continue;
            }
            String of = "self-managed node group " + e.getKey() + " of " + address;
            Map<String, Value> asg = new LinkedHashMap<>();
            asg.put("name", g.first("name").orElse(Values.str(e.getKey(), at)));
            asg.put("vpc_zone_identifier", g.first("subnet_ids").orElse(subnets));
            g.first("availability_zones").ifPresent(v -> asg.put("availability_zones", v));
            asg.put("min_size", g.first("min_size").orElse(notGiven("min_size", of)));
            asg.put("max_size", g.first("max_size").orElse(notGiven("max_size", of)));
            asg.put("desired_capacity", g.first("desired_size").orElse(notGiven("desired_size", of)));
            // the module tags the group as the cluster's (kubernetes.io/cluster/NAME = owned), as EKS requires
            String clusterName = Values.asText(c.get("name"));
            Map<String, Value> tag = new LinkedHashMap<>();
            tag.put("key", clusterName != null ? Values.str("kubernetes.io/cluster/" + clusterName, at)
                    : new Value.Unknown("the cluster's name is not known", "kubernetes.io/cluster/${name}", List.of(), at));
            tag.put("value", Values.str("owned", at));
            tag.put("propagate_at_launch", Values.bool(true, at));
            asg.put("tag", Values.list(List.of(Values.map(tag, at)), at));
            SourceLocation loc = elementAt("self_managed_node_groups", e.getKey());
            addIn("module.self_managed_node_group[\"" + e.getKey() + "\"]", "aws_autoscaling_group", "this", 0, asg,
                    keysOf(asg, loc), loc, groupCreate.isKnown() ? maybe
                            : "count unknown: create of node group " + e.getKey() + " is not known");
        }
        Map<String, Value> fargate = elements("fargate_profiles");
        for (Map.Entry<String, Value> e : fargate == null ? Map.<String, Value>of().entrySet() : fargate.entrySet()) {
            Lookup p = element(e.getValue(), in("fargate_profile_defaults").orElse(null));
            if (truth(p.get("create"), true).isFalse()) {
                continue;
            }
            Map<String, Value> f = new LinkedHashMap<>();
            f.put("cluster_name", attr(cluster, "name"));
            f.put("fargate_profile_name", p.first("name").orElse(Values.str(e.getKey(), at)));
            f.put("subnet_ids", p.first("subnet_ids").orElse(subnets));
            addIn("module.fargate_profile[\"" + e.getKey() + "\"]", "aws_eks_fargate_profile", "this", 0, f,
                    keysOf(f, elementAt("fargate_profiles", e.getKey())), elementAt("fargate_profiles", e.getKey()), maybe);
        }
        out.put("cluster_name", attr(cluster, "name"));
        out.put("cluster_arn", attr(cluster, "arn"));
        out.put("cluster_id", id(cluster));
        out.put("cluster_endpoint", attr(cluster, "endpoint"));
        return new Modelled("eks", out);
    }

    private Modelled ecs() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create", true);
        if (create.isFalse()) {
            return new Modelled("ecs", out);
        }
        String maybe = maybe(create, "create");
        Map<String, Value> c = new LinkedHashMap<>();
        c.put("name", in("cluster_name").orElse(unknown("cluster_name of " + address + " is not given")));
        Value.Ref cluster = addIn("module.cluster", "aws_ecs_cluster", "this", 0, c, keysAt(c, "cluster_name"),
                where("cluster_name"), maybe);
        out.put("cluster_arn", attr(cluster, "arn"));
        out.put("cluster_id", id(cluster));
        out.put("cluster_name", attr(cluster, "name"));
        Map<String, Value> services = elements("services");
        Map<String, Value> serviceOutputs = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : services == null ? Map.<String, Value>of().entrySet() : services.entrySet()) {
            Lookup l = element(e.getValue(), null);
            Modelled s = ecsService("module.service[\"" + e.getKey() + "\"]", e.getKey(), l, cluster,
                    elementAt("services", e.getKey()), maybe);
            serviceOutputs.put(e.getKey(), Values.map(s.outputs(), at));
        }
        out.put("services", Values.map(serviceOutputs, at));
        return new Modelled("ecs", out);
    }

    private Modelled ecsService(String within, String key, Lookup l, Value.Ref cluster) {
        return ecsService(within == null ? "" : within, key, l, cluster, where("subnet_ids", "name"), null);
    }

    /**
     * An ECS service as the service submodule lays it out: on Fargate in the subnets given, one task unless
     * {@code desired_count} says otherwise, with Application Auto Scaling between 1 and 10 tasks unless
     * {@code enable_autoscaling} is false.
     */
    private Modelled ecsService(String within, String key, Lookup l, Value.Ref cluster, SourceLocation loc,
                                String maybe) {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = truth(l.get("create"), true).and(truth(l.get("create_service"), true));
        if (create.isFalse()) {
            return new Modelled("ecs-service", out);
        }
        String unknownCount = create.isKnown() ? maybe : "count unknown: create of service " + key + " is not known";
        String of = key.isEmpty() ? address : "service " + key + " of " + address;
        Map<String, Value> s = new LinkedHashMap<>();
        s.put("name", l.first("name").orElse(key.isEmpty() ? unknown("name of " + of + " is not given")
                : Values.str(key, at)));
        s.put("cluster", cluster != null ? attr(cluster, "arn")
                : l.first("cluster_arn").orElse(unknown("cluster_arn of " + of + " is not given")));
        s.put("desired_count", l.first("desired_count").orElse(Values.num(1, at)));
        Optional<Value> strategy = l.first("capacity_provider_strategy");
        if (strategy.isPresent()) {
            Map<String, Value> one = new LinkedHashMap<>(Map.of("capacity_provider_strategy", strategy.get()));
            blocksAsLists(one, "capacity_provider_strategy");
            s.put("capacity_provider_strategy", one.get("capacity_provider_strategy"));
        } else {
            s.put("launch_type", l.first("launch_type").orElse(Values.str("FARGATE", at)));
        }
        Value mode = l.first("network_mode").orElse(Values.str("awsvpc", at));
        if (!"awsvpc".equals(Values.asText(mode)) && Values.asText(mode) != null) {
            s.put("network_mode", mode);
        } else {
            Map<String, Value> net = new LinkedHashMap<>();
            net.put("subnets", l.first("subnet_ids").orElse(unknown("subnet_ids of " + of + " is not given")));
            l.first("security_group_ids").ifPresent(v -> net.put("security_groups", v));
            net.put("assign_public_ip", l.first("assign_public_ip").orElse(Values.bool(false, at)));
            s.put("network_configuration", Values.list(List.of(Values.map(net, loc)), loc));
        }
        Optional<Value> lb = l.first("load_balancer");
        if (lb.isPresent()) {
            Map<String, Value> one = new LinkedHashMap<>(Map.of("load_balancer", lb.get()));
            blocksAsLists(one, "load_balancer");
            s.put("load_balancer", one.get("load_balancer"));
        }
        String name = truth(l.get("ignore_task_definition_changes"), false).isTrue() ? "ignore_task_definition" : "this";
        Value.Ref service = addIn(within, "aws_ecs_service", name, 0, s, keysOf(s, loc), loc,
                unknownCount);
        Tri scaling = truth(l.get("enable_autoscaling"), true);
        if (!scaling.isFalse()) {
            Map<String, Value> t = new LinkedHashMap<>();
            t.put("service_namespace", Values.str("ecs", at));
            t.put("scalable_dimension", Values.str("ecs:service:DesiredCount", at));
            List<Value.Ref> named = new ArrayList<>();
            if (cluster != null) {
                named.add(attr(cluster, "name"));
            }
            named.add(attr(service, "name"));
            t.put("resource_id", new Value.Unknown("service/<the cluster's name>/<the service's name>", null, named, at));
            t.put("min_capacity", l.first("autoscaling_min_capacity").orElse(Values.num(1, at)));
            t.put("max_capacity", l.first("autoscaling_max_capacity").orElse(Values.num(10, at)));
            addIn(within, "aws_appautoscaling_target", "this", 0, t, keysOf(t, loc), loc,
                    scaling.isTrue() ? unknownCount : "count unknown: enable_autoscaling of " + of + " is not known");
        }
        out.put("id", id(service));
        out.put("name", attr(service, "name"));
        return new Modelled("ecs-service", out);
    }

    // ---------------------------------------------------------------- s3-bucket

    private static final List<String> PUBLIC_ACCESS = List.of("block_public_acls", "block_public_policy",
            "ignore_public_acls", "restrict_public_buckets");

    /**
     * The bucket and the resources the module attaches to it: its ACL, versioning, default encryption, public
     * access block (on by default from version 4, off before: UNKNOWN when the version does not tell) and the
     * bucket policy that denies requests without TLS ({@code attach_deny_insecure_transport_policy}).
     */
    private Modelled s3Bucket() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create_bucket", true);
        if (create.isFalse()) {
            return new Modelled("s3-bucket", out);
        }
        String maybe = maybe(create, "create_bucket");
        Map<String, Value> b = new LinkedHashMap<>();
        for (String k : List.of("bucket", "bucket_prefix", "force_destroy", "object_lock_enabled", "tags")) {
            in(k).filter(v -> !Values.isNull(v)).ifPresent(v -> b.put(k, v));
        }
        Value.Ref bucket = addIn("", "aws_s3_bucket", "this", 0, b, keysAt(b, "bucket"), where("bucket", "bucket_prefix"), maybe);
        Value bucketId = id(bucket);
        Optional<Value> acl = in("acl").filter(v -> !Values.isNull(v));
        if (acl.isPresent()) {
            Map<String, Value> a = new LinkedHashMap<>(Map.of("bucket", bucketId, "acl", acl.get()));
            addIn("", "aws_s3_bucket_acl", "this", 0, a, keysAt(a, "acl"), where("acl"), maybe);
        }
        if (in("versioning").orElse(null) instanceof Value.MapV v && v.size() > 0) {
            Tri enabled = v.get("enabled").map(Evaluator::truth).orElse(Tri.UNKNOWN);
            String status = Values.asText(v.get("status").orElse(Values.nul(at)));
            Value st = enabled.isKnown() ? Values.str(enabled.isTrue() ? "Enabled" : "Suspended", v.location())
                    : status != null ? Values.str(status.equalsIgnoreCase("true") || status.equalsIgnoreCase("enabled")
                    ? "Enabled" : "Suspended", v.location()) : unknown("versioning of " + address + " is not known");
            Map<String, Value> ver = new LinkedHashMap<>();
            ver.put("bucket", bucketId);
            ver.put("versioning_configuration", Values.list(List.of(Values.map(Map.of("status", st), v.location())), v.location()));
            addIn("", "aws_s3_bucket_versioning", "this", 0, ver, keysAt(ver, "versioning"), where("versioning"), maybe);
        }
        if (in("server_side_encryption_configuration").orElse(null) instanceof Value.MapV sse && sse.size() > 0) {
            Map<String, Value> e = new LinkedHashMap<>();
            e.put("bucket", bucketId);
            e.put("rule", asBlocks(sse.get("rule").orElse(Values.map(Map.of(), sse.location()))));
            addIn("", "aws_s3_bucket_server_side_encryption_configuration", "this", 0, e,
                    keysAt(e, "server_side_encryption_configuration"), where("server_side_encryption_configuration"), maybe);
        }
        if (!bool("attach_public_policy", true).isFalse()) {
            Tri v4 = versionAtLeast(4);
            Map<String, Value> pab = new LinkedHashMap<>();
            pab.put("bucket", bucketId);
            for (String k : PUBLIC_ACCESS) {
                pab.put(k, in(k).filter(v -> !Values.isNull(v)).orElse(v4.isKnown() ? Values.bool(v4.isTrue(), where("version"))
                        : unknown(k + " of " + address + " is not given: the module's default is false before version 4"
                        + " and true from it, and its version is not pinned to one side")));
            }
            SourceLocation pabAt = where(PUBLIC_ACCESS.get(0), "attach_public_policy", "bucket");
            addIn("", "aws_s3_bucket_public_access_block", "this", 0, pab, keysOf(pab, pabAt), pabAt, maybe);
        }
        Tri denyInsecure = bool("attach_deny_insecure_transport_policy", false);
        Tri attachPolicy = bool("attach_policy", false);
        if (!denyInsecure.isFalse() || attachPolicy.isTrue()) {
            Value policy;
            if (denyInsecure.isTrue() && !attachPolicy.isTrue()) {
                policy = denyInsecureTransport(bucket);
            } else if (attachPolicy.isTrue() && denyInsecure.isFalse()) {
                policy = in("policy").orElse(unknown("policy of " + address + " is not given"));
            } else {
                policy = unknown("the policy of " + address + " combines its inputs' documents");
            }
            Map<String, Value> p = new LinkedHashMap<>();
            p.put("bucket", bucketId);
            p.put("policy", policy);
            addIn("", "aws_s3_bucket_policy", "this", 0, p, keysAt(p, "attach_deny_insecure_transport_policy", "attach_policy"),
                    where("attach_deny_insecure_transport_policy", "attach_policy"), maybe);
        }
        out.put("s3_bucket_id", bucketId);
        out.put("s3_bucket_arn", attr(bucket, "arn"));
        out.put("s3_bucket_bucket_domain_name", attr(bucket, "bucket_domain_name"));
        out.put("s3_bucket_bucket_regional_domain_name", attr(bucket, "bucket_regional_domain_name"));
        return new Modelled("s3-bucket", out);
    }

    /** The statement the module writes for {@code attach_deny_insecure_transport_policy}. */
    private Value denyInsecureTransport(Value.Ref bucket) {
        SourceLocation l = where("attach_deny_insecure_transport_policy");
        Map<String, Value> st = new LinkedHashMap<>();
        st.put("Sid", Values.str("denyInsecureTransport", l));
        st.put("Effect", Values.str("Deny", l));
        st.put("Principal", Values.str("*", l));
        st.put("Action", Values.str("s3:*", l));
        st.put("Resource", Values.list(List.of(attr(bucket, "arn"),
                new Value.Unknown("the bucket's objects (ARN/*)", null, List.of(attr(bucket, "arn")), l)), l));
        st.put("Condition", Values.map(Map.of("Bool", Values.map(Map.of("aws:SecureTransport", Values.str("false", l)), l)), l));
        Map<String, Value> doc = new LinkedHashMap<>();
        doc.put("Version", Values.str("2012-10-17", l));
        doc.put("Statement", Values.list(List.of(Values.map(st, l)), l));
        return Values.map(doc, l);
    }

    /** A nested object input ({@code rule = { apply_server_side_encryption_by_default = {...} }}) as the blocks it becomes. */
    private static Value asBlocks(Value v) {
        if (v instanceof Value.MapV m) {
            Map<String, Value> inner = new LinkedHashMap<>();
            m.entries().forEach((k, x) -> inner.put(k, x instanceof Value.MapV ? asBlocks(x) : x));
            return new Value.ListV(List.of(new Value.MapV(inner, m.location())), m.location());
        }
        return v;
    }

    static boolean isPositive(Value v) {
        return v.asNumber().map(n -> n.compareTo(BigDecimal.ZERO) > 0).orElse(false);
    }
}
