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
 * The {@code cloudfront} module: the distribution, one origin per element of {@code origin} (its key the origin id
 * unless {@code origin_id} is given), origin groups from {@code origin_group} (a primary and a secondary member),
 * the default and ordered cache behaviours as given, and the viewer certificate (the module's default: CloudFront's
 * own certificate).
 */
final class CloudFrontModule extends ModelledCall {
    CloudFrontModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                     SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled cloudfront() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create_distribution", true);
        if (create.isFalse()) {
            return new Modelled("cloudfront", out);
        }
        Map<String, Value> d = new LinkedHashMap<>();
        for (String k : List.of("aliases", "comment", "enabled", "is_ipv6_enabled", "price_class", "web_acl_id",
                "default_root_object", "http_version", "tags")) {
            in(k).filter(v -> !Values.isNull(v)).ifPresent(v -> d.put(k, v));
        }
        Map<String, Value> origins = elements("origin");
        if (origins == null) {
            d.put("origin", unknown("origin of " + address + " is not known"));
        } else {
            List<Value> list = new ArrayList<>();
            for (Map.Entry<String, Value> e : origins.entrySet()) {
                Map<String, Value> o = blockEntries(e.getValue());
                o.putIfAbsent("origin_id", Values.str(e.getKey(), elementAt("origin", e.getKey())));
                list.add(Values.map(o, elementAt("origin", e.getKey())));
            }
            d.put("origin", Values.list(list, where("origin")));
        }
        Map<String, Value> groups = elements("origin_group");
        if (groups != null && !groups.isEmpty()) {
            List<Value> list = new ArrayList<>();
            for (Map.Entry<String, Value> e : groups.entrySet()) {
                Lookup g = element(e.getValue(), null);
                SourceLocation loc = elementAt("origin_group", e.getKey());
                Map<String, Value> og = new LinkedHashMap<>();
                og.put("origin_id", g.first("origin_id").orElse(Values.str(e.getKey(), loc)));
                og.put("failover_criteria", Values.list(List.of(Values.map(Map.of("status_codes",
                        g.first("failover_status_codes").orElse(unknown("failover_status_codes not given"))), loc)), loc));
                List<Value> members = new ArrayList<>();
                for (String m : List.of("primary_member_origin_id", "secondary_member_origin_id")) {
                    g.first(m).ifPresent(v -> members.add(Values.map(Map.of("origin_id", v), loc)));
                }
                og.put("member", Values.list(members, loc));
                list.add(Values.map(og, loc));
            }
            d.put("origin_group", Values.list(list, where("origin_group")));
        }
        in("default_cache_behavior").filter(v -> !Values.isNull(v)).ifPresent(v -> d.put("default_cache_behavior", asBlock(v)));
        List<Value> ordered = list("ordered_cache_behavior");
        if (ordered == null) {
            d.put("ordered_cache_behavior", unknown("ordered_cache_behavior of " + address + " is not known"));
        } else if (!ordered.isEmpty()) {
            List<Value> blocks = new ArrayList<>();
            ordered.forEach(b -> blocks.add(b instanceof Value.MapV ? Values.map(blockEntries(b), b.location()) : b));
            d.put("ordered_cache_behavior", Values.list(blocks, where("ordered_cache_behavior")));
        }
        Optional<Value> certificate = in("viewer_certificate").filter(v -> !Values.isNull(v));
        d.put("viewer_certificate", certificate.map(ModelledCall::asBlock).orElse(Values.list(List.of(Values.map(Map.of(
                "cloudfront_default_certificate", Values.bool(true, at),
                "minimum_protocol_version", Values.str("TLSv1", at)), at)), at)));
        in("logging_config").filter(v -> v instanceof Value.MapV m && m.size() > 0)
                .ifPresent(v -> d.put("logging_config", asBlock(v)));
        SourceLocation loc = where("origin", "default_cache_behavior");
        Value.Ref ref = addIn("", "aws_cloudfront_distribution", "this", 0, d, keysOf(d, loc), loc,
                maybe(create, "create_distribution"));
        out.put("cloudfront_distribution_id", id(ref));
        out.put("cloudfront_distribution_arn", attr(ref, "arn"));
        out.put("cloudfront_distribution_domain_name", attr(ref, "domain_name"));
        return new Modelled("cloudfront", out);
    }
}
