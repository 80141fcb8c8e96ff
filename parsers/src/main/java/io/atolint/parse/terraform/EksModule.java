package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code eks} module: the cluster, its managed and self-managed node groups and Fargate profiles, each in the
 * inner module call the real module makes for it.
 */
final class EksModule extends ModelledCall {
    EksModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
              SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled eks() {
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
        nodeSecurityGroup(maybe);
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

    /**
     * The nodes' security group the module makes ({@code create_node_security_group}) and, with its recommended
     * rules ({@code node_security_group_enable_recommended_rules}), the rule that lets the nodes reach anywhere.
     */
    private void nodeSecurityGroup(String maybe) {
        if (!bool("create_node_security_group", true).isTrue()) {
            return;
        }
        Map<String, Value> sg = new LinkedHashMap<>();
        in("vpc_id").ifPresent(v -> sg.put("vpc_id", v));
        SourceLocation loc = where("create_node_security_group", "vpc_id");
        Value.Ref group = addIn("", "aws_security_group", "node", 0, sg, keysAt(sg, "vpc_id"), loc, maybe);
        if (!bool("node_security_group_enable_recommended_rules", true).isTrue()) {
            return;
        }
        Map<String, Value> egress = new LinkedHashMap<>();
        egress.put("security_group_id", id(group));
        egress.put("type", Values.str("egress", loc));
        egress.put("protocol", Values.str("-1", loc));
        egress.put("from_port", Values.num(0, loc));
        egress.put("to_port", Values.num(0, loc));
        egress.put("cidr_blocks", Values.list(List.of(Values.str("0.0.0.0/0", loc)), loc));
        addIn("", "aws_security_group_rule", "node", "egress_all", egress, keysOf(egress, loc), loc, maybe);
    }
}
