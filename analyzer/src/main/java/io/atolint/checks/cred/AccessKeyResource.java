package io.atolint.checks.cred;

import io.atolint.checks.support.Shown;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

/**
 * An access key created by infrastructure as code ({@code AWS::IAM::AccessKey}, {@code aws_iam_access_key})
 * is a long-lived credential for a program: its secret lands in stack outputs or Terraform state, and
 * TV-2.1 allows such keys only when no role can be used, rotated weekly. An inactive key grants nothing.
 */
@Rule(id = "CRED001", title = "No IAM access key is created in infrastructure as code", severity = Severity.HIGH,
        tags = {"credentials", "iam"})
public final class AccessKeyResource implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource key : ctx.inScope(Kind.IAM_ACCESS_KEY)) {
            Setting status = Setting.of(key, "Status");
            if (status.string().filter("Inactive"::equalsIgnoreCase).isPresent()) {
                continue;
            }
            Setting user = Setting.of(key, "UserName");
            ctx.report(key, Names.of(key) + " creates a long-lived access key"
                    + (user.omitted() ? "" : " for " + Shown.of(ctx.graph(), user.value()))
                    + "; its secret ends up in stack outputs or state. Use a role (instance profile, task role, "
                    + "IRSA) instead, or justify the key and rotate it weekly");
        }
    }
}
