package io.atolint.checks.tls;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.ReplicaSet;
import io.atolint.topology.Role;
import io.atolint.topology.Facts;
import io.atolint.topology.TransitEncryption;
import io.atolint.topology.Vpcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A data store cannot tell where its clients are: it must refuse clients that do not use TLS, so that
 * traffic that reaches it across a VPC boundary (peered or transit-gateway-attached VPCs, on-premises
 * networks over VPN or Direct Connect, PrivateLink) is encrypted. Medium when its VPC is provably
 * connected beyond itself, low otherwise (its clients are then in its own VPC).
 */
@Rule(id = "TLS004", title = "Data stores enforce encryption in transit", severity = Severity.MEDIUM,
        tags = {"security", "encryption-in-transit", "data"})
public final class DataStoreTransitEncryption implements Check {

    @Override
    public void check(RuleContext ctx) {
        Facts facts = ctx.facts();
        for (ModelTopology topo : facts.topology().models()) {
            for (ReplicaSet s : topo.sets()) {
                if (s.role().orElse(null) != Role.DATA) {
                    continue;
                }
                for (Resource r : s.vertices()) {
                    if (TransitEncryption.appliesTo(r.kind()) && r.attributes().unknownRest() == null) {
                        judge(ctx, facts, topo.context(s) + ": " + Names.of(r), r, facts.transitEncryption(r));
                    }
                }
            }
        }
        // Clusters outside the topology's data tiers: MemoryDB, DAX, EMR.
        for (Kind k : ClusterTransitSettings.KINDS) {
            for (Resource r : facts.graph().resources(k)) {
                if (r.attributes().unknownRest() == null) {
                    judge(ctx, facts, Names.of(r), r, ClusterTransitSettings.of(facts.graph(), r));
                }
            }
        }
    }

    private void judge(RuleContext ctx, Facts facts, String what, Resource r, TransitEncryption t) {
        ctx.examined(r);
        if (t.enforced().isTrue()) {
            return;
        }
        if (!t.enforced().isKnown()) {
            ctx.note(r, t.at(), what + ": cannot tell whether it enforces TLS: " + t.why(), List.of());
            return;
        }
        Optional<String> beyond = connectedBeyond(facts, r);
        List<Finding.Related> related = new ArrayList<>();
        beyond.ifPresent(b -> related.add(new Finding.Related(b, r.location(), null)));
        ctx.report(beyond.isPresent() ? Severity.MEDIUM : Severity.LOW, r, t.at(), what + " accepts clients without TLS ("
                + t.why() + ")" + beyond.map(b -> "; its VPC is reachable from beyond itself: " + b)
                .orElse("; enforce TLS so that no client across a VPC boundary can connect in clear text"), related);
    }

    /** The attachment, peering or VPN that joins the store's VPC to other networks, if the files state one. */
    private static Optional<String> connectedBeyond(Facts facts, Resource r) {
        ResourceGraph g = facts.graph();
        Vpcs.Where where = facts.vpcs().of(r);
        if (where.vpc() == null) {
            return Optional.empty();
        }
        Resource vpc = where.vpc();
        for (Resource x : g.resources()) {
            boolean joins = switch (x.kind()) {
                case TRANSIT_GATEWAY_ATTACHMENT, VPC_PEERING, VPN_GATEWAY, VPC_ENDPOINT, ENDPOINT_SERVICE -> true;
                default -> false;
            };
            if (!joins) {
                continue;
            }
            boolean touches = g.targets(x, RelationType.REFERENCES).contains(vpc) || g.targets(x, RelationType.ATTACHED_TO)
                    .contains(vpc) || g.sources(x, RelationType.CONTAINS).contains(vpc);
            if (touches && !(x.kind() == Kind.VPC_ENDPOINT)) {
                return Optional.of(Names.of(x) + " joins " + Names.of(vpc) + " to other networks");
            }
        }
        return Optional.empty();
    }
}
