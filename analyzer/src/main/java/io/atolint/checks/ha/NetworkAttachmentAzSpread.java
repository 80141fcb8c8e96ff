package io.atolint.checks.ha;

import io.atolint.model.Az;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A transit gateway VPC attachment carries traffic only for the AZs it has a subnet in, and an
 * interface (or Gateway Load Balancer) endpoint serves from the AZs of its subnets: with one AZ, the
 * loss of that AZ cuts the VPC off from the transit gateway or the service.
 */
@Rule(id = "HA004", title = "Transit gateway attachments and interface endpoints span two AZs",
        severity = Severity.MEDIUM, tags = {"availability", "network"})
public final class NetworkAttachmentAzSpread implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource r : ctx.graph().resources()) {
            if (r.kind() == Kind.TRANSIT_GATEWAY_ATTACHMENT || (r.kind() == Kind.VPC_ENDPOINT && zonalEndpoint(r))) {
                checkOne(ctx, r);
            }
        }
    }

    /** Gateway endpoints (S3, DynamoDB) are route-table entries, not zonal network interfaces. */
    private static boolean zonalEndpoint(Resource r) {
        String type = Setting.of(r, "VpcEndpointType").stringOrDefault().orElse("").toLowerCase(Locale.ROOT);
        return type.equals("interface") || type.equals("gatewayloadbalancer");
    }

    /** Decided on the subnets its placement rests on, with the AZ each resolved to. */
    private void checkOne(RuleContext ctx, Resource r) {
        ctx.examined(r);
        Placement p = r.placement();
        SourceLocation at = Setting.of(r, "SubnetIds").at();
        String name = r.kind() == Kind.VPC_ENDPOINT ? "Interface endpoint \"" + r.displayName() + "\""
                : Names.of(r);
        if (p.fromSubnets() && p.scope() == Placement.Scope.UNKNOWN) {
            ctx.note(r, at, name + ": cannot prove it spans two AZs: " + p.reason(), List.of());
            return;
        }
        if (p.subnets().isEmpty()) {
            return;
        }
        List<Az> azs = new ArrayList<>();
        List<String> described = new ArrayList<>();
        List<Finding.Related> related = new ArrayList<>();
        for (Placement.Subnet l : p.subnets()) {
            azs.add(l.az());
            described.add(l.describe());
            related.add(new Finding.Related("subnet " + l.describe(), l.at(), l.id()));
        }
        Placement.AzCount count = Placement.AzCount.of(azs);
        if (count.provablySingle()) {
            Set<String> values = new LinkedHashSet<>();
            azs.forEach(a -> values.add(a.value()));
            ctx.report(r, at, name + " has subnets in 1 AZ (" + String.join(", ", values) + "): "
                    + String.join(", ", described) + "; the loss of that AZ cuts the VPC off from it", related);
        } else if (!count.provablyMulti()) {
            ctx.note(r, at, name + ": cannot prove its subnets are in two distinct AZs: "
                    + String.join(", ", described), related);
        }
    }
}
