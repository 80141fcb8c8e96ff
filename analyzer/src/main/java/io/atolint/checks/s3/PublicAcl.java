package io.atolint.checks.s3;

import io.atolint.checks.support.S3Buckets;
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
import java.util.Set;

/**
 * A canned ACL or grant that opens a bucket to everyone ({@code PublicRead}, {@code PublicReadWrite},
 * {@code public-read}, the AllUsers group) or to every AWS account ({@code AuthenticatedRead}, the
 * AuthenticatedUsers group). {@code LogDeliveryWrite} and private ACLs are fine.
 */
@Rule(id = "S3002", title = "S3 buckets have no public ACL", severity = Severity.HIGH, tags = {"s3", "public-access"})
public final class PublicAcl implements Check {
    private static final Set<String> PUBLIC = Set.of("publicread", "publicreadwrite", "authenticatedread");

    @Override
    public void check(RuleContext ctx) {
        for (Resource r : ctx.inScope(Kind.S3_BUCKET, Kind.S3_BUCKET_ACL)) {
            Setting acl = Setting.of(r, "AccessControl");
            String target = r.kind() == Kind.S3_BUCKET ? Names.of(r)
                    : S3Buckets.bucketOf(ctx.graph(), r).map(Names::of).orElse(Names.of(r));
            if (acl.present()) {
                Optional<String> s = acl.string();
                if (s.isPresent() && PUBLIC.contains(s.get().toLowerCase(Locale.ROOT).replace("-", ""))) {
                    ctx.report(r, acl.at(), target + " has the public canned ACL " + s.get(), List.of());
                } else if (s.isEmpty() && acl.unknown()) {
                    ctx.note(r, acl.at(), target + ": cannot prove its ACL is private: "
                            + acl.value().describe(), List.of());
                }
            }
            for (Value grant : Setting.of(r, "Grants").items()) {
                String uri = Setting.in(r, "@AclGrant", grant, "GranteeUri").string().orElse("");
                if (uri.endsWith("/global/AllUsers") || uri.endsWith("/global/AuthenticatedUsers")) {
                    SourceLocation at = grant.location();
                    ctx.report(r, at, target + " grants " + Setting.in(r, "@AclGrant", grant, "Permission").string().orElse("access")
                            + " to " + uri.substring(uri.lastIndexOf('/') + 1), List.of());
                }
            }
        }
    }
}
