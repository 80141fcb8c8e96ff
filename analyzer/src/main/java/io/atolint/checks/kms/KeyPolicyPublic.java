package io.atolint.checks.kms;

import io.atolint.checks.policy.PolicyDocument;
import io.atolint.checks.policy.PublicPrincipals;
import io.atolint.checks.support.Refs;
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
 * A key policy statement allowing anyone ({@code Principal: "*"}) without a condition that narrows the
 * caller ({@code kms:CallerAccount}, {@code kms:ViaService}, {@code aws:PrincipalOrgID}, ...) opens the
 * key to every AWS account. The account-root statement of the default key policy names the account
 * and passes. Read from {@code KeyPolicy}, {@code aws_kms_key.policy} and {@code aws_kms_key_policy}.
 */
@Rule(id = "KMS002", title = "KMS key policies do not allow anyone", severity = Severity.HIGH, tags = {"kms", "access"})
public final class KeyPolicyPublic implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource key : ctx.inScope(Kind.KMS_KEY)) {
            Setting policy = Setting.of(key, "KeyPolicy");
            if (policy.present()) {
                judge(ctx, key, key, policy.value());
            }
        }
        for (Resource p : ctx.inScope(Kind.KMS_KEY_POLICY)) {
            Optional<Resource> key = Refs.targets(ctx.graph(), Setting.of(p, "KeyId").value(), Kind.KMS_KEY).stream().findFirst();
            Setting policy = Setting.of(p, "Policy");
            if (policy.present()) {
                judge(ctx, p, key.orElse(p), policy.value());
            }
        }
    }

    private static void judge(RuleContext ctx, Resource r, Resource key, Value docValue) {
        PolicyDocument doc = PolicyDocument.read(docValue, ctx.graph());
        if (doc.statements().isEmpty() && !doc.isKnown()) {
            ctx.note(r, docValue.location(), Names.of(key) + ": cannot read its key policy: " + doc.unknownReason(), List.of());
            return;
        }
        List<PolicyDocument.Statement> statements = doc.statements();
        for (int i = 0; i < statements.size(); i++) {
            PolicyDocument.Statement s = statements.get(i);
            switch (PublicPrincipals.of(s)) {
                case PUBLIC -> ctx.report(r, s.location(), Names.of(key) + " key policy " + s.label(i)
                        + " allows anyone " + PublicPrincipals.describe(s), List.of());
                case UNKNOWN -> ctx.note(r, s.location(), Names.of(key) + " key policy " + s.label(i)
                        + ": cannot prove it does not allow anyone (a principal or condition is unresolved)", List.of());
                case NOT_PUBLIC -> {
                }
            }
        }
    }
}
