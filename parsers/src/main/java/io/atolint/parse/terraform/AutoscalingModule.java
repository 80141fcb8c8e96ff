package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code autoscaling} module: the group, its launch template, scaling policies and scheduled actions. */
final class AutoscalingModule extends ModelledCall {
    AutoscalingModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                      SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled autoscaling() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create", true);
        if (create.isFalse()) {
            return new Modelled("autoscaling", out);
        }
        String maybe = maybe(create, "create");
        Map<String, Value> asg = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = passThrough(asg, Map.of());
        for (String k : List.of("scaling_policies", "schedules", "block_device_mappings", "user_data")) {
            asg.remove(k);
            keys.remove(k);
        }
        Value.Ref template = launchTemplate(maybe);
        if (template != null) {
            Map<String, Value> lt = new LinkedHashMap<>();
            lt.put("id", id(template));
            lt.put("version", in("launch_template_version").orElse(Values.str("$Default", at)));
            asg.put("launch_template", Values.list(List.of(Values.map(lt, at)), at));
            keys.put("launch_template", where("image_id", "launch_template_name"));
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
     * The launch template the module makes ({@code create_launch_template}, unless {@code launch_template_id} names
     * another): image, instance type, user data, security groups and {@code block_device_mappings}, whose {@code ebs}
     * object becomes the block it is.
     */
    private Value.Ref launchTemplate(String maybe) {
        if (!bool("create_launch_template", true).isTrue()
                || in("launch_template_id").filter(v -> !Values.isNull(v)).isPresent()) {
            return null;
        }
        Map<String, Value> t = new LinkedHashMap<>();
        for (String k : List.of("image_id", "instance_type", "key_name", "user_data", "ebs_optimized")) {
            in(k).filter(v -> !Values.isNull(v)).ifPresent(v -> t.put(k, v));
        }
        in("security_groups").filter(v -> !Values.isNull(v)).ifPresent(v -> t.put("vpc_security_group_ids", v));
        List<Value> mappings = list("block_device_mappings");
        if (mappings == null) {
            t.put("block_device_mappings", unknown("block_device_mappings of " + address + " is not known"));
        } else if (!mappings.isEmpty()) {
            List<Value> blocks = new java.util.ArrayList<>();
            for (Value m : mappings) {
                Map<String, Value> b = new LinkedHashMap<>();
                if (m instanceof Value.MapV mm) {
                    mm.entries().forEach(b::put);
                }
                blocksAsLists(b, "ebs");
                blocks.add(Values.map(b, m.location()));
            }
            t.put("block_device_mappings", Values.list(blocks, where("block_device_mappings")));
        }
        SourceLocation loc = where("image_id", "launch_template_name", "block_device_mappings");
        return addIn("", "aws_launch_template", "this", 0, t, keysOf(t, loc), loc, maybe);
    }
}
