package io.atolint.checks.recon;

import io.atolint.model.Severity;
import io.atolint.reconcile.Discrepancy;
import io.atolint.reconcile.Reconciliation;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

/**
 * AD-4, TV-3.2: what a configured pair's diagram claims about Availability Zones holds in its IaC: a
 * service or tier drawn in N AZs runs in N AZs, a drawn standby or replica exists, an element drawn in an
 * AZ runs there. A claim the IaC leaves UNKNOWN is a note saying what could not be checked.
 */
@Rule(id = "RECON003", title = "Diagram's Availability Zone claim not backed by the IaC", severity = Severity.HIGH,
        tags = {"reconcile", "diagram", "availability"})
public final class AzClaimNotBacked implements Check {
    @Override
    public void check(RuleContext ctx) {
        for (Reconciliation r : ctx.reconciliations()) {
            if (r.compared()) {
                r.matches().forEach(m -> ctx.examined(m.element()));
            }
        }
        Reconciled.report(ctx, Discrepancy.Type.AZ_CLAIM);
    }
}
