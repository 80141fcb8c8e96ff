package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code autoscaling} module: the group, its scaling policies and scheduled actions. */
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
}
