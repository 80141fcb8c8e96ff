package io.atolint.checks.s3;

import io.atolint.checks.support.S3Buckets;
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
            Optional<Value> acl = r.attr("AccessControl", "acl");
            String target = r.kind() == Kind.S3_BUCKET ? Names.of(r)
                    : S3Buckets.bucketOf(ctx.graph(), r).map(Names::of).orElse(Names.of(r));
            if (acl.isPresent()) {
                Optional<String> s = acl.get().asString();
                if (s.isPresent() && PUBLIC.contains(s.get().toLowerCase(Locale.ROOT).replace("-", ""))) {
                    ctx.report(r, r.locationOf("AccessControl", "acl"), target + " has the public canned ACL " + s.get(), List.of());
                } else if (s.isEmpty() && (acl.get().isUnknown() || acl.get() instanceof Value.Symbol)) {
                    ctx.note(r, r.locationOf("AccessControl", "acl"), target + ": cannot prove its ACL is private: "
                            + acl.get().describe(), List.of());
                }
            }
            for (Value grant : r.attributes().at("access_control_policy").flatMap(p -> p.at("grant")).map(Value::asList)
                    .orElse(List.of())) {
                String uri = grant.at("grantee").flatMap(g -> g.at("uri")).flatMap(Value::asString).orElse("");
                if (uri.endsWith("/global/AllUsers") || uri.endsWith("/global/AuthenticatedUsers")) {
                    SourceLocation at = grant.location();
                    ctx.report(r, at, target + " grants " + grant.at("permission").flatMap(Value::asString).orElse("access")
                            + " to " + uri.substring(uri.lastIndexOf('/') + 1), List.of());
                }
            }
        }
    }
}
