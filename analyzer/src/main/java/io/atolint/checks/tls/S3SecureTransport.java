package io.atolint.checks.tls;

import io.atolint.checks.policy.PolicyDocument;
import io.atolint.checks.support.S3Buckets;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.model.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * S3 serves its API over plain HTTP as well as HTTPS: only a bucket policy statement that denies requests
 * made without TLS ({@code Deny} with {@code Bool aws:SecureTransport false}, or
 * {@code NumericLessThan s3:TlsVersion 1.2}) guarantees that data crossing into and out of the bucket is
 * encrypted. Low: every AWS SDK already uses HTTPS; the policy makes it a guarantee. A policy that cannot be read is a note; a bucket whose properties are not
 * resolved is not judged.
 */
@Rule(id = "TLS006", title = "S3 buckets deny requests that do not use TLS", severity = Severity.LOW,
        tags = {"security", "encryption-in-transit", "s3"})
public final class S3SecureTransport implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource b : ctx.inScope(Kind.S3_BUCKET)) {
            if (b.attributes().unknownRest() != null) {
                continue;
            }
            List<Value> documents = new ArrayList<>();
            List<SourceLocation> where = new ArrayList<>();
            for (Resource p : S3Buckets.companions(ctx.graph(), b, Kind.S3_BUCKET_POLICY)) {
                Setting d = Setting.of(p, "PolicyDocument");
                if (d.present()) {
                    documents.add(d.value());
                    where.add(d.at());
                }
            }
            Setting inline = Setting.of(b, "Policy");
            if (inline.present()) {
                documents.add(inline.value());
                where.add(inline.at());
            }
            Tri denies = Tri.FALSE;
            String unknown = null;
            for (Value d : documents) {
                PolicyDocument doc = PolicyDocument.read(d, ctx.graph());
                Tri t = deniesPlainHttp(doc);
                if (t == Tri.UNKNOWN && unknown == null) {
                    unknown = doc.isKnown() ? "a statement's effect, principal or condition is unresolved" : doc.unknownReason();
                }
                denies = denies.or(t);
            }
            if (denies.isTrue()) {
                continue;
            }
            if (denies == Tri.FALSE) {
                // A policy whose bucket is unresolved may be this bucket's: a statement of it that denies
                // plain HTTP leaves the bucket undecided.
                for (Resource p : S3Buckets.possibleCompanions(ctx.graph(), b, Kind.S3_BUCKET_POLICY)) {
                    Setting d = Setting.of(p, "PolicyDocument");
                    if (d.present() && deniesPlainHttp(PolicyDocument.read(d.value(), ctx.graph())) != Tri.FALSE) {
                        denies = Tri.UNKNOWN;
                        unknown = "bucket policy " + p.name() + " is for bucket "
                                + S3Buckets.shownName(Setting.of(p, "Bucket").value()) + ", which may be this one";
                        where.add(0, d.at());
                        break;
                    }
                }
            }
            if (denies == Tri.UNKNOWN) {
                ctx.note(b, where.get(0), Names.of(b) + ": cannot tell whether its bucket policy denies requests without TLS: "
                        + unknown, List.of());
                continue;
            }
            ctx.report(b, b.location(), Names.of(b) + (documents.isEmpty() ? " has no bucket policy" : "'s bucket policy has no statement")
                    + " that denies requests without TLS; add a Deny for every principal with Bool aws:SecureTransport = false",
                    List.of());
        }
    }

    /** TRUE when a statement denies everyone on a condition that only plain-HTTP (or pre-1.2) requests meet. */
    private static Tri deniesPlainHttp(PolicyDocument doc) {
        Tri result = doc.isKnown() ? Tri.FALSE : Tri.UNKNOWN;
        for (PolicyDocument.Statement s : doc.statements()) {
            if (s.effect() == PolicyDocument.Effect.ALLOW) {
                continue;
            }
            Tri condition = Tri.FALSE;
            for (PolicyDocument.Condition c : s.conditions()) {
                condition = condition.or(secureTransportTest(c));
            }
            if (condition == Tri.FALSE) {
                continue;
            }
            boolean everyone = s.principals().stream().anyMatch(PolicyDocument.Principal::isEveryone);
            boolean unknownPrincipal = s.principals().stream().anyMatch(PolicyDocument.Principal::isUnknown);
            Tri effect = s.effect() == PolicyDocument.Effect.DENY ? Tri.TRUE : Tri.UNKNOWN;
            Tri principal = everyone ? Tri.TRUE : unknownPrincipal ? Tri.UNKNOWN : Tri.FALSE;
            result = result.or(effect.and(principal).and(condition));
        }
        return result;
    }

    private static Tri secureTransportTest(PolicyDocument.Condition c) {
        String key = c.key().toLowerCase(Locale.ROOT);
        String op = c.operator().toLowerCase(Locale.ROOT);
        if (key.equals("?") || op.equals("?")) {
            return Tri.UNKNOWN;
        }
        if (key.equals("aws:securetransport") && op.startsWith("bool")) {
            Tri t = Tri.FALSE;
            for (Value v : c.values()) {
                Tri b = v.asBool();
                t = t.or(b == Tri.UNKNOWN ? Tri.UNKNOWN : b.not());
            }
            return t;
        }
        if (key.equals("s3:tlsversion") && op.startsWith("numericlessthan")) {
            return Tri.TRUE;
        }
        return Tri.FALSE;
    }
}
