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
 * The {@code kms} module: the key, which rotates unless {@code enable_key_rotation} is false (the module's default,
 * where the provider's is no rotation). Its key policy is {@code policy} when given, else the account's own unless
 * statements or documents are merged into it (then the policy it assembles is UNKNOWN).
 */
final class KmsModule extends ModelledCall {
    KmsModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
              SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled kms() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create", true);
        if (create.isFalse() || bool("create_external", false).isTrue() || bool("create_replica", false).isTrue()) {
            return new Modelled("kms", out);
        }
        Map<String, Value> k = new LinkedHashMap<>();
        for (String n : List.of("description", "key_usage", "customer_master_key_spec", "multi_region",
                "deletion_window_in_days", "tags")) {
            in(n).filter(v -> !Values.isNull(v)).ifPresent(v -> k.put(n, v));
        }
        k.put("enable_key_rotation", in("enable_key_rotation").filter(v -> !Values.isNull(v))
                .orElse(Values.bool(true, where("version", "description"))));
        // policy = coalesce(var.policy, the document it builds): given, it is the policy; else the document is the
        // account's own (as a key without a policy) unless statements or documents are merged into it
        Optional<Value> policy = in("policy").filter(v -> !Values.isNull(v));
        if (policy.isPresent()) {
            k.put("policy", policy.get());
        } else if (List.of("key_statements", "source_policy_documents", "override_policy_documents").stream()
                .anyMatch(n -> in(n).filter(v -> !Values.isNull(v) && !(v instanceof Value.ListV l && l.items().isEmpty())
                        && !(v instanceof Value.MapV m && m.size() == 0)).isPresent())) {
            k.put("policy", new Value.Unknown("the key policy the module assembles from its inputs", null, List.of(), at));
        }
        SourceLocation loc = where("description", "enable_key_rotation");
        Value.Ref key = addIn("", "aws_kms_key", "this", 0, k, keysOf(k, loc), loc, maybe(create, "create"));
        out.put("key_arn", attr(key, "arn"));
        out.put("key_id", attr(key, "key_id"));
        return new Modelled("kms", out);
    }
}
