package io.atolint.checks.s3;

import io.atolint.checks.policy.PolicyDocument;
import io.atolint.checks.policy.PublicPrincipals;
import io.atolint.checks.support.S3Buckets;
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
 * A bucket policy statement that allows anyone ({@code Principal: "*"}, {@code {"AWS": "*"}}) without a
 * condition narrowing the caller (source VPC or endpoint, organization, account, ARN, IP range)
 * makes the bucket public. Deny statements with a wildcard principal (deny non-TLS access) are guard
 * rails and fine.
 */
@Rule(id = "S3003", title = "S3 bucket policies do not allow anyone", severity = Severity.HIGH, tags = {"s3", "public-access"})
public final class PublicBucketPolicy implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource r : ctx.inScope(Kind.S3_BUCKET_POLICY)) {
            Setting doc = Setting.of(r, "PolicyDocument");
            if (doc.present()) {
                judge(ctx, r, doc.value());
            }
        }
        for (Resource b : ctx.graph().resources(Kind.S3_BUCKET)) {
            Setting doc = Setting.of(b, "Policy");
            if (doc.present()) {
                ctx.examined(b);
                judge(ctx, b, doc.value());
            }
        }
    }

    private static void judge(RuleContext ctx, Resource r, Value docValue) {
        PolicyDocument doc = PolicyDocument.read(docValue, ctx.graph());
        Optional<Resource> bucket = r.kind() == Kind.S3_BUCKET ? Optional.of(r) : S3Buckets.bucketOf(ctx.graph(), r);
        String target = bucket.map(Names::of).orElse(Names.of(r));
        if (doc.statements().isEmpty() && !doc.isKnown()) {
            ctx.note(r, docValue.location(), target + ": cannot read its bucket policy: " + doc.unknownReason(), List.of());
            return;
        }
        List<PolicyDocument.Statement> statements = doc.statements();
        for (int i = 0; i < statements.size(); i++) {
            PolicyDocument.Statement s = statements.get(i);
            switch (PublicPrincipals.of(s)) {
                case PUBLIC -> ctx.report(r, s.location(), target + " bucket policy " + s.label(i) + " allows "
                        + actions(s) + " to anyone " + PublicPrincipals.describe(s), List.of());
                case UNKNOWN -> ctx.note(r, s.location(), target + " bucket policy " + s.label(i)
                        + ": cannot prove it does not allow anyone (a principal or condition is unresolved)", List.of());
                case NOT_PUBLIC -> {
                }
            }
        }
    }

    private static String actions(PolicyDocument.Statement s) {
        List<String> a = s.knownActions();
        if (a.isEmpty()) {
            return s.notActions().isEmpty() ? "its actions" : "every action but NotAction";
        }
        return a.size() == 1 ? a.get(0) : String.join(", ", a);
    }
}
