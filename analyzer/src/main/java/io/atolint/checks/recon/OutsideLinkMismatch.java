package io.atolint.checks.recon;

import io.atolint.model.Kind;
import io.atolint.model.Severity;
import io.atolint.reconcile.Discrepancy;
import io.atolint.reconcile.Reconciliation;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * AD-5: links to sites outside AWS agree between a configured pair's diagram and its IaC: a VPN or Direct
 * Connect path drawn from on premises needs a VPN, Direct Connect, virtual private gateway or transit
 * gateway resource, and the IaC's VPN and Direct Connect resources need a drawing. Internet users
 * reaching an internet gateway, a load balancer or CloudFront are not such a link.
 */
@Rule(id = "RECON005", title = "VPN/Direct Connect link drawn but not deployed, or deployed but not drawn",
        severity = Severity.MEDIUM, tags = {"reconcile", "diagram", "network"})
public final class OutsideLinkMismatch implements Check {
    private static final Set<Kind> LINKS = EnumSet.of(Kind.VPN_CONNECTION, Kind.CUSTOMER_GATEWAY, Kind.VPN_GATEWAY,
            Kind.DX_CONNECTION, Kind.DX_GATEWAY, Kind.DX_VIRTUAL_INTERFACE, Kind.TRANSIT_GATEWAY);

    @Override
    public void check(RuleContext ctx) {
        for (Reconciliation r : ctx.reconciliations()) {
            if (!r.compared()) {
                continue;
            }
            // in scope: what joins a site outside AWS, on either side (nothing of it: nothing to agree on)
            r.iac().forEach(m -> m.resources().stream().filter(x -> LINKS.contains(x.kind())).forEach(ctx::examined));
            r.pages().forEach(p -> p.resources().stream().filter(x -> LINKS.contains(x.kind())
                    || x.kind() == Kind.ON_PREMISES).forEach(ctx::examined));
        }
        Reconciled.report(ctx, Discrepancy.Type.OUTSIDE_LINK);
    }
}
