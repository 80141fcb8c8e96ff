package io.atolint.checks.s3;

import io.atolint.checks.support.S3Buckets;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;

/**
 * S3 Block Public Access with all four settings on. Since April 2023 a new bucket has all four on by
 * default, so a bucket that does not mention them passes; what fails is a configuration that turns
 * one off. Writing the configuration replaces it whole: a setting left out of
 * {@code PublicAccessBlockConfiguration} or {@code aws_s3_*_public_access_block} is off.
 */
@Rule(id = "S3001", title = "S3 Block Public Access keeps all four settings on", severity = Severity.HIGH,
        tags = {"s3", "public-access"})
public final class PublicAccessBlock implements Check {
    private static final String[] SETTINGS = {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"};

    @Override
    public void check(RuleContext ctx) {
        for (Resource bucket : ctx.inScope(Kind.S3_BUCKET)) {
            Setting cfg = Setting.of(bucket, "PublicAccessBlockConfiguration");
            if (cfg.present()) {
                judge(ctx, bucket, cfg.value(), cfg.at());
            }
        }
        for (Resource pab : ctx.inScope(Kind.S3_PUBLIC_ACCESS_BLOCK)) {
            judge(ctx, pab, pab.attributes(), pab.location());
        }
    }

    private static void judge(RuleContext ctx, Resource r, Value cfg, SourceLocation at) {
        List<String> off = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        SourceLocation where = at;
        for (String name : SETTINGS) {
            Setting s = Setting.in(r, "@PublicAccessBlock", cfg, name);
            String shown = s.name();
            Tri on = s.boolOrDefault();
            if (on == Tri.FALSE) {
                off.add(shown + (s.omitted() ? " (omitted: off)" : ""));
                if (!s.omitted() && where == at) {
                    where = s.at();
                }
            } else if (on == Tri.UNKNOWN) {
                unknown.add(shown + " is " + s.shown());
            }
        }
        String what;
        if (r.kind() == Kind.S3_BUCKET) {
            what = Names.of(r);
        } else if (r.rawType().equals("aws_s3_account_public_access_block")) {
            what = Names.of(r) + " (account level)";
        } else {
            what = S3Buckets.bucketOf(ctx.graph(), r).map(b -> Names.of(b) + " (" + r.name() + ")").orElse(Names.of(r));
        }
        if (!off.isEmpty()) {
            ctx.report(r, where, what + " turns off Block Public Access: " + String.join(", ", off), List.of());
        } else if (!unknown.isEmpty()) {
            ctx.note(r, at, what + ": cannot prove Block Public Access is on: " + String.join(", ", unknown), List.of());
        }
    }
}
