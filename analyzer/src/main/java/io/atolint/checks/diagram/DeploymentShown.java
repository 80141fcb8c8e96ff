package io.atolint.checks.diagram;

import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AD-3: a diagram shows how the services are deployed: a VPC, Availability Zones, subnets and the
 * connections to systems outside AWS. Each that no page of a diagram file shows is its own finding,
 * at file level.
 */
@Rule(id = "DIAG003", title = "Diagram shows VPCs, Availability Zones, subnets and outside connections",
        severity = Severity.MEDIUM, tags = {"diagram", "network"})
public final class DeploymentShown implements Check {
    /** AWS ends of a connection to the outside world: gateways and links that leave AWS. */
    private static final Set<Kind> EDGE_OF_AWS = EnumSet.of(Kind.INTERNET_GATEWAY, Kind.VPN_GATEWAY,
            Kind.VPN_CONNECTION, Kind.CUSTOMER_GATEWAY, Kind.DX_CONNECTION, Kind.DX_GATEWAY, Kind.DX_VIRTUAL_INTERFACE);

    @Override
    public void check(RuleContext ctx) {
        for (Map.Entry<String, List<Model>> file : DiagramFiles.examinedByFile(ctx).entrySet()) {
            List<Resource> all = DiagramFiles.resources(file.getValue());
            SourceLocation at = SourceLocation.ofFile(file.getKey());
            if (all.stream().noneMatch(r -> r.kind() == Kind.VPC)) {
                ctx.reportFile(at, "the diagram shows no VPC");
            }
            if (all.stream().noneMatch(r -> r.kind() == Kind.AVAILABILITY_ZONE)) {
                // icons whose labels name their AZs are placed there, but the page draws no AZ (AD-3 asks it drawn)
                java.util.Optional<Resource> named = all.stream()
                        .filter(r -> r.placement().reason().equals(Placement.NAMED_IN_LABEL)).findFirst();
                ctx.reportFile(at, "the diagram shows no Availability Zone (no AZ box, AZ label or AZ in a subnet name"
                        + named.map(r -> "; AZs named only in icons' labels, as \"" + r.displayName() + "\", are not drawn")
                        .orElse("") + ")");
            }
            if (all.stream().noneMatch(r -> r.kind() == Kind.SUBNET)) {
                ctx.reportFile(at, "the diagram shows no subnet");
            }
            if (!connectsOutside(file.getValue())) {
                ctx.reportFile(at, "the diagram shows no connection to a system outside AWS (users, clients, on-premises, "
                        + "the internet, VPN or Direct Connect)");
            }
        }
    }

    private static boolean connectsOutside(List<Model> pages) {
        for (Model m : pages) {
            for (Relation rel : m.relations()) {
                if (rel.type() == RelationType.CONNECTS_OUTSIDE) {
                    return true;
                }
                if (rel.type() == RelationType.ROUTES_TO && (edge(rel.source()) || edge(rel.target()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean edge(Resource r) {
        return EDGE_OF_AWS.contains(r.kind()) || r.placement().scope() == Placement.Scope.OUTSIDE_AWS;
    }
}
