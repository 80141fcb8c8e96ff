package io.atolint.checks.ha;

import io.atolint.checks.support.Refs;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.model.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CloudFront distribution is as available as the origin its cache behaviours send misses to. An origin
 * that lives in one Availability Zone (an EC2 instance) needs an origin group with a second origin to fail
 * over to; regional origins (S3, a load balancer, which HA001 judges for its own AZ spread, API Gateway,
 * Lambda function URLs) already survive the loss of an AZ. An origin outside the scanned files is a note.
 */
@Rule(id = "HA006", title = "CloudFront fails over from origins that live in one Availability Zone",
        severity = Severity.MEDIUM, tags = {"availability", "resilience", "edge"})
public final class CloudFrontOriginFailover implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource cf : ctx.inScope(Kind.CLOUDFRONT_DISTRIBUTION)) {
            if (cf.attributes().unknownRest() != null || Setting.of(cf, "DistributionConfig").unknown()) {
                continue;
            }
            Map<String, Value.MapV> origins = new LinkedHashMap<>();
            for (Value o : Setting.of(cf, "Origins").items()) {
                if (o instanceof Value.MapV om) {
                    Setting.in(cf, "@Origin", om, "Id").string().ifPresent(id -> origins.put(id, om));
                }
            }
            Set<String> groups = new LinkedHashSet<>();
            for (Value g : Setting.of(cf, "OriginGroups").items()) {
                Setting.in(cf, "@OriginGroup", g, "Id").string().ifPresent(groups::add);
            }
            Set<String> targets = new LinkedHashSet<>();
            Setting def = Setting.of(cf, "DefaultCacheBehavior");
            if (def.present()) {
                Setting.in(cf, "@CacheBehavior", def.value(), "TargetOriginId").string().ifPresent(targets::add);
            }
            for (Value b : Setting.of(cf, "CacheBehaviors").items()) {
                Setting.in(cf, "@CacheBehavior", b, "TargetOriginId").string().ifPresent(targets::add);
            }
            for (String t : targets) {
                if (groups.contains(t) || !origins.containsKey(t)) {
                    continue;
                }
                judge(ctx, cf, t, origins.get(t));
            }
        }
    }

    private static void judge(RuleContext ctx, Resource cf, String id, Value.MapV origin) {
        Setting domainSetting = Setting.in(cf, "@Origin", origin, "DomainName");
        Optional<Value> domain = Optional.ofNullable(domainSetting.value());
        if (domain.isEmpty()) {
            return;
        }
        List<Resource> behind = Refs.targets(ctx.graph(), domain.get());
        String what = Names.of(cf) + " origin \"" + id + "\"";
        if (!behind.isEmpty()) {
            Resource r = behind.get(0);
            if (r.kind() == Kind.EC2_INSTANCE) {
                ctx.report(cf, origin.location(), what + " is " + Names.of(r) + ", which lives in one Availability Zone, and "
                        + "no origin group fails over from it; add an origin group with a second origin, or put the "
                        + "instances behind a load balancer in two AZs", List.of());
            }
            return;
        }
        Optional<String> literal = domain.get().asString();
        if (literal.isEmpty()) {
            ctx.note(cf, origin.location(), what + ": cannot tell what its origin is: " + domainSetting.name() + " is "
                    + domain.get().describe(),
                    List.of());
            return;
        }
        String d = literal.get().toLowerCase(Locale.ROOT);
        boolean regional = d.contains(".s3.") || d.contains(".s3-") || d.endsWith("s3.amazonaws.com")
                || d.endsWith(".elb.amazonaws.com") || d.contains(".execute-api.") || d.contains(".lambda-url.")
                || d.endsWith(".cloudfront.net") || d.contains(".mediastore.") || d.contains(".mediapackage");
        if (!regional) {
            ctx.note(cf, origin.location(), what + " is " + literal.get() + ", outside the scanned files, and no origin group "
                    + "fails over from it: cannot tell whether it survives the loss of an Availability Zone", List.of());
        }
    }
}
