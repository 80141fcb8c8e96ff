package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code rds} module (the instance, its subnet group and parameter group) and the {@code rds-aurora} module (the
 * cluster, its instances, subnet group, cluster parameter group and reader autoscaling); one class, as both make
 * their parameter groups the same way.
 */
final class DatabaseModules extends ModelledCall {
    DatabaseModules(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                    SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled rds() {
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

    Modelled rdsAurora() {
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
}
