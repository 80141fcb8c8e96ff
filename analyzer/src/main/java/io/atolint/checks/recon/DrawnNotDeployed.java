package io.atolint.checks.recon;

import io.atolint.model.Severity;
import io.atolint.reconcile.Discrepancy;
import io.atolint.reconcile.Reconciliation;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

/**
 * AD-2: every element of a configured pair's diagram stands for something its IaC deploys. Low by
 * default: the element may live in code that was not scanned. Framing never counts (AWS Cloud, region
 * and account groups, AZ boxes, users, on-premises boxes and what they hold, legends, text).
 */
@Rule(id = "RECON002", title = "Drawn element not deployed by the IaC", severity = Severity.LOW,
        tags = {"reconcile", "diagram"})
public final class DrawnNotDeployed implements Check {
    @Override
    public void check(RuleContext ctx) {
        for (Reconciliation r : ctx.reconciliations()) {
            if (r.compared()) {
                r.pages().forEach(ctx::examined);
                r.matches().forEach(m -> ctx.examined(m.element()));
                r.unmatched().forEach(ctx::examined);
            }
        }
        Reconciled.report(ctx, Discrepancy.Type.DRAWN_NOT_DEPLOYED);
    }
}
