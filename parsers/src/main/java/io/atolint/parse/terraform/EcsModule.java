package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ecs} module (the cluster and its services) and its {@code //modules/service} submodule (one service,
 * its subnets and autoscaling), which the {@code ecs} module calls once per element of {@code services}.
 */
final class EcsModule extends ModelledCall {
    EcsModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
              SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled ecs() {
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

    /** The {@code //modules/service} submodule called on its own: its inputs are the call's. */
    Modelled ecsService() {
        return ecsService("", "", this::in, null, where("subnet_ids", "name"), null);
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
        Value.Ref task = taskDefinition(within, l, s.get("name"), loc, unknownCount);
        if (task != null) {
            s.put("task_definition", attr(task, "arn"));
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

    /**
     * The task definition the service submodule makes ({@code create_task_definition}) from its
     * {@code container_definitions} map: one container per element, named by its key, with the environment,
     * secrets and image each gives (the submodule writes them into the definition's JSON as they are).
     */
    private Value.Ref taskDefinition(String within, Lookup l, Value family, SourceLocation loc, String unknownCount) {
        if (truth(l.get("create_task_definition"), true).isFalse()) {
            return null;
        }
        Optional<Value> given = l.first("container_definitions");
        List<Value> containers = new java.util.ArrayList<>();
        if (given.isPresent() && given.get() instanceof Value.MapV m) {
            for (Map.Entry<String, Value> c : Values.sorted(m).entrySet()) {
                Map<String, Value> def = new LinkedHashMap<>();
                def.put("name", Values.str(c.getKey(), c.getValue().location()));
                if (c.getValue() instanceof Value.MapV cm) {
                    for (String k : List.of("name", "image", "environment", "secrets", "essential", "readonly_root_filesystem",
                            "privileged", "user")) {
                        cm.get(k).filter(v -> !Values.isNull(v)).ifPresent(v -> def.put(camel(k), v));
                    }
                }
                containers.add(Values.map(def, c.getValue().location()));
            }
        }
        Map<String, Value> t = new LinkedHashMap<>();
        t.put("family", family);
        t.put("container_definitions", given.isEmpty() || given.get() instanceof Value.MapV ? Values.list(containers, loc)
                : unknown("container_definitions of " + address + " is not known"));
        return addIn(within, "aws_ecs_task_definition", "this", 0, t, keysOf(t, loc), loc, unknownCount);
    }

    private static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
