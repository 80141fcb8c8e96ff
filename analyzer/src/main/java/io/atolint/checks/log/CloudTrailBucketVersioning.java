package io.atolint.checks.log;

import io.atolint.checks.support.S3Buckets;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;

/**
 * The CloudTrail log bucket keeps overwritten and deleted log files only with versioning (or MFA
 * Delete, which needs versioning). Judged when the bucket is in the scanned files; a bucket outside
 * them is out of scope. Terraform puts versioning in its own {@code aws_s3_bucket_versioning}.
 */
@Rule(id = "LOG003", title = "CloudTrail log bucket has versioning or MFA Delete", severity = Severity.MEDIUM,
        tags = {"logging", "cloudtrail", "s3"})
public final class CloudTrailBucketVersioning implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource trail : ctx.graph().resources(Kind.CLOUDTRAIL_TRAIL)) {
            for (Resource bucket : TrailBucket.local(ctx.graph(), TrailBucket.setting(trail)).stream().toList()) {
                ctx.examined(bucket);
                S3Buckets.Versioning v = S3Buckets.versioning(ctx.graph(), bucket);
                String what = Names.of(bucket) + ", the log bucket of " + Names.of(trail);
                if (v.enabled() == Tri.FALSE) {
                    ctx.report(bucket, v.at(), what + ", has neither versioning nor MFA Delete: " + v.why(), List.of());
                } else if (v.enabled() == Tri.UNKNOWN) {
                    ctx.note(bucket, v.at(), what + ": cannot prove versioning is enabled: " + v.why(), List.of());
                }
            }
        }
    }
}
