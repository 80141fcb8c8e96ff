package io.atolint.checks.ha;

import io.atolint.model.Finding;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.resolve.PlacementResolver;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.Evidence;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.ReplicaSet;
import io.atolint.topology.Role;
import io.atolint.topology.Spof;

import java.util.List;

/**
 * Every set of compute that serves a tier (an Auto Scaling group, an ECS service, an EKS node group, a
 * Lambda function in a VPC, the EC2 instances of one target group) must run in two distinct AZs, decided
 * on resolved placement. A lone EC2 instance on an ingress path is reported once, by SPOF002.
 */
@Rule(id = "HA002", title = "Compute tier spans at least two distinct Availability Zones", severity = Severity.HIGH,
        tags = {"availability", "topology"})
public final class ComputeTierAzSpread implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (ModelTopology topo : ctx.facts().topology().models()) {
            for (ReplicaSet s : topo.sets()) {
                if (s.role().orElse(null) == Role.COMPUTE && !loneInstanceOnPath(topo, s)) {
                    checkOne(ctx, topo, s);
                }
            }
        }
    }

    private static boolean loneInstanceOnPath(ModelTopology topo, ReplicaSet s) {
        return topo.spofs().stream().anyMatch(x -> x.set() == s && x.category() == Spof.Category.LONE_INSTANCE);
    }

    private void checkOne(RuleContext ctx, ModelTopology topo, ReplicaSet s) {
        s.vertices().forEach(ctx::examined);
        Tri multi = s.multiAz();
        if (multi.isTrue()) {
            return;
        }
        Resource r = s.primary();
        List<Finding.Related> related = Evidence.path(topo, s, r);
        for (Resource replica : s.replicas()) {
            related = Evidence.concat(Evidence.subnets(replica), related);
        }
        String what = topo.context(s) + ": " + s.describe();
        if (multi.isFalse()) {
            // a service placed by its cluster's instances says so: it names no subnet of its own
            String on = r.placement().reason().startsWith(PlacementResolver.CONTAINER_INSTANCES) ? ", on " + r.placement().reason() : "";
            ctx.report(r, Evidence.subnetsAttribute(r), what + (s.vertices().size() > 1 ? " run" : " runs")
                    + " in 1 AZ (" + s.where() + ")" + on
                    + "; it does not survive the loss of that AZ", related);
        } else {
            ctx.note(r, Evidence.subnetsAttribute(r), what + ": cannot prove it runs in two AZs ("
                    + s.where() + ")", related);
        }
    }
}
