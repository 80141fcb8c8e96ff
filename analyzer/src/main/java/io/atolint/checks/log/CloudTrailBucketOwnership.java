package io.atolint.checks.log;

import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;
import java.util.Optional;

/**
 * TV-1.6 wants CloudTrail logs in a bucket owned by another account. A bucket created in the same
 * stack or configuration as the trail is in the trail's account: a finding. A bucket named from
 * outside (a literal name, a parameter) passes with a note that its owner is not visible in the files.
 * A name built from this account's id suggests the same account but proves nothing: a note.
 */
@Rule(id = "LOG002", title = "CloudTrail log bucket is not created alongside the trail", severity = Severity.MEDIUM,
        tags = {"logging", "cloudtrail", "s3"})
public final class CloudTrailBucketOwnership implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource trail : ctx.inScope(Kind.CLOUDTRAIL_TRAIL)) {
            Setting bucket = TrailBucket.setting(trail);
            String name = Names.of(trail);
            if (bucket.omitted()) {
                continue;
            }
            Optional<Resource> local = TrailBucket.local(ctx.graph(), bucket);
            if (local.isPresent()) {
                ctx.report(trail, bucket.at(), name + " delivers to " + Names.of(local.get())
                        + ", created in the same configuration and so in the trail's account; "
                        + "the checklist wants a bucket owned by another (log archive) account", List.of());
            } else if (bucket.value() instanceof Value.Unknown u && u.raw() != null
                    && (u.raw().contains("AWS::AccountId") || u.raw().contains("aws_caller_identity"))) {
                ctx.note(trail, bucket.at(), name + ": log bucket name " + u.raw()
                        + " is built from this account's id; cannot prove it is owned by another account", List.of());
            } else {
                ctx.inform(trail, bucket.at(), name + " delivers to bucket " + bucket.shown()
                        + ", not defined in the scanned files: its owning account is not visible here", List.of());
            }
        }
    }
}
