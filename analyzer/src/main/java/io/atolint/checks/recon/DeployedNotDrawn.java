package io.atolint.checks.recon;

import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.reconcile.Discrepancy;
import io.atolint.reconcile.Reconciliation;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

/**
 * AD-2: every service the IaC of a configured pair deploys is drawn on its diagram. What a diagram is not
 * expected to draw one by one (routing, security groups, IAM, the configuration of a drawn resource, logs)
 * is data: {@code reconcile/not-drawn.tsv}. MEDIUM when the diagram draws nothing of that kind, LOW when it
 * draws others of the kind; a pair that cannot be compared is a note.
 */
@Rule(id = "RECON001", title = "Deployed service not drawn on the diagram", severity = Severity.MEDIUM,
        tags = {"reconcile", "diagram"})
public final class DeployedNotDrawn implements Check {
    @Override
    public void check(RuleContext ctx) {
        for (Reconciliation r : ctx.reconciliations()) {
            if (!r.compared()) {
                Resource first = r.pages().isEmpty() ? null : r.pages().get(0).resources().stream().findFirst().orElse(null);
                ctx.note(first, SourceLocation.ofFile(r.pair().diagram()), "cannot compare " + r.pair().display()
                        + ": " + r.problem(), java.util.List.of());
                continue;
            }
            r.iac().forEach(ctx::examined);
            r.iac().forEach(m -> m.resources().forEach(ctx::examined));
        }
        Reconciled.report(ctx, Discrepancy.Type.DEPLOYED_NOT_DRAWN);
    }
}
