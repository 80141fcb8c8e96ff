package io.atolint.checks.mon;

import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;

/**
 * TV-2.3 wants changes on instances and containers detected and recorded outside them. The files can
 * show part of such a mechanism: an AWS Config recorder, GuardDuty (runtime monitoring), Inspector, or
 * SSM associations (inventory, State Manager compliance). One that is defined but switched off is a low
 * finding. None defined while instances or containers are in scope is a note per unit: file integrity
 * monitoring (OSSEC, Tripwire, configuration management) usually lives outside infrastructure code.
 */
@Rule(id = "MON001", title = "A mechanism monitors changes on instances and containers", severity = Severity.LOW,
        tags = {"monitoring", "integrity"})
public final class ChangeMonitoring implements Check {
    static final Kind[] COMPUTE = {Kind.EC2_INSTANCE, Kind.AUTOSCALING_GROUP, Kind.ECS_SERVICE, Kind.EKS_CLUSTER,
            Kind.EKS_NODE_GROUP, Kind.BEANSTALK_ENVIRONMENT, Kind.BATCH_COMPUTE_ENVIRONMENT};

    @Override
    public void check(RuleContext ctx) {
        List<Resource> compute = ctx.inScope(COMPUTE);
        if (compute.isEmpty()) {
            return;
        }
        boolean active = false;
        for (Resource d : ctx.graph().resources(Kind.GUARDDUTY_DETECTOR)) {
            active |= enabled(ctx, d, Setting.of(d, "Enable"), "is defined but disabled");
        }
        for (Resource s : ctx.graph().resources(Kind.CONFIG_RECORDER_STATUS)) {
            active |= enabled(ctx, s, Setting.of(s, "IsEnabled"), "leaves the Config recorder stopped");
        }
        List<Resource> others = new ArrayList<>();
        others.addAll(ctx.graph().resources(Kind.CONFIG_RECORDER));
        others.addAll(ctx.graph().resources(Kind.INSPECTOR));
        others.addAll(ctx.graph().resources(Kind.SSM_ASSOCIATION));
        for (Resource o : others) {
            ctx.examined(o);
            active = true;
        }
        if (active) {
            return;
        }
        if (!ctx.graph().resources(Kind.GUARDDUTY_DETECTOR).isEmpty() || !ctx.graph().resources(Kind.CONFIG_RECORDER_STATUS).isEmpty()) {
            return; // the disabled mechanism is the finding
        }
        for (Model m : ctx.graph().models()) {
            List<Resource> here = new ArrayList<>();
            for (Kind k : COMPUTE) {
                here.addAll(m.resources(k));
            }
            if (!here.isEmpty()) {
                ctx.note(here.get(0), here.get(0).location(), "No change-monitoring mechanism (AWS Config recorder, GuardDuty, "
                        + "Inspector, SSM inventory) is defined in the scanned files for the " + here.size()
                        + (here.size() == 1 ? " instance or container resource" : " instance and container resources")
                        + " of " + m.unit() + "; file integrity monitoring needs other evidence", List.of());
            }
        }
    }

    private static boolean enabled(RuleContext ctx, Resource r, Setting s, String what) {
        ctx.examined(r);
        Tri on = s.boolOrDefault();
        if (on == Tri.FALSE) {
            ctx.report(r, s.at(), Names.of(r) + " " + what + ": " + s.name() + " is " + s.shown(), List.of());
            return false;
        }
        return on == Tri.TRUE;
    }
}
