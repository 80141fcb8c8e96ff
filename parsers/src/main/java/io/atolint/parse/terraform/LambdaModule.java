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
 * The {@code lambda} module: the function (its environment variables, its VPC placement when both
 * {@code vpc_subnet_ids} and {@code vpc_security_group_ids} are given) and the log group the module makes for it
 * unless {@code use_existing_cloudwatch_log_group}, which keeps logs forever unless
 * {@code cloudwatch_logs_retention_in_days} says otherwise. Its IAM role and policies are not modelled.
 */
final class LambdaModule extends ModelledCall {
    LambdaModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                 SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled lambda() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create", true).and(bool("create_function", true)).and(bool("create_layer", false).not());
        if (create.isFalse()) {
            return new Modelled("lambda", out);
        }
        String maybe = maybe(create, "create");
        Map<String, Value> f = new LinkedHashMap<>();
        for (String k : List.of("function_name", "handler", "runtime", "package_type", "architectures", "tags")) {
            in(k).filter(v -> !Values.isNull(v)).ifPresent(v -> f.put(k, v));
        }
        Optional<Value> variables = in("environment_variables").filter(v -> !Values.isNull(v));
        if (variables.isPresent() && !(variables.get() instanceof Value.MapV m && m.size() == 0)) {
            f.put("environment", Values.list(List.of(Values.map(Map.of("variables", variables.get()),
                    where("environment_variables"))), where("environment_variables")));
        }
        Optional<Value> subnets = in("vpc_subnet_ids").filter(v -> !Values.isNull(v));
        Optional<Value> groups = in("vpc_security_group_ids").filter(v -> !Values.isNull(v));
        if (subnets.isPresent() && groups.isPresent()) {
            Map<String, Value> vpc = new LinkedHashMap<>();
            vpc.put("subnet_ids", subnets.get());
            vpc.put("security_group_ids", groups.get());
            f.put("vpc_config", Values.list(List.of(Values.map(vpc, where("vpc_subnet_ids"))), where("vpc_subnet_ids")));
        }
        SourceLocation loc = where("function_name", "handler");
        Value.Ref function = addIn("", "aws_lambda_function", "this", 0, f, keysOf(f, loc), loc, maybe);
        Tri existing = bool("use_existing_cloudwatch_log_group", false);
        if (!existing.isTrue()) {
            Map<String, Value> g = new LinkedHashMap<>();
            g.put("name", in("logging_log_group").filter(v -> !Values.isNull(v))
                    .orElse(unknown("/aws/lambda/ and the function's name")));
            in("cloudwatch_logs_retention_in_days").filter(v -> !Values.isNull(v)).ifPresent(v -> g.put("retention_in_days", v));
            in("cloudwatch_logs_kms_key_id").filter(v -> !Values.isNull(v)).ifPresent(v -> g.put("kms_key_id", v));
            SourceLocation logAt = where("cloudwatch_logs_retention_in_days", "function_name");
            addIn("", "aws_cloudwatch_log_group", "lambda", 0, g, keysOf(g, logAt), logAt, existing.isKnown() ? maybe
                    : "count unknown: use_existing_cloudwatch_log_group of " + address + " is not known");
        }
        out.put("lambda_function_arn", attr(function, "arn"));
        out.put("lambda_function_name", attr(function, "function_name"));
        out.put("lambda_function_invoke_arn", attr(function, "invoke_arn"));
        out.put("lambda_function_qualified_arn", attr(function, "qualified_arn"));
        return new Modelled("lambda", out);
    }
}
