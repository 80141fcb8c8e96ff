package io.atolint.checks.enc;

import io.atolint.model.Setting;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.model.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;

/**
 * Where an organisation's policy asks for customer managed KMS keys, the stores that AWS always encrypts
 * with a key it owns or manages (DynamoDB tables, AWS Backup vaults, CloudWatch Logs log groups) name
 * one. Opt-in and low: the data is encrypted either way (ENC001 passes them); a customer managed key
 * adds control over who may use the key and an audit trail of its use. A key that cannot be resolved
 * is a note.
 */
@Rule(id = "ENC003", title = "Data stores use a customer managed KMS key (when a policy requires one)",
        severity = Severity.LOW, tags = {"encryption", "kms", "data-protection"}, optIn = true)
public final class CustomerManagedKeys implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource t : ctx.inScope(Kind.DYNAMODB_TABLE)) {
            Setting enabled = Setting.of(t, "SSEEnabled");
            Setting key = Setting.of(t, "KMSMasterKeyId");
            if (enabled.unknown()) {
                ctx.note(t, enabled.at(), Names.of(t) + ": cannot tell which key encrypts it: " + enabled.name() + " is "
                        + enabled.shown(), List.of());
            } else if (enabled.bool() != Tri.TRUE) {
                ctx.report(t, enabled.omitted() ? t.location() : enabled.at(), Names.of(t) + " is encrypted with an AWS owned key ("
                        + (enabled.omitted() ? "no server-side encryption setting" : enabled.name() + " is " + enabled.shown())
                        + "); name a customer managed KMS key", List.of());
            } else {
                judgeKey(ctx, t, key, "the AWS managed key aws/dynamodb", enabled.at());
            }
        }
        for (Resource v : ctx.inScope(Kind.BACKUP_VAULT)) {
            judgeKey(ctx, v, Setting.of(v, "EncryptionKeyArn"), "the AWS managed key aws/backup", v.location());
        }
        for (Resource g : ctx.inScope(Kind.LOG_GROUP)) {
            judgeKey(ctx, g, Setting.of(g, "KmsKeyId"), "a key CloudWatch Logs owns", g.location());
        }
    }

    private static void judgeKey(RuleContext ctx, Resource r, Setting key, String instead, SourceLocation whereOmitted) {
        if (key.unknown()) {
            ctx.note(r, key.at(), Names.of(r) + ": cannot tell which key encrypts it: " + key.name() + " is " + key.shown(), List.of());
        } else if (key.omitted()) {
            ctx.report(r, whereOmitted, Names.of(r) + " is encrypted with " + instead + ": " + key.name()
                    + " is omitted; name a customer managed KMS key", List.of());
        } else {
            judgeAlias(ctx, r, key);
        }
    }

    /** An AWS managed key named by alias ({@code alias/aws/dynamodb}) is not a customer managed key. */
    private static void judgeAlias(RuleContext ctx, Resource r, Setting key) {
        String k = key.string().orElse("");
        if (k.contains("alias/aws/")) {
            SourceLocation at = key.at();
            ctx.report(r, at, Names.of(r) + " names the AWS managed key " + k.substring(k.indexOf("alias/"))
                    + " as " + key.name() + "; name a customer managed KMS key", List.of());
        }
    }
}
