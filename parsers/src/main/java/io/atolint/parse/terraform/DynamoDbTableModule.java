package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dynamodb-table} module: the table, on demand unless {@code billing_mode} says otherwise (the module's
 * default, where the provider's is provisioned capacity), point-in-time recovery and a customer key as
 * {@code point_in_time_recovery_enabled} and {@code server_side_encryption_enabled} say (off by default), and the
 * capacity autoscaling targets of {@code autoscaling_enabled}.
 */
final class DynamoDbTableModule extends ModelledCall {
    DynamoDbTableModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                        SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled dynamodbTable() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create_table", true);
        if (create.isFalse()) {
            return new Modelled("dynamodb-table", out);
        }
        String maybe = maybe(create, "create_table");
        Map<String, Value> t = new LinkedHashMap<>();
        for (String k : List.of("name", "hash_key", "range_key", "read_capacity", "write_capacity", "stream_enabled",
                "deletion_protection_enabled", "table_class", "tags")) {
            in(k).filter(v -> !Values.isNull(v)).ifPresent(v -> t.put(k, v));
        }
        t.put("billing_mode", in("billing_mode").filter(v -> !Values.isNull(v))
                .orElse(Values.str("PAY_PER_REQUEST", where("version", "name"))));
        t.put("point_in_time_recovery", Values.list(List.of(Values.map(Map.of("enabled",
                in("point_in_time_recovery_enabled").filter(v -> !Values.isNull(v)).orElse(Values.bool(false, at))),
                where("point_in_time_recovery_enabled", "name"))), where("point_in_time_recovery_enabled", "name")));
        Map<String, Value> sse = new LinkedHashMap<>();
        sse.put("enabled", in("server_side_encryption_enabled").filter(v -> !Values.isNull(v)).orElse(Values.bool(false, at)));
        in("server_side_encryption_kms_key_arn").filter(v -> !Values.isNull(v)).ifPresent(v -> sse.put("kms_key_arn", v));
        t.put("server_side_encryption", Values.list(List.of(Values.map(sse, where("server_side_encryption_enabled", "name"))),
                where("server_side_encryption_enabled", "name")));
        SourceLocation loc = where("name", "hash_key");
        boolean autoscaled = bool("autoscaling_enabled", false).isTrue();
        Value.Ref table = addIn("", "aws_dynamodb_table", autoscaled ? "autoscaled" : "this", 0, t, keysOf(t, loc), loc, maybe);
        if (autoscaled) {
            for (String dimension : List.of("read", "write")) {
                Map<String, Value> target = new LinkedHashMap<>();
                target.put("service_namespace", Values.str("dynamodb", at));
                target.put("scalable_dimension", Values.str("dynamodb:table:" + (dimension.equals("read") ? "Read" : "Write")
                        + "CapacityUnits", at));
                target.put("resource_id", new Value.Unknown("table/<the table's name>", null, List.of(attr(table, "name")), at));
                SourceLocation targetAt = where("autoscaling_enabled");
                addIn("", "aws_appautoscaling_target", "table_" + dimension, 0, target, keysOf(target, targetAt), targetAt,
                        maybe);
            }
        }
        out.put("dynamodb_table_id", id(table));
        out.put("dynamodb_table_arn", attr(table, "arn"));
        return new Modelled("dynamodb-table", out);
    }
}
