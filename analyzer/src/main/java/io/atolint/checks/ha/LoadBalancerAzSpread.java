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
import java.util.Set;

/**
 * A load balancer whose subnets provably share one Availability Zone, or that has one subnet, does
 * not survive the loss of that AZ. Decided on resolved placement; when the subnets' AZs cannot be
 * compared (a literal beside a {@code GetAZs} index without {@code --region}), an informational note
 * says so and nothing fails.
 */
@Rule(id = "HA001", title = "Load balancer spans at least two distinct Availability Zones",
        severity = Severity.HIGH, tags = {"availability", "topology"})
public final class LoadBalancerAzSpread implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource lb : ctx.inScope(Kind.LOAD_BALANCER)) {
            checkOne(ctx, lb);
        }
    }

    /** Decided on the subnets its placement rests on, with the AZ each resolved to. */
    private void checkOne(RuleContext ctx, Resource lb) {
        Placement p = lb.placement();
        SourceLocation at = Setting.of(lb, "Subnets").at();
        String name = Names.of(lb);
        if (p.subnets().isEmpty()) {
            // no subnets stated (or none resolved): CLBs given AZs, diagrams (the AZ boxes it is drawn in)
            checkPlacement(ctx, lb, at, name);
            return;
        }
        List<Az> azs = new ArrayList<>();
        List<Finding.Related> related = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (Placement.Subnet l : p.subnets()) {
            azs.add(l.az());
            described.add(l.describe());
            related.add(new Finding.Related("subnet " + l.describe(), l.at(), l.id()));
        }
        Placement.AzCount count = Placement.AzCount.of(azs);
        if (p.subnets().size() == 1) {
            ctx.report(lb, at, name + " has one subnet: " + described.get(0)
                    + "; it does not survive the loss of that AZ", related);
        } else if (count.provablySingle()) {
            ctx.report(lb, at, name + " has subnets in 1 AZ (" + distinctValues(azs) + "): "
                    + String.join(", ", described), related);
        } else if (!count.provablyMulti()) {
            ctx.note(lb, at, name + ": cannot prove its subnets are in two distinct AZs: "
                    + String.join(", ", described), related);
        }
    }

    /** Diagrams (and CLBs given AZs) state the placement directly. */
    private void checkPlacement(RuleContext ctx, Resource lb, SourceLocation at, String name) {
        Placement p = lb.placement();
        Placement.AzCount count = p.azCount();
        if (p.scope() == Placement.Scope.UNKNOWN) {
            ctx.note(lb, at, name + ": cannot prove it spans two AZs: " + p.reason(), List.of());
        } else if (count != null && count.max() >= 1 && count.provablySingle()) {
            if (lb.format().isDiagram() && drawnInEachAz(ctx, lb)) {
                return;
            }
            if (lb.format().isDiagram()) {
                // a load balancer always has nodes in the AZs of its subnets; one drawn in an AZ box is
                // usually the drawing's shorthand, not a claim any reviewer would hold against it
                ctx.report(Severity.LOW, lb, at, name + " is drawn in 1 AZ (" + distinctValues(p.azs()) + "); a load "
                        + "balancer runs in the AZs of its subnets: drawing it across the AZs it serves (or the "
                        + "IaC's subnets) would settle it", List.of());
            } else {
                ctx.report(lb, at, name + " is placed in 1 AZ (" + distinctValues(p.azs()) + ")", List.of());
            }
        } else if (count != null && count.max() >= 1 && !count.provablyMulti()) {
            ctx.note(lb, at, name + ": cannot prove it spans two distinct AZs: " + p.display(), List.of());
        }
    }

    /** A load balancer drawn once in each AZ box of its VPC: the copies together span their AZs. */
    private static boolean drawnInEachAz(RuleContext ctx, Resource lb) {
        return ctx.facts().topology().containing(lb).flatMap(t -> t.setOf(lb))
                .map(s -> s.vertices().size() > 1 && s.multiAz().isTrue()).orElse(false);
    }

    private static String distinctValues(List<Az> azs) {
        Set<String> values = new LinkedHashSet<>();
        for (Az a : azs) {
            values.add(a.value());
        }
        return String.join(", ", values);
    }
}
