package io.atolint.checks.tls;

import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CloudFront carries traffic across the VPC boundary twice: from viewers, and to custom origins (a load
 * balancer, an instance, a server outside AWS). Every cache behaviour must refuse or redirect plain HTTP
 * ({@code ViewerProtocolPolicy} not {@code allow-all}) and every custom origin must be reached over HTTPS
 * ({@code OriginProtocolPolicy} not {@code http-only}).
 */
@Rule(id = "TLS002", title = "CloudFront encrypts viewer and origin traffic", severity = Severity.HIGH,
        tags = {"security", "encryption-in-transit", "edge"})
public final class CloudFrontProtocols implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource cf : ctx.graph().resources(Kind.CLOUDFRONT_DISTRIBUTION)) {
            Value config = cf.attr("DistributionConfig").orElse(cf.attributes());
            if (!(config instanceof Value.MapV m) || m.entries().isEmpty()) {
                continue;
            }
            ctx.examined(cf);
            behaviour(ctx, cf, m.first("DefaultCacheBehavior", "default_cache_behavior"), "default cache behaviour");
            for (Value b : m.first("CacheBehaviors", "ordered_cache_behavior").map(Value::asList).orElse(List.of())) {
                String path = b.at("PathPattern").or(() -> b.at("path_pattern")).flatMap(Value::asString).orElse("?");
                behaviour(ctx, cf, Optional.of(b), "cache behaviour " + path);
            }
            List<Value> origins = m.first("Origins", "origin").map(Value::asList).orElse(List.of());
            for (int i = 0; i < origins.size(); i++) {
                origin(ctx, cf, origins.get(i), i + 1);
            }
        }
    }

    private void behaviour(RuleContext ctx, Resource cf, Optional<Value> b, String which) {
        if (b.isEmpty() || !(b.get().asList().get(0) instanceof Value.MapV m)) {
            return;
        }
        Optional<Value> policy = m.first("ViewerProtocolPolicy", "viewer_protocol_policy");
        if (policy.isEmpty()) {
            return;
        }
        SourceLocation at = m.keyLocation("ViewerProtocolPolicy").equals(m.location())
                ? m.keyLocation("viewer_protocol_policy") : m.keyLocation("ViewerProtocolPolicy");
        Optional<String> p = policy.get().asString();
        if (p.isEmpty()) {
            ctx.note(cf, at, ctx.facts().topology().contextOf(cf) + Names.of(cf) + " " + which + ": cannot tell the viewer protocol policy: "
                    + policy.get().describe(), List.of());
        } else if (p.get().toLowerCase(Locale.ROOT).equals("allow-all")) {
            ctx.report(cf, at, ctx.facts().topology().contextOf(cf) + Names.of(cf) + " " + which + " allows plain HTTP from viewers (ViewerProtocolPolicy "
                    + "allow-all); use redirect-to-https or https-only", List.of());
        }
    }

    private void origin(RuleContext ctx, Resource cf, Value o, int position) {
        Optional<Value> custom = o.at("CustomOriginConfig").or(() -> o.at("custom_origin_config"));
        if (custom.isEmpty() || !(custom.get().asList().get(0) instanceof Value.MapV m)) {
            return;
        }
        // An Id resolved only at deploy time (!Ref, !Sub of the stack name) is named by its place in the list.
        String id = o.at("Id").or(() -> o.at("origin_id")).flatMap(Value::asString).orElse("#" + position);
        Optional<Value> policy = m.first("OriginProtocolPolicy", "origin_protocol_policy");
        SourceLocation at = m.keyLocation("OriginProtocolPolicy").equals(m.location())
                ? m.keyLocation("origin_protocol_policy") : m.keyLocation("OriginProtocolPolicy");
        if (policy.isEmpty()) {
            return;
        }
        Optional<String> p = policy.get().asString();
        if (p.isEmpty()) {
            ctx.note(cf, at, ctx.facts().topology().contextOf(cf) + Names.of(cf) + " origin " + id + ": cannot tell the origin protocol policy: "
                    + policy.get().describe(), List.of());
        } else if (p.get().toLowerCase(Locale.ROOT).equals("http-only")) {
            ctx.report(cf, at, ctx.facts().topology().contextOf(cf) + Names.of(cf) + " reaches origin " + id + " over plain HTTP (OriginProtocolPolicy "
                    + "http-only); use https-only", List.of());
        }
    }
}
