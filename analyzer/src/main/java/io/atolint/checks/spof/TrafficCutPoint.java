package io.atolint.checks.spof;

import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.Spof;


/**
 * A hop that every path between an ingress point and an end crosses (a cut point of the traffic graph,
 * or the end itself) and that runs in one AZ, when no tier rule judges it (an appliance's network
 * interface, a drawn firewall or router); and the only link between an on-premises site or external
 * system and AWS. AWS-managed regional services are multi-AZ by construction and never reported.
 */
@Rule(id = "SPOF005", title = "No single point of failure on the traffic paths", severity = Severity.HIGH,
        tags = {"availability", "spof", "topology"})
public final class TrafficCutPoint implements Check {
    @Override
    public void check(RuleContext ctx) {
        // Single-AZ hops with a role (load balancers, compute, data) are the tier rules' findings.
        SpofFindings.report(ctx, s -> s.category() == Spof.Category.SINGLE_LINK
                || (s.category() == Spof.Category.SINGLE_AZ_HOP && s.set() != null && s.set().role().isEmpty()),
                SpofFindings::onPaths);
    }
}
