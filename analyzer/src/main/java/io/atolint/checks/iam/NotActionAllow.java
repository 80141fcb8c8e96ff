package io.atolint.checks.iam;

import io.atolint.checks.policy.PolicyDocument;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;

/**
 * {@code Effect: Allow} with {@code NotAction} grants every action of every service except the listed
 * ones, including services added later: the opposite of least privilege. {@code NotAction} with Deny
 * is a common guard rail and is fine.
 */
@Rule(id = "IAM004", title = "IAM policy does not combine Allow with NotAction", severity = Severity.MEDIUM,
        tags = {"iam", "least-privilege"})
public final class NotActionAllow implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource r : ctx.inScope(IdentityPolicies.KINDS)) {
            for (IdentityPolicies.Source src : IdentityPolicies.of(r)) {
                PolicyDocument doc = PolicyDocument.read(src.document(), ctx.graph());
                String owner = Names.of(src.owner()) + (src.label().isEmpty() ? "" : " " + src.label());
                if (!doc.isKnown() && doc.statements().isEmpty()) {
                    ctx.note(r, src.at(), owner + ": cannot read its policy document: " + doc.unknownReason(), List.of());
                    continue;
                }
                List<PolicyDocument.Statement> statements = doc.statements();
                for (int i = 0; i < statements.size(); i++) {
                    PolicyDocument.Statement s = statements.get(i);
                    if (s.notActions().isEmpty() || s.effect() == PolicyDocument.Effect.DENY) {
                        continue;
                    }
                    if (s.effect() == PolicyDocument.Effect.UNKNOWN) {
                        ctx.note(r, s.location(), owner + " " + s.label(i) + ": uses NotAction and its Effect is not known", List.of());
                    } else {
                        ctx.report(r, s.location(), owner + " " + s.label(i) + " allows every action except "
                                + s.notActions().size() + (s.notActions().size() == 1 ? " (NotAction " + s.notActions().get(0).describe() + ")"
                                : " listed in NotAction") + "; list the actions it needs instead", List.of());
                    }
                }
            }
        }
    }
}
