package io.atolint.checks.recon;

import io.atolint.model.Kind;
import io.atolint.model.Severity;
import io.atolint.reconcile.Discrepancy;
import io.atolint.reconcile.Reconciliation;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

/**
 * TV-3.1, AD-4: redundant VPN or Direct Connect links drawn on a configured pair's diagram exist in its
 * IaC: two links or routers drawn to a site where the IaC has one customer gateway or one connection is a
 * claim the IaC does not back.
 */
@Rule(id = "RECON004", title = "Diagram's redundant VPN/Direct Connect links not backed by the IaC",
        severity = Severity.HIGH, tags = {"reconcile", "diagram", "network"})
public final class LinkClaimNotBacked implements Check {
    @Override
    public void check(RuleContext ctx) {
        for (Reconciliation r : ctx.reconciliations()) {
            if (r.compared()) {
                r.pages().forEach(p -> p.resources(Kind.ON_PREMISES).forEach(ctx::examined));
            }
        }
        Reconciled.report(ctx, Discrepancy.Type.LINK_CLAIM);
    }
}
