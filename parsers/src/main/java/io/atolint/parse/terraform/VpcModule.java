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
 * The {@code vpc} module: subnets per tier and AZ, internet gateway, NAT gateways as {@code single_nat_gateway} /
 * {@code one_nat_gateway_per_az} decide, route tables, database subnet group, flow log, and the default security
 * group the module empties from version 5.
 */
final class VpcModule extends ModelledCall {
    VpcModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
              SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled vpc() {
        Map<String, Value> out = new LinkedHashMap<>();
        Value.Ref vpc = add("aws_vpc", "this", 0, Map.of("cidr_block", in("cidr").orElse(unknown("cidr not given"))),
                Map.of("cidr_block", where("cidr")), "cidr");
        out.put("vpc_id", id(vpc));
        out.put("default_security_group_id", attr(vpc, "default_security_group_id"));
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
}
