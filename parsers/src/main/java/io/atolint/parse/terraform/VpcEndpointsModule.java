package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code vpc} module's {@code //modules/vpc-endpoints}: one endpoint per element of {@code endpoints}, an
 * interface endpoint unless its {@code service_type} says Gateway, in its own {@code subnet_ids} or the module's.
 */
final class VpcEndpointsModule extends ModelledCall {
    VpcEndpointsModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                       SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled vpcEndpoints() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create", true);
        if (create.isFalse()) {
            return new Modelled("vpc-endpoints", out);
        }
        String maybe = maybe(create, "create");
        Map<String, Value> endpoints = elements("endpoints");
        Map<String, Value> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : endpoints == null ? Map.<String, Value>of().entrySet() : endpoints.entrySet()) {
            Lookup l = element(e.getValue(), null);
            if (truth(l.get("create"), true).isFalse()) {
                continue;
            }
            SourceLocation loc = elementAt("endpoints", e.getKey());
            Map<String, Value> v = new LinkedHashMap<>();
            in("vpc_id").ifPresent(x -> v.put("vpc_id", x));
            String service = Values.asText(l.first("service").orElse(Values.nul(at)));
            v.put("service_name", l.first("service_name").orElse(new Value.Unknown(
                    "the service name of " + (service == null ? "endpoint " + e.getKey() : service) + " in the Region",
                    service == null ? null : "com.amazonaws.${region}." + service, List.of(), loc)));
            Value type = l.first("service_type").orElse(Values.str("Interface", loc));
            v.put("vpc_endpoint_type", type);
            if ("Gateway".equalsIgnoreCase(Values.asText(type))) {
                l.first("route_table_ids").or(() -> in("route_table_ids")).ifPresent(x -> v.put("route_table_ids", x));
            } else {
                // neither the element nor the module names subnets: the files do not say where the endpoint is
                v.put("subnet_ids", l.first("subnet_ids").or(() -> in("subnet_ids").filter(x -> !Values.isNull(x)))
                        .orElse(unknown("subnet_ids of endpoint " + e.getKey() + " of " + address + " are not given")));
                l.first("security_group_ids").or(() -> in("security_group_ids")).ifPresent(x -> v.put("security_group_ids", x));
                l.first("private_dns_enabled").ifPresent(x -> v.put("private_dns_enabled", x));
            }
            l.first("policy").ifPresent(x -> v.put("policy", x));
            Value.Ref ref = addIn("", "aws_vpc_endpoint", "this", e.getKey(), v, keysOf(v, loc), loc, maybe);
            outputs.put(e.getKey(), Values.map(Map.of("id", id(ref), "arn", attr(ref, "arn")), at));
        }
        out.put("endpoints", Values.map(outputs, at));
        return new Modelled("vpc-endpoints", out);
    }
}
