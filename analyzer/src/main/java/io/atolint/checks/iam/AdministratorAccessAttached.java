package io.atolint.checks.iam;

import io.atolint.checks.policy.PolicyDocument;
import io.atolint.checks.support.Refs;
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
import java.util.Optional;

/**
 * The AWS managed {@code AdministratorAccess} policy attached directly to an IAM user, or to a role that
 * a workload assumes (its trust policy names a service principal: EC2, Lambda, ECS tasks, ...), gives
 * that user or workload every permission. The checklist's own pattern for administrators (TV-1.3) is a
 * group holding the policy, so groups pass, and so do roles that people or other accounts assume.
 */
@Rule(id = "IAM003", title = "AdministratorAccess is not attached to users or workload roles", severity = Severity.HIGH,
        tags = {"iam", "least-privilege"})
public final class AdministratorAccessAttached implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource r : ctx.inScope(Kind.IAM_ROLE, Kind.IAM_USER)) {
            for (Value arn : Setting.of(r, "ManagedPolicyArns").items()) {
                if (isAdministratorAccess(arn)) {
                    judge(ctx, r, r, arn.location());
                }
            }
        }
        for (Resource att : ctx.inScope(Kind.IAM_POLICY_ATTACHMENT)) {
            // PolicyArn on aws_iam_*_policy_attachment, PolicyArns on aws_iam_*_policy_attachments_exclusive
            Setting arn = Setting.of(att, "PolicyArn");
            Setting arns = Setting.of(att, "PolicyArns");
            boolean admin = !arn.omitted() && isAdministratorAccess(arn.value())
                    || arns.items().stream().anyMatch(AdministratorAccessAttached::isAdministratorAccess);
            if (!admin) {
                continue;
            }
            SourceLocation at = arn.omitted() ? arns.at() : arn.at();
            for (Value v : Setting.of(att, "Roles").items()) {
                Optional<Resource> role = principal(ctx, v, Kind.IAM_ROLE, "RoleName");
                if (role.isPresent()) {
                    judge(ctx, att, role.get(), at);
                } else {
                    ctx.note(att, at, Names.of(att) + " attaches AdministratorAccess to role " + v.describe()
                            + ", which is not in the scanned files: cannot tell whether a workload assumes it", List.of());
                }
            }
            for (Value v : Setting.of(att, "Users").items()) {
                ctx.report(att, at, Names.of(att) + " attaches AdministratorAccess directly to user "
                        + principal(ctx, v, Kind.IAM_USER, "UserName").map(Names::of).orElse(v.describe())
                        + "; grant administrators access through a group or an assumed role", List.of());
            }
        }
    }

    private static void judge(RuleContext ctx, Resource reportOn, Resource holder, SourceLocation at) {
        String via = reportOn == holder ? "" : " (through " + Names.of(reportOn) + ")";
        if (holder.kind() == Kind.IAM_USER) {
            ctx.report(reportOn, at, Names.of(holder) + " has AdministratorAccess attached directly" + via
                    + "; grant administrators access through a group or an assumed role", List.of());
            return;
        }
        ctx.examined(holder);
        Setting trust = Setting.of(holder, "AssumeRolePolicyDocument");
        if (trust.omitted()) {
            return;
        }
        PolicyDocument doc = PolicyDocument.read(trust.value(), ctx.graph());
        List<String> services = doc.statements().stream()
                .filter(s -> s.effect() == PolicyDocument.Effect.ALLOW)
                .flatMap(s -> s.principals().stream())
                .filter(p -> p.type().equalsIgnoreCase("Service"))
                .map(p -> p.id().asString().orElseGet(() -> "a service the files do not name ("
                        + (p.id() instanceof Value.Unknown u ? u.reason() : p.id().describe()) + ")")).distinct().toList();
        if (!services.isEmpty()) {
            ctx.report(reportOn, at, Names.of(holder) + " has AdministratorAccess" + via + " and is assumed by "
                    + String.join(", ", services) + ": a workload with every permission", List.of());
        } else if (!doc.isKnown()) {
            ctx.note(reportOn, at, Names.of(holder) + " has AdministratorAccess" + via
                    + ": cannot tell who assumes it: " + doc.unknownReason(), List.of());
        }
    }

    private static Optional<Resource> principal(RuleContext ctx, Value v, Kind kind, String nameProperty) {
        List<Resource> refs = Refs.targets(ctx.graph(), v, kind);
        if (!refs.isEmpty()) {
            return Optional.of(refs.get(0));
        }
        Optional<String> name = v.asString();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        for (Resource r : ctx.graph().resources(kind)) {
            if (Setting.of(r, nameProperty).string().filter(name.get()::equals).isPresent() || r.name().equals(name.get())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** {@code arn:<partition>:iam::aws:policy/AdministratorAccess}, also inside an unresolved {@code Fn::Sub}. */
    static boolean isAdministratorAccess(Value v) {
        String s = v.asString().orElse(v instanceof Value.Unknown u && u.raw() != null ? u.raw() : "");
        return s.endsWith(":iam::aws:policy/AdministratorAccess");
    }
}
