package io.atolint.checks.net;

import io.atolint.model.Finding;
import io.atolint.model.Model;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.SiteConnectivity;

import java.util.ArrayList;
import java.util.List;

/**
 * Each on-premises site reaches AWS over at least two independent connections: two VPN connections
 * through distinct customer gateways, Direct Connect with a VPN backup, or two Direct Connect
 * connections. Counted by maximum flow over the devices ({@link SiteConnectivity}).
 */
@Rule(id = "NET001", title = "Each on-premises site has redundant VPN or Direct Connect connectivity",
        severity = Severity.HIGH, tags = {"availability", "network", "hybrid"})
public final class RedundantSiteConnectivity implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Model model : ctx.graph().models()) {
            List<SiteConnectivity.Result> results = ctx.facts().sites(model);
            for (SiteConnectivity.Result r : results) {
                judge(ctx, r, results.size());
            }
        }
    }

    private void judge(RuleContext ctx, SiteConnectivity.Result r, int sites) {
        SiteConnectivity.Site site = r.site();
        site.members().forEach(ctx::examined);
        Resource at = site.anchor();
        List<Finding.Related> related = related(r);
        String who = site.how();
        if (r.customerGateways().isEmpty() && r.vpnConnections().isEmpty() && r.directConnects().isEmpty()) {
            // A drawn site linked without VPN or Direct Connect equipment: its single link is SPOF005's.
            return;
        }
        if (r.independent() == 0) {
            ctx.note(at, at.location(), who + ": no connection to AWS is stated", related);
            return;
        }
        if (r.independent() >= 2) {
            if (!site.asnKnown()) {
                ctx.note(at, at.location(), who + ": " + r.independent() + " independent connections, but without "
                        + "the BGP ASNs it cannot be told whether they serve the same site", related);
            } else if (r.sharedLocation().isTrue()) {
                Setting location = Setting.of(r.directConnects().get(0), "Location");
                String loc = location.string().orElse("");
                ctx.report(Severity.LOW, at, location.at(), who
                        + ": Direct Connect connections " + names(r.directConnects()) + " all terminate at location "
                        + loc + ": they survive a device failure, not the loss of that location", related);
            }
            return;
        }
        if (!r.unresolvedGateways().isEmpty()) {
            ctx.note(at, at.location(), who + ": " + r.independent() + " independent connection counted, but the "
                    + "AWS-side gateway of VPN connection(s) " + names(r.unresolvedGateways())
                    + " is not resolved: whether it reaches AWS cannot be told", related);
            return;
        }
        String what = single(r);
        String others = sites > 1 ? "; connections of other sites are not a redundant pair for this one" : "";
        // Even with ASNs UNKNOWN every gateway was judged as one site: one connection is then certain.
        ctx.report(at, at.location(), who + ": " + what + others, related);
    }

    /** What the single connection is, in the words an auditor uses. */
    private static String single(SiteConnectivity.Result r) {
        if (r.customerGateways().size() == 1 && (r.vpnConnections().size() >= 2 || r.gatewayLinks().size() >= 2)) {
            String carried = r.vpnConnections().size() >= 2 ? "VPN connections " + names(r.vpnConnections())
                    : r.gatewayLinks().size() + " drawn connections (" + labels(r.gatewayLinks()) + ")";
            return "one customer gateway (" + r.customerGateways().get(0).displayName() + ") carries " + carried
                    + ": the device is a single point of failure (the tunnels of a VPN connection do not help when the "
                    + "customer device fails)";
        }
        if (r.customerGateways().size() == 1 && r.vpnConnections().size() + r.directConnects().size() >= 2) {
            List<Resource> connections = new ArrayList<>(r.vpnConnections());
            connections.addAll(r.directConnects());
            return "one customer gateway (" + r.customerGateways().get(0).displayName() + "), the only device drawn at "
                    + "the site, terminates its " + connections.size() + " connections (" + names(connections)
                    + "): the device is a single point of failure";
        }
        if (r.customerGateways().isEmpty() && r.siteDevices().size() == 1
                && r.vpnConnections().size() + r.directConnects().size() >= 2) {
            List<Resource> connections = new ArrayList<>(r.vpnConnections());
            connections.addAll(r.directConnects());
            return "one device drawn at the site (" + r.siteDevices().get(0).displayName() + ") terminates its "
                    + connections.size() + " connections (" + names(connections) + "): the device is a single point "
                    + "of failure";
        }
        if (!r.directConnects().isEmpty() && r.vpnConnections().isEmpty()) {
            return "one Direct Connect connection (" + names(r.directConnects()) + ") and no VPN backup or second "
                    + "connection";
        }
        if (r.vpnConnections().size() == 1 && r.directConnects().isEmpty()) {
            return "one VPN connection (" + r.vpnConnections().get(0).displayName() + ")"
                    + (r.customerGateways().isEmpty() ? "" : " through one customer gateway ("
                    + r.customerGateways().get(0).displayName() + ")") + " and no second connection";
        }
        return "only one independent connection to AWS";
    }

    private static String labels(List<io.atolint.model.Relation> rels) {
        List<String> out = new ArrayList<>();
        for (io.atolint.model.Relation rel : rels) {
            out.add(rel.via().isEmpty() ? rel.source().displayName() + " -> " + rel.target().displayName() : rel.via());
        }
        return String.join(", ", out);
    }

    private static String names(List<Resource> rs) {
        List<String> n = new ArrayList<>();
        rs.forEach(x -> n.add(x.displayName()));
        return String.join(", ", n);
    }

    private static List<Finding.Related> related(SiteConnectivity.Result r) {
        List<Finding.Related> out = new ArrayList<>();
        for (Resource x : r.customerGateways()) {
            out.add(new Finding.Related(Names.of(x), x.location(), x.id()));
        }
        for (Resource x : r.vpnConnections()) {
            out.add(new Finding.Related(Names.of(x), x.location(), x.id()));
        }
        for (Resource x : r.directConnects()) {
            out.add(new Finding.Related(Names.of(x), x.location(), x.id()));
        }
        return out;
    }
}
