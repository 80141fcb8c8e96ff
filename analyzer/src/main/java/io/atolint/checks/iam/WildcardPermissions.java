package io.atolint.checks.iam;

import io.atolint.checks.policy.PolicyDocument;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;

/**
 * Least privilege is broken outright by an Allow statement that grants every action ({@code *} or
 * {@code *:*}) on every resource, or full IAM control ({@code iam:*}, which lets the holder grant
 * itself anything). Every action on specific resources is a lesser finding (medium). Deny statements
 * never count; an action or resource that cannot be resolved is a note.
 */
@Rule(id = "IAM002", title = "IAM policy does not allow all actions or iam:*", severity = Severity.HIGH,
        tags = {"iam", "least-privilege"})
public final class WildcardPermissions implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource r : ctx.inScope(IdentityPolicies.KINDS)) {
            for (IdentityPolicies.Source src : IdentityPolicies.of(r)) {
                checkDocument(ctx, src, PolicyDocument.read(src.document(), ctx.graph()));
            }
        }
    }

    private static void checkDocument(RuleContext ctx, IdentityPolicies.Source src, PolicyDocument doc) {
        String owner = Names.of(src.owner()) + (src.label().isEmpty() ? "" : " " + src.label());
        if (!doc.isKnown() && doc.statements().isEmpty()) {
            ctx.note(src.owner(), src.at(), owner + ": cannot read its policy document: " + doc.unknownReason(), List.of());
            return;
        }
        List<PolicyDocument.Statement> statements = doc.statements();
        for (int i = 0; i < statements.size(); i++) {
            PolicyDocument.Statement s = statements.get(i);
            if (s.effect() == PolicyDocument.Effect.DENY) {
                continue;
            }
            List<String> actions = s.knownActions();
            List<String> resources = s.knownResources();
            boolean allActions = actions.contains("*") || actions.contains("*:*");
            boolean allResources = resources.contains("*");
            String where = owner + " " + s.label(i);
            if (s.effect() == PolicyDocument.Effect.UNKNOWN && (allActions || actions.contains("iam:*"))) {
                ctx.note(src.owner(), s.location(), where + ": cannot prove it does not allow " + (allActions ? "every action" : "iam:*")
                        + ": its Effect is not known", List.of());
            } else if (s.effect() == PolicyDocument.Effect.UNKNOWN) {
                continue;
            } else if (allActions && allResources) {
                ctx.report(src.owner(), s.location(), where + " allows every action on every resource (Action \"*\", Resource \"*\")", List.of());
            } else if (actions.contains("iam:*")) {
                ctx.report(src.owner(), s.location(), where + " allows iam:* on " + describe(resources, s)
                        + ": full IAM control lets the holder grant itself any permission", List.of());
            } else if (allActions) {
                ctx.report(Severity.MEDIUM, src.owner(), s.location(), where + " allows every action of every service on "
                        + describe(resources, s), List.of());
            } else if (s.hasUnknownAction()) {
                ctx.note(src.owner(), s.location(), where + ": cannot prove it does not allow every action: an action is "
                        + s.actions().stream().filter(a -> a.asString().isEmpty()).findFirst().map(Value::describe).orElse("?"), List.of());
            }
        }
    }

    private static String describe(List<String> resources, PolicyDocument.Statement s) {
        if (resources.contains("*")) {
            return "every resource";
        }
        if (s.resources().isEmpty()) {
            return s.notResources().isEmpty() ? "its resources" : "every resource but NotResource";
        }
        return s.resources().size() == 1 ? s.resources().get(0).describe() : s.resources().size() + " resources";
    }
}
