package io.atolint.checks.recon;

import io.atolint.model.Severity;
import io.atolint.reconcile.Discrepancy;
import io.atolint.reconcile.Reconciliation;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

/**
 * AD-5: links to sites outside AWS agree between a configured pair's diagram and its IaC: a VPN or Direct
 * Connect path drawn from on premises needs a VPN, Direct Connect, virtual private gateway or transit
 * gateway resource, and the IaC's VPN and Direct Connect resources need a drawing. Internet users
 * reaching an internet gateway, a load balancer or CloudFront are not such a link.
 */
@Rule(id = "RECON005", title = "VPN/Direct Connect link drawn but not deployed, or deployed but not drawn",
        severity = Severity.MEDIUM, tags = {"reconcile", "diagram", "network"})
public final class OutsideLinkMismatch implements Check {
    @Override
    public void check(RuleContext ctx) {
        for (Reconciliation r : ctx.reconciliations()) {
            if (r.compared()) {
                r.pages().forEach(ctx::examined);
                r.iac().forEach(ctx::examined);
            }
        }
        Reconciled.report(ctx, Discrepancy.Type.OUTSIDE_LINK);
    }
}
