package io.atolint.checks.tls;

import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.rule.Check;
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
            // CloudFormation wraps the configuration in DistributionConfig; Terraform writes it on the resource.
            Setting wrapper = Setting.of(cf, "DistributionConfig");
            Value.MapV config = wrapper.defined() ? wrapper.value() instanceof Value.MapV m ? m : null : cf.attributes();
            if (config == null || config.entries().isEmpty()) {
                continue;
            }
            ctx.examined(cf);
            behaviour(ctx, cf, Setting.of(cf, "DefaultCacheBehavior").value(), "default cache behaviour");
            for (Value b : Setting.of(cf, "CacheBehaviors").items()) {
                String path = Setting.in(cf, "@CacheBehavior", b, "PathPattern").string().orElse("?");
                behaviour(ctx, cf, b, "cache behaviour " + path);
            }
            List<Value> origins = Setting.of(cf, "Origins").items();
            for (int i = 0; i < origins.size(); i++) {
                origin(ctx, cf, origins.get(i), i + 1);
            }
        }
    }

    private void behaviour(RuleContext ctx, Resource cf, Value b, String which) {
        if (b == null || !(b.asList().stream().findFirst().orElse(null) instanceof Value.MapV m)) {
            return;
        }
        Setting viewer = Setting.in(cf, "@CacheBehavior", m, "ViewerProtocolPolicy");
        if (viewer.omitted()) {
            return;
        }
        Optional<Value> policy = Optional.of(viewer.value());
        SourceLocation at = viewer.at();
        Optional<String> p = policy.get().asString();
        if (p.isEmpty()) {
            ctx.note(cf, at, ctx.facts().topology().contextOf(cf) + Names.of(cf) + " " + which + ": cannot tell the viewer protocol policy: "
                    + policy.get().describe(), List.of());
        } else if (p.get().toLowerCase(Locale.ROOT).equals("allow-all")) {
            ctx.report(cf, at, ctx.facts().topology().contextOf(cf) + Names.of(cf) + " " + which + " allows plain HTTP from viewers (" + viewer.name()
                    + " " + p.get() + "); use redirect-to-https or https-only", List.of());
        }
    }

    private void origin(RuleContext ctx, Resource cf, Value o, int position) {
        Setting custom = Setting.in(cf, "@Origin", o, "CustomOriginConfig");
        if (custom.omitted() || !(custom.items().stream().findFirst().orElse(null) instanceof Value.MapV)) {
            return;
        }
        // An Id resolved only at deploy time (!Ref, !Sub of the stack name) is named by its place in the list.
        String id = Setting.in(cf, "@Origin", o, "Id").string().orElse("#" + position);
        Setting origin = Setting.in(cf, "@Origin", o, "OriginProtocolPolicy");
        if (origin.omitted()) {
            return;
        }
        Optional<Value> policy = Optional.of(origin.value());
        SourceLocation at = origin.at();
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
