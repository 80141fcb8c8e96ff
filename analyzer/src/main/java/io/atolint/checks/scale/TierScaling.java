package io.atolint.checks.scale;

import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.Evidence;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.ReplicaSet;
import io.atolint.topology.Role;
import io.atolint.topology.ScalingVerdict;

/**
 * Every compute and data tier has a scaling mechanism: Auto Scaling groups with a policy or scheduled
 * action, ECS services with an Application Auto Scaling target, DynamoDB on demand or auto scaled,
 * Aurora replica auto scaling or serverless; Lambda, Fargate profiles, EFS and S3 scale by
 * construction. A fixed-size tier is a medium finding: the checklist also accepts documented,
 * frequently tested manual scaling when business requirements do not call for automatic scaling.
 */
@Rule(id = "SCALE001", title = "Every compute and data tier has a scaling mechanism", severity = Severity.MEDIUM,
        tags = {"performance", "scaling", "topology"})
public final class TierScaling implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (ModelTopology topo : ctx.facts().topology().models()) {
            for (ReplicaSet s : topo.sets()) {
                Role role = s.role().orElse(null);
                if (role == Role.COMPUTE || role == Role.DATA) {
                    checkOne(ctx, topo, s);
                }
            }
        }
    }

    private void checkOne(RuleContext ctx, ModelTopology topo, ReplicaSet s) {
        s.vertices().forEach(ctx::examined);
        Resource r = s.primary();
        ScalingVerdict v = ctx.facts().scaling(r);
        String what = topo.context(s) + ": " + s.describe();
        if (v.scales().isFalse() && r.format().isDiagram()) {
            // a picture claims a topology, not a configuration: it cannot show manual scaling being
            // documented and tested, nor that a drawn instance is not managed by something undrawn
            // only instances go in an Auto Scaling group; a database's scaling (replicas, storage) is configuration
            String drawn = r.kind() == Kind.EC2_INSTANCE
                    ? " drawn without an Auto Scaling group (" + v.why() + "); a diagram does not state how it scales: "
                    + "the IaC, or an Auto Scaling group drawn around it, would settle it"
                    : " drawn with no scaling mechanism (" + v.why() + "); a diagram does not state how it scales: the IaC would settle it";
            ctx.note(r, v.at(), what + (s.vertices().size() > 1 ? " are" : " is") + drawn, Evidence.path(topo, s, r));
        } else if (v.scales().isFalse()) {
            ctx.report(r, v.at(), what + (s.vertices().size() > 1 ? " have" : " has") + " a fixed size (" + v.why() + "); TV-4.1 also accepts documented, "
                    + "tested manual scaling when business requirements do not need automatic scaling",
                    Evidence.path(topo, s, r));
        } else if (!v.scales().isKnown()) {
            ctx.note(r, v.at(), what + ": cannot tell whether it scales: " + v.why(), Evidence.path(topo, s, r));
        }
    }
}
